// Round trips: the resource model and view loading logic (the code the trees run) against the mock
// portal with injected latency and large accounts, compared with the floor physics allows and with
// a naive client (one request at a time per account, no cache) replaying the same requests, all in
// the same run.
import { AccountRegistry } from '../../src/accounts/accountRegistry';
import { AccountStore } from '../../src/accounts/accountStore';
import { AnyObject } from '../../src/api/schema';
import { connect, PortalApi, signIn } from '../../src/api/portalApi';
import { collectNodes } from '../../src/ui/resourceIndex';
import { PortalModel } from '../../src/model/portalModel';
import { Ctx } from '../../src/ctx';
import { dnsZonesView, domainsView, servicesView, ticketsView, VIEW_SPECS, ViewSpec } from '../../src/views/viewSpecs';
import { TreeNode } from '../../src/views/nodes';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResourceCache } from '../../src/model/resourceCache';
import { keptInSnapshot, SnapshotStore } from '../../src/model/snapshotStore';
import { LoggedRequest } from '../mock-portal/mockPortal';
import { ProviderName } from '../mock-portal/model';
import { EMAIL, PASSWORD, RecordingLogger } from '../unit/helpers';
import { MemorySecrets, MemoryState } from '../unit/memoryStore';
import { trustedFetch } from '../pki/trustedFetch';
import { testPki } from '../pki/testPki';
import { NetworkOptions, defaultNetworkOptions } from '../../src/api/network/networkOptions';

export const LATENCY_MS = 50;
export const POOL = 6;

export interface RoundTripResult {
  name: string;
  /** The median run's wall time, and the fastest and slowest runs'. */
  wallMs: number;
  wallRangeMs: [number, number];
  runs: number;
  requests: number;
  /** Requests of every run (for (d), every one must be 0). */
  requestsPerRun: number[];
  floorMs: number;
  naiveMs: number;
  maxInFlight: number;
  duplicatesInFlight: number;
  /** CONNECT tunnels the proxy opened over all runs (proxied rows only). */
  tunnels?: number;
}

/**
 * A mock portal with the large data set in its own process (as a real portal is: its CPU time is
 * not ours), controlled over its `/__mock/` endpoints.
 */
export class PortalProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<PortalProcess> {
    await testPki(); // made before the child starts, so it serves a certificate of the same CA
    const child = spawn(process.execPath, [join(__dirname, '..', 'mock-portal', 'main.js'), '--port', '0', '--large', '--transition', '100'], { stdio: ['ignore', 'pipe', 'inherit'] });
    return new Promise((resolve, reject) => {
      let out = '';
      child.once('exit', (code) => reject(new Error(`mock portal exited with ${code}`)));
      child.stdout!.on('data', (d) => {
        out += d;
        const url = /listening on (https?:\/\/\S+)/.exec(out)?.[1];
        if (url) resolve(new PortalProcess(child, url));
      });
    });
  }

  /** The API root, optionally under another host name (one only the proxy resolves). */
  apiRoot(provider: ProviderName, host?: string): string {
    const url = new URL(this.url);
    if (host) url.hostname = host;
    return `${url.origin}/${provider}/api/`;
  }

  private async control(method: string, what: string, body?: unknown): Promise<unknown> {
    const response = await trustedFetch(`${this.url}/__mock/${what}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return response.json();
  }

  async requests(): Promise<LoggedRequest[]> {
    return ((await this.control('GET', 'requests')) as { requests: LoggedRequest[] }).requests;
  }

  async clearRequests(): Promise<void> {
    await this.control('DELETE', 'requests');
  }

  async setLatency(ms: number): Promise<void> {
    await this.control('POST', 'latency', { ms });
  }

  /** Changes a service's label on the portal, as if someone did it there. */
  async setServiceLabel(provider: ProviderName, id: string, label: string): Promise<void> {
    await this.control('POST', 'service-label', { provider, id, label });
  }

  stop(): void {
    this.child.removeAllListeners('exit');
    this.child.kill('SIGTERM');
  }
}

interface Env {
  portals: PortalProcess[];
  registry: AccountRegistry;
  model: PortalModel;
  accounts: { id: string; portal: PortalProcess; provider: ProviderName }[];
  /** A sequential client per account (one connection, no cache) for the naive comparison. */
  naive: Map<string, PortalApi>;
}

const ACCOUNTS: { portal: number; provider: ProviderName }[] = [
  { portal: 0, provider: 'elsecloud' },
  { portal: 0, provider: 'alterncloud' },
  { portal: 1, provider: 'elsecloud' },
];

/** The host name the proxied accounts use: only the proxy resolves it (to 127.0.0.1). */
export const PROXIED_HOST = 'bench.portal.test';

async function setUp(portals?: PortalProcess[], proxy?: { url: string }): Promise<Env> {
  portals ??= await Promise.all([PortalProcess.start(), PortalProcess.start()]);
  // The portals serve HTTPS from the run's test CA, trusted as a user trusts a private root.
  const network: NetworkOptions = { ...defaultNetworkOptions({ NODE_EXTRA_CA_CERTS: (await testPki()).caFile }), proxy: proxy?.url };
  const host = proxy ? PROXIED_HOST : undefined;
  const logger = new RecordingLogger();
  const registry = new AccountRegistry(new AccountStore(new MemoryState(), new MemorySecrets()), logger, () => ({ maxConnections: POOL, timeoutMs: 60_000, network }));
  const accounts: Env['accounts'] = [];
  const naive = new Map<string, PortalApi>();
  for (const a of ACCOUNTS) {
    const portal = portals[a.portal];
    const apiRoot = portal.apiRoot(a.provider, host);
    const result = await signIn({ apiRoot, profile: a.provider, logger, network }, EMAIL[a.provider], PASSWORD, a.provider === 'elsecloud' ? 'basic' : 'jwt');
    const record = await registry.saveSignIn({ providerId: a.provider, apiRoot, username: EMAIL[a.provider] }, result);
    accounts.push({ id: record.id, portal, provider: a.provider });
    naive.set(record.id, connect({ apiRoot, profile: a.provider, logger, maxConnections: 1, timeoutMs: 60_000, network }, result.credentials, async () => undefined));
  }
  const model = new PortalModel(registry, { ttlMs: () => 10 * 60_000 });
  return { portals, registry, model, accounts, naive };
}

/** Requests the portals logged since they were last cleared, per account (portal + provider). */
async function logged(env: Env): Promise<{ account: Env['accounts'][number]; requests: LoggedRequest[] }[]> {
  const logs = await Promise.all(env.portals.map((p) => p.requests()));
  return env.accounts.map((account) => ({ account, requests: logs[env.portals.indexOf(account.portal)].filter((r) => r.provider === account.provider) }));
}

/**
 * The least time these requests can take: each dependency level costs one round trip per POOL
 * requests of that level (an account never has more than POOL in flight). Level 1 are the lists a
 * view starts from; everything else hangs below one of them. Accounts load in parallel.
 */
function floorMs(perAccount: LoggedRequest[][]): number {
  const roots = /^(service|domain|dns|tickets)$/;
  return Math.max(
    0,
    ...perAccount.map((requests) => {
      const level1 = requests.filter((r) => roots.test(r.path)).length;
      const level2 = requests.length - level1;
      return (Math.ceil(level1 / POOL) + Math.ceil(level2 / POOL)) * LATENCY_MS;
    }),
  );
}

/** Same request both in flight at once (same account, method and path, overlapping in time). */
function duplicatesInFlight(requests: LoggedRequest[]): number {
  let count = 0;
  const sorted = [...requests].sort((a, b) => a.at - b.at);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].at < (sorted[i].doneAt ?? Infinity); j++) {
      if (sorted[j].method === sorted[i].method && sorted[j].path === sorted[i].path && sorted[j].query === sorted[i].query) count++;
    }
  }
  return count;
}

/**
 * A naive client: the same GETs, one at a time per account, no cache (signed in beforehand). The
 * accounts replay side by side, as each would in its own tree; the figure is the wall time.
 */
async function naiveReplay(env: Env, perAccount: { account: Env['accounts'][number]; requests: LoggedRequest[] }[]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    perAccount.map(async ({ account, requests }) => {
      const api = env.naive.get(account.id)!;
      for (const r of requests) {
        await api.client.get(r.path, AnyObject, { query: Object.fromEntries(new URLSearchParams(r.query)) });
      }
    }),
  );
  return performance.now() - started;
}

/** The most requests of one account in flight at the same moment. */
function maxInFlight(requests: LoggedRequest[]): number {
  const events = requests.flatMap((r) => [
    { t: r.at, d: 1 },
    { t: r.doneAt ?? Infinity, d: -1 },
  ]);
  events.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let max = 0;
  for (const e of events) {
    now += e.d;
    max = Math.max(max, now);
  }
  return max;
}

/** How many times each round-trip figure is measured; the table shows the median run. */
export const RUNS = 5;

interface MeasureOptions {
  /** Untimed, before every run (e.g. empty the cache so each run starts cold). */
  prepare?: () => Promise<unknown>;
  runs?: number;
  /** Replay the median run's requests with the naive client (skipped when nothing is sent). */
  naive?: boolean;
}

async function measure(env: Env, name: string, work: () => Promise<unknown>, options: MeasureOptions = {}): Promise<RoundTripResult> {
  const runs: { wallMs: number; perAccount: Awaited<ReturnType<typeof logged>> }[] = [];
  for (let run = 0; run < (options.runs ?? RUNS); run++) {
    await options.prepare?.();
    await Promise.all(env.portals.map((p) => p.clearRequests()));
    const started = performance.now();
    await work();
    const wallMs = performance.now() - started;
    runs.push({ wallMs, perAccount: await logged(env) });
  }
  const median = [...runs].sort((a, b) => a.wallMs - b.wallMs)[runs.length >> 1];
  const all = median.perAccount.flatMap((p) => p.requests);
  return {
    name,
    wallMs: median.wallMs,
    wallRangeMs: [Math.min(...runs.map((r) => r.wallMs)), Math.max(...runs.map((r) => r.wallMs))],
    runs: runs.length,
    requests: all.length,
    requestsPerRun: runs.map((r) => r.perAccount.reduce((n, p) => n + p.requests.length, 0)),
    floorMs: floorMs(median.perAccount.map((p) => p.requests)),
    naiveMs: options.naive !== false && all.length > 0 ? await naiveReplay(env, median.perAccount) : 0,
    // Every run counts for the limits, not only the median one.
    maxInFlight: Math.max(0, ...runs.flatMap((r) => r.perAccount.map((p) => maxInFlight(p.requests)))),
    duplicatesInFlight: runs.reduce((n, r) => n + r.perAccount.reduce((m, p) => m + duplicatesInFlight(p.requests), 0), 0),
  };
}

async function load(env: Env, specs: ViewSpec[], descend: (n: TreeNode) => boolean): Promise<number> {
  const r = await collectNodes({ model: env.model, registry: env.registry } as unknown as Ctx, specs, { wanted: () => true, descend });
  if (r.failures.length) throw new Error(r.failures.join('\n'));
  return r.nodes.length;
}

/** What Go to Resource walks: everything but records' and VMs' (leaf) children, and tickets. */
const EVERYTHING = (n: TreeNode) => n.kind !== 'record' && n.kind !== 'vm' && n.kind !== 'ticket' && (n.kind !== 'service' || n.hasVms);

async function close(env: Env, portals: boolean): Promise<void> {
  await env.registry.dispose();
  await Promise.all([...env.naive.values()].map((api) => api.close()));
  env.model.dispose();
  if (portals) env.portals.forEach((p) => p.stop());
}

/** The test proxy (proxy-chain) in its own process, as a real proxy runs on its own machine. */
class ProxyProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static start(hosts: Record<string, string>): Promise<ProxyProcess> {
    const child = spawn(process.execPath, [join(__dirname, '..', 'proxy', 'main.js'), JSON.stringify(hosts)], { stdio: ['pipe', 'pipe', 'inherit'] });
    return new Promise((resolve, reject) => {
      let out = '';
      child.once('exit', (code) => reject(new Error(`proxy exited with ${code}`)));
      child.stdout!.on('data', (d) => {
        out += d;
        const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
        if (url) resolve(new ProxyProcess(child, url));
      });
    });
  }

  /** How many tunnels it opened so far (it answers a line on stdin with the count). */
  tunnels(): Promise<number> {
    return new Promise((resolve) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d;
        const count = /tunnels (\d+)/.exec(out)?.[1];
        if (count) {
          this.child.stdout!.off('data', onData);
          resolve(Number(count));
        }
      };
      this.child.stdout!.on('data', onData);
      this.child.stdin!.write('count\n');
    });
  }

  stop(): void {
    this.child.removeAllListeners('exit');
    this.child.kill('SIGTERM');
  }
}

export interface SnapshotHeap {
  /** The snapshot file's size. */
  bytes: number;
  entries: number;
  /** Heap retained by the cache it was read into (after GC). */
  heapMb: number;
}

/** Filled in by `runRoundTrips`: one large account's snapshot, everything loaded. */
export let snapshotHeap: SnapshotHeap | undefined;

async function measureSnapshotHeap(cache: ResourceCache, accountId: string): Promise<SnapshotHeap> {
  const folder = mkdtempSync(join(tmpdir(), 'cloud-portal-bench-snapshot-'));
  const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };
  try {
    const store = new SnapshotStore(folder, quiet, { enabled: () => true, maxBytes: () => 64 * 1024 * 1024, debounceMs: 0 });
    store.schedule(accountId, () => cache.lastKnownValues((k) => k.startsWith(`${accountId}/`) && keptInSnapshot(k)));
    await store.flush();
    const bytes = statSync(join(folder, `${accountId}.json`)).size;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const fresh = new ResourceCache(() => 60_000);
    const entries = await store.load(accountId);
    for (const e of entries) fresh.seed(e.key, e.value, e.at);
    gc?.();
    gc?.();
    const heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    // Still in use here, so the collector above could not take it.
    if (fresh.lastKnownValues(() => true).length !== entries.length) throw new Error('snapshot not fully loaded');
    return { bytes, entries: entries.length, heapMb };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function runRoundTrips(): Promise<RoundTripResult[]> {
  const env = await setUp();
  try {
    await Promise.all(env.portals.map((p) => p.setLatency(LATENCY_MS)));
    const results: RoundTripResult[] = [];
    const cold = async () => env.accounts.forEach((a) => env.model.invalidate(a.id));
    // As in the editor, each account's connection is already open (sign-in checked it) when a view
    // opens; one untimed pass warms the code paths, so the figures are about round trips, not JIT.
    await Promise.all(env.accounts.map(async (a) => (await env.model.api(a.id)).account.details()));
    await load(env, VIEW_SPECS, EVERYTHING);
    // Services the guess takes for VM-less are asked about (`/methods`, once an hour) in the background.
    await env.model.services.backgroundSettled();
    // (a) each view's first level, all three accounts at once (as opening the view does).
    for (const spec of [servicesView, domainsView, dnsZonesView, ticketsView]) {
      results.push(await measure(env, `(a) ${spec.id.replace('cloudPortal.', '')}: first level`, () => load(env, [spec], () => false), { prepare: cold }));
    }
    // (b) every service expanded, the service lists already shown (cached); the VM lists are new.
    const servicesShown = async () => {
      await cold();
      await load(env, [servicesView], () => false);
    };
    results.push(await measure(env, '(b) expand every service', () => load(env, [servicesView], (n) => n.kind === 'service' && n.hasVms), { prepare: servicesShown }));
    // (c) the Go to Resource index from a cold cache.
    results.push(await measure(env, '(c) Go to Resource index', () => load(env, VIEW_SPECS, EVERYTHING), { prepare: cold }));
    // (d) all of it again within the cache lifetime (the last run of (c) filled it).
    results.push(await measure(env, '(d) everything again within the TTL', () => load(env, VIEW_SPECS, EVERYTHING), { naive: false }));
    // The offline snapshot of one large account with everything loaded: written, then read into a fresh cache.
    snapshotHeap = await measureSnapshotHeap(env.model.cache, env.accounts[0].id);
    // (b) again, HTTPS through a forward proxy (its own process): every connection is a CONNECT tunnel.
    const proxy = await ProxyProcess.start({ [PROXIED_HOST]: '127.0.0.1' });
    const proxied = await setUp(env.portals, proxy);
    try {
      await Promise.all(proxied.accounts.map(async (a) => (await proxied.model.api(a.id)).account.details()));
      await load(proxied, [servicesView], (n) => n.kind === 'service' && n.hasVms);
      await proxied.model.services.backgroundSettled();
      const shown = async () => {
        proxied.accounts.forEach((a) => proxied.model.invalidate(a.id));
        await load(proxied, [servicesView], () => false);
      };
      const result = await measure(proxied, '(b) expand every service, HTTPS via proxy', () => load(proxied, [servicesView], (n) => n.kind === 'service' && n.hasVms), { prepare: shown });
      results.push({ ...result, tunnels: await proxy.tunnels() });
    } finally {
      await close(proxied, false);
      proxy.stop();
    }
    return results;
  } finally {
    await close(env, true);
  }
}
