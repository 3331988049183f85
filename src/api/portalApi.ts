import { AuthMode, Authenticator, BasicAuthenticator, JwtAuthenticator, loginWithPassword, TokenPair, TokenSink } from './auth';
import { CapabilityProfile, Feature, featuresOf, PROBEABLE_FEATURES } from './capabilities';
import { PortalClient } from './client';
import { AuthenticationError, NotFoundError, PortalClientError, PortalError } from './errors';
import { Logger } from './log';
import { AccountApi, ClientDetails } from './resources/account';
import { BillingApi } from './resources/billing';
import { CatalogueApi } from './resources/catalogue';
import { CertificatesApi } from './resources/certificates';
import { DnsZonesApi } from './resources/dnsZones';
import { DomainsApi } from './resources/domains';
import { ServicesApi } from './resources/services';
import { TicketsApi } from './resources/tickets';
import { VmsApi } from './resources/vms';
import { NetworkOptions } from './network/networkOptions';
import { RetryPolicy } from './retry';
import { HttpTransport } from './transport';
import { AnyObject } from './schema';
import * as l10n from '@vscode/l10n';

/** Everything one account can do on its portal, grouped by resource. */
export class PortalApi {
  readonly account: AccountApi;
  readonly billing: BillingApi;
  readonly services: ServicesApi;
  readonly vms: VmsApi;
  readonly domains: DomainsApi;
  readonly dns: DnsZonesApi;
  readonly tickets: TicketsApi;
  readonly catalogue: CatalogueApi;
  readonly certificates: CertificatesApi;

  constructor(readonly client: PortalClient) {
    this.account = new AccountApi(client);
    this.billing = new BillingApi(client);
    this.services = new ServicesApi(client);
    this.vms = new VmsApi(client);
    this.domains = new DomainsApi(client);
    this.dns = new DnsZonesApi(client);
    this.tickets = new TicketsApi(client);
    this.catalogue = new CatalogueApi(client);
    this.certificates = new CertificatesApi(client);
  }

  get features(): ReadonlySet<Feature> {
    return this.client.features;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

export type StoredCredentials =
  | { mode: 'basic'; username: string; password: string }
  | { mode: 'jwt'; username: string; tokens: TokenPair };

export interface ConnectionSettings {
  apiRoot: string;
  profile: CapabilityProfile;
  probedFeatures?: readonly Feature[];
  logger: Logger;
  timeoutMs?: number;
  maxConnections?: number;
  retry?: RetryPolicy;
  userAgent?: string;
  /** Proxy and certificate settings (VS Code's `http.*`); defaults and the environment when absent. */
  network?: NetworkOptions;
}

function transportFor(settings: ConnectionSettings): HttpTransport {
  return new HttpTransport({
    apiRoot: settings.apiRoot,
    logger: settings.logger,
    timeoutMs: settings.timeoutMs,
    maxConnections: settings.maxConnections,
    userAgent: settings.userAgent,
    network: settings.network,
  });
}

function authenticatorFor(
  transport: HttpTransport,
  credentials: StoredCredentials,
  onTokens: TokenSink,
  logger: Logger,
): Authenticator {
  return credentials.mode === 'basic'
    ? new BasicAuthenticator(credentials.username, credentials.password)
    : new JwtAuthenticator(transport, credentials.tokens, onTokens, logger);
}

/** Builds the API for an account whose secrets are already stored. */
export function connect(settings: ConnectionSettings, credentials: StoredCredentials, onTokens: TokenSink): PortalApi {
  const transport = transportFor(settings);
  const auth = authenticatorFor(transport, credentials, onTokens, settings.logger);
  const client = new PortalClient(
    transport,
    auth,
    featuresOf(settings.profile, settings.probedFeatures),
    settings.logger,
    settings.retry,
  );
  return new PortalApi(client);
}

export interface SignInResult {
  api: PortalApi;
  details: ClientDetails;
  credentials: StoredCredentials;
  /**
   * Asks an unknown portal ("Other portal…") which optional endpoint families it has (read-only
   * probes; nothing for a known provider) and lets `api` use what it found. Called by whoever keeps
   * the sign-in, beside its first lists, so the probes are not on the way to the first rows.
   */
  probeFeatures(signal?: AbortSignal): Promise<Feature[]>;
  /**
   * Keeps `api` as the account's session (its pooled, already-handshaken connections serve the first
   * rows): renewed tokens go to `sink` from now on.
   */
  keepSession(sink: TokenSink): void;
}

/**
 * Checks a username and password against the portal (`POST /login` for JWT, then `GET /details`)
 * before anything is saved. Wrong credentials reject with AuthenticationError.
 */
export async function signIn(
  settings: ConnectionSettings,
  username: string,
  password: string,
  mode: AuthMode,
  signal?: AbortSignal,
): Promise<SignInResult> {
  const transport = transportFor(settings);
  try {
    let credentials: StoredCredentials;
    if (mode === 'jwt') {
      const tokens = await loginWithPassword(transport, username, password, signal);
      credentials = { mode, username, tokens };
    } else {
      credentials = { mode, username, password };
    }
    const current = { value: credentials };
    let persist: TokenSink | undefined;
    const auth = authenticatorFor(
      transport,
      credentials,
      async (tokens) => {
        if (tokens && current.value.mode === 'jwt') {
          current.value = { ...current.value, tokens };
        }
        await persist?.(tokens);
      },
      settings.logger,
    );
    const probe = new PortalClient(transport, auth, featuresOf(settings.profile), settings.logger, settings.retry);
    let details: ClientDetails;
    try {
      details = await new AccountApi(probe).details({ signal });
    } catch (e) {
      if (e instanceof AuthenticationError) {
        throw new AuthenticationError(l10n.t('Wrong email or password.'), true, e.status);
      }
      throw e;
    }
    // What the probes find is added to the set the client reads.
    const features = new Set(featuresOf(settings.profile));
    const client = new PortalClient(transport, auth, features, settings.logger, settings.retry);
    let probed: Promise<Feature[]> | undefined;
    return {
      api: new PortalApi(client),
      details,
      get credentials() {
        return current.value;
      },
      probeFeatures: (probeSignal) =>
        (probed ??= (settings.profile === 'generic' ? probeFeatures(probe, probeSignal) : Promise.resolve([])).then((found) => {
          found.forEach((f) => features.add(f));
          return found;
        })),
      keepSession: (sink) => {
        persist = sink;
      },
    };
  } catch (e) {
    await transport.close();
    throw e;
  }
}

/** Read-only requests that tell whether an unknown portal has the optional endpoint families. */
async function probeFeatures(client: PortalClient, signal?: AbortSignal): Promise<Feature[]> {
  const found = await Promise.all(
    PROBEABLE_FEATURES.map(async ({ feature, path }) => {
      try {
        await client.get(path, AnyObject, { signal });
        return [feature];
      } catch (e) {
        const absent = e instanceof NotFoundError || e instanceof PortalError;
        if (!absent && !(e instanceof PortalClientError)) {
          throw e;
        }
        return [];
      }
    }),
  );
  return found.flat();
}
