import type { Dispatcher } from 'undici';
import { ProxyError } from '../errors';
import { Logger } from '../log';
import { markingFailures } from './connectFailure';
import { NetworkOptions } from './networkOptions';
import { describeRoute, ProxyRoute, routeFor } from './proxyRoute';
import { trustStore, warmTrustStore } from './trustStore';

export interface DispatcherSettings {
  origin: URL;
  /** Connections kept, which is also the number of requests in flight at once. */
  connections: number;
  /** Time limit for answers (headers, body); half of it, at most 10 s, for connecting (TCP, the proxy's CONNECT, TLS). */
  timeoutMs: number;
  network: NetworkOptions;
  logger: Logger;
}

export interface PortalDispatcher {
  dispatcher: Dispatcher;
  route: ProxyRoute;
}

let undiciLoading: Promise<typeof import('../undiciPool')> | undefined;
/** undici (a third of the extension's code) is loaded for the first connection, not at activation. */
const undici = () => (undiciLoading ??= import('../undiciPool'));

/**
 * Readies what the first connection needs — the certificates it will trust, and undici itself — so
 * that the first request does not wait for them: called when a sign-in starts and after activation
 * when accounts are restored.
 */
export function warmConnections(network: NetworkOptions | undefined, logger: Logger): void {
  warmTrustStore(network, logger);
  void undici().catch(() => undefined);
}

/**
 * One account's connection pool, direct or through its proxy.
 *
 * Why undici's `ProxyAgent` and our own resolution rather than `@vscode/proxy-agent` or VS Code's
 * patched `https` module: the client needs one pooled keep-alive dispatcher per account with a
 * hard cap on requests in flight, time limits, cancellation and a certain answer to "was this
 * request sent?" — through the proxy too. VS Code's patch covers `http`/`https`/`fetch` with
 * agents of its own choosing (no cap, no such answer) and only inside VS Code, so the same client
 * could not be tested in plain Node against a real proxy; `@vscode/proxy-agent` needs Node 22.15+
 * and brings four agent libraries (and a native module on Windows) into the bundle. `ProxyAgent`
 * is the same undici the client already uses: a CONNECT tunnel per pooled connection, kept alive,
 * with TLS to the portal inside it. What VS Code adds on top — which proxy for which URL — is
 * `routeFor`, following VS Code's resolver rule by rule.
 */
export async function createDispatcher(settings: DispatcherSettings): Promise<PortalDispatcher> {
  const { origin, network, logger } = settings;
  const route = routeFor(origin, network);
  logger.info(`Network: ${describeRoute(origin, route)}`);
  if (route.kind === 'unsupported') {
    throw new ProxyError(
      `The proxy ${route.proxy} (from ${route.source}) is not supported: use an http:// or https:// proxy.`,
      undefined,
    );
  }
  const usesTls = origin.protocol === 'https:' || (route.kind === 'proxy' && route.proxy.protocol === 'https:');
  const [{ buildConnector, Pool, ProxyAgent }, trust] = await Promise.all([undici(), usesTls ? trustStore(network, logger) : undefined]);
  if (usesTls && !network.strictSSL) {
    logger.warn('"http.proxyStrictSSL" is false: the certificates of the portal and the proxy are NOT checked.');
  }
  // Shorter than the whole request's limit, so a silent proxy or portal is reported as such.
  const connectTimeoutMs = Math.min(settings.timeoutMs / 2, 10_000);
  // `ca` as well as the prebuilt context: VS Code's TLS patch leaves connections that name their CAs alone.
  const tls = trust ? { ca: trust.ca as string[], secureContext: trust.secureContext, rejectUnauthorized: network.strictSSL } : {};
  const pool = {
    connections: settings.connections,
    allowH2: false,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
  };
  if (route.kind === 'direct') {
    const connect = markingFailures(buildConnector({ ...tls, timeout: connectTimeoutMs }) as never, 'direct');
    return { route, dispatcher: new Pool(origin.origin, { ...pool, connect: connect as never }) };
  }
  const agent = new ProxyAgent({
    ...pool,
    uri: route.proxy.href,
    token: route.authorization,
    requestTls: { ...tls, timeout: connectTimeoutMs },
    proxyTls: { ...tls, timeout: connectTimeoutMs },
    // The proxy's answer to CONNECT is bounded like any answer, and by the connect limit.
    clientFactory: (url: URL, options: object) => new Pool(url, { ...options, headersTimeout: connectTimeoutMs }),
    // Each pooled connection to the portal is a tunnel; its failures are marked as "never sent".
    factory: (target: string, options: { connect: never }) =>
      new Pool(target, { ...options, connect: markingFailures(options.connect, 'proxy') as never }),
  } as never);
  return { route, dispatcher: agent as unknown as Dispatcher };
}
