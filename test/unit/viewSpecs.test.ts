import * as assert from 'node:assert/strict';
import { collectAll } from './expandViews';
import { dnsZonesView, domainsView, servicesView } from '../../src/views/viewSpecs';
import { modelWithAccounts } from './modelHelpers';
import { eventually, useMockPortal } from './helpers';

describe('Views below their accounts (loading logic, no VS Code)', () => {
  const ctx = useMockPortal();

  it('Services: services, then VMs only under servers; one request per list, none on a second expansion', async () => {
    const { model, registry } = await modelWithAccounts(ctx.portal);
    const nodes = await collectAll(registry, model, servicesView);
    const labels = nodes.filter((n) => n.kind === 'vm').map((n) => (n.kind === 'vm' ? model.services.peekVm(n)?.label : ''));
    assert.deepEqual(labels.sort(), ['app-01', 'app-02', 'db-01', 'staging-01', 'web-01', 'worker-01']);
    // ElseCloud: /service + /vms for 301 and 305; ALTERNcloud: /service + /vms for 501 and 504.
    await model.services.backgroundSettled();
    const lists = ctx.portal.requests.filter((r) => !r.path.endsWith('/methods'));
    assert.equal(lists.length, 6, lists.map((r) => r.path).join(', '));
    // Services the guess takes for VM-less are asked about once each, in the background.
    const guessedWithout = nodes.filter((n) => n.kind === 'service' && !n.hasVms).map((n) => (n.kind === 'service' ? `service/${n.serviceId}/methods` : ''));
    assert.deepEqual(ctx.portal.requests.filter((r) => r.path.endsWith('/methods')).map((r) => r.path).sort(), guessedWithout.sort());
    ctx.portal.requests.length = 0;
    await collectAll(registry, model, servicesView);
    await model.services.backgroundSettled();
    assert.equal(ctx.portal.requests.length, 0);
    await registry.dispose();
  });

  it('Domains: only portals with domains; records sorted apex first, MX by priority', async () => {
    const { model, registry } = await modelWithAccounts(ctx.portal);
    const nodes = await collectAll(registry, model, domainsView);
    assert.equal(ctx.portal.received({ provider: 'alterncloud' }).length, 0, 'ALTERNcloud has no domains: nothing is asked');
    assert.equal(ctx.portal.requests.filter((r) => !r.path.endsWith('/reglock')).length, 1 + 3, 'the list, and the records of each of 3 domains');
    // Each domain's registrar lock is asked once in the background (its row then offers Lock or Unlock, not both).
    const locks = () => ctx.portal.requests.filter((r) => r.path.endsWith('/reglock')).map((r) => r.path).sort();
    await eventually(() => locks().length === 3 && [47, 48, 49].every((id) => model.domains.peekLock({ accountId: registry.list()[0].record.id, domainId: String(id) }) !== undefined), 'the locks are known');
    assert.deepEqual(locks(), ['domain/47/reglock', 'domain/48/reglock', 'domain/49/reglock']);
    await collectAll(registry, model, domainsView);
    assert.equal(locks().length, 3, 'a known lock is not asked again');
    const records = nodes.filter((n) => n.kind === 'record' && n.origin === 'example.com');
    assert.deepEqual(records.map((n) => (n.kind === 'record' ? `${n.record.name} ${n.record.type}` : '')), ['@ A', '@ MX', '@ TXT', 'www CNAME']);
    await registry.dispose();
  });

  it('DNS Zones: every zone of every account, records sorted, SRV with priority', async () => {
    const { model, registry } = await modelWithAccounts(ctx.portal);
    const nodes = await collectAll(registry, model, dnsZonesView);
    assert.deepEqual(nodes.filter((n) => n.kind === 'zone').map((n) => (n.kind === 'zone' ? n.name : '')), ['example.com', 'example.org', 'example.net']);
    assert.equal(ctx.portal.requests.length, 2 + 3, 'one /dns per account, one request per zone');
    const com = nodes.filter((n) => n.kind === 'record' && n.origin === 'example.com').map((n) => (n.kind === 'record' ? `${n.record.name} ${n.record.type}` : ''));
    assert.deepEqual(com.slice(0, 7), ['@ SOA', '@ NS', '@ NS', '@ A', '@ AAAA', '@ MX', '@ MX']);
    assert.ok(com.indexOf('*.apps A') > com.indexOf('@ CAA'));
    await registry.dispose();
  });

  it('a failure in one branch does not hide the others', async () => {
    const { model, registry } = await modelWithAccounts(ctx.portal);
    ctx.portal.fault({ kind: 'status', status: 500, path: '^service/301/vms$' });
    const failures: string[] = [];
    const nodes = await collectAll(registry, model, servicesView, failures);
    assert.ok(nodes.some((n) => n.kind === 'vm' && n.vmId === 'vm-7f3a'));
    assert.equal(failures.length, 1);
    await registry.dispose();
  });
});
