import { DnsRecordInput } from '../api/resources/dnsRecord';
import { DnsZone, DnsZoneDetails, ZoneIndex } from '../api/resources/dnsZones';
import { keys, ZoneRef } from './cacheKeys';
import { ModelArea } from './modelArea';

/** DNS zones of DNS hosting services, and their records. */
export class ZonesModel extends ModelArea {
  /** `GET /dns`: every zone, and the ids of the DNS services that can hold zones. */
  index(accountId: string): Promise<ZoneIndex> {
    return this.read(keys.zones(accountId), accountId, (api) => api.dns.index());
  }

  async list(accountId: string): Promise<DnsZone[]> {
    return (await this.index(accountId)).zones;
  }

  zone(ref: ZoneRef): Promise<DnsZoneDetails> {
    return this.read(keys.zone(ref), ref.accountId, (api) => api.dns.zone(ref.serviceId, ref.zoneId));
  }

  async saveRecord(ref: ZoneRef, record: DnsRecordInput, recordId?: string): Promise<void> {
    const api = await this.api(ref.accountId);
    if (recordId) {
      await api.dns.updateRecord(ref.serviceId, ref.zoneId, recordId, record);
    } else {
      await api.dns.addRecord(ref.serviceId, ref.zoneId, record);
    }
    this.cache.invalidate(keys.zone(ref));
  }

  async deleteRecord(ref: ZoneRef, recordId: string): Promise<void> {
    await (await this.api(ref.accountId)).dns.deleteRecord(ref.serviceId, ref.zoneId, recordId);
    this.cache.invalidate(keys.zone(ref));
  }

  async create(accountId: string, serviceId: string, name: string): Promise<void> {
    await (await this.api(accountId)).dns.createZone(serviceId, name);
    this.cache.invalidate(keys.zones(accountId));
  }

  async delete(ref: ZoneRef): Promise<void> {
    await (await this.api(ref.accountId)).dns.deleteZone(ref.serviceId, ref.zoneId);
    this.cache.invalidate(keys.zones(ref.accountId));
  }
}
