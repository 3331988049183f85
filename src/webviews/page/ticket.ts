// The ticket conversation page. Portal text (subjects, bodies, names, file names) is untrusted:
// it is only ever set with textContent, so HTML and script in it show as text and never run.
import './l10nSetup';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import type { ExtensionToTicketPage, TicketPageToExtension, TicketTarget, TicketView } from '../ticketProtocol';
import { button, el } from './dom';
import { connectPage } from './host';
import * as l10n from '@vscode/l10n';

const app = document.getElementById('app')!;
const vscode = connectPage<TicketPageToExtension, ExtensionToTicketPage, TicketTarget>(app, (message) => onMessage(message), { type: 'refresh' });

export function relative(date: string, now = Date.now()): string {
  const time = Date.parse(date.replace(' ', 'T'));
  if (Number.isNaN(time)) return '';
  const minutes = Math.round((now - time) / 60_000);
  if (minutes < 1) return l10n.t('just now');
  if (minutes < 60) return l10n.t('{0} min ago', minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'yesterday' : l10n.t('{0} days ago', days);
}

function render(view: TicketView): void {
  const header = el('header');
  const title = el('h1', undefined, view.subject);
  const meta = el('p', 'meta');
  meta.append(el('span', `status ${view.closed ? 'closed' : 'open'}`, view.status), el('span', undefined, ` #${view.number} · ${view.department} · ${view.account}`));
  const actions = el('div', 'actions');
  actions.append(button(view.hasDraft ? l10n.t('Continue Reply') : 'Reply', 'reply', () => vscode.post({ type: 'reply' })));
  actions.append(
    view.closed
      ? button(l10n.t('Reopen Ticket'), 'issue-reopened', () => vscode.post({ type: 'setOpen', open: true }), true)
      : button(l10n.t('Close Ticket'), 'pass', () => vscode.post({ type: 'setOpen', open: false }), true),
  );
  actions.append(button(l10n.t('Refresh'), 'refresh', () => vscode.post({ type: 'refresh' }), true));
  header.append(title, meta, actions);

  const thread = el('ol', 'thread');
  thread.setAttribute('aria-label', 'Conversation');
  for (const m of view.messages) {
    const item = el('li', `message ${m.fromStaff ? 'staff' : 'client'}`);
    const head = el('div', 'message-head');
    head.append(el('span', `codicon codicon-${m.fromStaff ? 'organization' : 'account'}`));
    head.append(el('strong', 'author', m.author));
    if (m.fromStaff) head.append(el('span', 'tag', l10n.t('Staff')));
    const when = el('time', 'when', `${m.date.slice(0, 16)} · ${relative(m.date)}`);
    when.setAttribute('datetime', m.date.replace(' ', 'T'));
    when.title = m.date;
    head.append(when);
    const body = el('div', 'body', m.body.replace(/\r\n/g, '\n'));
    item.append(head, body);
    if (m.attachments.length) {
      const files = el('ul', 'attachments');
      for (const a of m.attachments) {
        const li = el('li');
        const link = el('button', 'link');
        link.append(el('span', 'codicon codicon-file'), document.createTextNode(` ${a.name}`));
        link.addEventListener('click', () => vscode.post({ type: 'attachment', file: a.file, name: a.name }));
        li.append(link);
        files.append(li);
      }
      item.append(files);
    }
    thread.append(item);
  }
  app.replaceChildren(header, thread);
}

function onMessage(message: ExtensionToTicketPage): void {
  switch (message.type) {
    case 'show':
      vscode.remember(message.target);
      render(message.view);
      break;
    case 'busy': {
      document.querySelector('.busy')?.remove();
      if (message.what) {
        const busy = el('div', 'busy');
        busy.append(document.createElement('vscode-progress-ring'), el('span', undefined, message.what));
        app.prepend(busy);
      }
      break;
    }
  }
}

