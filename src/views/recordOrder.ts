import { DnsRecord } from '../api/resources/dnsRecord';

const TYPE_ORDER = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'CAA', 'PTR'];

function nameRank(name: string): string {
  // Apex first, then wildcards, then the rest alphabetically by label from the right.
  if (name === '@' || name === '') {
    return '0';
  }
  return `1${name.split('.').reverse().join('.').replace(/^\*/, ' ')}`;
}

/** Records sorted the way DNS people read a zone: by owner name (apex first), then by type and priority. */
export function sortRecords(records: readonly DnsRecord[]): DnsRecord[] {
  return [...records].sort((a, b) => {
    const byName = nameRank(a.name).localeCompare(nameRank(b.name));
    if (byName !== 0) {
      return byName;
    }
    const ta = TYPE_ORDER.indexOf(a.type);
    const tb = TYPE_ORDER.indexOf(b.type);
    const byType = (ta < 0 ? 99 : ta) - (tb < 0 ? 99 : tb) || a.type.localeCompare(b.type);
    return byType || a.priority - b.priority || a.content.localeCompare(b.content);
  });
}

/** `10 mail.example.com` for MX and SRV (priority first, as in a zone file), the content otherwise. */
export function recordValue(record: DnsRecord): string {
  return record.type === 'MX' || record.type === 'SRV' ? `${record.priority} ${record.content}` : record.content;
}
