import { PortalApi } from '../api/portalApi';
import { AccountRegistry } from '../accounts/accountRegistry';
import { BackgroundLane } from './backgroundLane';
import { BillingModel } from './billingModel';
import { CatalogueModel } from './catalogueModel';
import { DomainsModel } from './domainsModel';
import { NotificationsModel } from './notificationsModel';
import { ResourceCache } from './resourceCache';
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
  readonly zones: ZonesModel;
  readonly tickets: TicketsModel;
  readonly catalogue: CatalogueModel;
  readonly billing: BillingModel;
  readonly notifications: NotificationsModel;
  private readonly subscriptions: { dispose(): void }[] = [];

  constructor(
    private readonly registry: AccountRegistry,
    options: ModelOptions,
  ) {
    this.cache = new ResourceCache(options.ttlMs, options.now);
    const ctx = { cache: this.cache, api: (accountId: string) => this.api(accountId) };
    this.services = new ServicesModel(ctx, new BackgroundLane(options.backgroundRequests ?? (() => 3)));
    this.vmActions = new VmActionRunner(ctx.api, this.cache, (ref) => this.services.peekVm(ref), {
      pollIntervalMs: options.pollIntervalMs ?? 2_000,
      pollTimeoutMs: options.pollTimeoutMs ?? 5 * 60_000,
    });
    this.domains = new DomainsModel(ctx);
    this.zones = new ZonesModel(ctx);
    this.tickets = new TicketsModel(ctx);
    this.catalogue = new CatalogueModel(ctx);
    this.billing = new BillingModel(ctx);
    this.notifications = new NotificationsModel(ctx);
    // What failed before a sign-in (signed out, unreachable) is asked again after it, not shared.
    this.subscriptions.push(registry.onDidConnect((accountId) => this.cache.forgetFailures(`${accountId}/`)));
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
