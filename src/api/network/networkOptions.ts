/**
 * How the client reaches the network: the same inputs VS Code uses for its own requests. The
 * VS Code side fills this from the `http.*` settings (see `src/config.ts`); plain-Node callers
 * and tests pass what they need. Nothing here is secret except `proxyAuthorization` and any
 * `user:password@` in `proxy`, which never reach a log (see `describeProxy`).
 */
export interface NetworkOptions {
  /** `http.proxySupport`: `off` sends everything directly, whatever else is configured. */
  proxySupport: 'off' | 'on' | 'fallback' | 'override';
  /** `http.proxy`: `http://host:port` or `https://host:port`, optionally with `user:password@`. */
  proxy?: string;
  /** `http.noProxy`: hosts that bypass the proxy; when set, `NO_PROXY` is not read (as in VS Code). */
  noProxy: readonly string[];
  /** `http.proxyAuthorization`: the whole `Proxy-Authorization` header value. */
  proxyAuthorization?: string;
  /** `http.proxyStrictSSL`: false turns certificate checks off (portal and proxy), with a warning. */
  strictSSL: boolean;
  /** `http.systemCertificates`: trust the operating system's certificate store too. */
  systemCertificates: boolean;
  /**
   * The process environment, read for `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` (and lower case),
   * `NODE_EXTRA_CA_CERTS`, and OpenSSL's `SSL_CERT_FILE`/`SSL_CERT_DIR` where the system store is a file.
   */
  env: Readonly<Record<string, string | undefined>>;
}

/** VS Code's defaults, with this process's environment. */
export function defaultNetworkOptions(env: NetworkOptions['env'] = process.env): NetworkOptions {
  return { proxySupport: 'override', noProxy: [], strictSSL: true, systemCertificates: true, env };
}
