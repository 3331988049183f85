import { PortalApi } from '../api/portalApi';
import { AccountRegistry } from '../accounts/accountRegistry';
import { BackgroundLane } from './backgroundLane';
import { BillingModel } from './billingModel';
import { CatalogueModel } from './catalogueModel';
import { DomainsModel } from './domainsModel';
import { AreaContext } from './modelArea';
import { CertificatesModel } from './certificatesModel';
import { NotificationsModel } from './notificationsModel';
import { ResourceCache } from './resourceCache';
import { keptInSnapshot, SnapshotStore } from './snapshotStore';
import { ServicesModel } from './servicesModel';
import { TicketsModel } from './ticketsModel';
import { VmActionRunner } from './vmActionRunner';
import { ZonesModel } from './zonesModel';

export interface ModelOptions {
  /** How long an answer is reused before the portal is asked again. */
  ttlMs: () => number;
  /** Time between VM state polls after a power action. */
  pollIntervalMs?: number;
  /** Give up polling after this long. */
  pollTimeoutMs?: number;
  /** The clock cached answers age by (tests pass their own). */
  now?: () => number;
  /** Requests background work may have in flight per account (default 3: half the default pool of 6). */
  backgroundRequests?: () => number;
  /** Where each account's last-known state is kept between sessions (none: memory only). */
  snapshots?: SnapshotStore;
}

/**
 * The resource model between the portal client and the views: one area per kind of resource over
 * one shared cache (cached reads with in-flight de-duplication, mutations that invalidate exactly
 * what they change), VM actions followed until the VM settles, and change events for the views.
 */
export class PortalModel {
  readonly cache: ResourceCache;
  readonly services: ServicesModel;
  /** Power actions and rebuilds, and the polling that follows them. */
  readonly vmActions: VmActionRunner;
  readonly domains: DomainsModel;
  readonly certificates: CertificatesModel;
  readonly zones: ZonesModel;
  readonly tickets: TicketsModel;
  readonly catalogue: CatalogueModel;
  readonly billing: BillingModel;
  readonly notifications: NotificationsModel;
  private readonly subscriptions: { dispose(): void }[] = [];
  private readonly areaContext: AreaContext;
  /** Areas whose code is loaded with the commands that use them (their own chunk), one instance each. */
  private readonly laterAreas = new Map<unknown, unknown>();
  /** Each account's snapshot, read once into the cache before its first read. */
  private readonly seeded = new Map<string, Promise<void>>();
  private readonly snapshots: SnapshotStore | undefined;
  /** Accounts listed and not signed out at the last change (a change that ends one forgets its snapshot). */
  private present = new Set<string>();

  constructor(
    private readonly registry: AccountRegistry,
    options: ModelOptions,
  ) {
    this.cache = new ResourceCache(options.ttlMs, options.now);
    this.snapshots = options.snapshots;
    const ctx = { cache: this.cache, api: (accountId: string) => this.api(accountId), ready: (accountId: string) => this.ready(accountId) };
    this.areaContext = ctx;
    this.services = new ServicesModel(ctx, new BackgroundLane(options.backgroundRequests ?? (() => 3)));
    this.vmActions = new VmActionRunner(ctx.api, this.cache, (ref) => this.services.peekVm(ref), {
      pollIntervalMs: options.pollIntervalMs ?? 2_000,
      pollTimeoutMs: options.pollTimeoutMs ?? 5 * 60_000,
    });
    this.domains = new DomainsModel(ctx);
    this.certificates = new CertificatesModel(ctx);
    this.zones = new ZonesModel(ctx);
    this.tickets = new TicketsModel(ctx);
    this.catalogue = new CatalogueModel(ctx);
    this.billing = new BillingModel(ctx);
    this.notifications = new NotificationsModel(ctx);
    // What failed before a sign-in (signed out, unreachable) is asked again after it, not shared.
    this.subscriptions.push(registry.onDidConnect(({ accountId }) => this.cache.forgetFailures(`${accountId}/`)));
    if (this.snapshots) {
      const snapshots = this.snapshots;
      const keep = (key: string) => {
        if (!keptInSnapshot(key)) return;
        const accountId = key.slice(0, key.indexOf('/'));
        const state = registry.get(accountId)?.state;
        if (state === undefined || state === 'signedOut') return;
        snapshots.schedule(accountId, () => this.cache.lastKnownValues((k) => k.startsWith(`${accountId}/`) && keptInSnapshot(k)));
      };
      this.present = new Set(registry.list().filter((a) => a.state !== 'signedOut').map((a) => a.record.id));
      this.subscriptions.push(this.cache.onDidLoad(keep), this.cache.onDidUpdate(keep), registry.onDidChange(() => void this.forgetGoneAccounts()));
    }
  }

  /** An area of the model loaded on first use (domain settings, the account's own areas): one per model, over the same cache. */
  area<T>(kind: new (ctx: AreaContext) => T): T {
    let area = this.laterAreas.get(kind) as T | undefined;
    if (!area) {
      area = new kind(this.areaContext);
      this.laterAreas.set(kind, area);
    }
    return area;
  }

  /** Resolves once the account's snapshot (if any) is in the cache: its first read then shows it at once. */
  ready(accountId: string): Promise<void> {
    let seeding = this.seeded.get(accountId);
    if (!seeding) {
      seeding = this.snapshots
        ? this.snapshots.load(accountId).then((entries) => entries.forEach((e) => this.cache.seed(e.key, e.value, e.at)))
        : Promise.resolve();
      this.seeded.set(accountId, seeding);
    }
    return seeding;
  }

  /**
   * Reads every listed account's snapshot into the cache now (after activation): the views ask for
   * their rows a few hundred milliseconds later, and then find them without waiting for the disk.
   */
  preloadSnapshots(): Promise<void> {
    return Promise.all(this.registry.list().map((a) => this.ready(a.record.id))).then(() => undefined);
  }

  /** Accounts signed out or removed lose their snapshot and everything cached for them. */
  private async forgetGoneAccounts(): Promise<void> {
    const listed = new Map(this.registry.list().map((a) => [a.record.id, a.state]));
    const gone = [...new Set([...this.present, ...this.seeded.keys()])].filter((id) => listed.get(id) === undefined || listed.get(id) === 'signedOut');
    this.present = new Set([...listed].filter(([, state]) => state !== 'signedOut').map(([id]) => id));
    for (const id of gone) {
      this.seeded.delete(id);
      this.cache.forget(`${id}/`);
      await this.snapshots?.delete(id);
    }
  }

  /** Clear Offline Snapshots: the files go; what is on screen stays until the next refresh. */
  async clearSnapshots(): Promise<void> {
    await this.snapshots?.clear();
  }

  /** Writes the snapshots that are due (the window is closing). */
  async flushSnapshots(): Promise<void> {
    await this.snapshots?.flush();
  }

  api(accountId: string): Promise<PortalApi> {
    return this.registry.api(accountId);
  }

  /** Forgets cached answers for `key` and below it (a node's Refresh); views hear it and reload. */
  invalidate(key: string): void {
    this.cache.invalidate(key, true);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.cache.dispose();
    this.vmActions.dispose();
    this.services.dispose();
  }
}
