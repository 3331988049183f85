// Saving a zone file to the portal: checks, conflict detection, and applying the changes once each.
// Plain Node (no VS Code): the file system provider and the tests both drive it.
import { describeError } from '../api/errors';
import type { DnsRecord, DnsRecordInput } from '../api/resources/dnsRecord';
import { PortalModel } from '../model/portalModel';
import { DomainRef, ZoneRef, keys } from '../model/cacheKeys';
import { validateContent, validateName, validatePriority, validateTtl } from '../model/dnsRecordRules';
import { diffZone, isManaged, ZoneChange, ZoneDiff } from './zoneDiff';
import { parseZone, ParsedZone, recordKey, ZoneProblem } from './zoneFile';
import * as l10n from '@vscode/l10n';

/** Where a zone's records live: a zone under a DNS service, or a registered domain. */
export interface ZoneBackend {
  /** The zone's name (its origin). */
  readonly origin: string;
  /** The portal's records now (never from a cache). */
  load(): Promise<DnsRecord[]>;
  /** The records last loaded, and when (shown read-only while the portal cannot be reached). */
  lastKnown(): { records: DnsRecord[]; at: number } | undefined;
  create(record: DnsRecordInput): Promise<void>;
  update(id: string, record: DnsRecordInput): Promise<void>;
  remove(id: string): Promise<void>;
  /** Record types the portal accepts here, when it says. */
  supportedTypes(): Promise<string[] | undefined>;
}

export function zoneBackend(model: PortalModel, ref: ZoneRef, origin: string): ZoneBackend {
  return {
    origin,
    load: async () => {
      model.invalidate(keys.zone(ref));
      return (await model.zones.zone(ref)).records;
    },
    lastKnown: () => {
      const known = model.cache.lastKnown<{ records: DnsRecord[] }>(keys.zone(ref));
      return known && { records: known.value.records, at: known.at };
    },
    create: (record) => model.zones.saveRecord(ref, record),
    update: (id, record) => model.zones.saveRecord(ref, record, id),
    remove: (id) => model.zones.deleteRecord(ref, id),
    supportedTypes: async () => undefined,
  };
}

export function domainZoneBackend(model: PortalModel, ref: DomainRef, origin: string): ZoneBackend {
  let types: Promise<string[] | undefined> | undefined;
  return {
    origin,
    load: () => {
      model.invalidate(keys.domainRecords(ref));
      return model.domains.records(ref);
    },
    lastKnown: () => {
      const known = model.cache.lastKnown<DnsRecord[]>(keys.domainRecords(ref));
      return known && { records: known.value, at: known.at };
    },
    create: (record) => model.domains.saveRecord(ref, record),
    update: (id, record) => model.domains.saveRecord(ref, record, id),
    remove: (id) => model.domains.deleteRecord(ref, id),
    supportedTypes: () => (types ??= model.api(ref.accountId).then((api) => api.domains.dnsRecordTypes(ref.domainId)).catch(() => undefined)),
  };
}

/** Every problem of a zone text: syntax, the record form's per-type rules, types the portal refuses. */
export function checkZone(parsed: ParsedZone, supported: string[] | undefined): ZoneProblem[] {
  const problems = [...parsed.problems];
  const allowed = supported?.map((t) => t.toUpperCase());
  for (const { line, record } of parsed.records) {
    if (isManaged(record)) {
      continue;
    }
    if (allowed && !allowed.includes(record.type)) {
      problems.push({ line, message: l10n.t('This portal does not accept {0} records here (it accepts {1})', record.type, allowed.join(', ')), severity: 'error' });
      continue;
    }
    const problem =
      (record.name.endsWith('.') ? l10n.t('The name is outside this zone') : validateName(record.name)) ??
      validateContent(record.type, record.content) ??
      validatePriority(record.type, String(record.priority)) ??
      validateTtl(String(record.ttl));
    if (problem) problems.push({ line, message: problem, severity: 'error' });
  }
  return problems;
}

/** What a zone looked like when the file was opened: to notice changes made on the portal since. */
export function snapshotOf(records: DnsRecord[], origin: string): string {
  return records
    .map((r) => `${r.id}=${recordKey(r, origin, 0)}`)
    .sort()
    .join('\n');
}

export interface ApplyResult {
  applied: ZoneChange[];
  failed: { change: ZoneChange; message: string }[];
}

/**
 * Sends each change once, in order; a failure is recorded and the rest still go (nothing already
 * applied is undone, nothing is repeated).
 */
export async function applyChanges(backend: ZoneBackend, diff: ZoneDiff, progress: (done: number, total: number) => void = () => undefined): Promise<ApplyResult> {
  const result: ApplyResult = { applied: [], failed: [] };
  const total = diff.changes.length;
  for (const change of diff.changes) {
    try {
      if (change.kind === 'create') await backend.create(change.record);
      else if (change.kind === 'update') await backend.update(change.id, change.record);
      else await backend.remove(change.id);
      result.applied.push(change);
    } catch (e) {
      result.failed.push({ change, message: describeError(e) });
    }
    progress(result.applied.length + result.failed.length, total);
  }
  return result;
}

export type SavePlan =
  | { kind: 'invalid'; problems: ZoneProblem[] }
  | { kind: 'conflict'; current: DnsRecord[] }
  | { kind: 'plan'; diff: ZoneDiff; current: DnsRecord[]; parsed: ParsedZone };

/**
 * What saving `text` would do: refuse it (problems), report that the portal changed since
 * `baseSnapshot` (unless `ignoreConflict`), or the changes against the portal's records now.
 */
export async function planSave(backend: ZoneBackend, text: string, baseSnapshot: string | undefined, ignoreConflict = false): Promise<SavePlan> {
  const parsed = parseZone(text, backend.origin);
  const problems = checkZone(parsed, await backend.supportedTypes()).filter((p) => p.severity === 'error');
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  const current = await backend.load();
  if (!ignoreConflict && baseSnapshot !== undefined && snapshotOf(current, backend.origin) !== baseSnapshot) {
    return { kind: 'conflict', current };
  }
  return { kind: 'plan', diff: diffZone(current, parsed.records, parsed.origin, parsed.defaultTtl), current, parsed };
}
