import * as vscode from 'vscode';
import { inlineText } from '../util/plainText';
import { CommandFactory } from './command';
import { accountFor } from '../ui/pickAccount';
import { shownOverWebview } from '../ui/shownOverWebview';

interface NotificationRef {
  accountId: string;
  notificationId: string;
}

const isNotificationRef = (v: unknown): v is NotificationRef =>
  !!v && typeof v === 'object' && typeof (v as NotificationRef).accountId === 'string' && typeof (v as NotificationRef).notificationId === 'string';

export const acknowledgeNotification: CommandFactory = (services) => ({
  id: 'cloudPortal.notifications.acknowledge',
  async run(arg?: unknown) {
    if (!isNotificationRef(arg)) return;
    await services.model.notifications.acknowledge(arg.accountId, arg.notificationId);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Notification acknowledged'), 3_000);
  },
});

/** Portal Notifications…: all of one account's notifications; the ones picked are acknowledged. */
export const showNotifications: CommandFactory = (services) => ({
  id: 'cloudPortal.notifications.show',
  async run(arg?: unknown) {
    const account = await accountFor(services, arg, vscode.l10n.t('Notifications of which account?'), (a) => a.state === 'signedIn');
    if (!account) return;
    const accountId = account.record.id;
    const items = services.model.notifications.list(accountId, true).then((list) =>
      [...list]
        .sort((a, b) => Number(a.read) - Number(b.read) || b.date.localeCompare(a.date))
        .map((n) => ({
          label: `${n.read ? '$(mail-read)' : '$(mail)'} ${inlineText(n.subject || n.message || `Notification ${n.id}`, 120)}`,
          description: n.date,
          detail: n.subject && n.message ? inlineText(n.message, 300) : undefined,
          id: n.id,
          read: n.read,
        })),
    );
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Portal Notifications ({0})', account.record.label),
      placeHolder: vscode.l10n.t('Select the ones to acknowledge, then press Enter'),
      canPickMany: true,
      matchOnDetail: true,
      ignoreFocusOut: shownOverWebview(),
    });
    const toAck = (picked ?? []).filter((p) => !p.read);
    for (const p of toAck) {
      await services.model.notifications.acknowledge(accountId, p.id);
    }
    if (toAck.length) vscode.window.setStatusBarMessage(toAck.length === 1 ? vscode.l10n.t('$(check) 1 notification acknowledged') : vscode.l10n.t('$(check) {0} notifications acknowledged', toAck.length), 3_000);
  },
});

export const notificationCommands = [acknowledgeNotification, showNotifications];
