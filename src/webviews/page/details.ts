// The details page. Runs in the webview; talks to the extension only through the typed protocol
// and builds every element with the DOM API: portal text is set with textContent, never parsed.
import './l10nSetup';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import type { DetailsTarget, DetailsView, ExtensionToPage, PageToExtension } from '../protocol';
import { button, el, iconButton } from './dom';
import { connectPage } from './host';
import * as l10n from '@vscode/l10n';

const app = document.getElementById('app')!;
const vscode = connectPage<PageToExtension, ExtensionToPage, DetailsTarget>(app, (message) => onMessage(message), { type: 'refresh' });

function section(title: string): HTMLElement {
  const s = el('section');
  s.append(el('h2', undefined, title));
  return s;
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function render(view: DetailsView): void {
  const header = el('header');
  const titleRow = el('div', 'title-row');
  titleRow.append(el('h1', undefined, view.title));
  const badge = el('span', `status tone-${view.tone}`, view.status);
  badge.setAttribute('role', 'status');
  titleRow.append(badge);
  if (view.busy) {
    const ring = document.createElement('vscode-progress-ring');
    ring.setAttribute('aria-label', view.status);
    titleRow.append(ring);
  }
  header.append(titleRow, el('p', 'subtitle', view.subtitle));

  const actions = el('div', 'actions');
  for (const action of view.actions) {
    actions.append(button(action.title, action.icon, () => vscode.post({ type: 'action', id: action.id }), !!action.destructive));
  }
  actions.append(button(l10n.t('Refresh'), 'refresh', () => vscode.post({ type: 'refresh' }), true));
  header.append(actions);

  const parts: HTMLElement[] = [header];
  if (view.gauges.length) {
    const s = section('Resources');
    for (const g of view.gauges) {
      const row = el('div', 'gauge');
      const share = g.total ? Math.min(1, g.used / g.total) : undefined;
      row.append(el('span', 'gauge-name', g.name));
      const bar = el('div', 'bar');
      bar.setAttribute('role', 'meter');
      bar.setAttribute('aria-label', g.name);
      bar.setAttribute('aria-valuenow', String(g.used));
      if (g.total) bar.setAttribute('aria-valuemax', String(g.total));
      const fill = el('div', `fill${share !== undefined && share > 0.9 ? ' high' : ''}`);
      fill.style.width = `${Math.round((share ?? 0) * 100)}%`;
      bar.append(fill);
      row.append(bar, el('span', 'gauge-value', `${formatAmount(g.used)}${g.total ? ` / ${formatAmount(g.total)}` : ''} ${g.unit}`));
      s.append(row);
    }
    parts.push(s);
  }
  if (view.ips.length) {
    const s = section(l10n.t('IP addresses'));
    const list = el('ul', 'ips');
    for (const ip of view.ips) {
      const li = el('li');
      li.append(el('code', undefined, ip));
      li.append(iconButton('copy', l10n.t('Copy {0}', ip), () => vscode.post({ type: 'copy', text: ip })));
      list.append(li);
    }
    s.append(list);
    parts.push(s);
  }
  const fields = section('Details');
  const table = el('dl', 'fields');
  for (const f of view.fields) {
    table.append(el('dt', undefined, f.label));
    const dd = el('dd', undefined, f.value);
    if (f.copyable) {
      dd.append(iconButton('copy', l10n.t('Copy {0}', f.label), () => vscode.post({ type: 'copy', text: f.value })));
    }
    table.append(dd);
  }
  fields.append(table);
  parts.push(fields);
  app.replaceChildren(...parts);
}

function onMessage(message: ExtensionToPage): void {
  switch (message.type) {
    case 'show':
      vscode.remember(message.target);
      render(message.view);
      break;
    case 'loading':
      app.replaceChildren(el('p', 'muted', l10n.t('Loading…')));
      break;
  }
}

