import * as vscode from 'vscode';
import { accountHas } from '../views/viewSpecs';
import { settings } from '../config';
import { Account, AccountRegistry } from '../accounts/accountRegistry';
import { Notification } from '../api/resources/account';
import { PortalModel } from '../model/portalModel';
import { inlineText } from '../util/plainText';
import { Poller } from '../util/poller';
import { NotificationTracker } from './notificationTracker';

/** More new ones than this at once become one summary notification. */
const AT_ONCE = 3;

/**
 * Shows the portal's new notifications (`/notifications/new`) as VS Code notifications, each once
 * (remembered across reloads), with Acknowledge (`PUT /notifications/@id/ack`). Polls every
 * `cloudPortal.notifications.pollMinutes`, and soon after an account signs in.
 */
export class PortalNotifier implements vscode.Disposable {
  private readonly poller = new Poller(() => this.lookAtAll(), () => settings.notificationPollMinutes.get());
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly signedIn = new Set<string>();

  constructor(
    private readonly registry: AccountRegistry,
    private readonly model: PortalModel,
    private readonly tracker: NotificationTracker,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(settings.notificationPollMinutes.key) && this.poller.schedule()),
      registry.onDidChange(() => {
        const now = registry.list().filter((a) => a.state === 'signedIn').map((a) => a.record.id);
        const fresh = now.filter((id) => !this.signedIn.has(id));
        this.signedIn.clear();
        now.forEach((id) => this.signedIn.add(id));
        if (fresh.length) this.poller.schedule(3_000);
      }),
    );
    this.subscriptions.push(this.poller);
    this.poller.schedule(15_000);
  }

  /** One look at every signed-in account's new notifications. */
  private async lookAtAll(): Promise<void> {
    for (const account of this.registry.list().filter((a) => a.state === 'signedIn')) {
      let fresh: Notification[];
      try {
        const [notifications, statuses] = await Promise.all([
          this.model.notifications.unacknowledged(account.record.id),
          accountHas(account, 'statuses') ? this.model.notifications.statusMessages(account.record.id) : Promise.resolve([]),
        ]);
        fresh = this.tracker.unseen(account.record.id, [...notifications, ...statuses]);
      } catch {
        continue; // The views show connection problems; a poll stays quiet.
      }
      if (fresh.length === 0) continue;
      await this.tracker.markShown(account.record.id, fresh.map((n) => n.id));
      if (fresh.length > AT_ONCE) {
        void vscode.window
          .showInformationMessage(vscode.l10n.t('{0}: {1} new portal notifications.', inlineText(account.record.label, 60), fresh.length), vscode.l10n.t('Show'))
          .then((c) => c && vscode.commands.executeCommand('cloudPortal.notifications.show', { accountId: account.record.id }));
      } else {
        fresh.forEach((n) => void this.show(account, n));
      }
    }
  }

  private async show(account: Account, n: Notification): Promise<void> {
    const subject = inlineText(n.subject || n.message || 'Notification', 160);
    const message = n.subject && n.message ? ` — ${inlineText(n.message, 240)}` : '';
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1}{2}', inlineText(account.record.label, 60), subject, message), vscode.l10n.t('Acknowledge'));
    if (choice === vscode.l10n.t('Acknowledge')) {
      await vscode.commands.executeCommand('cloudPortal.notifications.acknowledge', { accountId: account.record.id, notificationId: n.id });
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
