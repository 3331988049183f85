import * as assert from 'node:assert/strict';
import { NetworkError, PortalError, UnsupportedError } from '../../src/api/errors';
import { PortalApi } from '../../src/api/portalApi';
import { poolOf, sizeProblem } from '../../src/model/vmPool';
import { rejects, signedIn, useMockPortal } from './helpers';

/** Cloud servers against the mock portal over HTTPS: pool accounting, refusals, lost answers not resent. */
describe('Cloud servers: create, resize, delete VMs; reverse DNS; plan changes', () => {
  const ctx = useMockPortal();
  let api: PortalApi;
  beforeEach(async () => {
    api = (await signedIn(ctx.portal, 'elsecloud', 'basic')).api;
  });
  afterEach(() => api.close());
  const sent = (method: string, path: RegExp) => ctx.portal.received({ method, path }).length;

  it('reads what the pool has left in VM units, and a form refuses more than that before sending', async () => {
    const pool = poolOf(await api.services.resources('301'));
    // web-01 (2048 MB, 2 cores, 40 GB) and db-01 (4096 MB, 4 cores, 80 GB) in a plan of 8192 MB, 8 cores, 320 GB.
    assert.deepEqual(pool, { memory: { used: 6144, total: 8192, left: 2048 }, cpu: { used: 6, total: 8, left: 2 }, disk: { used: 120, total: 320, left: 200 } });
    assert.equal(sizeProblem(pool, 'disk', '200'), undefined);
    assert.match(sizeProblem(pool, 'disk', '201')!, /Only 200 GB of disk is left/);
    assert.match(sizeProblem(pool, 'memory', '0')!, /at least 1/);
    assert.equal(sizeProblem(pool, 'cpu', '4', 2), undefined, 'a resized VM’s own share counts as free');
    assert.deepEqual(poolOf([{ name: 'RAM', used: 2, total: 16, unit: 'GB' }] as never).memory, { used: 2048, total: 16384, left: 14336 });
  });

  it('creates a VM within the pool once; the pool shrinks; one more than is left is refused by the portal too', async () => {
    const before = sent('POST', /^service\/301\/vms$/);
    const { vmId } = await api.vms.create('301', { label: 'web-02', template: 'debian-12', memory: 1024, cpu: 1, disk: 20 });
    assert.ok(vmId);
    assert.equal(sent('POST', /^service\/301\/vms$/) - before, 1);
    const vm = (await api.vms.list('301')).find((v) => v.id === vmId)!;
    assert.equal(vm.label, 'web-02');
    assert.equal(poolOf(await api.services.resources('301')).memory?.left, 1024);
    const refused = await rejects(api.vms.create('301', { label: 'web-03', template: 'debian-12', memory: 2048, cpu: 1, disk: 20 }));
    assert.ok(refused instanceof PortalError && /Not enough memory left/.test(refused.message), String(refused));
    assert.equal((await api.vms.list('301')).length, 3, 'nothing was created');
  });

  it('a create whose answer is lost is not sent again, and says it may have happened', async () => {
    ctx.portal.fault({ kind: 'resetAfter', method: 'POST', path: '^service/301/vms$', times: 1 });
    const before = sent('POST', /^service\/301\/vms$/);
    const error = await rejects(api.vms.create('301', { label: 'lost-01', template: 'debian-12', memory: 512, cpu: 1, disk: 10 }));
    assert.ok(error instanceof NetworkError && error.maybeSeenByServer, String(error));
    assert.equal(sent('POST', /^service\/301\/vms$/) - before, 1, 'sent once');
    assert.ok((await api.vms.list('301')).some((v) => v.label === 'lost-01'), 'the portal did create it');
  });

  it('resizes a stopped VM within the pool; a running one is refused with the portal’s words', async () => {
    const refused = await rejects(api.vms.resize('301', '1001', { memory: 2048, cpu: 1 }));
    assert.match(refused.message, /Stop the VM before resizing it/);
    await api.vms.resize('301', '1002', { memory: 2048, cpu: 2 });
    const db = await api.vms.details('301', '1002');
    assert.deepEqual([Number(db.fields.memory), Number(db.fields.cpu)], [2048, 2]);
    const tooBig = await rejects(api.vms.resize('301', '1002', { memory: 99_999, cpu: 2 }));
    assert.match(tooBig.message, /Not enough memory/);
  });

  it('deletes a VM once; the pool gets its share back', async () => {
    const before = poolOf(await api.services.resources('301')).memory!.left;
    await api.vms.destroy('301', '1002');
    assert.equal(sent('DELETE', /^service\/301\/vms\/1002$/), 1);
    assert.ok(!(await api.vms.list('301')).some((v) => v.id === '1002'));
    assert.equal(poolOf(await api.services.resources('301')).memory!.left, before + 4096);
  });

  it('sets reverse DNS for one address and reads it back', async () => {
    await api.services.setReverseDns('301', { '203.0.113.10': 'mail.example.com' });
    const entries = await api.services.reverseDns('301');
    assert.equal(entries.find((e) => e.address === '203.0.113.10')?.hostname, 'mail.example.com');
    const refused = await rejects(api.services.setReverseDns('301', { '198.51.100.99': 'x.example.com' }));
    assert.match(refused.message, /does not belong to this service/);
  });

  it('estimates a plan change without changing anything, then requests it once: the pool grows', async () => {
    const options = await api.services.upgradeOptions('301');
    const memory = options.resources.find((r) => r.name === 'Memory pool')!;
    assert.deepEqual(memory.items.map((i) => i.name), ['8 GB', '16 GB', '32 GB']);
    const estimate = await api.services.upgrade('301', { [memory.id]: '2002' }, false);
    assert.equal(estimate.total, 12);
    assert.equal(poolOf(await api.services.resources('301')).memory!.total, 8192, 'an estimate changes nothing');
    await api.services.upgrade('301', { [memory.id]: '2002' }, true);
    assert.equal(poolOf(await api.services.resources('301')).memory!.total, 16384);
    assert.equal(sent('POST', /^service\/301\/upgrade$/), 2);
  });

  it('assigns an address from the IP pool once: the VM has it, the pool has one fewer', async () => {
    const [pool] = await api.vms.ipPools('301', '1001');
    assert.deepEqual([pool.id, pool.name, pool.free], ['1', 'Public AMS1', 12]);
    await api.vms.assignIp('301', '1001', pool.id, { type: 'ipv4', iface: '0' });
    assert.equal(sent('POST', /^service\/301\/vms\/1001\/ippool\/1$/), 1);
    const ips = (await api.vms.ips('301', '1001')).map((ip) => ip.address);
    assert.deepEqual(ips, ['203.0.113.10', '2001:db8:10::1', '192.0.2.201']);
    assert.equal((await api.vms.ipPools('301', '1001'))[0].free, 11);
  });

  it('adds a network interface, turns its firewall off, removes it: one request each', async () => {
    assert.deepEqual((await api.vms.interfaces('301', '1001')).map((i) => [i.name, i.firewall]), [['net0', true]]);
    await api.vms.addInterface('301', '1001', { firewall: true });
    const added = (await api.vms.interfaces('301', '1001')).find((i) => i.name === 'net1')!;
    assert.equal(added.firewall, true);
    await api.vms.updateInterface('301', '1001', added.id, { firewall: false });
    assert.equal((await api.vms.interfaces('301', '1001')).find((i) => i.name === 'net1')!.firewall, false);
    await api.vms.removeInterface('301', '1001', added.id);
    assert.deepEqual((await api.vms.interfaces('301', '1001')).map((i) => i.name), ['net0']);
    assert.deepEqual([sent('POST', /interfaces$/), sent('PUT', /interfaces\/1$/), sent('DELETE', /interfaces\/1$/)], [1, 1, 1]);
  });

  it('ALTERNcloud has no resize, delete, reverse DNS, IP pools or interfaces: refused before anything is sent', async () => {
    const altern = (await signedIn(ctx.portal, 'alterncloud', 'basic')).api;
    try {
      const before = ctx.portal.received({ provider: 'alterncloud' }).length;
      for (const call of [altern.vms.resize('501', 'vm-7f3a', { memory: 1, cpu: 1 }), altern.vms.destroy('501', 'vm-7f3a'), altern.services.setReverseDns('501', { '198.51.100.31': 'a.example.com' }), altern.vms.assignIp('501', 'vm-7f3a', '1', { type: 'ipv4', iface: '0' }), altern.vms.addInterface('501', 'vm-7f3a', { firewall: true })]) {
        assert.ok((await rejects(call)) instanceof UnsupportedError);
      }
      assert.equal(ctx.portal.received({ provider: 'alterncloud' }).length, before, 'nothing sent');
    } finally {
      await altern.close();
    }
  });
});
