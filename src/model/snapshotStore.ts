import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '../api/log';
import * as l10n from '@vscode/l10n';

/** Bumped whenever what a snapshot holds changes shape: an older file is dropped, never misread. */
export const SNAPSHOT_VERSION = 1;

/** One cached answer as it is kept on disk. */
export interface SnapshotEntry {
  key: string;
  value: unknown;
  /** When the portal gave it (ms since the epoch). */
  at: number;
}

interface SnapshotFile {
  version: number;
  accountId: string;
  savedAt: number;
  entries: SnapshotEntry[];
}

/**
 * Which answers a snapshot keeps: the lists the views show (services, VMs, domains and their
 * records, zones and their records, the ticket list, balance and invoice list). Never a ticket's
 * conversation, details pages, the catalogue or notifications; never anything from SecretStorage
 * (credentials are not in the cache at all).
 */
export function keptInSnapshot(key: string): boolean {
  return /^[^/]+\/(services(\/[^/]+\/vms)?|domains(\/[^/]+\/records)?|dns(\/[^/]+\/[^/]+)?|tickets|billing\/(balance|invoices))$/.test(key);
}

/**
 * Leaves out what belongs to a resource its list no longer has (the VMs of a cancelled service,
 * the records of a transferred domain, a deleted zone): what is gone from the portal is gone from
 * the snapshot.
 */
export function withoutOrphans(entries: SnapshotEntry[]): SnapshotEntry[] {
  const value = (key: string) => entries.find((e) => e.key === key)?.value;
  const listed = (key: string, has: (item: Record<string, unknown>) => boolean) => {
    const list = value(key);
    const items = Array.isArray(list) ? list : (list as { zones?: unknown[] } | undefined)?.zones;
    return !Array.isArray(items) || items.some((item) => !!item && typeof item === 'object' && has(item as Record<string, unknown>));
  };
  return entries.filter(({ key }) => {
    let m = /^([^/]+)\/services\/([^/]+)\/vms$/.exec(key);
    if (m) return listed(`${m[1]}/services`, (s) => String(s.id) === m![2]);
    m = /^([^/]+)\/domains\/([^/]+)\/records$/.exec(key);
    if (m) return listed(`${m[1]}/domains`, (d) => String(d.id) === m![2]);
    m = /^([^/]+)\/dns\/([^/]+)\/([^/]+)$/.exec(key);
    if (m) return listed(`${m[1]}/dns`, (z) => String(z.service_id) === m![2] && String(z.id) === m![3]);
    return true;
  });
}

export interface SnapshotOptions {
  /** Off: nothing is written, and what was written is not read. */
  enabled: () => boolean;
  /** Upper bound of one account's file; the oldest answers are left out first. */
  maxBytes: () => number;
  /** Writes wait this long after the last change (one write for a burst of answers). */
  debounceMs?: number;
}

/**
 * The last-known state of each account on disk (one JSON file per account in the extension's
 * global storage folder), so the trees show it at once after a reload and while offline. Written
 * after the answers arrive, debounced and atomically (temporary file, then rename); versioned;
 * bounded in size; deleted when the account signs out or is removed.
 */
export class SnapshotStore {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pending = new Map<string, () => SnapshotEntry[]>();
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly folder: string,
    private readonly logger: Logger,
    private readonly options: SnapshotOptions,
  ) {}

  private file(accountId: string): string {
    return join(this.folder, `${accountId.replace(/[^\w-]/g, '_')}.json`);
  }

  /** The account's kept answers; none when off, absent, of another version or unreadable (said once in the log). */
  async load(accountId: string): Promise<SnapshotEntry[]> {
    if (!this.options.enabled()) return [];
    let text: string;
    try {
      text = await readFile(this.file(accountId), 'utf8');
    } catch {
      return [];
    }
    let parsed: SnapshotFile;
    try {
      parsed = JSON.parse(text) as SnapshotFile;
      if (parsed.version !== SNAPSHOT_VERSION) {
        this.logger.info(`Offline snapshot of account ${accountId} is of version ${String(parsed.version)} (this version reads ${SNAPSHOT_VERSION}): dropped.`);
        await this.delete(accountId);
        return [];
      }
      if (parsed.accountId !== accountId || !Array.isArray(parsed.entries)) throw new Error(l10n.t('not a snapshot of this account'));
    } catch (e) {
      this.logger.warn(`Offline snapshot of account ${accountId} could not be read (${(e as Error).message}): ignored.`);
      return [];
    }
    return parsed.entries.filter((e) => e && typeof e.key === 'string' && typeof e.at === 'number' && keptInSnapshot(e.key) && e.key.startsWith(`${accountId}/`));
  }

  /** Writes the account's snapshot soon (debounced), from what `entries` returns then. */
  schedule(accountId: string, entries: () => SnapshotEntry[]): void {
    if (!this.options.enabled()) return;
    this.pending.set(accountId, entries);
    clearTimeout(this.timers.get(accountId));
    this.timers.set(
      accountId,
      setTimeout(() => void this.write(accountId), this.options.debounceMs ?? 2_000),
    );
  }

  /** Writes every scheduled snapshot now (before the window closes; tests). */
  async flush(): Promise<void> {
    for (const id of [...this.pending.keys()]) await this.write(id);
    await this.writing;
  }

  private write(accountId: string): Promise<unknown> {
    clearTimeout(this.timers.get(accountId));
    this.timers.delete(accountId);
    const entries = this.pending.get(accountId);
    this.pending.delete(accountId);
    if (!entries) return this.writing;
    // One write at a time: a later snapshot never lands under an earlier one.
    this.writing = this.writing.then(() => this.writeNow(accountId, entries())).catch((e: Error) => this.logger.warn(`Offline snapshot could not be written: ${e.message}`));
    return this.writing;
  }

  private async writeNow(accountId: string, all: SnapshotEntry[]): Promise<void> {
    if (!this.options.enabled()) return;
    const entries = withoutOrphans(all.filter((e) => keptInSnapshot(e.key) && e.key.startsWith(`${accountId}/`))).sort((a, b) => b.at - a.at);
    let text = serialise(accountId, entries);
    // Over the bound: the oldest answers go first, until it fits.
    while (Buffer.byteLength(text) > this.options.maxBytes() && entries.length > 0) {
      entries.splice(Math.max(0, Math.floor(entries.length * 0.9)));
      text = serialise(accountId, entries);
    }
    await mkdir(this.folder, { recursive: true });
    const file = this.file(accountId);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, file);
  }

  /** Forgets an account's snapshot (sign out, remove). */
  async delete(accountId: string): Promise<void> {
    clearTimeout(this.timers.get(accountId));
    this.timers.delete(accountId);
    this.pending.delete(accountId);
    await this.writing;
    await rm(this.file(accountId), { force: true });
  }

  /** Forgets every snapshot (Clear Offline Snapshots; the setting turned off). */
  async clear(): Promise<void> {
    for (const id of [...this.timers.keys()]) clearTimeout(this.timers.get(id));
    this.timers.clear();
    this.pending.clear();
    await this.writing;
    const names = await readdir(this.folder).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.endsWith('.json') || n.endsWith('.tmp')).map((n) => rm(join(this.folder, n), { force: true })));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
  }
}

function serialise(accountId: string, entries: SnapshotEntry[]): string {
  const file: SnapshotFile = { version: SNAPSHOT_VERSION, accountId, savedAt: Date.now(), entries };
  return JSON.stringify(file);
}
