import { Notification } from '../api/resources/account';
import { keys } from './cacheKeys';
import { ModelArea } from './modelArea';

const STATUS_PREFIX = 'status:';

/** The portal’s own notifications (and ALTERNcloud's status messages, shown the same way). */
export class NotificationsModel extends ModelArea {
  list(accountId: string, force = false): Promise<Notification[]> {
    return this.read(keys.notifications(accountId), accountId, (api) => api.account.notifications(), force);
  }

  /** Not acknowledged yet; always asked fresh (this is what polling looks at). */
  async unacknowledged(accountId: string): Promise<Notification[]> {
    return (await this.api(accountId)).account.newNotifications();
  }

  /** ALTERNcloud's status messages, as notifications (ids `status:<id>`), to be shown once each like them. */
  async statusMessages(accountId: string): Promise<Notification[]> {
    const statuses = await (await this.api(accountId)).account.statuses();
    return statuses.map((s) => ({ id: `${STATUS_PREFIX}${s.id}`, subject: s.title, message: [s.status, s.date, s.message].filter(Boolean).join(' · '), date: s.date, rel_type: 'status', rel_id: s.id, read: false }));
  }

  async acknowledge(accountId: string, id: string): Promise<void> {
    const api = await this.api(accountId);
    if (id.startsWith(STATUS_PREFIX)) {
      await api.account.markStatusRead(id.slice(STATUS_PREFIX.length));
      return;
    }
    await api.account.acknowledgeNotification(id);
    this.cache.invalidate(keys.notifications(accountId));
  }
}
