import { DnsRecord } from '../api/resources/dnsRecord';

const TYPE_ORDER = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'CAA', 'PTR'];

/** Apex first (`0`), then by label from the right, wildcards before their siblings; case does not matter. */
function nameKey(name: string): string {
  if (name === '@' || name === '') {
    return '0';
  }
  return `1${name.toLowerCase().split('.').reverse().join('.').replace(/^\*/, ' ')}`;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Keyed {
  record: DnsRecord;
  name: string;
  type: number;
}

/**
 * Records sorted the way DNS people read a zone: by owner name (apex first), then by type and
 * priority. Keys are computed once per record (zones can hold thousands) and compared as plain
 * strings, which for DNS names (ASCII, compared lower-case) is the order people expect.
 */
export function sortRecords(records: readonly DnsRecord[]): DnsRecord[] {
  const keyed = records.map((record): Keyed => {
    const type = TYPE_ORDER.indexOf(record.type);
    return { record, name: nameKey(record.name), type: type < 0 ? TYPE_ORDER.length : type };
  });
  keyed.sort(
    (a, b) =>
      compareText(a.name, b.name) ||
      a.type - b.type ||
      compareText(a.record.type, b.record.type) ||
      a.record.priority - b.record.priority ||
      compareText(a.record.content, b.record.content),
  );
  return keyed.map((k) => k.record);
}

/** `10 mail.example.com` for MX and SRV (priority first, as in a zone file), the content otherwise. */
export function recordValue(record: DnsRecord): string {
  return record.type === 'MX' || record.type === 'SRV' ? `${record.priority} ${record.content}` : record.content;
}
