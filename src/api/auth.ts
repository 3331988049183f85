import * as v from 'valibot';
import { AuthenticationError, PortalClientError, PortalError } from './errors';
import { assertNoPortalError } from './envelope';
import { Logger } from './log';
import { HttpTransport } from './transport';
import * as l10n from '@vscode/l10n';

export type AuthMode = 'basic' | 'jwt';

export interface TokenPair {
  token: string;
  refresh: string;
}

const TokenResponse = v.object({
  token: v.pipe(v.string(), v.minLength(1)),
  refresh: v.optional(v.string()),
});

export type AuthState = 'signedIn' | 'signInRequired';

/** Supplies the `Authorization` header and recovers from a 401 where it can. */
export interface Authenticator {
  readonly mode: AuthMode;
  readonly state: AuthState;
  /** The header for the next request; throws when the user has to sign in again. */
  authorization(): string;
  /**
   * Called after the portal answered 401 to a request sent with `used`. Resolves true when a
   * new header is ready and the request may be sent again.
   */
  recover(used: string): Promise<boolean>;
  /** Invalidates what can be invalidated on the portal and forgets the secrets. */
  signOut(): Promise<void>;
  /** Called once each time the state changes to `signInRequired`. */
  onSignInRequired?: () => void;
}

function signInAgain(): AuthenticationError {
  return new AuthenticationError(l10n.t('Your session has ended. Sign in again to continue.'), true, 401);
}

export function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** HTTP Basic: the password goes with every request; a 401 means it is no longer right. */
export class BasicAuthenticator implements Authenticator {
  readonly mode = 'basic' as const;
  private header: string | undefined;
  onSignInRequired?: () => void;

  constructor(username: string, password: string) {
    this.header = basicHeader(username, password);
  }

  get state(): AuthState {
    return this.header ? 'signedIn' : 'signInRequired';
  }

  authorization(): string {
    if (!this.header) {
      throw signInAgain();
    }
    return this.header;
  }

  async recover(): Promise<boolean> {
    if (this.header) {
      this.header = undefined;
      this.onSignInRequired?.();
    }
    return false;
  }

  async signOut(): Promise<void> {
    this.header = undefined;
  }
}

/** Persists renewed tokens (SecretStorage in the extension); `undefined` clears them. */
export type TokenSink = (tokens: TokenPair | undefined) => Promise<void>;

/**
 * JWT: `Bearer <token>`, renewed with `POST /token` on the first 401. Renewal is single-flight:
 * however many requests fail together, one refresh is sent and all of them wait for it.
 */
export class JwtAuthenticator implements Authenticator {
  readonly mode = 'jwt' as const;
  private refreshing: Promise<boolean> | undefined;
  onSignInRequired?: () => void;

  constructor(
    private readonly transport: HttpTransport,
    private tokens: TokenPair | undefined,
    private readonly persist: TokenSink,
    private readonly logger: Logger,
  ) {}

  get state(): AuthState {
    return this.tokens ? 'signedIn' : 'signInRequired';
  }

  authorization(): string {
    if (!this.tokens) {
      throw signInAgain();
    }
    return `Bearer ${this.tokens.token}`;
  }

  recover(used: string): Promise<boolean> {
    if (!this.tokens) {
      return Promise.resolve(false);
    }
    if (used !== `Bearer ${this.tokens.token}`) {
      // Another request already renewed the token while this one was in flight.
      return Promise.resolve(true);
    }
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<boolean> {
    const current = this.tokens;
    if (!current) {
      return false;
    }
    this.logger.info('Access token expired; renewing it.');
    try {
      const response = await this.transport.send({
        method: 'POST',
        path: 'token',
        body: { refresh_token: current.refresh },
      });
      assertNoPortalError(response.json, response.status);
      const parsed = v.parse(TokenResponse, response.json);
      this.tokens = { token: parsed.token, refresh: parsed.refresh || current.refresh };
      await this.persist(this.tokens);
      this.logger.info('Access token renewed.');
      return true;
    } catch (e) {
      const rejected =
        e instanceof AuthenticationError ||
        e instanceof v.ValiError ||
        (e instanceof PortalError && (e.status === undefined || e.status < 500)) ||
        (e instanceof PortalClientError && e.kind === 'notFound');
      if (!rejected) {
        // Network trouble: the refresh token may still be good, keep it for the next try.
        throw e;
      }
      this.logger.warn('The portal refused to renew the session; the account needs to sign in again.');
      this.tokens = undefined;
      await this.persist(undefined);
      this.onSignInRequired?.();
      return false;
    }
  }

  async signOut(): Promise<void> {
    const current = this.tokens;
    this.tokens = undefined;
    if (!current) {
      return;
    }
    try {
      const response = await this.transport.send({
        method: 'POST',
        path: 'revoke',
        body: { refresh_token: current.refresh },
        authorization: `Bearer ${current.token}`,
      });
      assertNoPortalError(response.json, response.status);
    } catch (e) {
      this.logger.warn(`Could not revoke the session on the portal: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      await this.persist(undefined);
    }
  }
}

/** `POST /login`: exchanges a password for a token pair. Wrong credentials become AuthenticationError. */
export async function loginWithPassword(
  transport: HttpTransport,
  username: string,
  password: string,
  signal?: AbortSignal,
): Promise<TokenPair> {
  let json: unknown;
  try {
    const response = await transport.send({ method: 'POST', path: 'login', body: { username, password }, signal });
    assertNoPortalError(response.json, response.status);
    json = response.json;
  } catch (e) {
    if (e instanceof PortalError && (e.status === undefined || e.status < 500)) {
      throw new AuthenticationError(l10n.t('Sign-in failed: {0}', e.message), true, e.status);
    }
    if (e instanceof AuthenticationError) {
      throw new AuthenticationError(l10n.t('Wrong email or password.'), true, 401);
    }
    throw e;
  }
  const parsed = v.safeParse(TokenResponse, json);
  if (!parsed.success) {
    throw new AuthenticationError(l10n.t('The portal did not return a session token. Try Basic authentication.'), true);
  }
  return { token: parsed.output.token, refresh: parsed.output.refresh ?? '' };
}
