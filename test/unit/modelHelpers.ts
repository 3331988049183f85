import { AccountRegistry } from '../../src/accounts/accountRegistry';
import { AccountStore } from '../../src/accounts/accountStore';
import { NetworkOptions } from '../../src/api/network/networkOptions';
import { signIn } from '../../src/api/portalApi';
import { PortalModel } from '../../src/model/portalModel';
import { SnapshotStore } from '../../src/model/snapshotStore';
import { MockPortal } from '../mock-portal/mockPortal';
import { EMAIL, FAST_RETRY, PASSWORD, RecordingLogger } from './helpers';
import { MemorySecrets, MemoryState } from './memoryStore';

/** Both demo accounts signed in for real, and a model over them (polling fast for tests). */
export async function modelWithAccounts(portal: MockPortal, ttlMs = 60_000, timeoutMs?: number, extra: { network?: NetworkOptions; sessionNetwork?: NetworkOptions; logger?: RecordingLogger; maxConnections?: number; now?: () => number; snapshots?: SnapshotStore; store?: AccountStore } = {}) {
  const logger = extra.logger ?? new RecordingLogger();
  const { network, maxConnections } = extra;
  // The sessions after sign-in use `sessionNetwork` when given (e.g. trust lost since signing in).
  const registry = new AccountRegistry(extra.store ?? new AccountStore(new MemoryState(), new MemorySecrets()), logger, () => ({ retry: FAST_RETRY, timeoutMs, network: extra.sessionNetwork ?? network, maxConnections }));
  const ids: Record<string, string> = {};
  for (const provider of ['elsecloud', 'alterncloud'] as const) {
    const result = await signIn({ apiRoot: portal.apiRoot(provider), profile: provider, logger, retry: FAST_RETRY, timeoutMs, network, maxConnections }, EMAIL[provider], PASSWORD, provider === 'elsecloud' ? 'basic' : 'jwt');
    ids[provider] = (await registry.saveSignIn({ providerId: provider, apiRoot: portal.apiRoot(provider), username: EMAIL[provider] }, result)).id;
  }
  // Sessions kept from sign-in use the sign-in's settings: with other settings for later sessions, reconnect (as a settings change does).
  if (extra.sessionNetwork) await registry.reconnectAll();
  const model = new PortalModel(registry, { ttlMs: () => ttlMs, pollIntervalMs: 30, pollTimeoutMs: 5_000, now: extra.now, snapshots: extra.snapshots });
  portal.requests.length = 0;
  return { model, registry, ids };
}

