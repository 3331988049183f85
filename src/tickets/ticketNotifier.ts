import * as vscode from 'vscode';
import { settings } from '../config';
import { AccountRegistry } from '../accounts/accountRegistry';
import { TicketSummary } from '../api/resources/tickets';
import { PortalModel } from '../model/portalModel';
import { keys } from '../model/cacheKeys';
import { inlineText } from '../util/plainText';
import { Poller } from '../util/poller';
import { newStaffReplies, snapshot, TicketSnapshot, unreadCount } from './ticketWatch';

/**
 * Notices new staff replies by polling only the ticket list of each signed-in account
 * (`cloudPortal.tickets.pollMinutes`), shows one notification per ticket with Open, and keeps the
 * Tickets view's badge at the number of unread tickets.
 */
export class TicketNotifier implements vscode.Disposable {
  private readonly poller = new Poller(() => this.lookAtAll(), () => settings.ticketPollMinutes.get());
  private readonly seen = new Map<string, Map<string, TicketSnapshot>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly registry: AccountRegistry,
    private readonly model: PortalModel,
    private readonly setBadge: (unread: number) => void,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(settings.ticketPollMinutes.key)) this.poller.schedule();
      }),
      // Whenever a ticket list arrives (for the view or a poll), recount the badge; the first list an
      // account shows is what later polls compare with (replies already there are not news).
      model.cache.onDidLoad((key) => {
        if (!key.endsWith('/tickets')) return;
        const accountId = key.slice(0, -'/tickets'.length);
        const tickets = model.cache.peek<TicketSummary[]>(key);
        if (tickets && !this.seen.has(accountId)) this.seen.set(accountId, snapshot(tickets));
        this.recount();
      }),
      // ...and when accounts come and go (a new sign-in's list may have arrived before it was stored).
      registry.onDidChange(() => this.recount()),
    );
    this.subscriptions.push(this.poller);
    this.poller.schedule(10_000);
  }

  private recount(): void {
    let unread = 0;
    for (const account of this.registry.list()) {
      const cached = this.model.cache.peek<Parameters<typeof unreadCount>[0]>(keys.tickets(account.record.id));
      unread += cached ? unreadCount(cached) : 0;
    }
    this.setBadge(unread);
  }

  /** One look at every signed-in account's ticket list. */
  private async lookAtAll(): Promise<void> {
    for (const account of this.registry.list().filter((a) => a.state === 'signedIn')) {
      const id = account.record.id;
      let tickets;
      try {
        this.model.cache.invalidate(keys.tickets(id));
        tickets = await this.model.tickets.list(id);
      } catch {
        continue;
      }
      for (const t of newStaffReplies(this.seen.get(id), tickets)) {
        void vscode.window
          .showInformationMessage(vscode.l10n.t('New reply on ticket #{0} “{1}” ({2})', t.ticket_number, inlineText(t.subject, 120), inlineText(account.record.label, 60)), vscode.l10n.t('Open'))
          .then((choice) => choice && vscode.commands.executeCommand('cloudPortal.ticket.open', { accountId: id, number: t.ticket_number }));
      }
      this.seen.set(id, snapshot(tickets));
    }
    this.recount();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
