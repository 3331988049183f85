import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { describeError } from '../api/errors';
import { Ctx } from '../ctx';
import { DRAFT_SCHEME } from '../tickets/draftFileSystem';
import { DraftStore, DraftTarget } from '../tickets/draftStore';
import { TreeNode } from '../views/nodes';
import { ticketsView } from '../views/viewSpecs';
import { TicketPanels } from '../webviews/panels';
import { isTicketTarget, TicketTarget } from '../webviews/ticketProtocol';
import { CommandFactory } from './command';
import { accountFor } from '../ui/pickAccount';
import { nodeFor } from '../ui/pickNode';

export interface TicketDeps {
  panels: TicketPanels;
  drafts: DraftStore;
}

async function ticketTarget(services: Ctx, arg: unknown, placeHolder: string, accept?: (closed: boolean) => boolean): Promise<TicketTarget | undefined> {
  if (isTicketTarget(arg)) {
    return { accountId: arg.accountId, number: arg.number };
  }
  const node = await nodeFor(services, arg, 'ticket', [ticketsView], placeHolder, (n) => !accept || accept(/closed/i.test(n.ticket.status)));
  return node && { accountId: node.accountId, number: node.number };
}

async function openDraft(drafts: DraftStore, target: DraftTarget, initialText = ''): Promise<void> {
  const path = await drafts.ensure(target, initialText);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: DRAFT_SCHEME, path }));
  await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

export function ticketCommands(deps: TicketDeps): CommandFactory[] {
  const sending = new Set<string>();

  const open: CommandFactory = (services) => ({
    id: 'cloudPortal.ticket.open',
    async run(arg?: unknown) {
      const target = await ticketTarget(services, arg, vscode.l10n.t('Open which ticket?'));
      if (target) {
        // Reading the thread marks it read on the portal; the model then reloads the list.
        await deps.panels.open(target);
      }
    },
  });

  const reply: CommandFactory = (services) => ({
    id: 'cloudPortal.ticket.reply',
    async run(arg?: unknown) {
      const target = await ticketTarget(services, arg, vscode.l10n.t('Reply to which ticket?'));
      if (target) {
        await openDraft(deps.drafts, { kind: 'reply', ...target });
        deps.panels.refresh(target, false);
      }
    },
  });

  const newTicket: CommandFactory = (services) => ({
    id: 'cloudPortal.ticket.new',
    async run(arg?: unknown) {
      const account = await accountFor(services, arg, vscode.l10n.t('Open the ticket with which account?'), (a) => a.state === 'signedIn');
      if (!account) {
        return;
      }
      const departments = await services.model.tickets.departments(account.record.id);
      const dept = await vscode.window.showQuickPick(
        departments.map((d) => ({ label: d.name, description: d.description, id: d.id })),
        { title: vscode.l10n.t('New ticket: department'), placeHolder: vscode.l10n.t('Which team should answer?'), ignoreFocusOut: true },
      );
      if (!dept) {
        return;
      }
      const about = aboutText(services, arg);
      const subject = await vscode.window.showInputBox({
        title: vscode.l10n.t('New ticket to {0}: subject', dept.label),
        value: about ? `About ${about.short}` : '',
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a subject')),
        ignoreFocusOut: true,
      });
      if (!subject) {
        return;
      }
      await openDraft(
        deps.drafts,
        { kind: 'new', accountId: account.record.id, id: randomUUID().slice(0, 8), deptId: dept.id, subject: subject.trim() },
        about ? `${about.long}\n\n` : '',
      );
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(info) Write the message, then Send (Ctrl+Enter)'), 8_000);
    },
  });

  const send: CommandFactory = (services) => ({
    id: 'cloudPortal.ticket.sendReply',
    async run(arg?: unknown) {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri || uri.scheme !== DRAFT_SCHEME) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a ticket reply or new-ticket draft to send it.'));
        return;
      }
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
      if (doc.isDirty) {
        await doc.save();
      }
      const draft = deps.drafts.get(uri.path);
      const text = doc.getText().trim();
      if (!draft) {
        return;
      }
      if (!text) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The message is empty.'));
        return;
      }
      if (sending.has(uri.path)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This message is already being sent.'));
        return;
      }
      sending.add(uri.path);
      const target = draft.target;
      const ticket = target.kind === 'reply' ? { accountId: target.accountId, number: target.number } : undefined;
      if (ticket) deps.panels.busy(ticket, vscode.l10n.t('Sending reply…'));
      try {
        const number = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: target.kind === 'reply' ? vscode.l10n.t('Sending reply to #{0}…', target.number) : vscode.l10n.t('Opening ticket…') },
          async () => {
            if (target.kind === 'reply') {
              await services.model.tickets.reply(target, text);
              return target.number;
            }
            return services.model.tickets.open(target.accountId, { dept_id: target.deptId, subject: target.subject, body: text });
          },
        );
        await deps.drafts.delete(uri.path);
        for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
          if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) {
            await vscode.window.tabGroups.close(tab, true);
          }
        }
        const opened = { accountId: target.accountId, number };
        if (target.kind === 'new') {
          await deps.panels.open(opened);
        } else {
          deps.panels.refresh(opened, true);
        }
        vscode.window.setStatusBarMessage(target.kind === 'reply' ? vscode.l10n.t('$(check) Reply sent to #{0}', number) : vscode.l10n.t('$(check) Ticket #{0} opened', number), 8_000);
      } catch (e) {
        // The draft stays exactly as it is; nothing is resent automatically.
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} not sent: {1} Your draft is kept.', target.kind === 'reply' ? 'Reply' : 'Ticket', describeError(e)));
      } finally {
        sending.delete(uri.path);
        if (ticket) deps.panels.busy(ticket, undefined);
      }
    },
  });

  const setOpen = (openIt: boolean): CommandFactory => (services) => ({
    id: openIt ? 'cloudPortal.ticket.reopen' : 'cloudPortal.ticket.close',
    async run(arg?: unknown) {
      const target = await ticketTarget(services, arg, openIt ? vscode.l10n.t('Reopen which ticket?') : vscode.l10n.t('Close which ticket?'), (closed) => closed === openIt);
      if (!target) {
        return;
      }
      await services.model.tickets.setOpen(target, openIt);
      deps.panels.refresh(target, true);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Ticket #{0} {1}', target.number, openIt ? 'reopened' : 'closed'), 6_000);
    },
  });

  return [open, reply, newTicket, send, setOpen(false), setOpen(true)];
}

/** "About" text for a ticket opened from a service or VM row: its name and id go into the message. */
function aboutText(services: Ctx, arg: unknown): { short: string; long: string } | undefined {
  const node = arg as TreeNode | undefined;
  if (node?.kind === 'service') {
    const s = node.service;
    const name = s.label || s.domain || s.name;
    return { short: name, long: `Service: ${name} — ${s.name} (service #${s.id})` };
  }
  if (node?.kind === 'vm') {
    const vm = services.model.services.peekVm(node);
    const service = services.model.services.peek(node);
    const name = vm?.label ?? node.vmId;
    return {
      short: name,
      long: vscode.l10n.t('VM: {0} (VM #{1}{2}) on service {3}(#{4})', name, node.vmId, vm?.primaryIp ? `, ${vm.primaryIp}` : '', service ? `${service.label || service.name} ` : '', node.serviceId),
    };
  }
  return undefined;
}
