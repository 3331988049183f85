import { isPortalClientError } from '../api/errors';
import { Emitter } from '../util/emitter';

interface Entry {
  value?: unknown;
  loadedAt: number;
  inflight?: Promise<unknown>;
  /** Bumped by invalidation, so an answer that was in flight at the time is not kept as fresh. */
  generation: number;
  /** The last load's failure, shared with readers for a short while (see `failureShareMs`). */
  failure?: { error: unknown; at: number };
  /** The last answer that arrived, kept through invalidation: what is shown when the portal cannot be reached. */
  lastKnown?: LastKnown;
  /** `lastKnown` came from the last session's snapshot and has not been refreshed yet: shown at once. */
  seeded?: boolean;
}

/** A value the portal gave, and when. */
export interface LastKnown<T = unknown> {
  value: T;
  at: number;
}

/**
 * Cached portal resources by key (`<account>/services`, `<account>/services/301/vms`, …):
 * one request per key at a time (concurrent readers share it), answers kept for a TTL, and
 * invalidation by key prefix after mutations. A failure is not kept as an answer, but readers that
 * come within `failureShareMs` of it (a view redrawn by the same refresh, the status bar, a notifier)
 * get the same failure instead of sending the request again; Retry, Refresh and `force` load anew.
 */
export class ResourceCache {
  private readonly entries = new Map<string, Entry>();
  private readonly invalidated = new Emitter<string>();
  private readonly updated = new Emitter<string>();
  /** Fires with the key that was invalidated (views reload the matching nodes). */
  readonly onDidInvalidate = this.invalidated.event;
  private readonly loaded = new Emitter<string>();
  /** Fires with the key whose answer just arrived from the portal. */
  readonly onDidLoad = this.loaded.event;
  /** Fires with the key whose cached value was replaced in place (a VM that changed state). */
  readonly onDidUpdate = this.updated.event;
  private readonly refreshed = new Emitter<string>();
  /**
   * Fires with a key whose value from the last session's snapshot was shown and has now been
   * refreshed in the background, or could not be (views redraw the rows and their marks).
   */
  readonly onDidRefresh = this.refreshed.event;
  /** Loads started (not served from cache or shared): what the benchmark counts. */
  loads = 0;

  constructor(
    private readonly ttlMs: () => number,
    private readonly now: () => number = Date.now,
    private readonly failureShareMs = 2_000,
    private readonly offlineBackoffMs = 30_000,
  ) {}

  /** Cached or loaded once at a time; `ttlMs` overrides the cache's lifetime for this key. */
  get<T>(key: string, load: () => Promise<T>, options: { force?: boolean; ttlMs?: number } = {}): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { loadedAt: 0, generation: 0 };
      this.entries.set(key, entry);
    }
    // The last session's value at once; the portal's answer replaces it when it comes (onDidRefresh).
    if (!options.force && entry.seeded && entry.lastKnown) {
      // After a failed refresh the portal is not asked again on every redraw: Retry or Refresh asks at once.
      const backingOff = entry.failure && this.now() - entry.failure.at < this.offlineBackoffMs;
      if (!entry.inflight && !backingOff) {
        this.load(key, entry, load).then(
          () => this.refreshed.fire(key),
          () => this.refreshed.fire(key),
        );
      }
      return Promise.resolve(entry.lastKnown.value as T);
    }
    if (entry.inflight) {
      return entry.inflight as Promise<T>;
    }
    if (!options.force && entry.value !== undefined && this.now() - entry.loadedAt < (options.ttlMs ?? this.ttlMs())) {
      return Promise.resolve(entry.value as T);
    }
    if (!options.force && entry.failure && this.now() - entry.failure.at < this.failureShareMs) {
      return Promise.reject(entry.failure.error);
    }
    return this.load(key, entry, load);
  }

  private load<T>(key: string, current: Entry, load: () => Promise<T>): Promise<T> {
    const generation = current.generation;
    this.loads++;
    const promise = load().then(
      (value) => {
        if (current.generation === generation && this.entries.get(key) === current) {
          current.value = value;
          current.loadedAt = this.now();
          current.failure = undefined;
          current.lastKnown = { value, at: current.loadedAt };
          current.seeded = false;
          this.loaded.fire(key);
        }
        return value;
      },
      (error: unknown) => {
        // A cancelled read, or one refused for the session's state (signed out, session ended), says
        // nothing about the next reader's: not shared.
        const stateful = isPortalClientError(error) && (error.kind === 'cancelled' || error.kind === 'authentication');
        if (!stateful && current.generation === generation && this.entries.get(key) === current) {
          current.failure = { error, at: this.now() };
        }
        throw error;
      },
    );
    current.inflight = promise;
    const clear = () => {
      if (current.inflight === promise) {
        current.inflight = undefined;
      }
    };
    promise.then(clear, clear);
    return promise;
  }

  /**
   * Puts a value from the last session's snapshot: readers get it at once while the first of them
   * refreshes it in the background. A key that already has a value keeps it.
   */
  seed(key: string, value: unknown, at: number): void {
    const entry = this.entries.get(key) ?? { loadedAt: 0, generation: 0 };
    if (entry.value !== undefined || entry.lastKnown) return;
    entry.lastKnown = { value, at };
    entry.seeded = true;
    this.entries.set(key, entry);
  }

  /**
   * When the value readers get for `key` was loaded, if it is not fresh: the last session's value
   * not refreshed yet, or the last-known value shown because the portal could not be reached.
   */
  staleSince(key: string): number | undefined {
    const entry = this.entries.get(key);
    return entry?.seeded && entry.lastKnown ? entry.lastKnown.at : undefined;
  }

  /** Why `key` shows a last-known value: the error of the refresh that failed (none while it is under way). */
  staleBecause(key: string): unknown {
    const entry = this.entries.get(key);
    return entry?.seeded ? entry.failure?.error : undefined;
  }

  /**
   * Shows the last-known value of `key` after its reload failed (the portal cannot be reached):
   * readers get it, marked stale, until a refresh succeeds. False when nothing is known.
   */
  fallBack(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry?.lastKnown) return false;
    entry.seeded = true;
    return true;
  }

  /** The last answer for `key`, kept through invalidation (for showing when the portal cannot be reached). */
  lastKnown<T>(key: string): LastKnown<T> | undefined {
    return this.entries.get(key)?.lastKnown as LastKnown<T> | undefined;
  }

  /** Every last-known answer whose key `include` accepts (what a snapshot keeps). */
  lastKnownValues(include: (key: string) => boolean): { key: string; value: unknown; at: number }[] {
    return [...this.entries].filter(([key, e]) => e.lastKnown && include(key)).map(([key, e]) => ({ key, value: e.lastKnown!.value, at: e.lastKnown!.at }));
  }

  /** Forgets everything under `prefix`, last-known answers included (an account signed out or removed). */
  forget(prefix: string): void {
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) this.entries.delete(key);
    }
  }

  /** Whether `key` is being loaded now. */
  loading(key: string): boolean {
    return this.entries.get(key)?.inflight !== undefined;
  }

  /** The cached value, fresh or not (or the last-known one that readers are shown), without loading. */
  peek<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    return (entry?.value ?? (entry?.seeded ? entry.lastKnown?.value : undefined)) as T | undefined;
  }

  /** Replaces a cached value (after a mutation whose result is known) and tells listeners. */
  set<T>(key: string, value: T): void {
    const entry = this.entries.get(key) ?? { loadedAt: 0, generation: 0 };
    entry.value = value;
    entry.loadedAt = this.now();
    entry.lastKnown = { value, at: entry.loadedAt };
    entry.seeded = false;
    this.entries.set(key, entry);
    this.updated.fire(key);
  }

  /** Forgets `key`, and with `subtree` every key below it (`key/…`); the next read loads again. */
  invalidate(key: string, subtree = false): void {
    const below = `${key}/`;
    for (const [k, entry] of this.entries) {
      if (k === key || (subtree && k.startsWith(below))) {
        entry.generation++;
        entry.value = undefined;
        entry.inflight = undefined;
        entry.loadedAt = 0;
        entry.failure = undefined;
        // What was last shown stays known (shown if the reload cannot reach the portal); it is no longer shown first.
        entry.seeded = false;
      }
    }
    this.invalidated.fire(key);
  }

  /** Forgets the failures kept under `prefix` (a sign-in: what failed before it may work now). */
  forgetFailures(prefix: string): void {
    for (const [k, entry] of this.entries) {
      if (k.startsWith(prefix)) entry.failure = undefined;
    }
  }

  clear(): void {
    this.entries.clear();
  }

  dispose(): void {
    this.invalidated.dispose();
    this.updated.dispose();
    this.loaded.dispose();
    this.refreshed.dispose();
  }
}
