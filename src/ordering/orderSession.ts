// What happens behind one New Order page: loading the form, live quotes, and placing the order
// exactly once. Plain Node (no VS Code): the panel relays messages, tests drive it directly.
import { describeError, isPortalClientError } from '../api/errors';
import type { OrderItem, ProductConfiguration, Quote } from '../api/resources/catalogue';
import type { CartEntry } from './cart';
import { orderFailureMessage } from './orderOutcome';
import { quoteView } from './quoteView';
import type { Balance, PaymentMethod } from '../api/resources/billing';
import type { OrderResult } from '../api/resources/domains';
import type { PortalModel } from '../model/portalModel';
import type { ExtensionToOrderPage, OrderPageToExtension, OrderTarget, PlacedOrder, QuoteView } from '../webviews/orderProtocol';
import { feeText, paymentMethodLabel } from '../billing/paymentFees';
import { initialChoices, missingChoices, OrderChoices, orderFormOf, orderItemOf, OrderFormSpec } from './orderForm';
import * as l10n from '@vscode/l10n';

/** The reads and the one write an order needs (the portal model provides them). */
export interface OrderBackend {
  productConfiguration(): Promise<ProductConfiguration>;
  paymentMethods(): Promise<PaymentMethod[]>;
  balance(): Promise<Balance>;
  quote(items: OrderItem[], payMethod: string | undefined, signal: AbortSignal): Promise<Quote>;
  placeOrder(item: OrderItem, payMethod: string): Promise<OrderResult>;
}

export interface OrderConfirmation {
  product: string;
  account: string;
  total: number;
  currency: string;
  paymentMethod: string;
  recurring: QuoteView['recurring'];
}

export interface OrderSessionHost {
  post(message: ExtensionToOrderPage): void;
  /** A modal that names the product and states the total; true only when the user confirmed. */
  confirm(order: OrderConfirmation): Promise<boolean>;
  placed(order: PlacedOrder): void;
  openInvoice(invoiceId: string): void;
  /** Puts a configured item in the account's cart; returns how many it holds now. */
  addToCart(entry: Omit<CartEntry, 'id'>): number;
  showCart(): void;
}

export class OrderSession {
  private spec: OrderFormSpec | undefined;
  private choices: OrderChoices | undefined;
  private paymentMethods: PaymentMethod[] = [];
  /** The payment method chosen on the page: live quotes are asked with it, so they include its fee where the portal does. */
  private payMethod: string | undefined;
  private currency = '';
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: AbortController | undefined;
  private submitting = false;
  private placedOrder: PlacedOrder | undefined;
  private disposed = false;

  constructor(
    private readonly backend: OrderBackend,
    private readonly host: OrderSessionHost,
    private readonly target: OrderTarget & { account: string },
    private readonly debounceMs = 300,
  ) {}

  /** Whether this session's order was placed (its page then shows the result). */
  get placed(): boolean {
    return !!this.placedOrder;
  }

  async handle(message: OrderPageToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.load();
      case 'change':
        if (this.spec) {
          this.choices = message.choices;
          this.payMethod = message.payMethod || undefined;
          this.scheduleQuote();
        }
        return;
      case 'submit':
        return this.submit(message.choices, message.payMethod);
      case 'addToCart':
        return this.addToCart(message.choices);
      case 'showCart':
        return this.host.showCart();
      case 'openInvoice':
        if (this.placedOrder?.invoiceId) {
          this.host.openInvoice(this.placedOrder.invoiceId);
        }
        return;
    }
  }

  private async load(): Promise<void> {
    if (this.placedOrder) {
      this.host.post({ type: 'placed', order: this.placedOrder });
      return;
    }
    try {
      const [configuration, methods, balance] = await Promise.all([
        this.backend.productConfiguration(),
        this.backend.paymentMethods(),
        this.backend.balance().catch(() => undefined),
      ]);
      this.spec = orderFormOf(configuration);
      this.paymentMethods = methods;
      this.currency = balance?.currency ?? '';
      this.choices ??= initialChoices(this.spec);
      this.post({
        type: 'form',
        view: { target: { accountId: this.target.accountId, productId: this.target.productId }, account: this.target.account, currency: this.currency, form: this.spec, choices: this.choices, paymentMethods: methods.map((m) => ({ id: m.id, name: m.name, fee: feeText(m, this.currency) })) },
      });
      this.scheduleQuote(0);
    } catch (e) {
      this.post({ type: 'failed', message: describeError(e) });
    }
  }

  /** Debounced: only the last change within `debounceMs` is priced; an older answer is never shown. */
  private scheduleQuote(delayMs = this.debounceMs): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.quote(), delayMs);
  }

  private async quote(): Promise<void> {
    if (!this.spec || !this.choices || this.disposed) {
      return;
    }
    const seq = ++this.seq;
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    this.post({ type: 'quoting', seq });
    try {
      const quote = await this.backend.quote([orderItemOf(this.spec, this.choices)], this.payMethod, controller.signal);
      if (seq === this.seq) {
        this.post({ type: 'quote', seq, quote: quoteView(quote) });
      }
    } catch (e) {
      if (seq === this.seq && !(isPortalClientError(e) && e.kind === 'cancelled')) {
        this.post({ type: 'quoteFailed', seq, message: describeError(e) });
      }
    } finally {
      if (this.inFlight === controller) {
        this.inFlight = undefined;
      }
    }
  }

  /**
   * Places the order once: a second submit while one is under way, or after it succeeded, sends
   * nothing. The price in the confirmation is quoted for exactly these choices and this payment
   * method just before asking. A failure leaves the page's form as it was.
   */
  private async submit(choices: OrderChoices, payMethod: string): Promise<void> {
    if (this.submitting || this.placedOrder || !this.spec) {
      return;
    }
    this.submitting = true;
    const spec = this.spec;
    this.choices = choices;
    this.post({ type: 'submitting' });
    try {
      const method = this.paymentMethods.find((m) => m.id === payMethod);
      const quoted = await this.priced(spec, choices, payMethod, method ? [] : [l10n.t('Choose a payment method.')], l10n.t('Could not price the order, nothing was ordered'));
      if (!quoted || !method) {
        return;
      }
      const { item, priced } = quoted;
      const confirmed = await this.host.confirm({ product: spec.productName, account: this.target.account, total: priced.total, currency: this.currency, paymentMethod: paymentMethodLabel(method, this.currency), recurring: priced.recurring });
      if (!confirmed) {
        this.post({ type: 'submitCancelled' });
        return;
      }
      let result: OrderResult;
      try {
        result = await this.backend.placeOrder(item, payMethod);
      } catch (e) {
        this.post({ type: 'submitFailed', message: orderFailureMessage(e), problems: [] });
        return;
      }
      this.placedOrder = { orderNumber: result.order_num || result.order_num_list[0] || '', invoiceId: result.invoice_id, total: result.total || priced.total };
      this.post({ type: 'placed', order: this.placedOrder });
      this.host.placed(this.placedOrder);
    } finally {
      this.submitting = false;
    }
  }

  /**
   * Adds these choices to the account's cart once the portal has priced them without objection (the
   * cart's checkout quotes everything again). Spends nothing; the form stays as it is.
   */
  private async addToCart(choices: OrderChoices): Promise<void> {
    if (this.submitting || !this.spec) {
      return;
    }
    const spec = this.spec;
    this.choices = choices;
    this.submitting = true;
    this.post({ type: 'submitting' });
    try {
      const quoted = await this.priced(spec, choices, undefined, [], l10n.t('Could not price these choices, nothing was added'));
      if (!quoted) {
        return;
      }
      const { item, priced } = quoted;
      const cycle = spec.fields.find((f) => f.kind === 'cycle');
      const cycleLabel = cycle?.kind === 'cycle' ? cycle.options.find((o) => o.id === choices.cycle)?.label : undefined;
      const count = this.host.addToCart({
        label: `${spec.productName}${item.domain ? ` for ${item.domain}` : ''}`,
        detail: [cycleLabel, ...priced.promotions.map((p) => `promotion ${p}`)].filter(Boolean).join(' · '),
        item,
      });
      this.post({ type: 'addedToCart', count });
    } finally {
      this.submitting = false;
    }
  }

  /**
   * The portal's price for exactly these choices; `undefined` once the page has been told why not
   * (choices missing, no price, or the portal's objections), with nothing done.
   */
  private async priced(spec: OrderFormSpec, choices: OrderChoices, payMethod: string | undefined, alsoMissing: string[], noPrice: string): Promise<{ item: OrderItem; priced: QuoteView } | undefined> {
    const missing = [...missingChoices(spec, choices), ...alsoMissing];
    if (missing.length > 0) {
      this.post({ type: 'submitFailed', message: l10n.t('Some choices need attention.'), problems: missing });
      return undefined;
    }
    const item = orderItemOf(spec, choices);
    let priced: QuoteView;
    try {
      priced = quoteView(await this.backend.quote([item], payMethod, new AbortController().signal));
    } catch (e) {
      this.post({ type: 'submitFailed', message: `${noPrice}: ${describeError(e)}`, problems: [] });
      return undefined;
    }
    if (priced.problems.length > 0) {
      this.post({ type: 'submitFailed', message: l10n.t('The portal cannot accept these choices.'), problems: priced.problems });
      return undefined;
    }
    return { item, priced };
  }

  private post(message: ExtensionToOrderPage): void {
    if (!this.disposed) {
      this.host.post(message);
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.inFlight?.abort();
  }
}

/** The portal model as an order's backend, for one account and product. */
export function modelOrderBackend(
  model: Pick<PortalModel, 'catalogue' | 'billing'>,
  accountId: string,
  productId: string,
): OrderBackend {
  return {
    productConfiguration: () => model.catalogue.productConfiguration(accountId, productId),
    paymentMethods: () => model.billing.paymentMethods(accountId),
    balance: () => model.billing.balance(accountId),
    quote: (items, payMethod, signal) => model.catalogue.quote(accountId, items, payMethod, signal),
    placeOrder: (item, payMethod) => model.catalogue.placeOrder(accountId, productId, item, payMethod),
  };
}
