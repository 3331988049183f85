// What the order page shows once the portal has taken the order.
import { formatMoney } from '../../billing/money';
import { button, el } from './dom';
import * as l10n from '@vscode/l10n';

export function placedView(order: { orderNumber: string; invoiceId: string; total: number }, currency: string, openInvoice: () => void): HTMLElement {
  const box = el('section', 'placed');
  box.append(el('h1', undefined, l10n.t('Order placed')));
  const facts = el('dl', 'totals');
  facts.append(el('dt', undefined, l10n.t('Order number')), el('dd', undefined, order.orderNumber || '—'));
  facts.append(el('dt', undefined, l10n.t('Invoice')), el('dd', undefined, order.invoiceId || '—'));
  facts.append(el('dt', undefined, l10n.t('Total')), el('dd', undefined, formatMoney(order.total, currency)));
  box.append(facts, el('p', 'muted', l10n.t('The new service appears in the Services view as Pending until the invoice is paid.')));
  if (order.invoiceId) box.append(button(l10n.t('Open Invoice'), 'file', openInvoice));
  return box;
}
