import * as vscode from 'vscode';
import { describeError } from '../api/errors';
import { PortalModel } from '../model/portalModel';
import { keys } from '../model/cacheKeys';
import { AccountRegistry } from '../accounts/accountRegistry';
import { DraftStore } from '../tickets/draftStore';
import { ExtensionToTicketPage, isTicketPageMessage, TicketPageToExtension, TicketTarget, TicketView } from './ticketProtocol';
import { PortalPanel } from './portalPanel';

export interface TicketPanelDeps {
  model: PortalModel;
  registry: AccountRegistry;
  drafts: DraftStore;
  extensionUri: vscode.Uri;
  globalStorageUri: vscode.Uri;
}

async function loadTicket(deps: TicketPanelDeps, target: TicketTarget, fresh: boolean): Promise<TicketView> {
  const thread = await deps.model.tickets.thread(target, fresh);
  const t = thread.ticket;
  return {
    number: t.ticket_number,
    subject: t.subject,
    status: t.status,
    department: t.deptname,
    account: deps.registry.get(target.accountId)?.record.label ?? '',
    closed: /closed/i.test(t.status),
    hasDraft: !!deps.drafts.forTicket(target.accountId, target.number)?.text.trim(),
    messages: [
      { author: t.name || 'You', fromStaff: false, date: t.date, body: t.body, attachments: t.attachments },
      ...thread.replies.map((r) => ({ author: r.name, fromStaff: r.fromStaff, date: r.date, body: r.body, attachments: r.attachments })),
    ],
  };
}

/** A file name that cannot leave the attachments folder. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\w.\- ()]+/g, '_').replace(/^\.+/, '').slice(0, 120);
  return cleaned || 'attachment';
}

export class TicketPanel extends PortalPanel<TicketTarget, ExtensionToTicketPage, TicketPageToExtension> {
  constructor(panel: vscode.WebviewPanel, target: TicketTarget, private readonly deps: TicketPanelDeps, onDispose: () => void) {
    super(panel, target, deps.extensionUri, { script: 'ticket.js', style: 'ticket.css', title: vscode.l10n.t('Ticket {0}', target.number) }, isTicketPageMessage, onDispose);
    this.subscriptions.push(
      deps.model.cache.onDidInvalidate((key) => {
        if (key === keys.ticket(target)) {
          void this.render(false);
        }
      }),
    );
  }

  /** Tells the page something (the reply box's state after sending). */
  override post(message: ExtensionToTicketPage): void {
    super.post(message);
  }

  render(fresh: boolean): Promise<void> {
    return this.show(
      () => loadTicket(this.deps, this.target, fresh),
      (view) => {
        this.panel.title = `#${view.number} ${view.subject}`.slice(0, 60);
        return { type: 'show', view, target: this.target };
      },
    );
  }

  protected async onMessage(message: TicketPageToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.render(false);
      case 'refresh':
        return this.render(true);
      case 'reply':
        await vscode.commands.executeCommand('cloudPortal.ticket.reply', this.target);
        return;
      case 'setOpen':
        await vscode.commands.executeCommand(message.open ? 'cloudPortal.ticket.reopen' : 'cloudPortal.ticket.close', this.target);
        return;
      case 'attachment':
        return this.openAttachment(message.file, message.name);
    }
  }

  private async openAttachment(file: string, name: string): Promise<void> {
    try {
      const download = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading {0}…', name) }, async () =>
        (await this.deps.model.api(this.target.accountId)).tickets.attachment(file),
      );
      const folder = vscode.Uri.joinPath(this.deps.globalStorageUri, 'attachments', this.target.number);
      await vscode.workspace.fs.createDirectory(folder);
      const uri = vscode.Uri.joinPath(folder, safeFileName(download.fileName ?? name));
      await vscode.workspace.fs.writeFile(uri, download.bytes);
      await vscode.commands.executeCommand('vscode.open', uri, vscode.ViewColumn.Beside);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not download {0}: {1}', name, describeError(e)));
    }
  }

}
