// The invoice page: items, tax, totals and status, and Apply Credit for an unpaid invoice (the
// extension confirms the amount in a modal). Portal text goes in as text only.
import './l10nSetup';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { formatMoney } from '../../billing/money';
import type { InvoicePageView } from '../../billing/invoices';
import type { ExtensionToInvoicePage, InvoicePageToExtension, InvoiceTarget } from '../invoiceProtocol';
import { button, el } from './dom';
import { connectPage } from './host';
import * as l10n from '@vscode/l10n';

const app = document.getElementById('app')!;
const vscode = connectPage<InvoicePageToExtension, ExtensionToInvoicePage, InvoiceTarget>(app, (message) => onMessage(message), { type: 'refresh' });
let busy: string | undefined;
let last: { view: InvoicePageView; account: string } | undefined;

function render(view: InvoicePageView, account: string): void {
  const money = (n: number) => formatMoney(n, view.currency);
  const header = el('header');
  const titleRow = el('div', 'title-row');
  titleRow.append(el('h1', undefined, view.title));
  const status = el('span', `status ${view.overdue ? 'tone-bad' : view.unpaid ? 'tone-warn' : 'tone-ok'}`, view.overdue ? `${view.status} · overdue` : view.status);
  status.setAttribute('role', 'status');
  titleRow.append(status);
  if (busy) {
    const ring = document.createElement('vscode-progress-ring');
    ring.setAttribute('aria-label', busy);
    titleRow.append(ring);
  }
  header.append(titleRow, el('p', 'subtitle', [account, ...view.dates.map((d) => `${d.label} ${d.value}`)].join(' · ')));
  const actions = el('div', 'actions');
  if (view.applicableCredit > 0) {
    const apply = button(l10n.t('Apply {0} Credit…', money(view.applicableCredit)), 'credit-card', () => vscode.post({ type: 'applyCredit' }));
    apply.classList.add('apply-credit');
    if (busy) apply.setAttribute('disabled', '');
    actions.append(apply);
  }
  actions.append(button(l10n.t('Refresh'), 'refresh', () => vscode.post({ type: 'refresh' }), true));
  header.append(actions);

  const table = el('table', 'items');
  const head = el('tr');
  for (const h of ['Description', 'Qty', 'Price', 'Total']) head.append(el('th', undefined, h));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  for (const item of view.items) {
    const row = el('tr');
    row.append(el('td', 'description', item.description), el('td', 'num', String(item.quantity)), el('td', 'num', money(item.unitPrice)), el('td', 'num', money(item.total)));
    body.append(row);
  }
  table.append(body);

  const totals = el('dl', 'totals');
  const line = (label: string, value: string, className?: string) => totals.append(el('dt', className, label), el('dd', className, value));
  line('Subtotal', money(view.subtotal));
  for (const t of view.taxes) line(t.label, money(t.amount));
  line('Total', money(view.total), 'total');
  if (view.creditApplied) line(l10n.t('Credit applied'), `−${money(view.creditApplied)}`);
  if (view.unpaid) line(l10n.t('Amount due'), money(view.due), 'due');

  const parts: HTMLElement[] = [header, table, totals];
  if (view.notes) parts.push(el('p', 'notes', view.notes));
  app.replaceChildren(...parts);
}

function onMessage(m: ExtensionToInvoicePage): void {
  switch (m.type) {
    case 'show':
      vscode.remember(m.target);
      last = { view: m.view, account: m.account };
      render(m.view, m.account);
      break;
    case 'busy':
      busy = m.what;
      if (last) render(last.view, last.account);
      break;
  }
}

