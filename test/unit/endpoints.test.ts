import * as assert from 'node:assert/strict';
import { UnsupportedError, PortalError } from '../../src/api/errors';
import { PortalApi } from '../../src/api/portalApi';
import { rejects, signedIn, sleep, useMockPortal } from './helpers';
import { trustedFetch } from '../pki/trustedFetch';

async function settleVm(api: PortalApi, serviceId: string, vmId: string, ms = 2_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const vm = await api.vms.details(serviceId, vmId);
    if (vm.state !== 'transitional' || Date.now() > deadline) {
      return vm;
    }
    await sleep(40);
  }
}

describe('Endpoint families against the mock portal', () => {
  const ctx = useMockPortal();

  describe('ElseCloud (Basic)', () => {
    let api: PortalApi;
    beforeEach(async () => {
      api = (await signedIn(ctx.portal, 'elsecloud', 'basic')).api;
    });
    afterEach(() => api.close());

    it('account: details, notifications, acknowledge', async () => {
      const details = await api.account.details();
      assert.equal(details.id, '26');
      assert.equal(details.firstname, 'Joe');
      assert.equal(details.country, 'US', 'unknown fields are kept');
      const fresh = await api.account.newNotifications();
      assert.deepEqual(fresh.map((n) => n.id), ['71']);
      const ack = await api.account.acknowledgeNotification('71');
      assert.deepEqual(ack.messages, ['notification_acknowledged']);
      assert.deepEqual(await api.account.newNotifications(), []);
      assert.equal((await api.account.notifications({ rel_type: 'invoice' })).length, 1);
    });

    it('billing: balance, invoices, invoice details, payment methods keyed by id, credit', async () => {
      const balance = await api.billing.balance();
      assert.equal(balance.currency, 'USD');
      assert.equal(balance.credit, 25);
      assert.equal(typeof balance.balance, 'number');
      const invoices = await api.billing.invoices();
      const unpaid = invoices.find((i) => i.status === 'Unpaid')!;
      assert.equal(typeof unpaid.total, 'number');
      const invoice = await api.billing.invoice(unpaid.id);
      assert.equal(invoice.items.length, 2);
      assert.equal(invoice.items[0].amount, 4.99);
      assert.equal(invoice.total, Math.round((6.99 * 1.21) * 100) / 100);
      const methods = await api.billing.paymentMethods();
      assert.deepEqual(
        methods.map((m) => [m.id, m.name]).sort(),
        [['10', 'BankTransfer'], ['12', 'CreditCard'], ['9', 'PayPal']],
      );
      const fees = await api.billing.paymentFees();
      assert.equal(fees.length, 3);
      assert.equal(typeof fees[1].percent_fee, 'number');
      const result = await api.billing.applyCredit(unpaid.id, 5);
      assert.equal(result.applied, 5);
      assert.equal((await api.billing.balance()).credit, 20);
    });

    it('services: list, details, methods, upgrade options, label, cancel, IPs, rDNS', async () => {
      const services = await api.services.list();
      assert.equal(services.length, 5);
      assert.ok(services.every((s) => typeof s.id === 'string' && typeof s.total === 'number'));
      const details = await api.services.details('301');
      assert.equal(details.name, 'Cloud VPS L');
      assert.equal(details.firstpayment, 29.99);
      assert.ok((await api.services.methods('301')).some((m) => m.route === '/service/@id/vms'));
      const upgrade = await api.services.upgradeOptions('301');
      assert.equal(upgrade.resources[0].items.length, 3);
      await api.services.setLabel('302', 'Marketing site');
      assert.equal(await api.services.label('302'), 'Marketing site');
      const ack = await api.services.cancel('302', { immediate: false, reason: 'Moving' });
      assert.deepEqual(ack.messages, ['cancell_sent']);
      assert.deepEqual(ctx.portal.state('elsecloud').services.find((s) => s.id === '302')!.cancellation, { immediate: false, reason: 'Moving' });
      const ips = await api.services.ips('301');
      assert.deepEqual(ips.map((i) => i.address), ['203.0.113.10', '203.0.113.11']);
      await api.services.setReverseDns('301', { '203.0.113.10': 'www.example.com' });
      const rdns = await api.services.reverseDns('301');
      assert.ok(rdns.some((e) => e.address === '203.0.113.10' && e.hostname === 'www.example.com'));
    });

    it('VMs: list (keyed by id), details, power through a transitional state, rebuild, templates, resources, network', async () => {
      const vms = await api.vms.list('301');
      assert.deepEqual(vms.map((v) => [v.id, v.label, v.state, v.primaryIp]), [
        ['1001', 'web-01', 'running', '203.0.113.10'],
        ['1002', 'db-01', 'stopped', '203.0.113.11'],
      ]);
      await api.vms.power('301', '1001', 'stop');
      assert.equal((await api.vms.details('301', '1001')).state, 'transitional');
      assert.equal((await settleVm(api, '301', '1001')).state, 'stopped');
      await api.vms.power('301', '1001', 'start');
      assert.equal((await settleVm(api, '301', '1001')).state, 'running');
      for (const action of ['shutdown', 'reset', 'reboot'] as const) {
        await api.vms.power('301', '1001', action);
        await settleVm(api, '301', '1001');
      }
      const error = await rejects(api.vms.power('301', '1002', 'stop'));
      assert.ok(error instanceof PortalError);
      assert.match(error.message, /Cannot stop db-01 while it is stopped/);
      const templates = await api.services.templates('301');
      assert.ok(templates.some((t) => t.id === 'rocky-9' && t.name === 'Rocky Linux 9'));
      await api.vms.rebuild('301', '1002', 'rocky-9');
      assert.equal((await settleVm(api, '301', '1002')).fields.template, 'rocky-9');
      const resources = await api.services.resources('301');
      const memory = resources.find((r) => r.name === 'Memory')!;
      assert.equal(memory.used, 6144);
      assert.equal(memory.unit, 'MB');
      assert.equal((await api.vms.ips('301', '1001')).length, 2);
      assert.equal((await api.vms.interfaces('301', '1001'))[0].name, 'net0');
    });

    it('refuses rescue before sending: ElseCloud has no such endpoint', async () => {
      assert.equal(api.vms.supports('rescue'), false);
      const error = await rejects(api.vms.power('301', '1001', 'rescue'));
      assert.ok(error instanceof UnsupportedError);
      assert.equal(ctx.portal.received({ path: /rescue/ }).length, 0);
    });

    it('domains: list, details, nameservers, DNS by index, lock, autorenew, EPP, renew, lookup, order', async () => {
      const domains = await api.domains.list();
      assert.deepEqual(domains.map((d) => [d.name, d.autorenew]), [['example.com', true], ['example.org', false], ['old-brand.net', false]]);
      assert.ok(domains[1].daytoexpire! <= 21 && domains[1].daytoexpire! >= 19);
      const details = await api.domains.details('47');
      assert.deepEqual(details.nameservers, ['ns1.example-dns.net', 'ns2.example-dns.net']);
      assert.equal((await api.domains.byName('example.org'))[0].id, '48');
      await api.domains.setNameservers('47', ['ns1.other.net', 'ns2.other.net', 'ns3.other.net']);
      assert.deepEqual(await api.domains.nameservers('47'), ['ns1.other.net', 'ns2.other.net', 'ns3.other.net']);
      const tooMany = await rejects(api.domains.setNameservers('47', ['a.n', 'b.n', 'c.n', 'd.n', 'e.n']));
      assert.match(tooMany.message, /between 2 and 4/);

      const records = await api.domains.dnsRecords('47');
      assert.equal(records.length, 4);
      assert.equal(records[0].id, '1');
      await api.domains.addDnsRecord('47', { name: 'api', type: 'A', content: '203.0.113.99' });
      await api.domains.updateDnsRecord('47', '1', { name: '@', type: 'A', content: '203.0.113.81' });
      await api.domains.deleteDnsRecord('47', '2');
      const after = await api.domains.dnsRecords('47');
      assert.deepEqual(after.map((r) => [r.name, r.type, r.content]), [
        ['@', 'A', '203.0.113.81'],
        ['@', 'MX', 'mx.example.com'],
        ['@', 'TXT', 'v=spf1 include:_spf.example-mail.net ~all'],
        ['api', 'A', '203.0.113.99'],
      ]);
      const invalid = await rejects(api.domains.addDnsRecord('47', { name: 'x', type: 'A', content: 'not-an-ip' }));
      assert.match(invalid.message, /Invalid IPv4 address/);
      assert.ok((await api.domains.dnsRecordTypes('47')).includes('MX'));

      assert.equal(await api.domains.registrarLock('47'), true);
      await api.domains.setRegistrarLock('47', false);
      assert.equal(await api.domains.registrarLock('47'), false);
      await api.domains.setAutorenew('48', true);
      assert.equal(await api.domains.autorenew('48'), true);
      await api.domains.setIdProtection('47', true);
      assert.equal((await api.domains.details('47')).idprotection, true);
      assert.equal(await api.domains.eppCode('47'), 'EPP-47-x7Q!k2');
      const noEpp = await rejects(api.domains.eppCode('49'));
      assert.match(noEpp.message, /only available for active domains/);

      const renewal = await api.domains.renew('49', 1, '10');
      assert.equal(renewal.total, 15);
      assert.ok(renewal.invoice_id);
      const lookup = await api.domains.lookup('fresh-name.com');
      assert.equal(lookup.available, true);
      assert.equal(lookup.periods[0].register, 10);
      assert.equal((await api.domains.lookup('example.com')).available, false);
      const tlds = await api.domains.tlds();
      assert.ok(tlds.some((t) => t.tld === '.org'));
      const order = await api.domains.order({ name: 'fresh-name.com', years: 2, action: 'register', tld_id: '6', pay_method: '10' });
      assert.equal(order.total, 18.5, 'the portal\'s two-year price');
      assert.ok((await api.domains.list()).some((d) => d.name === 'fresh-name.com'));
    });

    it('DNS zones: index, zone records with SRV arrays, zone and record create/edit/delete', async () => {
      const index = await api.dns.index();
      assert.deepEqual(index.service_ids, ['303']);
      assert.deepEqual(index.zones.map((z) => [z.id, z.name, z.service_id]), [['60', 'example.com', '303'], ['61', 'example.org', '303']]);
      const zone = await api.dns.zone('303', '60');
      assert.equal(zone.name, 'example.com');
      const srv = zone.records.find((r) => r.type === 'SRV' && r.name === '_sip._tcp')!;
      assert.equal(srv.content, '5 5060 sip.example.com');
      assert.equal(srv.priority, 10);
      assert.ok(zone.records.every((r) => typeof r.id === 'string' && typeof r.ttl === 'number'));

      const created = await api.dns.addRecord('303', '60', { name: '_imap._tcp', type: 'SRV', ttl: 600, priority: 20, content: '1 993 imap.example.com' });
      assert.equal(created?.content, '1 993 imap.example.com');
      assert.deepEqual(ctx.portal.received({ path: 'service/303/dns/60/records' })[0].body, {
        name: '_imap._tcp',
        type: 'SRV',
        ttl: 600,
        priority: 20,
        content: [1, 993, 'imap.example.com'],
      });
      const a = zone.records.find((r) => r.type === 'A' && r.name === 'mail')!;
      const updated = await api.dns.updateRecord('303', '60', a.id, { name: 'mail', type: 'A', ttl: 300, content: '203.0.113.26' });
      assert.equal(updated?.ttl, 300);
      await api.dns.deleteRecord('303', '60', a.id);
      const after = await api.dns.zone('303', '60');
      assert.equal(after.records.some((r) => r.id === a.id), false);
      assert.equal(after.records.length, zone.records.length);

      await api.dns.createZone('303', 'new-zone.com');
      const zones = await api.dns.listForService('303');
      const added = zones.find((z) => z.name === 'new-zone.com')!;
      await api.dns.deleteZone('303', added.id);
      assert.equal((await api.dns.index()).zones.length, 2);
      const notDns = await rejects(api.dns.listForService('301'));
      assert.equal(notDns.message, 'invalid method');
    });

    it('tickets: list, thread with staff replies, departments, create, reply, close, reopen, attachment', async () => {
      const tickets = await api.tickets.list();
      assert.equal(tickets.length, 4);
      const unread = tickets.find((t) => t.ticket_number === '736633')!;
      assert.equal(unread.client_read, false);
      const thread = await api.tickets.thread('736633');
      assert.match(thread.ticket.body, /\r\n/);
      assert.deepEqual(thread.replies.map((r) => r.fromStaff), [true, false, true]);
      assert.equal(thread.ticket.attachments[0].name, 'console.log');
      const file = await api.tickets.attachment(thread.ticket.attachments[0].file);
      assert.equal(file.fileName, 'console.log');
      assert.match(file.bytes.toString('utf8'), /Kernel panic/);
      const departments = await api.tickets.departments();
      assert.deepEqual(departments.map((d) => d.name), ['Technical Support', 'Billing', 'Sales']);
      const number = await api.tickets.create({ dept_id: '1', subject: 'Disk full', body: 'Service 301 disk is full.' });
      assert.equal(typeof number, 'string');
      assert.deepEqual((await api.tickets.reply(number, 'Any update?')).messages, ['reply_added']);
      await api.tickets.close(number);
      assert.equal((await api.tickets.thread(number)).ticket.status, 'Closed');
      await api.tickets.reopen(number);
      const reopened = await api.tickets.thread(number);
      assert.equal(reopened.ticket.status, 'Open');
      assert.equal(reopened.replies[0].body, 'Any update?');
    });

    it('catalogue: categories, products, configuration, quote, order', async () => {
      const categories = await api.catalogue.categories();
      assert.equal(categories[0].name, 'Cloud Servers');
      const products = await api.catalogue.products('10');
      assert.deepEqual(products.map((p) => p.name), ['Cloud VPS S', 'Cloud VPS L']);
      assert.equal(products[0].periods[0].price, 9.99);
      const config = await api.catalogue.configuration('333');
      assert.deepEqual(config.config.forms.map((f) => f.type), ['select', 'radio', 'checkbox', 'qty']);
      assert.equal(config.config.addons[0].title, 'Managed firewall');
      const item = { type: 'product' as const, product_id: '333', cycle: 'm', domain: 'vps9.example.com', custom: { '1618': { '10331': 1 }, '1621': { '10360': 2 } }, addon: { '31': 'm' } };
      const quote = await api.catalogue.quote([item], '10');
      // 9.99 + 4 (80 GB) + 2 × 3 (IPs) + 5 (firewall) = 24.99, setup 2 × 1 = 2 → 26.99, VAT 21 %
      assert.equal(quote.summary.subtotal, 26.99);
      assert.equal(quote.summary.tax[0].tax, 5.67);
      assert.equal(quote.summary.total, 32.66);
      assert.equal(quote.summary.recurring[0].title, 'Monthly');
      const order = await api.catalogue.orderProduct('333', { domain: item.domain, cycle: 'm', custom: item.custom, addon: item.addon, pay_method: '10' });
      assert.equal(order.total, 32.66);
      assert.ok(order.order_num);
      assert.ok((await api.services.list()).some((s) => s.domain === 'vps9.example.com' && s.status === 'Pending'));
      const bad = await rejects(api.catalogue.quote([{ type: 'product', product_id: '333', cycle: 'm', domain: 'x.example.com' }], '10').then(() => api.catalogue.order([{ type: 'product', product_id: '333', cycle: 'zz' }], '10')));
      assert.match(bad.message, /Billing cycle zz is not available/);
    });
  });

  describe('ALTERNcloud (JWT)', () => {
    let api: PortalApi;
    beforeEach(async () => {
      api = (await signedIn(ctx.portal, 'alterncloud', 'jwt')).api;
    });
    afterEach(() => api.close());

    it('services and VMs (array list, other field names), rescue and unrescue', async () => {
      const services = await api.services.list();
      assert.equal(services[0].name, 'Cloud Server CX31');
      const vms = await api.vms.list('501');
      assert.deepEqual(vms.map((v) => [v.id, v.state, v.primaryIp]), [
        ['vm-7f3a', 'running', '198.51.100.31'],
        ['vm-7f3b', 'running', '198.51.100.32'],
        ['vm-7f3c', 'rescue', '198.51.100.33'],
      ]);
      assert.equal(api.vms.supports('rescue'), true);
      assert.equal(api.vms.supports('shutdown'), false);
      await api.vms.power('501', 'vm-7f3c', 'unrescue');
      assert.equal((await settleVm(api, '501', 'vm-7f3c')).state, 'running');
      await api.vms.power('501', 'vm-7f3a', 'rescue');
      assert.equal((await settleVm(api, '501', 'vm-7f3a')).state, 'rescue');
      assert.deepEqual((await api.services.ips('501')).map((i) => i.address), ['198.51.100.31', '198.51.100.32', '198.51.100.33']);
    });

    it('offers neither domains nor rDNS nor VM networking, and sends nothing for them', async () => {
      for (const call of [() => api.domains.list(), () => api.services.reverseDns('501'), () => api.vms.interfaces('501', 'vm-7f3a'), () => api.vms.power('501', 'vm-7f3a', 'reset')]) {
        const error = await rejects(call());
        assert.ok(error instanceof UnsupportedError, `got ${error}`);
      }
      assert.equal(ctx.portal.received({ path: /domain|rdns|interfaces|reset/ }).length, 0);
    });

    it('DNS zones and tickets with lastreply', async () => {
      const index = await api.dns.index();
      assert.deepEqual(index.zones.map((z) => z.name), ['example.net']);
      const zone = await api.dns.zone('502', '80');
      assert.ok(zone.records.some((r) => r.type === 'CAA'));
      const tickets = await api.tickets.list();
      assert.ok(tickets.every((t) => t.lastreply !== ''));
    });

    it('the domain endpoints answer “invalid method” on the real ALTERNcloud mock too', async () => {
      const res = await trustedFetch(`${ctx.portal.apiRoot('alterncloud')}domain`, { headers: { authorization: 'Basic ' + Buffer.from('demo@alterncloud.test:demo-password').toString('base64') } });
      assert.equal(res.status, 404);
      assert.deepEqual(await res.json(), { error: ['invalid method'] });
    });
  });

  describe('Other portal of the family (generic profile)', () => {
    it('probes the optional families at sign-in and offers only what answered', async () => {
      const { api } = await signedIn(ctx.portal, 'alterncloud', 'basic', { profile: 'generic' });
      try {
        assert.equal(api.client.supports('domains'), false);
        assert.equal(api.vms.supports('rescue'), false);
      } finally {
        await api.close();
      }
      const other = await signedIn(ctx.portal, 'elsecloud', 'basic', { profile: 'generic' });
      try {
        assert.equal(other.api.client.supports('domains'), true);
        assert.equal((await other.api.domains.list()).length, 3);
      } finally {
        await other.api.close();
      }
    });
  });
});
