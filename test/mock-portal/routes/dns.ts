import { MockDnsRecord, MockZone, PortalState } from '../model';
import { notFound, PortalFailure, required, RouteContext, Router } from '../router';
import { validateRecord } from './validation';

function dnsService(state: PortalState, id: string) {
  const s = state.services.find((x) => x.id === id);
  if (!s) {
    throw notFound('Service');
  }
  if (s.kind !== 'dns') {
    // What the reference shows for a service without DNS.
    throw new PortalFailure(200, ['invalid method']);
  }
  return s;
}

function zoneOf(ctx: RouteContext): MockZone {
  dnsService(ctx.state, ctx.params.service_id);
  const zone = ctx.state.zones.find((z) => z.id === ctx.params.zone_id && z.serviceId === ctx.params.service_id);
  if (!zone) {
    throw notFound('DNS zone');
  }
  return zone;
}

function recordFrom(body: Record<string, unknown>, id: string): MockDnsRecord {
  const type = required(body, 'type').toUpperCase();
  const content = body.content;
  if (content === undefined || content === null || content === '') {
    throw new PortalFailure(200, ['Field "content" is required']);
  }
  validateRecord(type, content);
  const ttl = Number(body.ttl ?? 3600);
  if (!Number.isInteger(ttl) || ttl <= 0) {
    throw new PortalFailure(200, ['TTL must be a positive integer']);
  }
  return {
    id,
    name: String(body.name ?? '@') || '@',
    type,
    ttl,
    priority: Number(body.priority ?? 0),
    content: Array.isArray(content) ? (content as (string | number)[]) : String(content),
  };
}

const recordView = (r: MockDnsRecord) => ({ id: r.id, name: r.name, ttl: r.ttl, priority: r.priority, content: r.content, type: r.type });

export function dnsRoutes(router: Router): void {
  router
    .add('GET', 'dns', ({ state }) => ({
      service_ids: state.services.filter((s) => s.kind === 'dns').map((s) => s.id),
      zones: state.zones.map((z) => ({ domain_id: z.id, name: z.name, service_id: z.serviceId })),
    }))
    .add('GET', 'service/@service_id/dns', ({ state, params }) => {
      dnsService(state, params.service_id);
      return { zones: state.zones.filter((z) => z.serviceId === params.service_id).map((z) => ({ domain_id: z.id, name: z.name, service_id: z.serviceId })) };
    })
    .add('POST', 'service/@service_id/dns', ({ state, params, body }) => {
      dnsService(state, params.service_id);
      const name = required(body, 'name').toLowerCase().replace(/\.$/, '');
      if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/.test(name)) {
        throw new PortalFailure(200, [`Invalid zone name ${name}`]);
      }
      if (state.zones.some((z) => z.name === name)) {
        throw new PortalFailure(200, [`Domain zone ${name} already exists`]);
      }
      state.zones.push({ id: String(state.nextId++), serviceId: params.service_id, name, records: [] });
      return { info: [`Domain zone ${name} was created successfully.`] };
    })
    .add('GET', 'service/@service_id/dns/@zone_id', (ctx) => {
      const zone = zoneOf(ctx);
      return { service_id: Number(zone.serviceId), name: zone.name, records: zone.records.map(recordView) };
    })
    .add('DELETE', 'service/@service_id/dns/@zone_id', (ctx) => {
      const zone = zoneOf(ctx);
      ctx.state.zones = ctx.state.zones.filter((z) => z !== zone);
      return { info: [`Domain zone ${zone.name} was deleted successfully.`] };
    })
    .add('POST', 'service/@service_id/dns/@zone_id/records', (ctx) => {
      const zone = zoneOf(ctx);
      const record = recordFrom(ctx.body, String(ctx.state.nextId++));
      zone.records.push(record);
      const { id, ...rest } = recordView(record);
      return { record: { id, ...rest, ttl: String(rest.ttl), priority: String(rest.priority) }, info: ['dnsnewrecordadded', record.type] };
    })
    .add('PUT', 'service/@service_id/dns/@zone_id/records/@record_id', (ctx) => {
      const zone = zoneOf(ctx);
      const index = zone.records.findIndex((r) => r.id === ctx.params.record_id);
      if (index < 0) {
        throw notFound('DNS record');
      }
      zone.records[index] = recordFrom(ctx.body, ctx.params.record_id);
      return { record: { ...recordView(zone.records[index]), ttl: String(zone.records[index].ttl) }, info: ['The record was updated successfully.'] };
    })
    .add('DELETE', 'service/@service_id/dns/@zone_id/records/@record_id', (ctx) => {
      const zone = zoneOf(ctx);
      const before = zone.records.length;
      zone.records = zone.records.filter((r) => r.id !== ctx.params.record_id);
      if (zone.records.length === before) {
        throw notFound('DNS record');
      }
      return { info: ['The record was deleted successfully.'] };
    });
}
