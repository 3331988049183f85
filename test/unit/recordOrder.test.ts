import * as assert from 'node:assert/strict';
import { DnsRecord } from '../../src/api/resources/dnsRecord';
import { sortRecords } from '../../src/views/recordOrder';

const rec = (name: string, type: string, content = 'x', priority = 0): DnsRecord => ({ id: `${name}/${type}/${content}`, name, type, ttl: 3600, priority, content, fields: {} });
const shown = (records: DnsRecord[]) => sortRecords(records).map((r) => `${r.name} ${r.type} ${r.priority ? `${r.priority} ` : ''}${r.content}`);

describe('record order', () => {
  it('apex first (its NS before its A), then names by label from the right, wildcards before their siblings, case ignored', () => {
    const records = [rec('www.b', 'A'), rec('a.Shop', 'A'), rec('mail', 'A'), rec('*.shop', 'A'), rec('@', 'A'), rec('shop', 'A'), rec('', 'NS'), rec('B', 'A')];
    assert.deepEqual(shown(records), [' NS x', '@ A x', 'B A x', 'www.b A x', 'mail A x', 'shop A x', '*.shop A x', 'a.Shop A x']);
  });

  it('within a name: SOA, NS, A, AAAA, CNAME, MX, TXT, SRV, CAA, PTR, then other types by name; MX by priority, then content', () => {
    const records = [rec('@', 'TXT'), rec('@', 'ZZZ'), rec('@', 'MX', 'b', 20), rec('@', 'MX', 'a', 10), rec('@', 'MX', 'c', 10), rec('@', 'HINFO'), rec('@', 'A', '10.0.0.2'), rec('@', 'A', '10.0.0.1'), rec('@', 'SOA')];
    assert.deepEqual(shown(records), ['@ SOA x', '@ A 10.0.0.1', '@ A 10.0.0.2', '@ MX 10 a', '@ MX 10 c', '@ MX 20 b', '@ TXT x', '@ HINFO x', '@ ZZZ x']);
  });

  it('leaves the input as it was', () => {
    const records = [rec('b', 'A'), rec('a', 'A')];
    sortRecords(records);
    assert.deepEqual(records.map((r) => r.name), ['b', 'a']);
  });
});
