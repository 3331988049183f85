/** Messages between the extension and the New Order page (see protocol.ts for the rules). */
import type { OrderChoices, OrderFormSpec } from '../ordering/orderForm';

export interface PaymentChoice {
  id: string;
  name: string;
  /** The fee the portal states for this method ("fee 2.9% + 0.30 USD"), or "". */
  fee: string;
}

/** A price from `POST /quote`, as the page shows it. Amounts in the account's currency. */
export interface QuoteView {
  subtotal: number;
  discount: number;
  /** Promotion codes the portal applied (from the items' `coupon`). */
  promotions: string[];
  credit: number;
  taxes: { name: string; rate: number; amount: number }[];
  total: number;
  recurring: { title: string; amount: number }[];
  /** The portal's objections to the current choices (an invalid option, a missing domain). */
  problems: string[];
}

export interface OrderFormView {
  target: OrderTarget;
  account: string;
  currency: string;
  form: OrderFormSpec;
  choices: OrderChoices;
  paymentMethods: PaymentChoice[];
}

export interface PlacedOrder {
  orderNumber: string;
  invoiceId: string;
  total: number;
}

export type ExtensionToOrderPage =
  | { type: 'form'; view: OrderFormView }
  | { type: 'failed'; message: string }
  | { type: 'quoting'; seq: number }
  | { type: 'quote'; seq: number; quote: QuoteView }
  | { type: 'quoteFailed'; seq: number; message: string }
  | { type: 'submitting' }
  | { type: 'submitFailed'; message: string; problems: string[] }
  | { type: 'submitCancelled' }
  | { type: 'placed'; order: PlacedOrder }
  /** The configured product went into the account's cart, which now holds `count` items. */
  | { type: 'addedToCart'; count: number };

export type OrderPageToExtension =
  | { type: 'ready' }
  | { type: 'change'; choices: OrderChoices; payMethod?: string }
  | { type: 'submit'; choices: OrderChoices; payMethod: string }
  | { type: 'addToCart'; choices: OrderChoices }
  | { type: 'showCart' }
  | { type: 'openInvoice' };

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A structurally sound set of choices (the page is ours, but a webview is still an input). */
export function isOrderChoices(value: unknown): value is OrderChoices {
  if (!isRecord(value) || typeof value.cycle !== 'string' || typeof value.domain !== 'string' || value.domain.length > 253) {
    return false;
  }
  if (value.promocode !== undefined && (typeof value.promocode !== 'string' || value.promocode.length > 64)) {
    return false;
  }
  const custom = value.custom;
  const addons = value.addons;
  return (
    isRecord(custom) &&
    Object.values(custom).every((c) => typeof c === 'string' || typeof c === 'number' || (Array.isArray(c) && c.every((x) => typeof x === 'string'))) &&
    isRecord(addons) &&
    Object.values(addons).every((a) => typeof a === 'string')
  );
}

export function isOrderPageMessage(value: unknown): value is OrderPageToExtension {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'ready':
    case 'openInvoice':
    case 'showCart':
      return true;
    case 'change':
      return isOrderChoices(value.choices) && (value.payMethod === undefined || typeof value.payMethod === 'string');
    case 'addToCart':
      return isOrderChoices(value.choices);
    case 'submit':
      return isOrderChoices(value.choices) && typeof value.payMethod === 'string';
    default:
      return false;
  }
}

/** What an order panel is for, kept by VS Code across reloads (ids only). */
export interface OrderTarget {
  accountId: string;
  productId: string;
}

export function isOrderTarget(value: unknown): value is OrderTarget {
  return isRecord(value) && typeof value.accountId === 'string' && typeof value.productId === 'string' && /^[\w-]{1,40}$/.test(value.productId);
}
