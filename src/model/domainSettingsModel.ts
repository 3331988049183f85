import { DnssecKey, DnssecKeyInput, DomainContacts, DomainSettingsApi, EmailForward } from '../api/resources/domainSettings';
import { PortalApi } from '../api/portalApi';
import { DomainRef, keys } from './cacheKeys';

const settingsApi = (api: PortalApi) => new DomainSettingsApi(api.client);
import { ModelArea } from './modelArea';

/**
 * A registered domain's contacts, forwarding, DNSSEC keys and registered name servers. Loaded with the
 * commands that use it (`model.area(DomainSettingsModel)`), with its client over the account's connection.
 */
export class DomainSettingsModel extends ModelArea {
  private async settings(accountId: string): Promise<DomainSettingsApi> {
    return settingsApi(await this.api(accountId));
  }

  contacts(ref: DomainRef, force = false): Promise<DomainContacts> {
    return this.read(keys.domainContacts(ref), ref.accountId, (api) => settingsApi(api).contacts(ref.domainId), force);
  }

  /** Sends only `changes` (by role, only the fields that differ); the contacts are read again after it. */
  async updateContacts(ref: DomainRef, changes: DomainContacts): Promise<void> {
    try {
      await (await this.settings(ref.accountId)).updateContacts(ref.domainId, changes);
    } finally {
      this.cache.invalidate(keys.domainContacts(ref));
    }
  }

  emailForwarding(ref: DomainRef, force = false): Promise<EmailForward[]> {
    return this.read(keys.domainEmailForwarding(ref), ref.accountId, (api) => settingsApi(api).emailForwarding(ref.domainId), force);
  }

  async setEmailForwarding(ref: DomainRef, rules: EmailForward[]): Promise<void> {
    try {
      await (await this.settings(ref.accountId)).setEmailForwarding(ref.domainId, rules);
    } finally {
      this.cache.invalidate(keys.domainEmailForwarding(ref));
    }
  }

  async setUrlForwarding(ref: DomainRef, url: string, type: string): Promise<void> {
    await (await this.settings(ref.accountId)).setUrlForwarding(ref.domainId, url, type);
  }

  dnssecFlags(ref: DomainRef): Promise<{ value: string; name: string }[]> {
    return this.read(keys.domainDnssecFlags(ref), ref.accountId, (api) => settingsApi(api).dnssecFlags(ref.domainId));
  }

  dnssecKeys(ref: DomainRef, force = false): Promise<DnssecKey[]> {
    return this.read(keys.domainDnssec(ref), ref.accountId, (api) => settingsApi(api).dnssecKeys(ref.domainId), force);
  }

  async addDnssecKey(ref: DomainRef, key: DnssecKeyInput): Promise<void> {
    try {
      await (await this.settings(ref.accountId)).addDnssecKey(ref.domainId, key);
    } finally {
      this.cache.invalidate(keys.domainDnssec(ref));
    }
  }

  async deleteDnssecKey(ref: DomainRef, keyId: string): Promise<void> {
    try {
      await (await this.settings(ref.accountId)).deleteDnssecKey(ref.domainId, keyId);
    } finally {
      this.cache.invalidate(keys.domainDnssec(ref));
    }
  }

  async registerNameserver(ref: DomainRef, nameserver: string, ip: string): Promise<void> {
    await (await this.settings(ref.accountId)).registerNameserver(ref.domainId, nameserver, ip);
  }
}
