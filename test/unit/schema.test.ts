import * as assert from 'node:assert/strict';
import * as v from 'valibot';
import { Amount, Flag, Id, list } from '../../src/api/schema';
import { DnsRecordSchema, srvContentArray } from '../../src/api/resources/dnsRecord';
import { Vm, vmState } from '../../src/api/resources/vms';
import { Service } from '../../src/api/resources/services';
import { featuresOf, vmActionsOf } from '../../src/api/capabilities';

describe('Normalisation at the edge', () => {
  it('ids are always strings and amounts always numbers', () => {
    assert.equal(v.parse(Id, 301), '301');
    assert.equal(v.parse(Id, '301'), '301');
    assert.equal(v.parse(Amount, '9.99'), 9.99);
    assert.equal(v.parse(Amount, 94.4), 94.4);
    assert.equal(v.parse(Amount, ''), 0);
    assert.equal(v.parse(Amount, null), 0);
    assert.equal(v.safeParse(Amount, 'twelve').success, false);
  });

  it('flags accept the portal’s many spellings', () => {
    for (const yes of ['1', 1, true, 'Yes', 'on', 'true']) assert.equal(v.parse(Flag, yes), true, String(yes));
    for (const no of ['0', 0, false, 'No', '', null]) assert.equal(v.parse(Flag, no), false, String(no));
  });

  it('lists arrive as arrays or as objects keyed by id', () => {
    const schema = list(v.looseObject({ id: Id, name: v.string() }), (id, name) => ({ id, name }));
    assert.deepEqual(v.parse(schema, { '10': 'BankTransfer', '9': 'PayPal' }), [
      { id: '9', name: 'PayPal' },
      { id: '10', name: 'BankTransfer' },
    ]);
    assert.deepEqual(v.parse(schema, [{ id: 1, name: 'Bank' }]), [{ id: '1', name: 'Bank' }]);
    assert.deepEqual(v.parse(schema, { '5': { name: 'x' } }), [{ id: '5', name: 'x' }]);
    assert.deepEqual(v.parse(schema, undefined), []);
  });

  it('keeps fields it does not know, for detail views', () => {
    const s = v.parse(Service, { id: 1, name: 'VPS', status: 'Active', datacenter: 'AMS1' });
    assert.equal((s as Record<string, unknown>).datacenter, 'AMS1');
  });

  it('refuses a service without an id: an unknown shape is an error, not a crash later', () => {
    assert.equal(v.safeParse(Service, { name: 'VPS', status: 'Active' }).success, false);
  });

  it('parses VMs of any shape tolerantly', () => {
    const a = v.parse(Vm, { vmid: 7, hostname: 'h.example', power_status: 'Shut Off', ipaddresses: [{ ip: '192.0.2.1' }, '2001:db8::1'] });
    assert.deepEqual([a.id, a.label, a.state, a.primaryIp, a.ips.length], ['7', 'h.example', 'stopped', '192.0.2.1', 2]);
    const b = v.parse(Vm, { uuid: 'x-1', name: 'n', state: 'weird-state' });
    assert.equal(b.state, 'unknown');
    assert.equal(b.primaryIp, '');
  });

  it('maps power words to states', () => {
    assert.equal(vmState('running'), 'running');
    assert.equal(vmState('stopping'), 'transitional');
    assert.equal(vmState('shutting down'), 'transitional');
    assert.equal(vmState('entering rescue'), 'transitional');
    assert.equal(vmState('Rescue mode'), 'rescue');
    assert.equal(vmState('Suspended'), 'suspended');
    assert.equal(vmState('building'), 'transitional');
  });

  it('normalises DNS records of both kinds, SRV arrays included', () => {
    const srv = v.parse(DnsRecordSchema, { name: '_sip._tcp', type: 'srv', ttl: '3600', priority: '10', content: [10, 5060, 'vc01.example.com'] });
    assert.deepEqual([srv.type, srv.ttl, srv.priority, srv.content], ['SRV', 3600, 10, '10 5060 vc01.example.com']);
    const byIndex = v.parse(DnsRecordSchema, { id: 1, name: 'test', ttl: 0, priority: 0, type: 'A', content: '100.100.10.1' });
    assert.equal(byIndex.id, '1');
    assert.deepEqual(srvContentArray('5 5060 sip.example.com'), [5, 5060, 'sip.example.com']);
    assert.equal(srvContentArray('5 x sip'), undefined);
  });
});

describe('Capability catalogue', () => {
  it('offers each provider only its own VM actions', () => {
    assert.deepEqual(vmActionsOf(featuresOf('elsecloud')), ['start', 'stop', 'shutdown', 'reboot', 'reset', 'rebuild']);
    assert.deepEqual(vmActionsOf(featuresOf('alterncloud')), ['start', 'stop', 'reboot', 'rescue', 'unrescue', 'rebuild']);
    assert.deepEqual(vmActionsOf(featuresOf('generic')), ['start', 'stop', 'reboot', 'rebuild']);
  });

  it('knows which providers register domains', () => {
    assert.equal(featuresOf('elsecloud').has('domains'), true);
    assert.equal(featuresOf('alterncloud').has('domains'), false);
    assert.equal(featuresOf('generic', ['domains']).has('domains'), true);
  });
});
