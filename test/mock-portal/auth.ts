import { randomBytes } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { PortalState, ProviderName } from './model';
import { PortalFailure } from './router';

interface Session {
  provider: ProviderName;
  expiresAt: number;
}

/** Basic and JWT-style auth for the mock: opaque, JWT-looking tokens with a forced-expiry switch. */
export class MockAuth {
  private readonly access = new Map<string, Session>();
  private readonly refresh = new Map<string, ProviderName>();
  tokenTtlMs: number;
  /** Counters tests can read. */
  readonly counts = { login: 0, refresh: 0, revoke: 0 };

  constructor(tokenTtlMs: number) {
    this.tokenTtlMs = tokenTtlMs;
  }

  private mint(provider: ProviderName, kind: string): string {
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iss: provider, kind, jti: randomBytes(6).toString('hex') })}.${randomBytes(24).toString('base64url')}`;
  }

  issue(provider: ProviderName): { token: string; refresh: string } {
    const token = this.mint(provider, 'access');
    const refresh = this.mint(provider, 'refresh');
    this.access.set(token, { provider, expiresAt: Date.now() + this.tokenTtlMs });
    this.refresh.set(refresh, provider);
    this.issued.push(token, refresh);
    return { token, refresh };
  }

  login(state: PortalState, username: unknown, password: unknown): { token: string; refresh: string } {
    this.counts.login++;
    if (username !== state.client.email || password !== state.password) {
      throw new PortalFailure(401, ['Invalid username or password']);
    }
    return this.issue(state.provider);
  }

  renew(provider: ProviderName, refreshToken: unknown): { token: string; refresh: string } {
    this.counts.refresh++;
    if (typeof refreshToken !== 'string' || this.refresh.get(refreshToken) !== provider) {
      throw new PortalFailure(401, ['invalid_refresh_token']);
    }
    this.refresh.delete(refreshToken);
    return this.issue(provider);
  }

  revoke(provider: ProviderName, refreshToken: unknown, bearer: string | undefined): void {
    this.counts.revoke++;
    if (typeof refreshToken === 'string') {
      this.refresh.delete(refreshToken);
    }
    if (bearer) {
      this.access.delete(bearer);
    }
    void provider;
  }

  /** Every token ever issued, revoked ones too (for checks that no token leaked anywhere). */
  readonly issued: string[] = [];

  /** Every access token expires now (refresh tokens stay valid). */
  expireAll(): void {
    for (const session of this.access.values()) {
      session.expiresAt = 0;
    }
  }

  /** Every refresh token stops working (the next refresh fails). */
  revokeAllRefresh(): void {
    this.refresh.clear();
  }

  /** Checks the Authorization header; throws a 401 failure when it does not hold. */
  check(req: IncomingMessage, state: PortalState): void {
    const header = req.headers.authorization ?? '';
    const [scheme, value = ''] = header.split(' ');
    if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (decoded.slice(0, colon) === state.client.email && decoded.slice(colon + 1) === state.password) {
        return;
      }
      throw new PortalFailure(401, ['Invalid credentials']);
    }
    if (/^bearer$/i.test(scheme)) {
      const session = this.access.get(value);
      if (!session || session.provider !== state.provider) {
        throw new PortalFailure(401, ['invalid_token']);
      }
      if (session.expiresAt <= Date.now()) {
        throw new PortalFailure(401, ['token_expired']);
      }
      return;
    }
    throw new PortalFailure(401, ['Authorization required']);
  }
}
