import { CertificateError, CertificateProblem, NetworkError, PortalClientError, ProxyError } from '../errors';
import { proxyText, ProxyRoute } from './proxyRoute';

/**
 * A failure while opening a connection: TCP, the proxy's CONNECT tunnel, or the TLS handshake.
 * The connectors of our dispatchers wrap every such failure in this, so the transport knows for
 * certain that no byte of the request was written (undici writes a request only on an open,
 * verified connection). Its own `code` also makes undici fail the queued requests at once
 * instead of reconnecting in a loop.
 */
export class ConnectFailure extends Error {
  readonly code = 'CLOUD_PORTAL_CONNECT_FAILED';
  constructor(
    readonly cause: unknown,
    readonly via: 'direct' | 'proxy',
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

type Connector = (options: object, callback: (error: Error | null, socket: unknown) => void) => void;

/** Wraps an undici connector so its failures arrive as `ConnectFailure`. */
export function markingFailures(connector: Connector, via: 'direct' | 'proxy'): Connector {
  return (options, callback) =>
    connector(options, (error, socket) => callback(error ? new ConnectFailure(error, via) : null, socket));
}

/** Every `code` along the error's `cause` chain, outermost first. */
export function errorCodes(e: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = e;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      codes.push(code);
    }
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

const CERTIFICATE_CODES: Record<string, CertificateProblem> = {
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_SIGNATURE_FAILURE: 'untrusted',
  INVALID_CA: 'untrusted',
  CERT_CHAIN_TOO_LONG: 'untrusted',
  PATH_LENGTH_EXCEEDED: 'untrusted',
  CERT_REJECTED: 'untrusted',
  INVALID_PURPOSE: 'untrusted',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'notYetValid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'wrongHost',
  HOSTNAME_MISMATCH: 'wrongHost',
  CERT_REVOKED: 'revoked',
};

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TRUST_FIX =
  'Trust the issuing certificate in the operating system\'s store (with "http.systemCertificates" on) or add it to the file named by NODE_EXTRA_CA_CERTS, then reload the window';

/**
 * The typed error for a failed connection, with a message that says what went wrong, on which
 * side (the proxy or the portal), and which setting fixes it. `undefined` when `e` is not a
 * connection failure (the transport then treats it as a failure after sending).
 */
export function connectError(e: unknown, portal: URL, route: ProxyRoute): PortalClientError | undefined {
  const codes = errorCodes(e);
  const certificateCode = codes.find((c) => c in CERTIFICATE_CODES);
  if (certificateCode) {
    return certificateError(certificateCode, portal, route, codes.includes('UND_ERR_PRX_TLS'), e);
  }
  if (!(e instanceof ConnectFailure)) {
    return undefined;
  }
  const reason = codes.find((c) => c !== 'CLOUD_PORTAL_CONNECT_FAILED') ?? e.message;
  if (route.kind !== 'proxy') {
    return new NetworkError(`Could not connect to the portal at ${portal.host} (${reason}).`, false, e);
  }
  return proxyError(e, reason, portal, route);
}

function certificateError(code: string, portal: URL, route: ProxyRoute, ofProxy: boolean, cause: unknown): CertificateError {
  const problem = CERTIFICATE_CODES[code];
  const whose = ofProxy && route.kind === 'proxy' ? `the proxy ${route.proxy.host}` : portal.hostname;
  const inspected = route.kind === 'proxy' && !ofProxy ? ' If your network inspects TLS, it is the inspecting proxy\'s root certificate that must be trusted.' : '';
  const what: Record<CertificateProblem, string> = {
    untrusted: `The certificate of ${whose} is not trusted: its issuer is not among the trusted certificates (${code}). ${TRUST_FIX}.${inspected}`,
    expired: `The certificate of ${whose} has expired (${code}). The portal's operator has to renew it; until then "http.proxyStrictSSL": false turns checking off at your own risk.`,
    notYetValid: `The certificate of ${whose} is not valid yet (${code}). Check this computer's clock.`,
    wrongHost: `The certificate presented for ${whose} is for another host name (${code}). Check the account's API root URL; a TLS-inspecting proxy must issue certificates for the name you connect to.`,
    revoked: `The certificate of ${whose} has been revoked (${code}).`,
    other: `The certificate of ${whose} was refused (${code}).`,
  };
  return new CertificateError(`${what[problem]} Nothing was sent.`, problem, code, cause);
}

function proxyError(e: ConnectFailure, reason: string, portal: URL, route: Extract<ProxyRoute, { kind: 'proxy' }>): ProxyError {
  const proxy = `${proxyText(route.proxy)} (from ${route.source})`;
  const status = /Proxy response \((\d{3})\)/.exec(e.message)?.[1];
  const target = portal.host;
  if (status === '407') {
    const fix = route.authorization
      ? 'It refused the credentials given: check "http.proxyAuthorization" or the user:password in the proxy URL.'
      : 'Set "http.proxyAuthorization", or put user:password@ in the proxy URL.';
    return new ProxyError(`The proxy ${proxy} requires authentication (HTTP 407). ${fix}`, 407, e);
  }
  if (status === '403') {
    return new ProxyError(
      `The proxy ${proxy} does not allow connections to ${target} (HTTP 403). Ask your network administrator, or add the host to "http.noProxy" if it can be reached directly.`,
      403,
      e,
    );
  }
  if (status) {
    return new ProxyError(`The proxy ${proxy} could not open a connection to ${target} (HTTP ${status}). Try again; if it persists, check the proxy or "http.noProxy".`, Number(status), e);
  }
  if (reason === 'UND_ERR_HEADERS_TIMEOUT' || reason === 'UND_ERR_CONNECT_TIMEOUT') {
    return new ProxyError(`The proxy ${proxy} did not answer in time while opening a tunnel to ${target} (${reason}). Check "http.proxy" or the proxy environment variables.`, undefined, e);
  }
  if (UNREACHABLE.has(reason)) {
    return new ProxyError(`Could not connect to the proxy ${proxy} (${reason}). Check "http.proxy" or the proxy environment variables.`, undefined, e);
  }
  if (RESET.has(reason)) {
    return new ProxyError(`The proxy ${proxy} closed the connection before the tunnel to ${target} was open (${reason}).`, undefined, e);
  }
  return new ProxyError(`The proxy ${proxy} failed to open a tunnel to ${target} (${reason}).`, undefined, e);
}
