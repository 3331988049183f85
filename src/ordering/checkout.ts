// Checking out a cart: one quote for every item, one modal with the portal's total, one `POST /order`.
// Plain Node: the command supplies the modal, tests drive it directly.
import { describeError } from '../api/errors';
import type { OrderItem, Quote } from '../api/resources/catalogue';
import type { OrderResult } from '../api/resources/domains';
import type { PlacedOrder, QuoteView } from '../webviews/orderProtocol';
import type { CartEntry } from './cart';
import { orderFailureMessage, outcomeUnknown } from './orderOutcome';
import { quoteView } from './quoteView';
import * as l10n from '@vscode/l10n';

export interface CheckoutBackend {
  quote(items: OrderItem[], payMethod: string, signal: AbortSignal): Promise<Quote>;
  order(items: OrderItem[], payMethod: string): Promise<OrderResult>;
}

export interface CartConfirmation {
  items: string[];
  total: number;
  quote: QuoteView;
}

export type CheckoutOutcome =
  | { kind: 'placed'; order: PlacedOrder }
  | { kind: 'cancelled' }
  /** The portal objects to items (nothing was ordered): its words, per item. */
  | { kind: 'refused'; problems: string[] }
  | { kind: 'failed'; message: string; maybePlaced: boolean };

/**
 * Quotes the whole cart with the chosen payment method, asks `confirm` with the portal's total, and
 * places one order for every item. Nothing is sent twice; a failure says whether it may have been placed.
 */
export async function checkout(backend: CheckoutBackend, entries: readonly CartEntry[], payMethod: string, confirm: (c: CartConfirmation) => Promise<boolean>): Promise<CheckoutOutcome> {
  const items = entries.map((e) => e.item);
  let priced: QuoteView;
  try {
    priced = quoteView(await backend.quote(items, payMethod, new AbortController().signal));
  } catch (e) {
    return { kind: 'failed', message: l10n.t('Could not price the cart, nothing was ordered: {0}', describeError(e)), maybePlaced: false };
  }
  if (priced.problems.length > 0) {
    return { kind: 'refused', problems: priced.problems };
  }
  if (!(await confirm({ items: entries.map((e) => e.label), total: priced.total, quote: priced }))) {
    return { kind: 'cancelled' };
  }
  try {
    const result = await backend.order(items, payMethod);
    return { kind: 'placed', order: { orderNumber: String(result.order_num || result.order_num_list[0] || ''), invoiceId: result.invoice_id, total: result.total || priced.total } };
  } catch (e) {
    return { kind: 'failed', message: orderFailureMessage(e), maybePlaced: outcomeUnknown(e) };
  }
}
