import { randomUUID } from 'node:crypto';
import { AuthenticationError } from '../api/errors';
import { Logger } from '../api/log';
import { connect, ConnectionSettings, PortalApi, SignInResult } from '../api/portalApi';
import { Emitter } from '../util/emitter';
import { AccountRecord, AccountStore } from './accountStore';
import { providerById, ProviderId } from './providers';
import * as l10n from '@vscode/l10n';

export type AccountState = 'signedIn' | 'signedOut' | 'signInRequired';

/** How an account's state reads in rows, tooltips and picks. */
export const ACCOUNT_STATE_TEXT: Record<AccountState, string> = {
  signedIn: l10n.t('signed in'),
  signedOut: l10n.t('signed out'),
  signInRequired: l10n.t('session ended — sign in again'),
};

export interface Account {
  record: AccountRecord;
  state: AccountState;
}

export interface NewAccount {
  providerId: ProviderId;
  apiRoot: string;
  username: string;
  label?: string;
}

/** A verified sign-in that can serve requests, before it is stored. */
export interface ConnectEvent {
  readonly accountId: string;
  /**
   * Holds back what the first rows do not need until `work` settles (all such work, at most
   * `FIRST_ROWS_WAIT_MS`): the capability probes, storing the credentials and the record (writes the
   * window makes), and so the end of the sign-in and its "Signed in" message.
   */
  waitUntil(work: PromiseLike<unknown>): void;
}

/** The longest a sign-in's stored credentials, probes and message wait for the first rows. */
export const FIRST_ROWS_WAIT_MS = 2_000;

/** Per-connection settings that come from the user's configuration (timeouts, proxy, certificates). */
export type SettingsProvider = () => Pick<ConnectionSettings, 'timeoutMs' | 'maxConnections' | 'retry' | 'userAgent' | 'network'>;

/**
 * Every signed-in account and its one shared portal client. Views, commands and the resource
 * model ask here for an account's `PortalApi`; nothing else creates clients.
 */
export class AccountRegistry {
  private readonly sessions = new Map<string, Promise<PortalApi | undefined>>();
  private readonly expired = new Set<string>();
  private readonly signedOut = new Set<string>();
  private readonly changed = new Emitter<void>();
  private readonly signInNeeded = new Emitter<Account>();
  /** Fires when the account list or any account's state changes. */
  readonly onDidChange = this.changed.event;
  /** Fires once each time an account's session ends and the user has to sign in again. */
  readonly onDidRequireSignIn = this.signInNeeded.event;
  /**
   * Verified sign-ins whose credentials and record are being stored: listed already, so their
   * first rows do not wait for the keychain.
   */
  private readonly storing = new Map<string, AccountRecord>();
  private readonly connected = new Emitter<ConnectEvent>();
  /** Fires as soon as a verified sign-in can serve requests (before it is stored). */
  readonly onDidConnect = this.connected.event;

  constructor(
    private readonly store: AccountStore,
    private readonly logger: Logger,
    private readonly settings: SettingsProvider = () => ({}),
    private readonly firstRowsWaitMs = FIRST_ROWS_WAIT_MS,
  ) {}

  list(): Account[] {
    const stored = this.store.records();
    const records = stored.map((record) => this.storing.get(record.id) ?? record);
    records.push(...[...this.storing.values()].filter((record) => !stored.some((r) => r.id === record.id)));
    return records.map((record) => ({ record, state: this.stateOf(record.id) }));
  }

  get(id: string): Account | undefined {
    return this.list().find((a) => a.record.id === id);
  }

  private stateOf(id: string): AccountState {
    if (this.expired.has(id)) {
      return 'signInRequired';
    }
    return this.signedOut.has(id) ? 'signedOut' : 'signedIn';
  }

  /** Loads which accounts have credentials; call once after activation (reads SecretStorage). */
  async restore(): Promise<void> {
    let changed = false;
    for (const record of this.store.records()) {
      if (!(await this.store.credentials(record.id))) {
        changed ||= !this.signedOut.has(record.id);
        this.signedOut.add(record.id);
      }
    }
    // Only a change redraws the views: a redraw at start-up would throw away the rows on their way.
    if (changed) this.changed.fire();
  }

  /** The account's API, connected lazily; throws AuthenticationError when it must sign in first. */
  async api(id: string): Promise<PortalApi> {
    let session = this.sessions.get(id);
    if (!session) {
      session = this.connect(id);
      this.sessions.set(id, session);
    }
    const api = await session;
    if (!api || api.client.auth.state === 'signInRequired') {
      throw new AuthenticationError(l10n.t('This account is signed out. Sign in to continue.'), true);
    }
    return api;
  }

  private connectionSettings(record: AccountRecord): ConnectionSettings {
    return {
      apiRoot: record.apiRoot,
      profile: providerById(record.providerId).profile,
      probedFeatures: record.probedFeatures,
      logger: this.logger,
      ...this.settings(),
    };
  }

  private async connect(id: string): Promise<PortalApi | undefined> {
    const record = this.store.records().find((r) => r.id === id);
    const credentials = record && (await this.store.credentials(id));
    if (!record || !credentials) {
      this.sessions.delete(id);
      return undefined;
    }
    const api = connect(this.connectionSettings(record), credentials, (tokens) =>
      this.store.saveTokens(id, record.username, tokens),
    );
    this.watch(record, api);
    return api;
  }

  private watch(record: AccountRecord, api: PortalApi): void {
    api.client.auth.onSignInRequired = () => {
      if (this.expired.has(record.id)) {
        return;
      }
      this.logger.warn(`Account “${record.label}” must sign in again.`);
      this.expired.add(record.id);
      this.changed.fire();
      const account = this.get(record.id);
      if (account) {
        this.signInNeeded.fire(account);
      }
    };
  }

  /**
   * Stores a verified sign-in: the credentials go to SecretStorage before the record is saved.
   * Signing in again to an account with the same portal and email updates that account.
   */
  async saveSignIn(account: NewAccount, result: SignInResult): Promise<AccountRecord> {
    const existing = this.store
      .records()
      .find((r) => r.apiRoot === account.apiRoot && r.username.toLowerCase() === account.username.toLowerCase());
    const record: AccountRecord = {
      id: existing?.id ?? randomUUID(),
      label: existing?.label ?? account.label ?? account.username,
      providerId: account.providerId,
      apiRoot: account.apiRoot,
      username: account.username,
      authMode: result.credentials.mode,
      probedFeatures: existing?.probedFeatures ?? [],
    };
    await this.closeSession(record.id);
    // The verified session becomes the account's: the first lists reuse its connections (no new TCP
    // and TLS handshakes on the way to the first rows), and tokens it renews are stored from now on.
    // It serves and is listed at once: the first rows are asked for while the credentials are stored.
    result.keepSession((tokens) => this.store.saveTokens(record.id, record.username, tokens));
    this.watch(record, result.api);
    this.sessions.set(record.id, Promise.resolve(result.api));
    this.storing.set(record.id, record);
    const before = { signedOut: this.signedOut.has(record.id), expired: this.expired.has(record.id) };
    this.signedOut.delete(record.id);
    this.expired.delete(record.id);
    const firstRows: PromiseLike<unknown>[] = [];
    this.connected.fire({ accountId: record.id, waitUntil: (work) => void firstRows.push(work) });
    this.changed.fire();
    // Stored as listed (no probe changed what the account offers): the views are not drawn again. A
    // second redraw while the first rows are on their way holds them back (VS Code's tree waits 200 ms
    // after one change event before it sends the next, and draws the tree again then).
    let redraw = true;
    try {
      // An unknown portal's probes go out after the first lists: the lists take the warm connection,
      // yielding one event-loop turn lets them leave first. Where views show the account, the probes and
      // the writes wait until they have its first rows: in the window, storing the credentials and the
      // record were work of its own thread beside painting those rows.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await settledWithin(firstRows, this.firstRowsWaitMs);
      const probed = await result.probeFeatures();
      const stored = { ...record, probedFeatures: probed };
      await this.store.saveCredentials(record.id, result.credentials);
      await this.store.saveRecord(stored);
      this.logger.info(`Signed in to ${record.apiRoot} as ${record.username}.`);
      redraw = !sameFeatures(record.probedFeatures, probed);
      return stored;
    } catch (e) {
      // Nothing was stored: an account that existed keeps the state it had.
      await this.closeSession(record.id);
      if (before.signedOut) this.signedOut.add(record.id);
      if (before.expired) this.expired.add(record.id);
      throw e;
    } finally {
      this.storing.delete(record.id);
      if (redraw) this.changed.fire();
    }
  }

  async rename(id: string, label: string): Promise<void> {
    const record = this.store.records().find((r) => r.id === id);
    if (!record) {
      return;
    }
    await this.store.saveRecord({ ...record, label: label.trim() || record.username });
    this.changed.fire();
  }

  /** Ends the session: revokes the JWT refresh token on the portal and forgets the secrets. */
  async signOut(id: string): Promise<void> {
    // Connect from the stored credentials if no client is open, so the token is revoked either way.
    const api = await (this.sessions.get(id) ?? this.connect(id)).catch(() => undefined);
    if (api) {
      await api.client.auth.signOut();
      await api.close();
    }
    await this.closeSession(id);
    await this.store.deleteCredentials(id);
    this.signedOut.add(id);
    this.expired.delete(id);
    this.changed.fire();
  }

  async remove(id: string): Promise<void> {
    await this.signOut(id);
    await this.store.deleteRecord(id);
    this.signedOut.delete(id);
    this.changed.fire();
  }

  /**
   * Closes every open client, so the next request connects with the current settings (a changed
   * proxy or trust setting). Cached data stays; nothing is re-requested until someone asks.
   */
  async reconnectAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.closeSession(id)));
    this.logger.info('Network settings changed: accounts reconnect with the new settings on their next request.');
  }

  private async closeSession(id: string): Promise<void> {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    const api = session ? await session.catch(() => undefined) : undefined;
    await api?.close();
  }

  async dispose(): Promise<void> {
    const ids = [...this.sessions.keys()];
    await Promise.all(ids.map((id) => this.closeSession(id)));
    this.changed.dispose();
    this.connected.dispose();
    this.signInNeeded.dispose();
  }
}

/** Waits until all of `work` has settled, or `ms` have passed. */
async function settledWithin(work: PromiseLike<unknown>[], ms: number): Promise<void> {
  if (work.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled(work), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

function sameFeatures(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f) => b.includes(f));
}
