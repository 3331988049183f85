import * as assert from 'node:assert/strict';
import { orderFormOf, orderItemOf, initialChoices, missingChoices, OrderChoices } from '../../src/ordering/orderForm';
import { modelOrderBackend, OrderConfirmation, OrderSession } from '../../src/ordering/orderSession';
import { quoteView } from '../../src/ordering/quoteView';
import { Carts } from '../../src/ordering/cart';
import { ExtensionToOrderPage, isOrderPageMessage, PlacedOrder } from '../../src/webviews/orderProtocol';
import { keys } from '../../src/model/cacheKeys';
import { eventually, sleep, useMockPortal } from './helpers';
import { modelWithAccounts } from './modelHelpers';

/** A page stand-in: records what the extension posts, answers the confirmation as told. */
class FakePage {
  readonly messages: ExtensionToOrderPage[] = [];
  readonly confirmations: OrderConfirmation[] = [];
  readonly placed: PlacedOrder[] = [];
  readonly invoicesOpened: string[] = [];
  answer = true;
  /** While set, the modal stays open until the test closes it (a scenario: a second submit arrives meanwhile). */
  private modalClosed: Promise<void> | undefined;
  post(m: ExtensionToOrderPage) {
    this.messages.push(m);
  }
  async confirm(c: OrderConfirmation) {
    this.confirmations.push(c);
    await this.modalClosed;
    return this.answer;
  }
  /** Keeps the next modal open; returns what closes it. */
  holdModal(): () => void {
    let close!: () => void;
    this.modalClosed = new Promise((resolve) => (close = resolve));
    return close;
  }
  of<T extends ExtensionToOrderPage['type']>(type: T): Extract<ExtensionToOrderPage, { type: T }>[] {
    return this.messages.filter((m) => m.type === type) as Extract<ExtensionToOrderPage, { type: T }>[];
  }
  async until<T extends ExtensionToOrderPage['type']>(type: T, count = 1): Promise<Extract<ExtensionToOrderPage, { type: T }>> {
    for (let i = 0; i < 400 && this.of(type).length < count; i++) {
      await sleep(10);
    }
    const found = this.of(type);
    assert.ok(found.length >= count, `no ${type} message; got ${this.messages.map((m) => m.type).join(', ')}`);
    return found[count - 1];
  }
}

describe('Ordering', () => {
  const ctx = useMockPortal();

  async function session(productId = '333', debounceMs = 40) {
    const env = await modelWithAccounts(ctx.portal);
    const page = new FakePage();
    const carts = new Carts();
    const orders = new OrderSession(modelOrderBackend(env.model, env.ids.elsecloud, productId), {
      post: (m) => page.post(m),
      confirm: (c) => page.confirm(c),
      placed: (o) => page.placed.push(o),
      openInvoice: (id) => page.invoicesOpened.push(id),
      addToCart: (entry) => carts.add(env.ids.elsecloud, entry),
      showCart: () => undefined,
    }, { accountId: env.ids.elsecloud, productId, account: 'ElseCloud demo' }, debounceMs);
    return { ...env, page, orders, carts };
  }

  it('builds the form from GET /order/@id: cycles, domain, select, radio, checkbox, quantity and add-on', async () => {
    const { page, orders, registry } = await session();
    await orders.handle({ type: 'ready' });
    const form = (await page.until('form')).view;
    assert.deepEqual(
      form.form.fields.map((f) => `${f.kind}:${f.label}`),
      ['cycle:Billing cycle', 'domain:Domain', 'select:Disk Size', 'radio:Location', 'checkbox:Daily backups', 'quantity:Extra IPv4 addresses', 'addon:Managed firewall'],
    );
    const cycle = form.form.fields[0];
    assert.ok(cycle.kind === 'cycle');
    assert.deepEqual(cycle.options.map((o) => `${o.label} ${o.price}`), ['Monthly 9.99', 'Quarterly 28.47', 'Annually 109.89']);
    assert.deepEqual(form.choices, { cycle: 'm', domain: '', custom: { '1618': '10330', '1619': '10340', '1620': [], '1621': 0 }, addons: { '31': '' }, promocode: '' });
    assert.deepEqual(form.paymentMethods.map((m) => m.name), ['PayPal', 'BankTransfer', 'CreditCard']);
    assert.equal(form.currency, 'USD');
    await orders.dispose();
    await registry.dispose();
  });

  it('turns choices into the documented cart item and lists what is missing', () => {
    const spec = orderFormOf({
      id: '1', name: 'P', category_name: '', category_id: '', price: 1, recurring: 'm', recurring_price: 1, setup: 0,
      config: {
        product: [{ type: 'input', title: 'domain', id: 'domain', name: 'domain', description: '', required: false, multiple: false, items: [], price: 0, setup: 0 }],
        forms: [
          { type: 'slider', title: 'RAM', id: '7', name: '', description: '', required: false, multiple: false, items: [{ title: 'GB', id: '70', price: 1, setup: 0, selected: false }], price: 0, setup: 0, config: { minvalue: '1', maxvalue: '64' } },
          { type: 'checkbox', title: 'Extras', id: '8', name: '', description: '', required: false, multiple: true, items: [{ title: 'A', id: '80', price: 1, setup: 0, selected: false }, { title: 'B', id: '81', price: 1, setup: 0, selected: false }], price: 0, setup: 0 },
          { type: 'matrix', title: 'Odd', id: '9', name: '', description: '', required: false, multiple: false, items: [], price: 0, setup: 0 },
        ],
        addons: [],
      },
    });
    assert.deepEqual(spec.fields.map((f) => f.kind), ['cycle', 'domain', 'quantity', 'checkbox', 'unsupported']);
    const choices: OrderChoices = { ...initialChoices(spec), domain: 'Example.COM ' };
    assert.equal(choices.custom['7'], 1, 'a quantity starts at its minimum');
    choices.custom['8'] = ['80', '81'];
    choices.custom['7'] = 16;
    assert.deepEqual(orderItemOf(spec, choices), { type: 'product', product_id: '1', cycle: 'm', domain: 'example.com', custom: { '7': { '70': 16 }, '8': { '80': 1, '81': 1 } } });
    assert.deepEqual(missingChoices(spec, { ...choices, domain: '' }), ['Domain is required.']);
    assert.deepEqual(missingChoices(spec, { ...choices, domain: 'not a domain' }), ['Domain “not a domain” is not a valid domain name.']);
    assert.deepEqual(missingChoices(spec, { ...choices, custom: { ...choices.custom, '7': 65 } }), ['RAM must be a whole number from 1 to 64.']);
  });

  it('shows the portal\'s quote for the chosen options; quick changes are priced once, older answers never shown', async () => {
    const { page, orders, registry, model, ids } = await session('333', 60);
    await orders.handle({ type: 'ready' });
    const form = (await page.until('form')).view;
    await page.until('quote');
    ctx.portal.requests.length = 0;
    const before = page.messages.length;

    // Five changes in quick succession: one quote, for the last one.
    let choices: OrderChoices = { ...form.choices, domain: 'shop.example.net' };
    for (const disk of ['10331', '10332', '10331', '10332']) {
      choices = { ...choices, custom: { ...choices.custom, '1618': disk } };
      await orders.handle({ type: 'change', choices });
    }
    choices = { ...choices, cycle: 'a', custom: { ...choices.custom, '1620': ['10350'], '1621': 2 }, addons: { '31': 'a' } };
    await orders.handle({ type: 'change', choices });
    const shown = await page.until('quote', 2);
    assert.equal(ctx.portal.received({ path: 'quote' }).length, 1, 'one quote for five quick changes');
    assert.ok(page.messages.slice(before).every((m) => m.type !== 'quote' || m === shown));

    // What the page shows is what the portal answers for exactly these options.
    const direct = quoteView(await model.catalogue.quote(ids.elsecloud, [orderItemOf(form.form, choices)]));
    assert.deepEqual(shown.quote, direct);
    // 109.89 annual + 9 disk + 2 backups + 2×3 IPs + 50 firewall, setup 2×1; VAT 21 %.
    assert.equal(direct.subtotal, 178.89);
    assert.equal(direct.total, 216.46);
    assert.deepEqual(direct.taxes, [{ name: 'VAT', rate: 21, amount: 37.57 }]);
    await orders.dispose();
    await registry.dispose();
  });

  it('drops a slow older quote that answers after a newer one', async () => {
    const { page, orders, registry, model, ids } = await session('333', 0);
    await orders.handle({ type: 'ready' });
    const form = (await page.until('form')).view;
    await page.until('quote');
    ctx.portal.fault({ kind: 'latency', path: '^quote$', delayMs: 300, times: 1 });
    const asked = ctx.portal.received({ path: 'quote' }).length;
    await orders.handle({ type: 'change', choices: { ...form.choices, cycle: 'q' } });
    await eventually(() => ctx.portal.received({ path: 'quote' }).length > asked, 'the quarterly quote was sent');
    await orders.handle({ type: 'change', choices: { ...form.choices, cycle: 'a' } });
    const latest = await page.until('quote', 2);
    // The slow answer has come (the portal ended it) and was not shown.
    await eventually(() => ctx.portal.received({ path: 'quote' })[asked]?.doneAt !== undefined, 'the slow quote was answered');
    // One more round trip after it: the slow answer's bytes reached the client before this one's.
    await (await model.api(ids.elsecloud)).account.details();
    const quotes = page.of('quote');
    assert.equal(quotes.length, 2, 'the superseded answer is not shown');
    assert.equal(latest.quote.recurring[0].title, 'Annually');
    await orders.dispose();
    await registry.dispose();
  });

  it('places the order once after a confirmation that states the total; a double submit sends one order', async () => {
    const { page, orders, registry, model, ids } = await session();
    await orders.handle({ type: 'ready' });
    const form = (await page.until('form')).view;
    const servicesBefore = (await model.services.list(ids.elsecloud)).length;
    const choices = { ...form.choices, domain: 'new-shop.example.org', custom: { ...form.choices.custom, '1618': '10331' } };
    const closeModal = page.holdModal();
    const first = orders.handle({ type: 'submit', choices, payMethod: '10' });
    await eventually(() => page.confirmations.length === 1, 'the confirmation modal is open');
    // A second submit while the modal is open, and a third once the order is placed: neither sends.
    const second = orders.handle({ type: 'submit', choices, payMethod: '10' });
    closeModal();
    await Promise.all([first, second]);
    await orders.handle({ type: 'submit', choices, payMethod: '10' });
    assert.equal(ctx.portal.received({ method: 'POST', path: /^order/ }).length, 1, 'exactly one order request');
    assert.equal(page.confirmations.length, 1);
    assert.equal(page.confirmations[0].total, 16.93); // (9.99 + 4) × 1.21
    assert.equal(page.confirmations[0].product, 'Cloud VPS S');
    assert.equal(page.confirmations[0].paymentMethod, 'BankTransfer (fee 2.9% + 0.30 USD)', 'the modal names the method with its fee');
    const placed = await page.until('placed');
    assert.match(placed.order.orderNumber, /^\d+$/);
    assert.equal(placed.order.total, 16.93);
    assert.deepEqual(page.placed, [placed.order]);
    // The portal made the service and the invoice; the model reads them fresh.
    const services = await model.services.list(ids.elsecloud);
    assert.equal(services.length, servicesBefore + 1);
    assert.ok(services.some((s) => s.domain === 'new-shop.example.org' && s.status === 'Pending'));
    const invoice = await model.billing.invoice({ accountId: ids.elsecloud, invoiceId: placed.order.invoiceId });
    assert.equal(invoice.status, 'Unpaid');
    await orders.handle({ type: 'openInvoice' });
    assert.deepEqual(page.invoicesOpened, [placed.order.invoiceId]);
    await orders.dispose();
    await registry.dispose();
  });

  it('sends nothing when the user declines, or when required choices are missing', async () => {
    const { page, orders, registry } = await session();
    await orders.handle({ type: 'ready' });
    const form = (await page.until('form')).view;
    await orders.handle({ type: 'submit', choices: form.choices, payMethod: '10' });
    const missing = await page.until('submitFailed');
    assert.deepEqual(missing.problems, ['Domain is required.']);
    page.answer = false;
    await orders.handle({ type: 'submit', choices: { ...form.choices, domain: 'a.example.com' }, payMethod: '10' });
    await page.until('submitCancelled');
    assert.equal(ctx.portal.received({ method: 'POST', path: /^order/ }).length, 0);
    await orders.dispose();
    await registry.dispose();
  });

  it('a failed order is not sent again and says whether the portal may have placed it', async () => {
    const { page, orders, registry } = await session();
    await orders.handle({ type: 'ready' });
    const form = (await page.until('form')).view;
    const choices = { ...form.choices, domain: 'a.example.com' };

    ctx.portal.fault({ kind: 'errorBody', path: '^order/', times: 1, message: 'Product out of stock' });
    await orders.handle({ type: 'submit', choices, payMethod: '10' });
    assert.match((await page.until('submitFailed')).message, /^The order was not placed: .*out of stock/);

    ctx.portal.fault({ kind: 'resetAfter', path: '^order/', times: 1 });
    await orders.handle({ type: 'submit', choices, payMethod: '10' });
    assert.match((await page.until('submitFailed', 2)).message, /may have received the order: check your invoices/);
    assert.equal(ctx.portal.received({ method: 'POST', path: /^order/ }).length, 2, 'one request per submit, none repeated');
    await orders.dispose();
    await registry.dispose();
  });

  it('invalidates services, invoices and balance after an order, even a failed one', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    await Promise.all([model.services.list(ids.elsecloud), model.billing.invoices(ids.elsecloud), model.billing.balance(ids.elsecloud)]);
    ctx.portal.fault({ kind: 'resetAfter', path: '^order/', times: 1 });
    const invalidated: string[] = [];
    model.cache.onDidInvalidate((k) => invalidated.push(k));
    await assert.rejects(model.catalogue.placeOrder(ids.elsecloud, '350', { type: 'product', product_id: '350', cycle: 'm' }, '10'));
    assert.equal(ctx.portal.received({ method: 'POST', path: /^order/ }).length, 1, 'not repeated');
    assert.deepEqual(invalidated.sort(), [keys.balance(ids.elsecloud), keys.invoices(ids.elsecloud), keys.services(ids.elsecloud)].sort());
    await registry.dispose();
  });

  it('accepts only well-formed page messages', () => {
    assert.ok(isOrderPageMessage({ type: 'submit', choices: { cycle: 'm', domain: '', custom: { a: ['1'], b: 2, c: 'x' }, addons: {} }, payMethod: '10' }));
    assert.ok(!isOrderPageMessage({ type: 'submit', choices: { cycle: 'm', domain: '', custom: { a: { x: 1 } }, addons: {} }, payMethod: '10' }));
    assert.ok(!isOrderPageMessage({ type: 'submit', choices: { cycle: 'm', domain: '', custom: {}, addons: {} } }));
    assert.ok(!isOrderPageMessage({ type: 'eval', code: 'x' }));
  });
});
