import { ProviderName } from './model';

export type FaultKind =
  | 'latency' // wait `delayMs`, then answer normally
  | 'status' // answer `status` with a JSON error body, without acting
  | 'rateLimit' // 429 with Retry-After: `retryAfter` seconds
  | 'reset' // drop the connection before acting
  | 'resetAfter' // act, then drop the connection before answering
  | 'html' // an HTML error page with `status` (default 502)
  | 'truncated' // act, then send JSON cut in half
  | 'wrongShape' // act, then send valid JSON of the wrong shape
  | 'errorBody' // HTTP 200 with {"error": [...]}, without acting
  | 'redirect' // a 302 to `message` (another host), without acting
  | 'hang'; // never answer

export interface FaultRule {
  kind: FaultKind;
  /** Only requests with this method. */
  method?: string;
  /** Only paths (relative to the API root, no leading slash) matching this regular expression. */
  path?: string;
  provider?: ProviderName;
  /** How many matching requests it affects; unlimited when absent. */
  times?: number;
  /** Probability (0..1) that a matching request is affected. */
  rate?: number;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  message?: string;
}

interface ActiveRule extends FaultRule {
  remaining: number;
  regex?: RegExp;
}

/** The fault-injection table: rules are matched in order; the first that applies wins. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private random: () => number;

  constructor(seed = 42) {
    // Deterministic pseudo-random numbers so that rate-based runs are repeatable.
    let x = seed >>> 0 || 1;
    this.random = () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return ((x >>> 0) % 1_000_000) / 1_000_000;
    };
  }

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY, regex: rule.path ? new RegExp(rule.path) : undefined });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ remaining, regex: _regex, ...rule }) => ({ ...rule, times: Number.isFinite(remaining) ? remaining : undefined }));
  }

  /** The fault for this request, if any (and counts it). */
  take(method: string, path: string, provider: ProviderName): FaultRule | undefined {
    for (const rule of this.rules) {
      if (rule.remaining <= 0) {
        continue;
      }
      if (rule.method && rule.method.toUpperCase() !== method) {
        continue;
      }
      if (rule.provider && rule.provider !== provider) {
        continue;
      }
      if (rule.regex && !rule.regex.test(path)) {
        continue;
      }
      if (rule.rate !== undefined && this.random() >= rule.rate) {
        continue;
      }
      rule.remaining--;
      return rule;
    }
    return undefined;
  }
}
