import { CertificateError, CertificateProblem, NetworkError, PortalClientError, ProxyError } from '../errors';
import { proxyText, ProxyRoute } from './proxyRoute';
import * as l10n from '@vscode/l10n';

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
  l10n.t('Trust the issuing certificate in the operating system\'s store (with "http.systemCertificates" on) or add it to the file named by NODE_EXTRA_CA_CERTS, then reload the window');

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
    return new NetworkError(l10n.t('Could not connect to the portal at {0} ({1}).', portal.host, reason), false, e);
  }
  return proxyError(e, reason, portal, route);
}

function certificateError(code: string, portal: URL, route: ProxyRoute, ofProxy: boolean, cause: unknown): CertificateError {
  const problem = CERTIFICATE_CODES[code];
  const whose = ofProxy && route.kind === 'proxy' ? l10n.t('the proxy {0}', route.proxy.host) : portal.hostname;
  const inspected = route.kind === 'proxy' && !ofProxy ? l10n.t(' If your network inspects TLS, it is the inspecting proxy\'s root certificate that must be trusted.') : '';
  const what: Record<CertificateProblem, string> = {
    untrusted: l10n.t('The certificate of {0} is not trusted: its issuer is not among the trusted certificates ({1}). {2}.{3}', whose, code, TRUST_FIX, inspected),
    expired: l10n.t('The certificate of {0} has expired ({1}). The portal\'s operator has to renew it; until then "http.proxyStrictSSL": false turns checking off at your own risk.', whose, code),
    notYetValid: l10n.t('The certificate of {0} is not valid yet ({1}). Check this computer\'s clock.', whose, code),
    wrongHost: l10n.t('The certificate presented for {0} is for another host name ({1}). Check the account\'s API root URL; a TLS-inspecting proxy must issue certificates for the name you connect to.', whose, code),
    revoked: l10n.t('The certificate of {0} has been revoked ({1}).', whose, code),
    other: l10n.t('The certificate of {0} was refused ({1}).', whose, code),
  };
  return new CertificateError(l10n.t('{0} Nothing was sent.', what[problem]), problem, code, cause);
}

function proxyError(e: ConnectFailure, reason: string, portal: URL, route: Extract<ProxyRoute, { kind: 'proxy' }>): ProxyError {
  const proxy = `${proxyText(route.proxy)} (from ${route.source})`;
  const status = /Proxy response \((\d{3})\)/.exec(e.message)?.[1];
  const target = portal.host;
  if (status === '407') {
    const fix = route.authorization
      ? l10n.t('It refused the credentials given: check "http.proxyAuthorization" or the user:password in the proxy URL.')
      : l10n.t('Set "http.proxyAuthorization", or put user:password@ in the proxy URL.');
    return new ProxyError(l10n.t('The proxy {0} requires authentication (HTTP 407). {1}', proxy, fix), 407, e);
  }
  if (status === '403') {
    return new ProxyError(
      l10n.t('The proxy {0} does not allow connections to {1} (HTTP 403). Ask your network administrator, or add the host to "http.noProxy" if it can be reached directly.', proxy, target),
      403,
      e,
    );
  }
  if (status) {
    return new ProxyError(l10n.t('The proxy {0} could not open a connection to {1} (HTTP {2}). Try again; if it persists, check the proxy or "http.noProxy".', proxy, target, status), Number(status), e);
  }
  if (reason === 'UND_ERR_HEADERS_TIMEOUT' || reason === 'UND_ERR_CONNECT_TIMEOUT') {
    return new ProxyError(l10n.t('The proxy {0} did not answer in time while opening a tunnel to {1} ({2}). Check "http.proxy" or the proxy environment variables.', proxy, target, reason), undefined, e);
  }
  if (UNREACHABLE.has(reason)) {
    return new ProxyError(l10n.t('Could not connect to the proxy {0} ({1}). Check "http.proxy" or the proxy environment variables.', proxy, reason), undefined, e);
  }
  if (RESET.has(reason)) {
    return new ProxyError(l10n.t('The proxy {0} closed the connection before the tunnel to {1} was open ({2}).', proxy, target, reason), undefined, e);
  }
  return new ProxyError(l10n.t('The proxy {0} failed to open a tunnel to {1} ({2}).', proxy, target, reason), undefined, e);
}
