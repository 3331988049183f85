import * as v from 'valibot';

/**
 * Normalisation at the edge. The portal sends ids and numbers as strings in some places and as
 * numbers in others, lists as arrays or as objects keyed by id, and booleans as "1"/"0"/"Yes".
 * These schemas turn all of that into one type each; unknown fields are kept (`looseObject`).
 */

/**
 * Which JSON scalars a field accepts. A type guard instead of `v.union` of scalar schemas: a union
 * builds an issue for every member a value is not (a string id "tried" as a number first), which
 * made validating a zone of thousands of records about a fifth slower.
 */
function scalar<T extends string | number | boolean | null>(kinds: readonly ('string' | 'number' | 'boolean' | 'null')[], what: string) {
  const accepted: readonly string[] = kinds;
  return v.custom<T>((x) => accepted.includes(x === null ? 'null' : typeof x), `expected ${what}`);
}

/** Ids are always strings. */
export const Id = v.pipe(
  scalar<string | number>(['string', 'number'], 'an id (text or number)'),
  v.transform((x) => String(x)),
);

const numeric = (x: string | number | null): number => {
  if (typeof x === 'number') {
    return x;
  }
  if (x === null || x.trim() === '') {
    return 0;
  }
  return Number(x.replace(/,/g, ''));
};

/** Money and other amounts are always numbers; "" and null become 0. Wrap in `v.optional` where it may be absent. */
export const Amount = v.pipe(
  scalar<string | number | null>(['string', 'number', 'null'], 'a number'),
  v.transform(numeric),
  v.check((n) => Number.isFinite(n), 'expected a number'),
);

export const Integer = v.pipe(Amount, v.transform((n) => Math.trunc(n)));

/** Free text: null becomes "", numbers become strings. Wrap in `v.optional(Text, '')` where it may be absent. */
export const Text = v.pipe(
  scalar<string | number | boolean | null>(['string', 'number', 'boolean', 'null'], 'text'),
  v.transform((x) => (x === null || x === undefined ? '' : String(x))),
);

/** "1", 1, true, "Yes", "on", "enabled" are true; everything else false. */
export const Flag = v.pipe(
  scalar<string | number | boolean | null>(['boolean', 'number', 'string', 'null'], 'a flag'),
  v.transform((x) => {
    if (typeof x === 'boolean') {
      return x;
    }
    if (typeof x === 'number') {
      return x !== 0;
    }
    return x !== null && /^(1|true|yes|on|enabled?|active)$/i.test(x.trim());
  }),
);

function entriesToArray(value: unknown, fromEntry?: (key: string, raw: unknown) => unknown): unknown {
  if (Array.isArray(value)) {
    return value;
  }
  if (value === null || value === undefined) {
    return [];
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([key, raw]) => {
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
        return 'id' in raw ? raw : { id: key, ...(raw as object) };
      }
      return fromEntry ? fromEntry(key, raw) : raw;
    });
  }
  return value;
}

/**
 * A list that may arrive as an array, as an object keyed by id (the key becomes `id` when the
 * item has none), or be absent (empty list). `fromEntry` maps `"10": "PayPal"`-style entries.
 */
export function list<TItem extends v.GenericSchema>(item: TItem, fromEntry?: (key: string, raw: unknown) => unknown) {
  return v.pipe(
    v.unknown(),
    v.transform((x) => entriesToArray(x, fromEntry)),
    v.array(item),
  );
}

/** An item of a resource list that did not have the shape its schema needs. */
export interface UnreadableItem {
  /** Position in the portal's list, from 0. */
  index: number;
  /** The item's id, name or number when it has one. */
  id: string;
  /** Where and why, for the log. */
  reason: string;
}

const UNREADABLE = Symbol('unreadable items');

/** The items a tolerant list left out (empty for any other value). */
export function unreadableItems(value: unknown): readonly UnreadableItem[] {
  return (Array.isArray(value) && (value as { [UNREADABLE]?: UnreadableItem[] })[UNREADABLE]) || [];
}

/** Carries the left-out items of `from` over to `to` (a list derived from it by map, filter or sort). */
export function keepUnreadable<T>(to: T[], from: readonly unknown[]): T[] {
  const items = unreadableItems(from);
  if (items.length > 0 && to !== from) {
    Object.defineProperty(to, UNREADABLE, { value: items, enumerable: false });
  }
  return to;
}

/**
 * A resource list (services, domains, zones, records, tickets, invoices) validated item by item:
 * an item that does not fit is left out and reported (`unreadableItems`) instead of turning the
 * whole answer into an error, so a portal upgrade that adds one sparse row does not take a view
 * down. Only an answer that is not a list at all is an error. Order forms and prices keep the
 * strict `list`: a choice silently left out there could change what is bought.
 */
export function tolerantList<TItem extends v.GenericSchema>(item: TItem) {
  return v.pipe(
    v.unknown(),
    v.transform((x) => entriesToArray(x)),
    v.array(v.unknown()),
    v.transform((items) => {
      const read: v.InferOutput<TItem>[] = [];
      const unreadable: UnreadableItem[] = [];
      items.forEach((raw, index) => {
        const parsed = v.safeParse(item, raw);
        if (parsed.success) {
          read.push(parsed.output);
          return;
        }
        const issue = parsed.issues[0];
        const record = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
        unreadable.push({ index, id: firstText(record, ['id', 'number', 'name', 'domain', 'label']), reason: `${v.getDotPath(issue) ?? 'the item'}: ${issue.message}` });
      });
      if (unreadable.length > 0) {
        Object.defineProperty(read, UNREADABLE, { value: unreadable, enumerable: false });
      }
      return read;
    }),
  );
}

/** Success answers that carry only message keys (`{"info": ["label_updated"]}`, `{"status": true}`). */
export const Ack = v.pipe(
  v.looseObject({
    info: v.optional(v.array(v.unknown()), []),
    status: v.optional(v.unknown()),
    success: v.optional(v.unknown()),
  }),
  v.transform((x) => ({
    ...x,
    messages: x.info.map((m) => String(m)),
  })),
);
export type Ack = v.InferOutput<typeof Ack>;

/** Any JSON object, kept as it is (for endpoints whose answers are undocumented). */
export const AnyObject = v.pipe(
  v.unknown(),
  v.transform((x) => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : { value: x })),
);

/** Path segment encoding for ids that come from the portal or the user. */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}

/** First array found under one of `keys`, or the body itself when it is a list. */
export function pickList(body: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(body)) {
    return body;
  }
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of keys) {
      if (record[key] !== undefined) {
        return record[key];
      }
    }
    // An object keyed by id with nothing else in it is itself the list.
    const values = Object.values(record);
    if (values.length > 0 && values.every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
      return record;
    }
  }
  return [];
}

export function firstText(record: Record<string, unknown>, keys: readonly string[]): string {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') {
      return value;
    }
    if (typeof value === 'number') {
      return String(value);
    }
  }
  return '';
}

/**
 * A list from one of the usual places (`keys`), with objects keyed by id turned into items that
 * carry their key as `keyName` (`{"net0": {...}}` → `[{id: "net0", ...}]`); scalar values become `{keyName, name}`.
 */
export function listWithKeys(body: unknown, keys: readonly string[], keyName = 'id'): unknown[] {
  const raw = pickList(body, keys);
  if (Array.isArray(raw)) {
    return raw;
  }
  if (raw && typeof raw === 'object') {
    return Object.entries(raw as Record<string, unknown>).map(([key, value]) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? keyName in value
          ? value
          : { [keyName]: key, ...(value as object) }
        : { [keyName]: key, name: String(value) },
    );
  }
  return [];
}

/** The objects of a list found like `listWithKeys` does (anything else in it is left out). */
export function objectList(body: unknown, keys: readonly string[], keyName = 'id'): Record<string, unknown>[] {
  return listWithKeys(body, keys, keyName).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x));
}

/** An object's scalar fields as text; with `flatten`, nested objects' scalars too (`balance.amount`). */
export function scalarFields(raw: unknown, flatten = false): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
    else if (flatten && value && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, Object.fromEntries(Object.entries(scalarFields(value)).map(([k, v]) => [`${key}.${k}`, v])));
  }
  return out;
}
