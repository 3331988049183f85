// The cart: configured products and domains waiting to be ordered together, one cart per account,
// for this VS Code session (nothing is stored: an item holds no secret, but a price is only good
// until the next quote). Plain Node; the status bar and the Show Cart command watch it.
import type { OrderItem } from '../api/resources/catalogue';
import { Emitter } from '../util/emitter';

export interface CartEntry {
  id: string;
  /** What the user would call it: "VPS Small for shop.example.com", "Register example.eu". */
  label: string;
  /** Its choices in a line: "Monthly · promotion WELCOME10", "2 years". */
  detail: string;
  item: OrderItem;
}

export class Carts {
  private readonly byAccount = new Map<string, CartEntry[]>();
  private readonly changed = new Emitter<string>();
  /** Fires with the account whose cart changed. */
  readonly onDidChange = this.changed.event;
  private next = 1;

  /** Adds an item; returns how many the account's cart holds now. */
  add(accountId: string, entry: Omit<CartEntry, 'id'>): number {
    const list = [...this.items(accountId), { ...entry, id: String(this.next++) }];
    this.byAccount.set(accountId, list);
    this.changed.fire(accountId);
    return list.length;
  }

  remove(accountId: string, id: string): void {
    this.byAccount.set(accountId, this.items(accountId).filter((e) => e.id !== id));
    this.changed.fire(accountId);
  }

  /** Empties the account's cart (after its order was placed, on request, or when the account goes). */
  clear(accountId: string): void {
    if (this.byAccount.delete(accountId)) this.changed.fire(accountId);
  }

  items(accountId: string): readonly CartEntry[] {
    return this.byAccount.get(accountId) ?? [];
  }

  /** Accounts whose cart holds something. */
  accounts(): string[] {
    return [...this.byAccount].filter(([, list]) => list.length > 0).map(([id]) => id);
  }

  count(): number {
    return [...this.byAccount.values()].reduce((n, list) => n + list.length, 0);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
