import { Notification } from '../api/resources/account';
import { keys } from './cacheKeys';
import { ModelArea } from './modelArea';

/** The portal’s own notifications. */
export class NotificationsModel extends ModelArea {
  list(accountId: string, force = false): Promise<Notification[]> {
    return this.read(keys.notifications(accountId), accountId, (api) => api.account.notifications(), force);
  }

  /** Not acknowledged yet; always asked fresh (this is what polling looks at). */
  async unacknowledged(accountId: string): Promise<Notification[]> {
    return (await this.api(accountId)).account.newNotifications();
  }

  async acknowledge(accountId: string, id: string): Promise<void> {
    await (await this.api(accountId)).account.acknowledgeNotification(id);
    this.cache.invalidate(keys.notifications(accountId));
  }
}
