import { AuthMode } from '../../src/api/auth';
import { CapabilityProfile } from '../../src/api/capabilities';
import { Logger } from '../../src/api/log';
import { connect, PortalApi, signIn, StoredCredentials } from '../../src/api/portalApi';
import { RetryPolicy } from '../../src/api/retry';
import { ProviderName } from '../mock-portal/model';
import { MockPortal, MockPortalOptions, startMockPortal } from '../mock-portal/mockPortal';

export const PASSWORD = 'demo-password';
export const EMAIL: Record<ProviderName, string> = {
  elsecloud: 'demo@elsecloud.test',
  alterncloud: 'demo@alterncloud.test',
};

/** Short delays so retry tests stay fast; the policy's shape is the production one. */
export const FAST_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 2_000 };

/** A logger that keeps every line, for assertions about what reaches the log. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  trace(m: string) {
    this.lines.push(`trace ${m}`);
  }
  debug(m: string) {
    this.lines.push(`debug ${m}`);
  }
  info(m: string) {
    this.lines.push(`info ${m}`);
  }
  warn(m: string) {
    this.lines.push(`warn ${m}`);
  }
  error(m: string | Error) {
    this.lines.push(`error ${m instanceof Error ? m.message : m}`);
  }
  text(): string {
    return this.lines.join('\n');
  }
}

/** Starts a mock portal for a suite and stops it after. */
export function useMockPortal(options: MockPortalOptions = {}): { portal: MockPortal } {
  const holder = {} as { portal: MockPortal };
  before(async () => {
    holder.portal = await startMockPortal({ transitionMs: 150, ...options });
  });
  beforeEach(() => holder.portal.reset());
  after(async () => {
    await holder.portal.stop();
  });
  return holder;
}

export interface TestAccount {
  api: PortalApi;
  logger: RecordingLogger;
  credentials: StoredCredentials;
  savedTokens: unknown[];
}

const profileOf = (provider: ProviderName): CapabilityProfile => provider;

/** Signs in for real (login + /details) and returns the API, as the extension does. */
export async function signedIn(
  portal: MockPortal,
  provider: ProviderName,
  mode: AuthMode,
  settings: { timeoutMs?: number; retry?: RetryPolicy; profile?: CapabilityProfile } = {},
): Promise<TestAccount> {
  const logger = new RecordingLogger();
  const result = await signIn(
    { apiRoot: portal.apiRoot(provider), profile: settings.profile ?? profileOf(provider), logger, timeoutMs: settings.timeoutMs ?? 3_000, retry: settings.retry ?? FAST_RETRY },
    EMAIL[provider],
    PASSWORD,
    mode,
  );
  const probedFeatures = await result.probeFeatures();
  await result.api.close();
  const savedTokens: unknown[] = [];
  const api = connect(
    { apiRoot: portal.apiRoot(provider), profile: settings.profile ?? profileOf(provider), probedFeatures, logger, timeoutMs: settings.timeoutMs ?? 3_000, retry: settings.retry ?? FAST_RETRY },
    result.credentials,
    async (tokens) => {
      savedTokens.push(tokens);
    },
  );
  return { api, logger, credentials: result.credentials, savedTokens };
}

export async function rejects(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `check()` holds (a condition, checked every few milliseconds), or fails naming `what`. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
