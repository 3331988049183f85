import { DnsRecord, DnsRecordInput } from '../api/resources/dnsRecord';
import { Domain, DomainAvailability, DomainDetails, DomainOrder, OrderResult, Tld } from '../api/resources/domains';
import { DomainRef, keys } from './cacheKeys';
import { ModelArea } from './modelArea';
import { BackgroundLane } from './backgroundLane';
import { Emitter } from '../util/emitter';

/** Registered domains: details, DNS records, name servers, renewal and registration. */
export class DomainsModel extends ModelArea {
  private readonly lockLearned = new Emitter<DomainRef>();
  /** Fires when a domain's registrar lock became known (its row shows only the action that applies). */
  readonly onDidLearnLock = this.lockLearned.event;
  private readonly background = new BackgroundLane(() => 2);

  /** The registrar lock when it is known (no request). */
  peekLock(ref: DomainRef): boolean | undefined {
    return this.cache.peek<boolean>(keys.domainLock(ref));
  }

  /**
   * Asks for the registrar lock of listed domains in the background, two at a time (the list does not
   * say it), the first `max` of them; `onDidLearnLock` fires for each answer. Failures leave it unknown.
   */
  learnLocks(accountId: string, domainIds: readonly string[], max = 50): void {
    for (const domainId of domainIds.slice(0, max)) {
      const ref = { accountId, domainId };
      const key = keys.domainLock(ref);
      if (this.peekLock(ref) !== undefined || this.cache.loading(key)) continue;
      void this.background
        .run(accountId, () => this.read(key, accountId, (api) => api.domains.registrarLock(domainId)))
        .then(() => this.lockLearned.fire(ref), () => undefined);
    }
  }

  list(accountId: string): Promise<Domain[]> {
    return this.read(keys.domains(accountId), accountId, (api) => api.domains.list());
  }

  details(ref: DomainRef): Promise<DomainDetails> {
    return this.read(keys.domainDetails(ref), ref.accountId, (api) => api.domains.details(ref.domainId));
  }

  records(ref: DomainRef): Promise<DnsRecord[]> {
    return this.read(keys.domainRecords(ref), ref.accountId, (api) => api.domains.dnsRecords(ref.domainId));
  }

  async saveRecord(ref: DomainRef, record: DnsRecordInput, index?: string): Promise<void> {
    const api = await this.api(ref.accountId);
    if (index) {
      await api.domains.updateDnsRecord(ref.domainId, index, record);
    } else {
      await api.domains.addDnsRecord(ref.domainId, record);
    }
    this.cache.invalidate(keys.domainRecords(ref));
  }

  async deleteRecord(ref: DomainRef, index: string): Promise<void> {
    await (await this.api(ref.accountId)).domains.deleteDnsRecord(ref.domainId, index);
    // Indexes after the deleted one shift: the whole list must be read again.
    this.cache.invalidate(keys.domainRecords(ref));
  }

  async setNameservers(ref: DomainRef, nameservers: string[]): Promise<void> {
    await (await this.api(ref.accountId)).domains.setNameservers(ref.domainId, nameservers);
    this.cache.invalidate(keys.domainDetails(ref));
  }

  async setAutorenew(ref: DomainRef, enabled: boolean): Promise<void> {
    await (await this.api(ref.accountId)).domains.setAutorenew(ref.domainId, enabled);
    this.cache.invalidate(keys.domains(ref.accountId));
  }

  async setRegistrarLock(ref: DomainRef, locked: boolean): Promise<void> {
    try {
      await (await this.api(ref.accountId)).domains.setRegistrarLock(ref.domainId, locked);
    } finally {
      this.cache.invalidate(keys.domainDetails(ref));
      this.cache.invalidate(keys.domainLock(ref));
    }
    // What the registry says now (the row shows the action that applies to it).
    await this.read(keys.domainLock(ref), ref.accountId, (api) => api.domains.registrarLock(ref.domainId)).then(() => this.lockLearned.fire(ref), () => undefined);
  }

  async setIdProtection(ref: DomainRef, enabled: boolean): Promise<void> {
    try {
      await (await this.api(ref.accountId)).domains.setIdProtection(ref.domainId, enabled);
    } finally {
      this.cache.invalidate(keys.domainDetails(ref));
    }
  }

  /** Asks the portal to read the domain's state from the registry again; then the list and details are read again. */
  async syncWithRegistry(ref: DomainRef): Promise<Record<string, unknown>> {
    try {
      return await (await this.api(ref.accountId)).domains.sync(ref.domainId);
    } finally {
      this.cache.invalidate(keys.domainDetails(ref));
      this.cache.invalidate(keys.domainLock(ref));
      this.cache.invalidate(keys.domains(ref.accountId));
    }
  }

  async renew(ref: DomainRef, years: number, payMethod: string) {
    try {
      return await (await this.api(ref.accountId)).domains.renew(ref.domainId, years, payMethod);
    } finally {
      this.afterPurchase(ref.accountId, keys.domains(ref.accountId));
    }
  }

  tlds(accountId: string): Promise<Tld[]> {
    return this.read(keys.tlds(accountId), accountId, (api) => api.domains.tlds());
  }

  /** Availability is asked fresh every time. */
  async lookup(accountId: string, name: string): Promise<DomainAvailability> {
    return (await this.api(accountId)).domains.lookup(name);
  }

  /** Registers or transfers a domain once (never repeated automatically). */
  async order(accountId: string, order: DomainOrder): Promise<OrderResult> {
    try {
      return await (await this.api(accountId)).domains.order(order);
    } finally {
      this.afterPurchase(accountId, keys.domains(accountId));
    }
  }
}
