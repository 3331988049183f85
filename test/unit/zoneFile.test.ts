import * as assert from 'node:assert/strict';
import { DnsRecord } from '../../src/api/resources/dnsRecord';
import { diffZone } from '../../src/zones/zoneDiff';
import { parseZone, printZone, recordKey } from '../../src/zones/zoneFile';
import { applyChanges, checkZone, domainZoneBackend, planSave, snapshotOf, zoneBackend } from '../../src/zones/zoneSync';
import { useMockPortal } from './helpers';
import { modelWithAccounts } from './modelHelpers';

/** A zone as people write them: SOA over several lines, owners left out, units, comments, absolute and relative names. */
const REAL_WORLD = `; example.com, hand-written
$ORIGIN example.com.
$TTL 1h
@       IN  SOA ns1.example-dns.net. hostmaster.example.com. (
                2026112201 ; serial
                3600 900 1209600 3600 )
        86400 IN NS  ns1.example-dns.net.
        86400 IN NS  ns2.example-dns.net.
@             A     203.0.113.10
              AAAA  2001:db8:10::10
www           CNAME @
mail.example.com.  300 IN A 203.0.113.25
@             MX 10 mail
@             MX 20 mail2.example.org.
*.apps   300  IN A 203.0.113.40
@        IN TXT "v=spf1 mx a ip4:203.0.113.0/24 -all"
google._domainkey IN TXT ( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1o7hYvJ0x0aQ1Wn1m3b2tZ9"
                           "q3p5n8r7s6t5u4v3w2x1y0z9a8b7c6d5e4f3g2h1i0j9k8l7m6n5o4p3q2r1s0t9u8v7w6x5y4z3IDAQAB" )
_sip._tcp     SRV 10 5 5060 sip
_xmpp._tcp.example.com. 3600 IN SRV 0 5 5222 xmpp.example.net.
@             CAA 0 issue "letsencrypt.org"
`;

const keysOf = (records: { name: string; type: string; ttl: number; priority: number; content: string }[], origin = 'example.com') => records.map((r) => recordKey(r, origin, 3600)).sort();
const asPortal = (lines: ReturnType<typeof parseZone>['records']): DnsRecord[] => lines.map((l, i) => ({ id: String(100 + i), fields: {}, ...l.record }));

describe('Zone files', () => {
  it('reads a real-world zone: SOA in parentheses, inherited owners, units, relative and absolute names, multi-string TXT, SRV, MX, wildcard', () => {
    const zone = parseZone(REAL_WORLD, 'example.com');
    assert.deepEqual(zone.problems, []);
    const lines = zone.records.map((r) => `${r.line}: ${r.record.name} ${r.record.ttl} ${r.record.type} ${r.record.priority} ${r.record.content}`);
    assert.deepEqual(lines, [
      '3: @ 3600 SOA 0 ns1.example-dns.net. hostmaster.example.com. 2026112201 3600 900 1209600 3600',
      '6: @ 86400 NS 0 ns1.example-dns.net',
      '7: @ 86400 NS 0 ns2.example-dns.net',
      '8: @ 3600 A 0 203.0.113.10',
      '9: @ 3600 AAAA 0 2001:db8:10::10',
      '10: www 3600 CNAME 0 example.com',
      '11: mail 300 A 0 203.0.113.25',
      '12: @ 3600 MX 10 mail.example.com',
      '13: @ 3600 MX 20 mail2.example.org',
      '14: *.apps 300 A 0 203.0.113.40',
      '15: @ 3600 TXT 0 "v=spf1 mx a ip4:203.0.113.0/24 -all"',
      '16: google._domainkey 3600 TXT 0 "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1o7hYvJ0x0aQ1Wn1m3b2tZ9" "q3p5n8r7s6t5u4v3w2x1y0z9a8b7c6d5e4f3g2h1i0j9k8l7m6n5o4p3q2r1s0t9u8v7w6x5y4z3IDAQAB"',
      '18: _sip._tcp 3600 SRV 10 5 5060 sip.example.com',
      '19: _xmpp._tcp 3600 SRV 0 5 5222 xmpp.example.net',
      '20: @ 3600 CAA 0 0 issue "letsencrypt.org"',
    ]);
  });

  it('round-trips: file → records → file → records is stable, and the printed file is BIND syntax', () => {
    const first = parseZone(REAL_WORLD, 'example.com');
    const printed = printZone(asPortal(first.records), 'example.com', ['example.com (test)']);
    const second = parseZone(printed, 'example.com');
    assert.deepEqual(second.problems, []);
    assert.deepEqual(keysOf(second.records.map((r) => r.record)), keysOf(first.records.map((r) => r.record)));
    assert.equal(printZone(asPortal(second.records), 'example.com', ['example.com (test)']), printed, 'printing is deterministic');
    assert.match(printed, /^; example\.com \(test\)\n\$ORIGIN example\.com\.\n\$TTL 3600\n/);
    assert.match(printed, /^_sip\._tcp +IN SRV +10 5 5060 sip$/m, 'SRV as priority weight port target, relative target');
    assert.match(printed, /^@ +IN MX +20 mail2\.example\.org\.$/m, 'a name outside the zone is absolute');
    assert.match(printed, /^mail +300 IN A +203\.0\.113\.25$/m, 'a TTL other than $TTL is written on its line');
  });

  it('round-trips the portal\'s records (array SRV content, unquoted TXT, absolute names) without changes', () => {
    const portal: DnsRecord[] = [
      { id: '1', name: '@', type: 'TXT', ttl: 3600, priority: 0, content: 'v=spf1 include:_spf.example-mail.net ~all', fields: {} },
      { id: '2', name: 'www.example.com', type: 'CNAME', ttl: 3600, priority: 0, content: 'example.com.', fields: {} },
      { id: '3', name: '_sip._tcp', type: 'SRV', ttl: 3600, priority: 10, content: '5 5060 sip.example.com', fields: {} },
      { id: '4', name: 'long', type: 'TXT', ttl: 60, priority: 0, content: 'x'.repeat(600), fields: {} },
    ];
    const printed = printZone(portal, 'example.com');
    assert.match(printed, new RegExp(`^long +60 IN TXT +"${'x'.repeat(255)}" "${'x'.repeat(255)}" "${'x'.repeat(90)}"$`, 'm'), 'split into 255-character strings as BIND does');
    const back = parseZone(printed, 'example.com');
    assert.deepEqual(back.problems, []);
    assert.equal(diffZone(portal, back.records, 'example.com', 3600).changes.length, 0);
  });

  it('reports lines it cannot read, with their line numbers', () => {
    const zone = parseZone('$ORIGIN example.com.\n  IN A 1.2.3.4\nwww IN BOGUS 1.2.3.4\n@ IN TXT "unclosed\n@ IN MX mail\n$INCLUDE other.zone\nok IN A 203.0.113.1\n', 'example.com');
    assert.deepEqual(
      zone.problems.map((p) => `${p.line}: ${p.message}`),
      ['1: The first record needs a name (@ for the zone apex)', '2: Unknown record type BOGUS', '3: A quoted string is not closed', '4: MX data is a preference and a mail server: 10 mail.example.com.', '5: $INCLUDE is not supported: put the records in this file'],
    );
    assert.deepEqual(zone.records.map((r) => r.record.name), ['ok']);
  });

  it('applies the record form\'s rules and the portal\'s record types before saving', () => {
    const zone = parseZone('$ORIGIN example.com.\nbad IN A 300.1.1.1\nmx IN MX 70000 mail\nsrv IN SRV 1 2 0 sip\nfine IN A 203.0.113.9\nweb IN URL http://x\nout.example.org. IN A 203.0.113.1\n', 'example.com');
    assert.deepEqual(zone.problems.map((p) => p.message), ['Unknown record type URL']);
    assert.deepEqual(
      checkZone(zone, ['A', 'MX', 'TXT']).map((p) => `${p.line}: ${p.message}`),
      [
        '5: Unknown record type URL',
        '1: Enter an IPv4 address, e.g. 203.0.113.10',
        '2: The priority is a whole number from 0 to 65535',
        '3: This portal does not accept SRV records here (it accepts A, MX, TXT)',
        '6: The name is outside this zone',
      ],
    );
  });

  describe('the smallest set of changes', () => {
    const portal = (): DnsRecord[] => asPortal(parseZone(REAL_WORLD, 'example.com').records);
    const diff = (text: string) => diffZone(portal(), parseZone(text, 'example.com').records, 'example.com', 3600);

    it('no-op: the same records, reordered and re-spaced, change nothing', () => {
      const [origin, ttl, ...records] = printZone(portal(), 'example.com').trim().split('\n');
      const reordered = [origin, ttl, ...records.reverse().map((l) => l.replace(/^(\S+)\s+/, '$1\t\t'))]
        .join('\n')
        .replace(/^www\s+IN\s+CNAME\s+@$/m, 'www.example.com. 3600 IN CNAME example.com.');
      assert.match(reordered, /^www\.example\.com\. 3600 IN CNAME example\.com\.$/m);
      assert.equal(diff(REAL_WORLD).changes.length, 0);
      const d = diff(reordered);
      assert.deepEqual(d.changes, []);
      assert.equal(d.unchanged, portal().length - 1, 'all but the SOA, which the portal manages');
    });

    it('add, change and delete: one create, one update, one delete', () => {
      const edited = REAL_WORLD.replace('@             A     203.0.113.10', '@             A     203.0.113.99')
        .replace('*.apps   300  IN A 203.0.113.40\n', '')
        .concat('api 600 IN A 203.0.113.77\n');
      const d = diff(edited);
      assert.deepEqual(d.counts, { create: 1, update: 1, delete: 1 });
      const [update, create, del] = d.changes;
      assert.ok(update.kind === 'update' && update.from.content === '203.0.113.10' && update.record.content === '203.0.113.99' && update.line === 8);
      assert.ok(create.kind === 'create' && create.record.name === 'api' && create.record.ttl === 600);
      assert.ok(del.kind === 'delete' && del.from.name === '*.apps');
    });

    it('deletes go highest id first (records addressed by position do not shift)', () => {
      const d = diff(REAL_WORLD.replace('@             A     203.0.113.10\n', '').replace('@             CAA 0 issue "letsencrypt.org"\n', ''));
      assert.deepEqual(d.changes.map((c) => (c.kind === 'delete' ? c.id : c.kind)), ['114', '103']);
    });
  });

  describe('saving to the portal', () => {
    const ctx = useMockPortal();
    const ref = (accountId: string) => ({ accountId, serviceId: '303', zoneId: '60' });

    async function opened() {
      const env = await modelWithAccounts(ctx.portal);
      const zone = await env.model.zones.zone(ref(env.ids.elsecloud));
      const backend = zoneBackend(env.model, ref(env.ids.elsecloud), zone.name);
      const records = await backend.load();
      return { ...env, backend, text: printZone(records, zone.name), snapshot: snapshotOf(records, zone.name), name: zone.name };
    }

    it('offline, the records last loaded are there to read; saving needs the portal and sends nothing', async () => {
      const { backend, text, snapshot, registry } = await opened();
      ctx.portal.fault({ kind: 'reset' });
      await assert.rejects(backend.load());
      const known = backend.lastKnown();
      assert.ok(known && known.at > 0);
      assert.equal(printZone(known.records, backend.origin), text, 'the same records as when it was opened');
      const before = ctx.portal.requests.length;
      await assert.rejects(planSave(backend, text.concat('api 600 IN A 203.0.113.77\n'), snapshot));
      assert.deepEqual(ctx.portal.requests.slice(before).filter((r) => r.method !== 'GET'), [], 'nothing was changed');
      ctx.portal.faults.clear();
      await registry.dispose();
    });

    it('a no-op save sends nothing', async () => {
      const { backend, text, snapshot, registry } = await opened();
      ctx.portal.requests.length = 0;
      const plan = await planSave(backend, text, snapshot);
      assert.ok(plan.kind === 'plan');
      assert.equal(plan.diff.changes.length, 0);
      assert.deepEqual(ctx.portal.received().filter((r) => r.method !== 'GET'), []);
      await registry.dispose();
    });

    it('applies an edit: the portal ends up with exactly the file\'s records', async () => {
      const { backend, text, snapshot, registry, name } = await opened();
      const edited = text.replace(/^www .*$/m, 'www 300 IN CNAME app.example.net.').concat('api 600 IN A 203.0.113.77\n').replace(/^.*CAA.*\n/m, '');
      const plan = await planSave(backend, edited, snapshot);
      assert.ok(plan.kind === 'plan');
      assert.deepEqual(plan.diff.counts, { create: 1, update: 1, delete: 1 });
      const result = await applyChanges(backend, plan.diff);
      assert.equal(result.failed.length, 0);
      const after = await backend.load();
      assert.deepEqual(keysOf(after, name), keysOf(parseZone(edited, name).records.map((r) => r.record), name));
      const zoneState = ctx.portal.state('elsecloud').zones.find((z) => z.id === '60')!;
      assert.ok(zoneState.records.some((r) => r.name === 'api' && r.content === '203.0.113.77' && r.ttl === 600));
      assert.equal(ctx.portal.received({ method: 'PUT' }).length, 1);
      assert.equal(ctx.portal.received({ method: 'DELETE' }).length, 1);
      await registry.dispose();
    });

    it('notices a change made on the portal since the file was opened, and can plan against the new state', async () => {
      const { backend, text, snapshot, registry } = await opened();
      ctx.portal.state('elsecloud').zones.find((z) => z.id === '60')!.records.push({ id: '999', name: 'other', type: 'A', ttl: 3600, priority: 0, content: '198.51.100.1' });
      const edited = text.concat('api IN A 203.0.113.77\n');
      const conflict = await planSave(backend, edited, snapshot);
      assert.equal(conflict.kind, 'conflict');
      assert.deepEqual(ctx.portal.received().filter((r) => r.method !== 'GET'), [], 'nothing sent on a conflict');
      const against = await planSave(backend, edited, snapshot, true);
      assert.ok(against.kind === 'plan');
      assert.deepEqual(against.diff.counts, { create: 1, update: 0, delete: 1 }, 'reviewed against the new state, the remote record shows as a delete');
      await registry.dispose();
    });

    it('a partial failure keeps what succeeded, names the failing line, and sends nothing twice', async () => {
      const { backend, text, snapshot, registry, name } = await opened();
      const edited = text.concat('api IN A 203.0.113.77\nblocked IN A 203.0.113.78\nmore IN A 203.0.113.79\n');
      const plan = await planSave(backend, edited, snapshot);
      assert.ok(plan.kind === 'plan');
      ctx.portal.fault({ kind: 'errorBody', method: 'POST', path: 'records$', message: 'Record limit reached', times: 1, rate: undefined });
      // The first create fails; the rest go through.
      const result = await applyChanges(backend, plan.diff);
      assert.equal(result.failed.length, 1);
      assert.equal(result.applied.length, 2);
      assert.match(result.failed[0].message, /Record limit reached/);
      const failedLine = (result.failed[0].change as { line: number }).line;
      assert.match(edited.split('\n')[failedLine], /^api /);
      assert.equal(ctx.portal.received({ method: 'POST', path: /records$/ }).length, 3, 'each change sent once');
      const replan = await planSave(backend, edited, snapshotOf(await backend.load(), name));
      assert.ok(replan.kind === 'plan');
      assert.deepEqual(replan.diff.counts, { create: 1, update: 0, delete: 0 }, 'saving again sends only what failed');
      await registry.dispose();
    });

    it('diagnoses record types a registered domain does not accept (GET /domain/@id/dns/types)', async () => {
      const { model, registry, ids } = await modelWithAccounts(ctx.portal);
      const backend = domainZoneBackend(model, { accountId: ids.elsecloud, domainId: '47' }, 'example.com');
      const plan = await planSave(backend, '$ORIGIN example.com.\n@ IN CAA 0 issue "letsencrypt.org"\n', undefined);
      assert.ok(plan.kind === 'invalid');
      assert.match(plan.problems[0].message, /does not accept CAA records/);
      await registry.dispose();
    });
  });
});
