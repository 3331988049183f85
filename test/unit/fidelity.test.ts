import * as assert from 'node:assert/strict';
import { PortalApi } from '../../src/api/portalApi';
import { signedIn, useMockPortal } from './helpers';

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
});
