import { AuthMode, TokenPair } from '../api/auth';
import { Feature } from '../api/capabilities';
import { StoredCredentials } from '../api/portalApi';
import { ProviderId } from './providers';

/** The shape of `ExtensionContext.globalState` that we use. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** The shape of `ExtensionContext.secrets` (SecretStorage) that we use. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** What is kept about an account outside SecretStorage: nothing secret. */
export interface AccountRecord {
  id: string;
  label: string;
  providerId: ProviderId;
  apiRoot: string;
  username: string;
  authMode: AuthMode;
  /** Optional endpoint families an "Other portal" answered at sign-in. */
  probedFeatures: Feature[];
}

const ACCOUNTS_KEY = 'cloudPortal.accounts';
const secretKey = (id: string) => `cloudPortal.account.${id}.credentials`;

/**
 * Account records in globalState, credentials (password or token pair) in SecretStorage.
 * Nothing else of an account is persisted.
 */
export class AccountStore {
  constructor(
    private readonly state: KeyValueStore,
    private readonly secrets: SecretStore,
  ) {}

  records(): AccountRecord[] {
    return [...(this.state.get<AccountRecord[]>(ACCOUNTS_KEY) ?? [])];
  }

  async saveRecord(record: AccountRecord): Promise<void> {
    const records = this.records();
    const index = records.findIndex((r) => r.id === record.id);
    if (index >= 0) {
      records[index] = record;
    } else {
      records.push(record);
    }
    await this.state.update(ACCOUNTS_KEY, records);
  }

  async deleteRecord(id: string): Promise<void> {
    await this.state.update(
      ACCOUNTS_KEY,
      this.records().filter((r) => r.id !== id),
    );
  }

  async credentials(id: string): Promise<StoredCredentials | undefined> {
    const raw = await this.secrets.get(secretKey(id));
    if (!raw) {
      return undefined;
    }
    try {
      return JSON.parse(raw) as StoredCredentials;
    } catch {
      return undefined;
    }
  }

  async saveCredentials(id: string, credentials: StoredCredentials): Promise<void> {
    await this.secrets.store(secretKey(id), JSON.stringify(credentials));
  }

  /** Keeps a renewed token pair; `undefined` forgets the tokens (the session is over). */
  async saveTokens(id: string, username: string, tokens: TokenPair | undefined): Promise<void> {
    if (tokens) {
      await this.saveCredentials(id, { mode: 'jwt', username, tokens });
    } else {
      await this.deleteCredentials(id);
    }
  }

  async deleteCredentials(id: string): Promise<void> {
    await this.secrets.delete(secretKey(id));
  }
}
