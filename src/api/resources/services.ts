import * as v from 'valibot';
import { PortalClient, RequestOptions } from '../client';
import { Ack, Amount, AnyObject, firstText, Id, list, tolerantList, listWithKeys, pickList, seg, Text } from '../schema';

export const Service = v.looseObject({
  id: Id,
  name: Text,
  domain: v.optional(Text, ''),
  label: v.optional(Text, ''),
  total: v.optional(Amount, 0),
  status: Text,
  billingcycle: v.optional(Text, ''),
  next_due: v.optional(Text, ''),
  category: v.optional(Text, ''),
  category_url: v.optional(Text, ''),
});
export type Service = v.InferOutput<typeof Service>;

export const ServiceDetails = v.looseObject({
  ...Service.entries,
  date_created: v.optional(Text, ''),
  firstpayment: v.optional(Amount, 0),
  next_invoice: v.optional(Text, ''),
});
export type ServiceDetails = v.InferOutput<typeof ServiceDetails>;

export const ServiceMethod = v.looseObject({ name: Text, method: Text, route: Text });
export type ServiceMethod = v.InferOutput<typeof ServiceMethod>;

export const UpgradeOptions = v.looseObject({
  resources: v.optional(
    list(
      v.looseObject({
        id: Id,
        name: Text,
        type: v.optional(Text, ''),
        items: v.optional(
          list(v.looseObject({ id: Id, name: Text, price: v.optional(Amount, 0), selected: v.optional(v.unknown()) })),
          [],
        ),
      }),
    ),
    [],
  ),
  package: v.optional(v.unknown()),
});
export type UpgradeOptions = v.InferOutput<typeof UpgradeOptions>;

/** The estimate (`summary.total`, the portal's price difference) or the acknowledgement of a sent upgrade. */
export const UpgradeAnswer = v.pipe(
  v.looseObject({}),
  v.transform((body: Record<string, unknown>) => {
    const summary = (body.summary && typeof body.summary === 'object' ? body.summary : {}) as Record<string, unknown>;
    const total = Number(summary.total ?? summary.subtotal);
    return { total: Number.isFinite(total) ? total : undefined, fields: body };
  }),
);
export type UpgradeAnswer = v.InferOutput<typeof UpgradeAnswer>;

/** One IP address of a service or VM, from any of the shapes portals use. */
export const IpAddress = v.pipe(
  v.union([v.string(), v.looseObject({})]),
  v.transform((x) => {
    if (typeof x === 'string') {
      return { address: x, type: x.includes(':') ? 'ipv6' : 'ipv4', fields: {} as Record<string, unknown> };
    }
    const record = x as Record<string, unknown>;
    const address = firstText(record, ['ipaddress', 'ip', 'address', 'ipv4', 'ipv6']);
    const type = firstText(record, ['type', 'version']) || (address.includes(':') ? 'ipv6' : 'ipv4');
    return { address, type, fields: record };
  }),
);
export type IpAddress = v.InferOutput<typeof IpAddress>;

export const IpList = v.pipe(
  v.unknown(),
  v.transform((body) => {
    const raw = pickList(body, ['ips', 'ipaddresses', 'ip', 'addresses', 'list']);
    return Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw) : [];
  }),
  v.array(IpAddress),
  v.transform((ips) => ips.filter((ip) => ip.address !== '')),
);

/** A resource gauge (`used` of `total` in `unit`), from any of the shapes portals use. */
export const ResourceUsage = v.pipe(
  v.looseObject({}),
  v.transform((record: Record<string, unknown>) => {
    const n = (keys: string[]) => {
      for (const key of keys) {
        const value = Number(record[key]);
        if (record[key] !== undefined && record[key] !== '' && Number.isFinite(value)) {
          return value;
        }
      }
      return undefined;
    };
    return {
      name: firstText(record, ['name', 'title', 'resource', 'id']),
      used: n(['used', 'usage', 'value', 'current']),
      total: n(['total', 'limit', 'max', 'available']),
      unit: firstText(record, ['unit', 'units']),
      fields: record,
    };
  }),
);
export type ResourceUsage = v.InferOutput<typeof ResourceUsage>;

const ResourceList = v.pipe(
  v.unknown(),
  // { "memory": { "used": 1, "total": 2 } } → named entries
  v.transform((body) => listWithKeys(body, ['resources', 'usage', 'list'], 'name').filter((x) => x && typeof x === 'object')),
  v.array(ResourceUsage),
);

export const Template = v.pipe(
  v.union([v.string(), v.looseObject({})]),
  v.transform((x) => {
    if (typeof x === 'string') {
      return { id: x, name: x, fields: {} as Record<string, unknown> };
    }
    const record = x as Record<string, unknown>;
    const id = firstText(record, ['id', 'template_id', 'file', 'value']);
    return { id, name: firstText(record, ['name', 'title', 'label', 'description']) || id, fields: record };
  }),
);
export type Template = v.InferOutput<typeof Template>;

const TemplateList = v.pipe(
  v.unknown(),
  v.transform((body) => listWithKeys(body, ['templates', 'os', 'list'])),
  v.array(Template),
  v.transform((templates) => templates.filter((t) => t.id !== '')),
);

export const ReverseDns = v.pipe(
  AnyObject,
  v.transform((body) => {
    const raw = (body.rdns ?? body.ipaddress ?? body.records ?? body) as unknown;
    const entries: { address: string; hostname: string }[] = [];
    if (Array.isArray(raw)) {
      for (const item of raw) {
        if (item && typeof item === 'object') {
          const r = item as Record<string, unknown>;
          entries.push({ address: firstText(r, ['ip', 'ipaddress', 'address']), hostname: firstText(r, ['ptr', 'hostname', 'name', 'content']) });
        }
      }
    } else if (raw && typeof raw === 'object') {
      for (const [address, hostname] of Object.entries(raw as Record<string, unknown>)) {
        if (typeof hostname === 'string' && /[.:]/.test(address)) {
          entries.push({ address, hostname });
        }
      }
    }
    return entries.filter((e) => e.address !== '');
  }),
);
export type ReverseDnsEntry = v.InferOutput<typeof ReverseDns>[number];

export interface CancellationRequest {
  immediate: boolean;
  reason: string;
}

/** Services: the things the client rents, and what can be done to each. */
export class ServicesApi {
  constructor(private readonly client: PortalClient) {}

  async list(options?: RequestOptions): Promise<Service[]> {
    return (await this.client.get('service', v.looseObject({ services: tolerantList(Service) }), options)).services;
  }

  async details(id: string, options?: RequestOptions): Promise<ServiceDetails> {
    return (await this.client.get(`service/${seg(id)}`, v.looseObject({ service: ServiceDetails }), options)).service;
  }

  async methods(id: string, options?: RequestOptions): Promise<ServiceMethod[]> {
    const body = await this.client.get(`service/${seg(id)}/methods`, v.looseObject({ methods: list(ServiceMethod) }), options);
    return body.methods;
  }

  upgradeOptions(id: string, options?: RequestOptions): Promise<UpgradeOptions> {
    return this.client.get(`service/${seg(id)}/upgrade`, UpgradeOptions, options);
  }

  /**
   * `POST /service/@id/upgrade`: with `send` false the portal estimates the change (nothing changes);
   * with `send` true it is requested — sent once, never repeated. `resources`: resource id → item id.
   */
  async upgrade(id: string, resources: Record<string, string>, send: boolean, options?: RequestOptions): Promise<UpgradeAnswer> {
    return this.client.post(`service/${seg(id)}/upgrade`, UpgradeAnswer, { resources, send }, options);
  }

  async label(id: string, options?: RequestOptions): Promise<string> {
    return (await this.client.get(`service/${seg(id)}/label`, v.looseObject({ label: Text }), options)).label;
  }

  setLabel(id: string, label: string, options?: RequestOptions): Promise<Ack> {
    return this.client.post(`service/${seg(id)}/label`, Ack, { label }, options);
  }

  /** Requests cancellation. Not repeated automatically if the request fails. */
  cancel(id: string, request: CancellationRequest, options?: RequestOptions): Promise<Ack> {
    return this.client.post(
      `service/${seg(id)}/cancel`,
      Ack,
      { immediate: request.immediate ? 'true' : 'false', reason: request.reason },
      options,
    );
  }

  async ips(id: string, options?: RequestOptions): Promise<IpAddress[]> {
    this.client.require('serviceIps', 'IP address lists');
    return this.client.get(`service/${seg(id)}/ip`, IpList, options);
  }

  async reverseDns(id: string, options?: RequestOptions): Promise<ReverseDnsEntry[]> {
    this.client.require('rdns', 'reverse DNS');
    return this.client.get(`service/${seg(id)}/rdns`, ReverseDns, options);
  }

  /** Sets PTR records: `{ "203.0.113.5": "host.example.com" }`. */
  async setReverseDns(id: string, entries: Record<string, string>, options?: RequestOptions): Promise<Ack> {
    this.client.require('rdns', 'reverse DNS');
    return this.client.post(`service/${seg(id)}/rdns`, Ack, { ipaddress: entries }, options);
  }

  resources(id: string, options?: RequestOptions): Promise<ResourceUsage[]> {
    return this.client.get(`service/${seg(id)}/resources`, ResourceList, options);
  }

  templates(id: string, options?: RequestOptions): Promise<Template[]> {
    return this.client.get(`service/${seg(id)}/templates`, TemplateList, options);
  }
}
