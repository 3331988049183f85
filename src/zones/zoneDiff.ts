// The smallest set of record changes that turns the portal's zone into the edited file.
import type { DnsRecord, DnsRecordInput } from '../api/resources/dnsRecord';
import { recordKey, ZoneLine } from './zoneFile';

export type ZoneChange =
  | { kind: 'create'; line: number; record: DnsRecordInput }
  | { kind: 'update'; line: number; id: string; from: DnsRecord; record: DnsRecordInput }
  | { kind: 'delete'; id: string; from: DnsRecord };

export interface ZoneDiff {
  changes: ZoneChange[];
  unchanged: number;
  counts: { create: number; update: number; delete: number };
}

/** The portal manages SOA records; a zone file's SOA is shown but never sent. */
export const isManaged = (r: { type: string }) => r.type.toUpperCase() === 'SOA';

/**
 * Records equal in every field (however written) are left alone, whatever their order; a record
 * whose name and type remain but whose data, TTL or priority changed is one update; the rest are
 * creates and deletes. Updates come first, then creates, then deletes from the highest id down, so
 * portals that address records by position are not shifted under later changes.
 */
export function diffZone(current: DnsRecord[], wanted: ZoneLine[], origin: string, defaultTtl: number): ZoneDiff {
  const key = (r: Parameters<typeof recordKey>[0]) => recordKey(r, origin, defaultTtl);
  const nameType = (r: { name: string; type: string }) => key({ ...r, ttl: 1, priority: 0, content: '' }).split('|').slice(0, 2).join('|');
  const left = current.filter((r) => !isManaged(r));
  const right = wanted.filter((w) => !isManaged(w.record));
  const unmatched = new Map<string, DnsRecord[]>();
  for (const r of left) unmatched.set(key(r), [...(unmatched.get(key(r)) ?? []), r]);
  const remainingWanted: ZoneLine[] = [];
  let unchanged = 0;
  for (const w of right) {
    const same = unmatched.get(key(w.record));
    if (same && same.length > 0) {
      same.shift();
      unchanged++;
    } else {
      remainingWanted.push(w);
    }
  }
  const remainingCurrent = [...unmatched.values()].flat();
  const byNameType = new Map<string, DnsRecord[]>();
  for (const r of remainingCurrent) byNameType.set(nameType(r), [...(byNameType.get(nameType(r)) ?? []), r]);
  const updates: ZoneChange[] = [];
  const creates: ZoneChange[] = [];
  for (const w of remainingWanted) {
    const candidates = byNameType.get(nameType(w.record));
    const from = candidates?.shift();
    if (from) updates.push({ kind: 'update', line: w.line, id: from.id, from, record: w.record });
    else creates.push({ kind: 'create', line: w.line, record: w.record });
  }
  const deletes: ZoneChange[] = [...byNameType.values()]
    .flat()
    .sort((a, b) => (Number(b.id) - Number(a.id)) || b.id.localeCompare(a.id))
    .map((from) => ({ kind: 'delete', id: from.id, from }));
  const changes = [...updates, ...creates, ...deletes];
  return { changes, unchanged, counts: { create: creates.length, update: updates.length, delete: deletes.length } };
}

/** One line a person can read: `+ www 3600 A 203.0.113.10`, `~ …`, `− …`. */
export function describeChange(change: ZoneChange): string {
  const show = (r: DnsRecordInput) => `${r.name} ${r.ttl ?? ''} ${r.type}${r.type === 'MX' || r.type === 'SRV' ? ` ${r.priority ?? 0}` : ''} ${r.content}`.replace(/\s+/g, ' ');
  switch (change.kind) {
    case 'create':
      return `+ add ${show(change.record)}`;
    case 'update':
      return `~ change ${show(change.from)} → ${show(change.record)}`;
    case 'delete':
      return `− delete ${show(change.from)}`;
  }
}
