import * as assert from 'node:assert/strict';
import { PortalError } from '../../src/api/errors';
import { balanceSummary, creditToApply, invoicePageView, isOverdue, sortInvoices } from '../../src/billing/invoices';
import { keys } from '../../src/model/cacheKeys';
import { NotificationTracker } from '../../src/notifications/notificationTracker';
import { inlineText } from '../../src/util/plainText';
import { rejects, useMockPortal } from './helpers';
import { MemoryState } from './memoryStore';
import { modelWithAccounts } from './modelHelpers';

describe('Billing, domains and notifications', () => {
  const ctx = useMockPortal();

  it('summarises balance and unpaid invoices for the status bar', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    const summary = balanceSummary(await model.billing.balance(ids.elsecloud), await model.billing.invoices(ids.elsecloud));
    assert.deepEqual(summary, {
      text: '1 unpaid · 8.46 USD',
      tooltip: 'Credit: 25.00 USD\nUnpaid invoices: 1 (8.46 USD)',
      unpaid: 1,
      overdue: 0,
      attention: true,
    });
    assert.equal(balanceSummary({ currency: 'EUR', balance: 0, credit: 3 }, []).text, '3.00 EUR credit');
    await registry.dispose();
  });

  it('lists unpaid invoices first, oldest due first, and knows overdue ones', () => {
    const list = [
      { id: '1', status: 'Paid', date: '2026-10-01', duedate: '2026-10-08' },
      { id: '2', status: 'Unpaid', date: '2026-11-10', duedate: '2026-11-30' },
      { id: '3', status: 'Unpaid', date: '2026-11-01', duedate: '2026-11-08' },
      { id: '4', status: 'Cancelled', date: '2026-11-02', duedate: '2026-11-09' },
    ];
    assert.deepEqual(sortInvoices(list).map((i) => i.id), ['3', '2', '4', '1']);
    assert.ok(isOverdue(list[2], '2026-11-22'));
    assert.ok(!isOverdue(list[1], '2026-11-22'));
    assert.ok(!isOverdue(list[0], '2026-11-22'));
  });

  it('shows an invoice with items, tax, total, amount due and the credit that can pay it', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    const ref = { accountId: ids.elsecloud, invoiceId: '309120' };
    const view = invoicePageView(await model.billing.invoice(ref), await model.billing.balance(ids.elsecloud));
    assert.equal(view.title, 'Invoice 2026/11/3');
    assert.deepEqual(view.items.map((i) => `${i.description} ${i.quantity}×${i.unitPrice}=${i.total}`), ['Starter Hosting (examplename.com) 1×4.99=4.99', 'DNS Hosting 1×2=2']);
    assert.deepEqual(view.taxes, [{ label: 'Tax (21%)', amount: 1.47 }]);
    assert.equal(view.total, 8.46);
    assert.equal(view.due, 8.46);
    assert.equal(view.applicableCredit, 8.46);
    assert.ok(view.unpaid);
    assert.equal(creditToApply({ total: 8.46, credit: 0, status: 'Unpaid' }, 5), 5);
    assert.equal(creditToApply({ total: 8.46, credit: 8.46, status: 'Paid' }, 5), 0);
    await registry.dispose();
  });

  it('applies credit once: invoice paid, balance and list read again; a repeat is refused by the portal, not retried', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    const ref = { accountId: ids.elsecloud, invoiceId: '309120' };
    await Promise.all([model.billing.invoice(ref), model.billing.invoices(ids.elsecloud), model.billing.balance(ids.elsecloud)]);
    const invalidated: string[] = [];
    model.cache.onDidInvalidate((k) => invalidated.push(k));
    await model.billing.applyCredit(ref, 8.46);
    assert.deepEqual(invalidated.sort(), [keys.balance(ids.elsecloud), keys.invoice(ref), keys.invoices(ids.elsecloud)].sort());
    assert.equal((await model.billing.invoice(ref)).status, 'Paid');
    assert.equal((await model.billing.balance(ids.elsecloud)).credit, 16.54);
    assert.equal(balanceSummary(await model.billing.balance(ids.elsecloud), await model.billing.invoices(ids.elsecloud)).attention, false);
    const again = await rejects(model.billing.applyCredit(ref, 1));
    assert.ok(again instanceof PortalError && /not unpaid/.test(again.message));
    assert.equal(ctx.portal.received({ method: 'POST', path: /credit$/ }).length, 2);
    await registry.dispose();
  });

  it('a credit payment whose answer is lost is not sent again', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    ctx.portal.fault({ kind: 'resetAfter', path: 'credit$', times: 1 });
    await rejects(model.billing.applyCredit({ accountId: ids.elsecloud, invoiceId: '309120' }, 8.46));
    assert.equal(ctx.portal.received({ method: 'POST', path: /credit$/ }).length, 1);
    // The portal did act; reading again shows it.
    assert.equal((await model.billing.invoice({ accountId: ids.elsecloud, invoiceId: '309120' })).status, 'Paid');
    await registry.dispose();
  });

  it('looks up a domain and registers it, or transfers a taken one, with one order each', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    const free = await model.domains.lookup(ids.elsecloud, 'fresh-idea.org');
    assert.equal(free.available, true);
    // The portal's own two-year price (not twice the one-year price).
    assert.deepEqual(free.periods.map((p) => [p.period, p.register]), [[1, 12], [2, 22.5]]);
    const order = await model.domains.order(ids.elsecloud, { name: 'fresh-idea.org', years: 2, action: 'register', tld_id: free.periods[1].id, pay_method: '10', nameservers: ['ns1.example.net', 'ns2.example.net'] });
    assert.equal(order.total, 22.5);
    const domains = await model.domains.list(ids.elsecloud);
    const created = domains.find((d) => d.name === 'fresh-idea.org');
    assert.ok(created);
    assert.deepEqual((await model.domains.details({ accountId: ids.elsecloud, domainId: created.id })).nameservers, ['ns1.example.net', 'ns2.example.net']);
    const taken = await model.domains.lookup(ids.elsecloud, 'fresh-idea.org');
    assert.equal(taken.available, false);
    const transfer = await model.domains.order(ids.elsecloud, { name: 'example.com', years: 1, action: 'transfer', tld_id: '6', pay_method: '10', epp: 'X-1' });
    assert.equal(transfer.total, 10);
    assert.equal(ctx.portal.received({ method: 'POST', path: 'domain/order' }).length, 2);
    assert.ok((await model.billing.invoices(ids.elsecloud)).some((i) => i.id === transfer.invoice_id), 'invoices were read again');
    await registry.dispose();
  });

  it('shows each portal notification once across polls and reloads, and acknowledges it once', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    const state = new MemoryState();
    const tracker = new NotificationTracker(state);
    const first = tracker.unseen(ids.elsecloud, await model.notifications.unacknowledged(ids.elsecloud));
    assert.deepEqual(first.map((n) => n.subject), ['Scheduled maintenance']);
    await tracker.markShown(ids.elsecloud, first.map((n) => n.id));
    assert.deepEqual(tracker.unseen(ids.elsecloud, await model.notifications.unacknowledged(ids.elsecloud)), [], 'not shown twice');
    assert.deepEqual(new NotificationTracker(state).unseen(ids.elsecloud, await model.notifications.unacknowledged(ids.elsecloud)), [], 'not after a reload either');
    await model.notifications.acknowledge(ids.elsecloud, '71');
    assert.equal(ctx.portal.received({ method: 'PUT', path: 'notifications/71/ack' }).length, 1);
    assert.deepEqual(await model.notifications.unacknowledged(ids.elsecloud), []);
    assert.ok((await model.notifications.list(ids.elsecloud)).every((n) => n.read));
    await registry.dispose();
  });

  it('a portal error message reaches the user as one line of plain text, never a command link', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    ctx.portal.fault({ kind: 'errorBody', path: '^service$', message: 'Failed\u0000 [fix it](command:cloudPortal.removeAccount) <script>alert(1)</script>\n' + 'x'.repeat(2000), times: 3 });
    const error = await rejects(model.services.list(ids.elsecloud));
    assert.ok(!/\]\(/.test(error.message), error.message.slice(0, 120));
    // eslint-disable-next-line no-control-regex -- the point: no control characters reach the user
    assert.ok(!/[\u0000-\u001f]/.test(error.message));
    assert.ok(error.message.length <= 500);
    assert.match(error.message, /^Failed \[fix it\]\u2060\(command:cloudPortal\.removeAccount\) <script>alert\(1\)<\/script> x+…$/, 'shown as text, not dropped');
    await registry.dispose();
  });

  it('makes portal text safe for notifications: no command links, no control characters, capped length', () => {
    assert.equal(inlineText('Click [here](command:cloudPortal.removeAccount)'), 'Click [here]\u2060(command:cloudPortal.removeAccount)');
    assert.equal(inlineText('a\u0000b\r\n\tc\u202Ed'), 'a b c d');
    assert.equal(inlineText('$(alert) fake icon'), '$\u2060(alert) fake icon');
    assert.equal(inlineText('x'.repeat(300), 10), `${'x'.repeat(9)}…`);
  });
});
