import * as v from 'valibot';
import { PortalClient, RequestOptions } from '../client';
import { Ack, Id, list, tolerantList, seg, Text } from '../schema';
import { DnsRecord, DnsRecordInput, DnsRecordSchema, srvContentArray } from './dnsRecord';

export const DnsZone = v.pipe(
  v.looseObject({
    domain_id: v.optional(Id),
    zone_id: v.optional(Id),
    id: v.optional(Id),
    name: Text,
    service_id: Id,
  }),
  v.transform((zone) => ({ ...zone, id: zone.domain_id ?? zone.zone_id ?? zone.id ?? '' })),
);
export type DnsZone = v.InferOutput<typeof DnsZone>;

const ZoneIndex = v.looseObject({
  service_ids: v.optional(list(Id), []),
  zones: v.optional(tolerantList(DnsZone), []),
});
export type ZoneIndex = v.InferOutput<typeof ZoneIndex>;

const ZoneDetails = v.looseObject({
  service_id: v.optional(Id, ''),
  name: Text,
  records: v.optional(tolerantList(DnsRecordSchema), []),
});
export type DnsZoneDetails = v.InferOutput<typeof ZoneDetails>;

const RecordResult = v.looseObject({
  record: v.optional(DnsRecordSchema),
  info: v.optional(v.array(v.unknown()), []),
});

function zoneRecordBody(record: DnsRecordInput) {
  const srv = record.type.toUpperCase() === 'SRV' ? srvContentArray(record.content) : undefined;
  return {
    name: record.name,
    type: record.type,
    ttl: record.ttl ?? 3600,
    priority: record.priority ?? 0,
    content: srv ?? record.content,
  };
}

/** DNS zones hosted under DNS services, with records addressed by id. */
export class DnsZonesApi {
  constructor(private readonly client: PortalClient) {}

  /** Every zone of every DNS service (`GET /dns`). */
  index(options?: RequestOptions): Promise<ZoneIndex> {
    return this.client.get('dns', ZoneIndex, options);
  }

  async listForService(serviceId: string, options?: RequestOptions): Promise<DnsZone[]> {
    const body = await this.client.get(`service/${seg(serviceId)}/dns`, v.looseObject({ zones: v.optional(tolerantList(DnsZone), []) }), options);
    return body.zones;
  }

  zone(serviceId: string, zoneId: string, options?: RequestOptions): Promise<DnsZoneDetails> {
    return this.client.get(`service/${seg(serviceId)}/dns/${seg(zoneId)}`, ZoneDetails, options);
  }

  createZone(serviceId: string, name: string, options?: RequestOptions): Promise<Ack> {
    return this.client.post(`service/${seg(serviceId)}/dns`, Ack, { name }, options);
  }

  deleteZone(serviceId: string, zoneId: string, options?: RequestOptions): Promise<Ack> {
    return this.client.delete(`service/${seg(serviceId)}/dns/${seg(zoneId)}`, Ack, options);
  }

  async addRecord(serviceId: string, zoneId: string, record: DnsRecordInput, options?: RequestOptions) {
    const body = await this.client.post(
      `service/${seg(serviceId)}/dns/${seg(zoneId)}/records`,
      RecordResult,
      zoneRecordBody(record),
      options,
    );
    return body.record as DnsRecord | undefined;
  }

  async updateRecord(serviceId: string, zoneId: string, recordId: string, record: DnsRecordInput, options?: RequestOptions) {
    const body = await this.client.put(
      `service/${seg(serviceId)}/dns/${seg(zoneId)}/records/${seg(recordId)}`,
      RecordResult,
      zoneRecordBody(record),
      options,
    );
    return body.record as DnsRecord | undefined;
  }

  deleteRecord(serviceId: string, zoneId: string, recordId: string, options?: RequestOptions): Promise<Ack> {
    return this.client.delete(`service/${seg(serviceId)}/dns/${seg(zoneId)}/records/${seg(recordId)}`, Ack, options);
  }
}
