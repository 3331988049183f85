import { PortalApi } from '../api/portalApi';
import { keys } from './cacheKeys';
import { ResourceCache } from './resourceCache';

/** What every resource area works over: the one shared cache and the accounts' clients. */
export interface AreaContext {
  readonly cache: ResourceCache;
  api(accountId: string): Promise<PortalApi>;
  /** Resolves once the account's last-known state (the offline snapshot) is in the cache. */
  ready(accountId: string): Promise<void>;
}

/**
 * One resource area of the model (services, domains, tickets …): cached reads through the shared
 * cache (one request per key at a time), mutations that invalidate exactly what they change.
 */
export abstract class ModelArea {
  protected readonly cache: ResourceCache;

  constructor(private readonly ctx: AreaContext) {
    this.cache = ctx.cache;
  }

  protected api(accountId: string): Promise<PortalApi> {
    return this.ctx.api(accountId);
  }

  protected async read<T>(key: string, accountId: string, load: (api: PortalApi) => Promise<T>, force = false): Promise<T> {
    await this.ctx.ready(accountId);
    return this.cache.get(key, async () => load(await this.api(accountId)), { force });
  }

  /** After anything that may have spent money (even a failed or timed-out order): the portal's truth is read again. */
  protected afterPurchase(accountId: string, resources: string): void {
    this.cache.invalidate(resources);
    this.cache.invalidate(keys.invoices(accountId));
    this.cache.invalidate(keys.balance(accountId));
  }
}
