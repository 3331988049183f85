import type { Notification } from '../api/resources/account';

/** The part of VS Code's Memento this needs (globalState), so tests can use a plain map. */
export interface SeenStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

const KEEP = 500;

/**
 * Remembers which portal notifications were already shown, per account, across reloads, so each
 * appears as a VS Code notification once, however often `/notifications/new` lists it.
 */
export class NotificationTracker {
  constructor(private readonly store: SeenStore) {}

  private key(accountId: string): string {
    return `cloudPortal.notificationsShown.${accountId}`;
  }

  private seen(accountId: string): string[] {
    return this.store.get<string[]>(this.key(accountId)) ?? [];
  }

  /** Those not shown before, oldest first. */
  unseen(accountId: string, notifications: Notification[]): Notification[] {
    const seen = new Set(this.seen(accountId));
    return notifications.filter((n) => !seen.has(n.id)).sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id));
  }

  async markShown(accountId: string, ids: string[]): Promise<void> {
    const all = [...this.seen(accountId).filter((id) => !ids.includes(id)), ...ids];
    await this.store.update(this.key(accountId), all.slice(-KEEP));
  }
}
