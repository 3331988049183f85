import { ClientDetails, Contact } from '../api/resources/account';
import { AccountSettingsApi, ActivityEntry, AffiliateReport, ContactDetails, NewContact } from '../api/resources/accountSettings';
import { PortalApi } from '../api/portalApi';
import { keys } from './cacheKeys';
import { ModelArea } from './modelArea';

const settingsApi = (api: PortalApi) => new AccountSettingsApi(api.client);

/** The account itself: its profile, contacts (sub-users) with their privileges, and activity log. Loaded on first use (`model.area(AccountModel)`). */
export class AccountModel extends ModelArea {
  profile(accountId: string, force = false): Promise<ClientDetails> {
    return this.read(keys.profile(accountId), accountId, (api) => api.account.details(), force);
  }

  /** Sends only `changes`; the profile is read again after it. */
  async updateProfile(accountId: string, changes: Record<string, string>): Promise<void> {
    try {
      await (await this.api(accountId)).account.updateDetails(changes);
    } finally {
      this.cache.invalidate(keys.profile(accountId));
    }
  }

  /** Asked fresh each time it is opened. */
  async activityLog(accountId: string): Promise<ActivityEntry[]> {
    return settingsApi(await this.api(accountId)).activityLog();
  }

  /**
   * The affiliate programme's figures, or `false` when the portal says the account has none (kept in the
   * cache: the account's row then offers no Affiliate Programme). Asked fresh each time it is opened.
   */
  affiliate(accountId: string): Promise<AffiliateReport | false> {
    return this.read(keys.affiliate(accountId), accountId, async (api) => (await settingsApi(api).affiliate()) ?? false, true);
  }

  contacts(accountId: string, force = false): Promise<Contact[]> {
    return this.read(keys.contacts(accountId), accountId, (api) => api.account.contacts(), force);
  }

  contact(accountId: string, id: string): Promise<ContactDetails> {
    return this.read(keys.contact(accountId, id), accountId, (api) => settingsApi(api).contact(id));
  }

  privileges(accountId: string): Promise<Record<string, string[]>> {
    return this.read(keys.privileges(accountId), accountId, (api) => settingsApi(api).contactPrivileges());
  }

  async addContact(accountId: string, contact: NewContact): Promise<void> {
    try {
      await settingsApi(await this.api(accountId)).addContact(contact);
    } finally {
      this.cache.invalidate(keys.contacts(accountId), true);
    }
  }

  async updateContact(accountId: string, id: string, changes: Partial<NewContact>): Promise<void> {
    try {
      await settingsApi(await this.api(accountId)).updateContact(id, changes);
    } finally {
      this.cache.invalidate(keys.contacts(accountId), true);
    }
  }
}
