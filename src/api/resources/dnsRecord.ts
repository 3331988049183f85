import * as v from 'valibot';
import { firstText, Id, Integer, Text } from '../schema';

/**
 * One DNS record, the same shape for both places records live: zones under a DNS service
 * (`id` is the record id) and registered domains (`id` is the record's index).
 * SRV records carry `weight port target` in `content` and the priority in `priority`; portals
 * that send SRV content as an array `[weight, port, target]` are normalised to that text.
 */
export interface DnsRecord {
  id: string;
  name: string;
  type: string;
  ttl: number;
  priority: number;
  content: string;
  fields: Record<string, unknown>;
}

/** What a create or edit sends (the record form's output). */
export interface DnsRecordInput {
  name: string;
  type: string;
  ttl?: number;
  priority?: number;
  content: string;
}

export const DnsRecordSchema = v.pipe(
  v.looseObject({
    id: v.optional(Id, ''),
    name: v.optional(Text, ''),
    type: Text,
    ttl: v.optional(Integer, 0),
    priority: v.optional(Integer, 0),
    prio: v.optional(Integer),
    content: v.optional(v.unknown()),
  }),
  v.transform((record): DnsRecord => {
    const raw = record.content;
    const content = Array.isArray(raw)
      ? raw.map((part) => String(part)).join(' ')
      : raw === null || raw === undefined
        ? firstText(record, ['value', 'data', 'address', 'target'])
        : String(raw);
    return {
      id: record.id,
      name: record.name,
      type: record.type.toUpperCase(),
      ttl: record.ttl,
      priority: record.prio ?? record.priority,
      content,
      fields: record,
    };
  }),
);

/** The SRV `content` as the zone API takes it: `[weight, port, target]`. */
export function srvContentArray(content: string): [number, number, string] | undefined {
  const parts = content.trim().split(/\s+/);
  if (parts.length !== 3) {
    return undefined;
  }
  const weight = Number(parts[0]);
  const port = Number(parts[1]);
  if (!Number.isInteger(weight) || !Number.isInteger(port)) {
    return undefined;
  }
  return [weight, port, parts[2]];
}
