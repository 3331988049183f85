import { NetworkOptions } from './networkOptions';

/** How requests to one portal travel: straight to it, or tunnelled through a proxy. */
export type ProxyRoute =
  | { kind: 'direct'; why: string }
  | {
      kind: 'proxy';
      /** The proxy's address with any user:password removed: what logs and messages show. */
      proxy: URL;
      /** Where it came from: `http.proxy` or the environment variable's name. */
      source: string;
      /** The `Proxy-Authorization` header value, from `http.proxyAuthorization` or the URL's user:password. */
      authorization?: string;
    }
  | { kind: 'unsupported'; proxy: string; source: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '::ffff:127.0.0.1']);
const ENV_PROXY = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

/**
 * The proxy VS Code would use for `target`, decided the way VS Code's own resolver
 * (`@vscode/proxy-agent`, used by the extension host) decides it:
 * 1. `http.proxySupport: off` → direct;
 * 2. localhost, 127.0.0.1 and ::1 → direct;
 * 3. a bypass entry matches → direct (`http.noProxy` when it has entries, otherwise `NO_PROXY`);
 * 4. `http.proxy` → that proxy;
 * 5. `https_proxy`, `HTTPS_PROXY`, `http_proxy`, `HTTP_PROXY` (first set) → that proxy;
 * 6. otherwise direct. (VS Code would then ask the OS — system proxy settings and PAC scripts —
 *    which only VS Code's main process can do; the log says so.)
 * Environment proxies without a scheme are taken as `http://`, as curl does.
 */
export function routeFor(target: URL, options: NetworkOptions): ProxyRoute {
  if (options.proxySupport === 'off') {
    return { kind: 'direct', why: 'http.proxySupport is off' };
  }
  const host = target.hostname.toLowerCase();
  if (LOOPBACK.has(host)) {
    return { kind: 'direct', why: 'loopback address' };
  }
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  const configBypass = options.noProxy.map((e) => e.trim()).filter(Boolean);
  const bypass = configBypass.length > 0 ? configBypass : splitList(options.env.no_proxy ?? options.env.NO_PROXY);
  const bypassSource = configBypass.length > 0 ? 'http.noProxy' : 'NO_PROXY';
  if (bypasses(bypass, host, port)) {
    return { kind: 'direct', why: `${bypassSource} matches ${host}` };
  }
  const setting = options.proxy?.trim();
  if (setting) {
    return proxyRoute(setting, 'http.proxy', options.proxyAuthorization);
  }
  for (const name of ENV_PROXY) {
    const value = options.env[name]?.trim();
    if (value) {
      return proxyRoute(value, name, options.proxyAuthorization);
    }
  }
  return { kind: 'direct', why: 'no proxy configured (http.proxy and HTTPS_PROXY are empty)' };
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
}

/**
 * Bypass entries: `*` (everything), `name` or `.name` (that host and every host under it),
 * optionally `:port`. The same reading as VS Code's and curl's.
 */
export function bypasses(entries: readonly string[], host: string, port: string): boolean {
  for (const raw of entries) {
    const entry = raw.toLowerCase();
    if (entry === '*') {
      return true;
    }
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!match) {
      continue;
    }
    const name = match[1].replace(/^\*?\./, '').replace(/^\[|\]$/g, '');
    if (match[2] && match[2] !== port) {
      continue;
    }
    const bare = host.replace(/^\[|\]$/g, '');
    if (bare === name || bare.endsWith(`.${name}`)) {
      return true;
    }
  }
  return false;
}

function proxyRoute(value: string, source: string, headerValue: string | undefined): ProxyRoute {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return { kind: 'unsupported', proxy: '(not a URL)', source };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { kind: 'unsupported', proxy: `${url.protocol}//${url.host}`, source };
  }
  let authorization = headerValue?.trim() || undefined;
  if (!authorization && url.username) {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  // The one place credentials are taken out: everything after this shows `proxy` as it is.
  const proxy = new URL(`${url.protocol}//${url.host}`);
  return { kind: 'proxy', proxy, source, authorization };
}

/** One line for the log: the decision and why, never a credential. */
export function describeRoute(target: URL, route: ProxyRoute): string {
  switch (route.kind) {
    case 'direct':
      return `${target.origin}: direct connection (${route.why})`;
    case 'proxy':
      return `${target.origin}: through proxy ${proxyText(route.proxy)} (from ${route.source}${route.authorization ? ', with credentials' : ''})`;
    case 'unsupported':
      return `${target.origin}: proxy ${route.proxy} from ${route.source} is not an http:// or https:// proxy`;
  }
}

/** The proxy's URL as shown to the user (no trailing slash). */
export function proxyText(proxy: URL): string {
  return proxy.href.replace(/\/$/, '');
}
