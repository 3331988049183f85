import { inlineText } from '../util/plainText';
import * as l10n from '@vscode/l10n';

/**
 * Typed errors the UI can act on. Every failure that leaves the portal client is one of these,
 * so views and commands can decide between "retry", "sign in again" and "show the portal's words".
 */
export type PortalErrorKind =
  | 'authentication'
  | 'notFound'
  | 'portal'
  | 'rateLimited'
  | 'network'
  | 'timeout'
  | 'invalidResponse'
  | 'cancelled'
  | 'unsupported'
  | 'certificate'
  | 'proxy';

export abstract class PortalClientError extends Error {
  abstract readonly kind: PortalErrorKind;
  /** Whether repeating the same request later may succeed (offer a Retry action). */
  abstract readonly retryable: boolean;
  /** HTTP status where one was received. */
  readonly status?: number;

  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.status = status;
  }
}

/** Credentials were rejected, or the session expired and could not be renewed. */
export class AuthenticationError extends PortalClientError {
  readonly kind = 'authentication' as const;
  readonly retryable = false;
  constructor(
    message: string,
    /** True when the user must sign in again (refresh failed or credentials are gone). */
    readonly signInRequired: boolean,
    status?: number,
  ) {
    super(message, status);
  }
}

export class NotFoundError extends PortalClientError {
  readonly kind = 'notFound' as const;
  readonly retryable = false;
}

/**
 * The portal answered and said no: its own messages (the `error` array) are kept, as one line of
 * plain text (no control characters, no Markdown links, at most 500 characters), because they end
 * up in notifications and tree rows.
 */
export class PortalError extends PortalClientError {
  readonly kind = 'portal' as const;
  readonly retryable: boolean;
  constructor(
    readonly messages: readonly string[],
    status?: number,
    fallback = l10n.t('The portal reported an error.'),
  ) {
    super(messages.length > 0 ? inlineText(messages.join('; '), 500) : fallback, status);
    this.retryable = status !== undefined && status >= 500;
  }
}

export class RateLimitedError extends PortalClientError {
  readonly kind = 'rateLimited' as const;
  readonly retryable = true;
  constructor(readonly retryAfterMs: number | undefined) {
    super(
      retryAfterMs === undefined
        ? l10n.t('The portal is rate limiting requests. Try again shortly.')
        : l10n.t('The portal is rate limiting requests. Try again in {0} s.', Math.ceil(retryAfterMs / 1000)),
      429,
    );
  }
}

export class NetworkError extends PortalClientError {
  readonly kind = 'network' as const;
  readonly retryable = true;
  constructor(
    message: string,
    /** False when the request provably never reached the server (connection refused, DNS failure). */
    readonly maybeSeenByServer: boolean,
    cause?: unknown,
  ) {
    super(message, undefined, { cause });
  }
}

/** What was wrong with the certificate the portal (or a TLS-inspecting proxy) presented. */
export type CertificateProblem = 'untrusted' | 'expired' | 'notYetValid' | 'wrongHost' | 'revoked' | 'other';

/**
 * The TLS handshake refused the portal's certificate. Nothing was sent (the request is written
 * only after the handshake), so an order or payment that fails this way was not placed; and
 * repeating it cannot help until the user trusts the issuer, so it is never retried.
 */
export class CertificateError extends PortalClientError {
  readonly kind = 'certificate' as const;
  readonly retryable = false;
  readonly maybeSeenByServer = false;
  constructor(
    message: string,
    readonly problem: CertificateProblem,
    /** OpenSSL's / Node's code, e.g. `SELF_SIGNED_CERT_IN_CHAIN`. */
    readonly code: string,
    cause?: unknown,
  ) {
    super(message, undefined, { cause });
  }
}

/**
 * The proxy in the way refused or failed the tunnel (407, 403, 502, reset, unreachable). The
 * request never reached the portal. `proxyStatus` is the proxy's answer to CONNECT, when there was one.
 */
export class ProxyError extends PortalClientError {
  readonly kind = 'proxy' as const;
  readonly maybeSeenByServer = false;
  readonly retryable: boolean;
  constructor(
    message: string,
    readonly proxyStatus: number | undefined,
    cause?: unknown,
  ) {
    super(message, undefined, { cause });
    // Credentials or a policy refusal do not fix themselves; a gateway error or a reset may.
    this.retryable = proxyStatus !== 407 && proxyStatus !== 403;
  }
}

export class TimeoutError extends PortalClientError {
  readonly kind = 'timeout' as const;
  readonly retryable = true;
  constructor(readonly timeoutMs: number) {
    super(l10n.t('The portal did not answer within {0} s.', Math.round(timeoutMs / 1000)));
  }
}

/** The answer was not JSON, was cut short, or did not have the documented shape. */
export class InvalidResponseError extends PortalClientError {
  readonly kind = 'invalidResponse' as const;
  readonly retryable = true;
}

export class CancelledError extends PortalClientError {
  readonly kind = 'cancelled' as const;
  readonly retryable = true;
  constructor() {
    super(l10n.t('The request was cancelled.'));
  }
}

/** The portal does not offer this endpoint (from the capability catalogue; nothing was sent). */
export class UnsupportedError extends PortalClientError {
  readonly kind = 'unsupported' as const;
  readonly retryable = false;
}

export function isPortalClientError(e: unknown): e is PortalClientError {
  return e instanceof PortalClientError;
}

/** A message fit for a notification, whatever was thrown. */
export function describeError(e: unknown): string {
  if (e instanceof PortalClientError) {
    return e.message;
  }
  if (e instanceof Error) {
    return e.message;
  }
  return String(e);
}

/** Whether an error means the portal could not be reached or served nothing (network, time limit, 5xx): last-known data may stand in. */
export function portalUnreachable(e: unknown): boolean {
  return isPortalClientError(e) && (e.kind === 'network' || e.kind === 'timeout' || (e.kind === 'portal' && (e.status ?? 0) >= 500));
}
