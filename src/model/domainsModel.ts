import { DnsRecord, DnsRecordInput } from '../api/resources/dnsRecord';
import { Domain, DomainAvailability, DomainDetails, DomainOrder, OrderResult, Tld } from '../api/resources/domains';
import { DomainRef, keys } from './cacheKeys';
import { Certificate } from '../api/resources/certificates';
import { ModelArea } from './modelArea';

/** Registered domains: details, DNS records, name servers, renewal and registration. */
export class DomainsModel extends ModelArea {
  /** SSL certificate services (ElseCloud's `/certificate`). */
  certificates(accountId: string): Promise<Certificate[]> {
    return this.read(keys.certificates(accountId), accountId, (api) => api.certificates.list());
  }

  async certificatePem(accountId: string, id: string): Promise<string> {
    return (await this.api(accountId)).certificates.download(id);
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
    await (await this.api(ref.accountId)).domains.setRegistrarLock(ref.domainId, locked);
    this.cache.invalidate(keys.domainDetails(ref));
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
