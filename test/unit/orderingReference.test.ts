import * as assert from 'node:assert/strict';
import { PortalError } from '../../src/api/errors';
import { Carts } from '../../src/ordering/cart';
import { checkout, CartConfirmation } from '../../src/ordering/checkout';
import { customAnswers, customField } from '../../src/ordering/orderForm';
import { modelOrderBackend, OrderSession } from '../../src/ordering/orderSession';
import { ExtensionToOrderPage, OrderFormView } from '../../src/webviews/orderProtocol';
import { useMockPortal } from './helpers';
import { modelWithAccounts } from './modelHelpers';

/**
 * Ordering as the reference documents it, beyond one product: promotion codes, the payment method's
 * fee, one cart for several items (`POST /order`), and the extra fields some TLDs need.
 */
describe('Ordering as the reference documents it', () => {
  const ctx = useMockPortal();

  /** An order session whose page is an array of messages; `handle` resolves once the session has answered. */
  async function session(productId = '333') {
    const env = await modelWithAccounts(ctx.portal);
    const messages: ExtensionToOrderPage[] = [];
    const carts = new Carts();
    const orders = new OrderSession(
      modelOrderBackend(env.model, env.ids.elsecloud, productId),
      { post: (m) => messages.push(m), confirm: async () => true, placed: () => undefined, openInvoice: () => undefined, addToCart: (e) => carts.add(env.ids.elsecloud, e), showCart: () => undefined },
      { accountId: env.ids.elsecloud, productId, account: 'ElseCloud demo' },
      0,
    );
    await orders.handle({ type: 'ready' });
    const form = messages.find((m): m is Extract<ExtensionToOrderPage, { type: 'form' }> => m.type === 'form')!.view;
    /** The next message of `type` after `from` (the session posts it once the portal answered). */
    const next = async <T extends ExtensionToOrderPage['type']>(type: T, from: number): Promise<Extract<ExtensionToOrderPage, { type: T }>> => {
      const found = await new Promise<ExtensionToOrderPage>((resolve) => {
        const check = () => {
          const m = messages.slice(from).find((x) => x.type === type);
          if (m) resolve(m);
          else setImmediate(check);
        };
        check();
      });
      return found as Extract<ExtensionToOrderPage, { type: T }>;
    };
    return { ...env, messages, carts, orders, form, next };
  }

  const withDomain = (form: OrderFormView, promocode = '') => ({ ...form.choices, domain: 'shop.example.com', promocode });

  it('a promotion code is priced by the portal: the discount and the code show, a refused code shows the portal’s words', async () => {
    const { orders, form, messages, next, registry } = await session();
    let from = messages.length;
    await orders.handle({ type: 'change', choices: withDomain(form, 'WELCOME10'), payMethod: '10' });
    const applied = (await next('quote', from)).quote;
    assert.deepEqual(applied.promotions, ['WELCOME10']);
    assert.ok(applied.discount > 0 && applied.total < applied.subtotal * 1.23, `discount ${applied.discount}, total ${applied.total}`);
    const sent = ctx.portal.received({ path: 'quote' }).at(-1)!.body as { items: { promocode?: string }[] };
    assert.equal(sent.items[0].promocode, 'WELCOME10');

    from = messages.length;
    await orders.handle({ type: 'change', choices: withDomain(form, 'BOGUS'), payMethod: '10' });
    const refused = (await next('quote', from)).quote;
    assert.deepEqual(refused.promotions, []);
    assert.deepEqual(refused.problems, ['Promotion code BOGUS is not valid']);
    orders.dispose();
    await registry.dispose();
  });

  it('the order carries the promotion code (POST /order/@product_id), and live quotes carry the chosen payment method', async () => {
    const { orders, form, messages, next, registry } = await session();
    const from = messages.length;
    await orders.handle({ type: 'change', choices: withDomain(form, 'welcome10'), payMethod: '12' });
    await next('quote', from);
    assert.equal((ctx.portal.received({ path: 'quote' }).at(-1)!.body as { pay_method?: string }).pay_method, '12');
    await orders.handle({ type: 'submit', choices: withDomain(form, 'welcome10'), payMethod: '12' });
    await next('placed', from);
    const order = ctx.portal.received({ method: 'POST', path: /^order\// });
    assert.equal(order.length, 1);
    assert.equal((order[0].body as { promocode?: string }).promocode, 'welcome10');
    orders.dispose();
    await registry.dispose();
  });

  it('Add to Cart puts the configured product in the account’s cart after the portal priced it; choices it refuses are not added', async () => {
    const { orders, form, messages, next, carts, ids, registry } = await session();
    let from = messages.length;
    await orders.handle({ type: 'addToCart', choices: withDomain(form, 'BOGUS') });
    assert.deepEqual((await next('submitFailed', from)).problems, ['Promotion code BOGUS is not valid']);
    assert.equal(carts.items(ids.elsecloud).length, 0);

    from = messages.length;
    await orders.handle({ type: 'addToCart', choices: withDomain(form, 'WELCOME10') });
    assert.equal((await next('addedToCart', from)).count, 1);
    const [entry] = carts.items(ids.elsecloud);
    assert.match(entry.label, /for shop\.example\.com$/);
    assert.match(entry.detail, /promotion WELCOME10/);
    assert.equal(entry.item.promocode, 'WELCOME10');
    assert.equal(ctx.portal.received({ method: 'POST', path: /^order/ }).length, 0, 'adding to the cart orders nothing');
    orders.dispose();
    await registry.dispose();
  });

  it('checks out a product with a promotion code and a domain as one POST /order whose total is the portal’s quote', async () => {
    const { model, ids, registry } = await modelWithAccounts(ctx.portal);
    const carts = new Carts();
    const account = ids.elsecloud;
    carts.add(account, { label: 'VPS for shop.example.com', detail: '', item: { type: 'product', product_id: '333', cycle: 'm', domain: 'shop.example.com', promocode: 'WELCOME10' } });
    carts.add(account, { label: 'Register shop-example.com', detail: '', item: { type: 'domain', name: 'shop-example.com', tld_id: '6', action: 'register', years: '1' } });
    const confirmations: CartConfirmation[] = [];
    const outcome = await checkout(
      { quote: (items, pay, signal) => model.catalogue.quote(account, items, pay, signal), order: (items, pay) => model.catalogue.placeCartOrder(account, items, pay) },
      carts.items(account),
      '10',
      async (c) => (confirmations.push(c), true),
    );
    assert.equal(outcome.kind, 'placed');
    const orders = ctx.portal.received({ method: 'POST', path: /^order/ });
    assert.equal(orders.length, 1, 'one order for the whole cart');
    assert.equal(orders[0].path, 'order');
    assert.equal((orders[0].body as { items: unknown[] }).items.length, 2);
    assert.equal(confirmations.length, 1);
    assert.deepEqual(confirmations[0].items, ['VPS for shop.example.com', 'Register shop-example.com']);
    assert.ok(confirmations[0].quote.discount > 0);
    if (outcome.kind === 'placed') assert.equal(outcome.order.total, confirmations[0].total, 'the modal stated what the portal charged');
    const state = ctx.portal.state('elsecloud');
    assert.ok(state.domains.some((d) => d.name === 'shop-example.com'));
    assert.equal(state.invoices.at(-1)!.items.length, 2, 'one invoice for both');
    await registry.dispose();
  });

  it('a cart the portal objects to orders nothing; a cut connection after sending says it may have been placed and is not repeated', async () => {
    const { model, ids, registry } = await modelWithAccounts(ctx.portal);
    const account = ids.elsecloud;
    const backend = { quote: (items: never[], pay: string, signal: AbortSignal) => model.catalogue.quote(account, items, pay, signal), order: (items: never[], pay: string) => model.catalogue.placeCartOrder(account, items, pay) };
    const refused = await checkout(backend, [{ id: '1', label: 'x', detail: '', item: { type: 'product', product_id: '333', cycle: 'm', domain: 'a.example.com', promocode: 'NOPE' } }], '10', async () => true);
    assert.deepEqual(refused, { kind: 'refused', problems: ['Promotion code NOPE is not valid'] });
    ctx.portal.fault({ kind: 'resetAfter', path: '^order$', times: 1 });
    const cut = await checkout(backend, [{ id: '1', label: 'x', detail: '', item: { type: 'product', product_id: '333', cycle: 'm', domain: 'a.example.com' } }], '10', async () => true);
    assert.equal(cut.kind, 'failed');
    if (cut.kind === 'failed') {
      assert.ok(cut.maybePlaced);
      assert.match(cut.message, /may have received the order/);
    }
    assert.equal(ctx.portal.received({ method: 'POST', path: /^order/ }).length, 1, 'sent once, not repeated');
    await registry.dispose();
  });

  it('asks for what a TLD’s registry needs (GET /domain/order/@id/form) and sends the answers as data with the chosen contact', async () => {
    const { model, ids, registry } = await modelWithAccounts(ctx.portal);
    const api = await model.api(ids.elsecloud);
    const forms = await api.domains.orderForm('9');
    assert.equal(ctx.portal.received({ path: 'domain/order/9/form' })[0].query, '?tld_id=9');
    const fields = forms.map(customField);
    assert.deepEqual(fields.map((f) => `${f.kind}:${f.label}`), ['select:Registrant citizenship', 'checkbox:DNS Management']);
    const contacts = await api.account.contacts();
    assert.deepEqual(contacts.map((c) => `${c.id} ${c.firstname} ${c.lastname}`), ['49 Mary Sue']);

    const base = { name: 'shop.eu', years: 1, action: 'register' as const, tld_id: '9', pay_method: '10' };
    const missing = await api.domains.order(base).then(() => undefined, (e: unknown) => e);
    assert.ok(missing instanceof PortalError && /Registrant citizenship is required/.test(missing.message), String(missing));

    const data = customAnswers(fields, { '1755': '10954', '1424': ['9067'] });
    assert.deepEqual(data, { '1755': { '10954': 1 }, '1424': { '9067': 1 } });
    const placed = await api.domains.order({ ...base, data, registrant: '49', admin: '49', tech: '49', billing: '49' });
    assert.equal(placed.total, 13, 'the period’s 9.00 and the DNS option’s 4.00, as the portal charged them');
    const body = ctx.portal.received({ method: 'POST', path: 'domain/order' }).at(-1)!.body as Record<string, unknown>;
    assert.deepEqual(body.data, data);
    assert.equal(body.registrant, '49');
    await registry.dispose();
  });
});
