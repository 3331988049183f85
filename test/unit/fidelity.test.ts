import * as assert from 'node:assert/strict';
import { InvalidResponseError } from '../../src/api/errors';
import { PortalApi } from '../../src/api/portalApi';
import { unreadableItems } from '../../src/api/schema';
import { MessageNode } from '../../src/views/nodes';
import { servicesView, ticketsView, dnsZonesView } from '../../src/views/viewSpecs';
import { collectAll } from './expandViews';
import { RecordingLogger, rejects, signedIn, useMockPortal } from './helpers';
import { modelWithAccounts } from './modelHelpers';
import { addMisleadingVps } from '../mock-portal/variants';
import { loadDetails } from '../../src/webviews/detailsView';
import { renewalOptions } from '../../src/ordering/renewalPrices';
import { balanceSummary } from '../../src/billing/invoices';
import { UnsupportedError } from '../../src/api/errors';
import { vmActionsFor } from '../../src/model/vmActions';
import { modelOrderBackend, OrderSession } from '../../src/ordering/orderSession';
import { ExtensionToOrderPage } from '../../src/webviews/orderProtocol';

/**
 * What real portals send and mean, read against the references: answers that omit what the
 * examples show, and decisions that must come from the portal instead of a guess of ours.
 */
describe('Fidelity to what portals send', () => {
  const ctx = useMockPortal();
  let api: PortalApi;
  beforeEach(async () => {
    api = (await signedIn(ctx.portal, 'elsecloud', 'basic')).api;
  });
  afterEach(() => api.close());

  describe('records on a registered domain answered without ids', () => {
    it('are numbered from 1 as the reference addresses them, so editing the second record changes exactly that one', async () => {
      // The reference's example: `{"records": [{"id": 1, "name": "test", …}]}` — the first record is index 1.
      // example.org on the mock answers the same list without the ids.
      const raw = ctx.portal.state('elsecloud').domains.find((d) => d.id === '48')!;
      assert.equal(raw.omitRecordIds, true);
      const records = await api.domains.dnsRecords('48');
      assert.deepEqual(records.map((r) => r.id), ['1', '2', '3', '4']);
      const second = records[1];
      assert.equal(second.name, 'www');
      await api.domains.updateDnsRecord('48', second.id, { name: 'www', type: 'CNAME', content: 'cdn.example.net' });
      assert.deepEqual(
        raw.records.map((r) => `${r.name} ${r.type} ${r.content}`),
        ['@ A 203.0.113.80', 'www CNAME cdn.example.net', '@ MX mx.example.org', '@ TXT v=spf1 include:_spf.example-mail.net ~all'],
      );
      assert.deepEqual(ctx.portal.received({ method: 'PUT' }).map((r) => r.path), ['domain/48/dns/2']);
      // The first record can be addressed too (index 0 would be "not found").
      await api.domains.deleteDnsRecord('48', records[0].id);
      assert.deepEqual(raw.records.map((r) => r.name), ['www', '@', '@']);
    });
  });

  describe('one entry the client cannot read does not take a list down', () => {
    it('Services: the other services show, plus one row “1 service could not be read”; the log says which and why', async () => {
      const services = ctx.portal.state('elsecloud').services;
      services.push({ ...services[0], id: '399', sparse: true, vms: [] });
      const logger = new RecordingLogger();
      const { model, registry } = await modelWithAccounts(ctx.portal, undefined, undefined, { logger });
      const nodes = await collectAll(registry, model, servicesView);
      const elseServices = nodes.filter((n) => n.kind === 'service' && n.parent?.accountId === n.accountId && n.service.id !== '399');
      assert.ok(elseServices.length >= 3, 'the readable services are listed');
      const rows = nodes.filter((n): n is MessageNode => n.kind === 'message' && n.severity === 'unreadable');
      assert.equal(rows.length, 1);
      assert.equal(rows[0].text, '1 service could not be read');
      assert.match(rows[0].detail ?? '', /\(399\)/);
      const log = logger.text();
      assert.match(log, /1 item\(s\) of GET \/service could not be read and are left out: #\d+ \(399\): (name|status): /);
      await registry.dispose();
    });

    it('records, zones and tickets read item by item too; a list that is not a list is still an error', async () => {
      const zone = ctx.portal.state('elsecloud').zones[0];
      (zone.records as unknown[]).push({ id: '7777', name: 'broken', type: { odd: true }, content: 'x', ttl: 60, priority: 0 });
      const zoneAnswer = await api.dns.zone(zone.serviceId, zone.id);
      assert.equal(unreadableItems(zoneAnswer.records).length, 1);
      assert.ok(zoneAnswer.records.length >= 3);
      const { model, registry } = await modelWithAccounts(ctx.portal);
      const zoneRows = (await collectAll(registry, model, dnsZonesView)).filter((n) => n.kind === 'message' && n.severity === 'unreadable');
      assert.deepEqual(zoneRows.map((n) => (n as MessageNode).text), ['1 record could not be read']);
      (ctx.portal.state('elsecloud').tickets as unknown[]).push({ number: '999', subject: { no: 'text' }, status: 'Open', date: '2026-01-01 10:00', dept_id: '1', client_read: true, body: '', attachments: [], replies: [] });
      const ticketRows = (await collectAll(registry, model, ticketsView)).filter((n) => n.kind === 'message' && n.severity === 'unreadable');
      assert.deepEqual(ticketRows.map((n) => (n as MessageNode).text), ['1 ticket could not be read']);
      await registry.dispose();

      ctx.portal.fault({ kind: 'wrongShape', path: '^service$' });
      const error = await rejects(api.services.list());
      assert.ok(error instanceof InvalidResponseError, `got ${error}`);
    });
  });

  describe('what a service offers comes from the portal (`/methods`), not from its name', () => {
    it('a VPS named and filed as hosting becomes expandable once its /methods lists VMs, and its VMs load', async () => {
      addMisleadingVps(ctx.portal.state('elsecloud'));
      const { model, registry, ids } = await modelWithAccounts(ctx.portal);
      const learned: string[] = [];
      model.services.onDidLearnHasVms((ref) => learned.push(ref.serviceId));
      const first = await collectAll(registry, model, servicesView);
      const guessed = first.find((n) => n.kind === 'service' && n.serviceId === '390');
      assert.ok(guessed?.kind === 'service' && !guessed.hasVms, 'the guess says no VMs');
      await model.services.backgroundSettled();
      assert.deepEqual(learned, ['390'], 'the portal said it has VMs');
      const second = await collectAll(registry, model, servicesView);
      const row = second.find((n) => n.kind === 'service' && n.serviceId === '390');
      assert.ok(row?.kind === 'service' && row.hasVms);
      assert.ok(second.some((n) => n.kind === 'vm' && n.vmId === '1901'), 'its VM is listed');
      assert.equal(ctx.portal.received({ path: 'service/390/methods' }).length, 1, 'asked once');
      // Services the guess already takes for VM servers are not asked.
      assert.equal(ctx.portal.received({ path: 'service/301/methods' }).length, 0);
      // The details panel uses the same answer: gauges for the VPS despite its name.
      const details = await loadDetails(model, registry, { kind: 'service', accountId: ids.elsecloud, serviceId: '390' });
      assert.ok(details.kind === 'service' && details.gauges.length > 0, 'resource gauges shown');
      await registry.dispose();
    });

    it('without /methods on the portal, the guess stands', async () => {
      ctx.portal.fault({ kind: 'errorBody', path: '/methods$', message: 'invalid method' });
      const { model, registry, ids } = await modelWithAccounts(ctx.portal);
      const features = await model.services.features({ accountId: ids.elsecloud, serviceId: '303' });
      assert.equal(features.source, 'guess');
      assert.equal(features.vms, false);
      const vps = await model.services.features({ accountId: ids.elsecloud, serviceId: '301' });
      assert.deepEqual([vps.source, vps.vms], ['guess', true]);
      await registry.dispose();
    });
  });

  describe('money as the portal states it', () => {
    it('renewal prices come from the portal (lookup, else the TLD list), not from multiplying', async () => {
      // old-brand.net: the portal renews 1 year for 15.00 and 2 years for 28.50 (not 30.00).
      assert.deepEqual(await renewalOptions(api, 'old-brand.net'), [{ years: 1, price: 15 }, { years: 2, price: 28.5 }]);
      // A portal whose lookup states no prices: the TLD list's renew prices.
      ctx.portal.state('elsecloud').lookupStyle = 'status';
      assert.deepEqual(await renewalOptions(api, 'old-brand.net'), [{ years: 1, price: 15 }, { years: 2, price: 28.5 }, { years: 3, price: 42 }]);
      // No price stated anywhere: nothing to offer (the command then says so).
      assert.deepEqual(await renewalOptions(api, 'name.unknown-tld'), []);
    });

    it('domain lookup reads each documented shape; a free transfer is a price of 0, not “no price”', async () => {
      const taken = await api.domains.lookup('example.net');
      assert.equal(taken.available, false);
      assert.deepEqual(taken.periods.map((p) => [p.period, p.transfer]), [[1, 0], [2, 0]], 'transfer 0.00 is kept as 0');
      ctx.portal.state('elsecloud').lookupStyle = 'status';
      const free = await api.domains.lookup('brand-new-name.com');
      assert.deepEqual([free.available, free.name], [true, 'brand-new-name.com'], '{"status": "ok"} is available');
      const gone = await api.domains.lookup('example.com');
      assert.deepEqual([gone.available, gone.periods.length], [false, 0], 'an empty answer is “not available”');
    });

    it('the status bar sums what is due after credit already applied (the portal’s account balance)', async () => {
      const state = ctx.portal.state('elsecloud');
      const unpaid = state.invoices.find((i) => i.status === 'Unpaid')!;
      unpaid.credit = 2;
      const [balance, invoices] = await Promise.all([api.billing.balance(), api.billing.invoices()]);
      const summary = balanceSummary(balance, invoices);
      // The list (as in the reference) carries totals only; the balance knows the credit applied.
      const listed = invoices.find((i) => i.id === unpaid.id)!;
      const due = Math.round((listed.total - 2) * 100) / 100;
      assert.equal(summary.text, `1 unpaid · ${due.toFixed(2)} USD`);
      assert.equal(balance.balance, due, 'acc_balance is the amount due');
    });
  });

  describe('VMs as the portal describes them', () => {
    it('the VM details panel reads GET /service/@id/vms/@vmid and shows the fields only it returns', async () => {
      const { model, registry, ids } = await modelWithAccounts(ctx.portal);
      const details = await loadDetails(model, registry, { kind: 'vm', accountId: ids.elsecloud, serviceId: '301', vmId: '1001' });
      assert.equal(ctx.portal.received({ path: 'service/301/vms/1001' }).length, 1);
      assert.ok(details.kind === 'vm');
      const fields = Object.fromEntries(details.fields.map((f) => [f.label, f.value]));
      assert.equal(fields['Kernel'], '6.1.0-28-amd64', JSON.stringify(details.fields));
      await loadDetails(model, registry, { kind: 'vm', accountId: ids.elsecloud, serviceId: '301', vmId: '1001' });
      assert.equal(ctx.portal.received({ path: 'service/301/vms/1001' }).length, 1, 'cached');
      // After an action, the panel shows the settled state the polls saw, not the cached details from before.
      assert.equal(details.status, 'running');
      await model.vmActions.run({ accountId: ids.elsecloud, serviceId: '301', vmId: '1001' }, 'stop');
      const after = await loadDetails(model, registry, { kind: 'vm', accountId: ids.elsecloud, serviceId: '301', vmId: '1001' });
      assert.equal(after.status, 'stopped');
      await registry.dispose();
    });

    it('a VM whose id is in no known field is kept, read-only: listed, logged, no action offered or sent', async () => {
      const service = ctx.portal.state('alterncloud').services.find((s) => s.vms.length > 0)!;
      service.vms[0].unknownIdField = true;
      const logger = new RecordingLogger();
      const { model, registry, ids } = await modelWithAccounts(ctx.portal, undefined, undefined, { logger });
      const vms = await model.services.vms({ accountId: ids.alterncloud, serviceId: service.id });
      assert.equal(vms.length, service.vms.length, 'none dropped');
      const odd = vms.find((vm) => vm.label === service.vms[0].label)!;
      assert.match(odd.id, /^no-id-/);
      assert.deepEqual(vmActionsFor(registry.get(ids.alterncloud), odd, undefined), []);
      const log = logger.text();
      assert.match(log, /1 VM\(s\) of service \d+ came without an id .*server_ref/);
      const before = ctx.portal.requests.length;
      const refused = await rejects(model.vmActions.run({ accountId: ids.alterncloud, serviceId: service.id, vmId: odd.id }, 'stop'));
      assert.ok(refused instanceof UnsupportedError, `got ${refused}`);
      assert.equal(ctx.portal.requests.length, before, 'nothing sent');
      await registry.dispose();
    });
  });

  describe('payment methods with their fees', () => {
    it('the order form lists each payment method with the fee the portal states (GET /payment/fees)', async () => {
      const { model, registry, ids } = await modelWithAccounts(ctx.portal);
      const messages: ExtensionToOrderPage[] = [];
      const orders = new OrderSession(modelOrderBackend(model, ids.elsecloud, '333'), { post: (m) => messages.push(m), confirm: async () => false, placed: () => undefined, openInvoice: () => undefined, addToCart: () => 0, showCart: () => undefined }, { accountId: ids.elsecloud, productId: '333', account: 'Else' }, 10);
      await orders.handle({ type: 'ready' });
      const form = messages.find((m): m is Extract<ExtensionToOrderPage, { type: 'form' }> => m.type === 'form')!;
      assert.deepEqual(form.view.paymentMethods.map((m) => `${m.name}|${m.fee}`), ['PayPal|', 'BankTransfer|fee 2.9% + 0.30 USD', 'CreditCard|fee 2.9% + 0.30 USD']);
      assert.equal(ctx.portal.received({ path: 'payment/fees' }).length, 1);
      await orders.dispose();
      await registry.dispose();
    });
  });
});
