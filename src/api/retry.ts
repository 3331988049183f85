import { CancelledError, NetworkError, PortalClientError, RateLimitedError } from './errors';

export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error goes to the user instead. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  retries: 2,
  baseDelayMs: 300,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
};

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

/**
 * Whether a failed attempt may be repeated. Idempotent requests are repeated on transient
 * failures; anything that changes state or spends money only when the server provably never
 * saw it (the connection was never made).
 */
export function mayRetry(error: unknown, idempotent: boolean, policy: RetryPolicy): boolean {
  if (!(error instanceof PortalClientError) || error instanceof CancelledError) {
    return false;
  }
  if (error.kind === 'certificate' || error.kind === 'proxy') {
    // Repeating cannot help until a setting changes: one clear error instead of three.
    return false;
  }
  if (!idempotent) {
    return error instanceof NetworkError && !error.maybeSeenByServer;
  }
  if (error instanceof RateLimitedError) {
    return (error.retryAfterMs ?? 0) <= policy.maxRetryAfterMs;
  }
  if (error.kind === 'network' || error.kind === 'timeout') {
    return true;
  }
  return error.kind === 'portal' && error.status !== undefined && RETRYABLE_STATUS.has(error.status);
}

/** Delay before attempt `attempt + 1`: `Retry-After` when given, else exponential backoff with full jitter. */
export function retryDelay(error: unknown, attempt: number, policy: RetryPolicy, random = Math.random): number {
  if (error instanceof RateLimitedError && error.retryAfterMs !== undefined) {
    return error.retryAfterMs;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: { idempotent: boolean; policy: RetryPolicy; signal?: AbortSignal; onRetry?: (error: unknown, delayMs: number) => void },
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= options.policy.retries || !mayRetry(error, options.idempotent, options.policy)) {
        throw error;
      }
      const delay = retryDelay(error, attempt, options.policy);
      options.onRetry?.(error, delay);
      await sleep(delay, options.signal);
    }
  }
}
