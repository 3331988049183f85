import * as v from 'valibot';
import { PortalClient, RequestOptions } from '../client';
import { Ack, Amount, AnyObject, Flag, Id, Integer, keepUnreadable, list, tolerantList, pickList, seg, Text } from '../schema';
import { DnsRecord, DnsRecordInput, DnsRecordSchema } from './dnsRecord';
import { FormField } from './forms';

export const Domain = v.looseObject({
  id: Id,
  name: Text,
  expires: v.optional(Text, ''),
  status: Text,
  autorenew: v.optional(Flag, false),
  daytoexpire: v.optional(Integer),
  recurring_amount: v.optional(Amount, 0),
  period: v.optional(Integer, 1),
  date_created: v.optional(Text, ''),
});
export type Domain = v.InferOutput<typeof Domain>;

export const DomainDetails = v.looseObject({
  ...Domain.entries,
  next_due: v.optional(Text, ''),
  idprotection: v.optional(Flag, false),
  nameservers: v.optional(list(Text), []),
});
export type DomainDetails = v.InferOutput<typeof DomainDetails>;

/** Prices per period as the portal states them; a price it does not state stays undefined (0.00 is a price: free). */
const Period = v.looseObject({
  id: v.optional(Id, ''),
  period: Integer,
  register: v.optional(Amount),
  transfer: v.optional(Amount),
  renew: v.optional(Amount),
});

const Availability = v.looseObject({
  available: v.optional(Flag),
  status: v.optional(Text, ''),
  name: v.optional(Text, ''),
  premium: v.optional(Flag, false),
  periods: v.optional(list(Period), []),
});

/**
 * `POST /domain/lookup` in each documented shape: the example's `{available, name, periods}`;
 * the text's `{"status": "ok"}` for an available domain and an empty answer (`{}`, `[]`, `""`) for
 * one that is not.
 */
export const DomainAvailability = v.pipe(
  v.unknown(),
  v.transform((body) => (body && typeof body === 'object' && !Array.isArray(body) ? body : {})),
  Availability,
  v.transform((x) => ({ ...x, available: x.available ?? /^(ok|available|success)$/i.test(x.status) })),
);
export type DomainAvailability = v.InferOutput<typeof DomainAvailability>;

export const Tld = v.looseObject({ id: Id, tld: Text, periods: v.optional(list(Period), []) });
export type Tld = v.InferOutput<typeof Tld>;

export const OrderResult = v.looseObject({
  order_num: v.optional(Id, ''),
  order_num_list: v.optional(list(Id), []),
  invoice_id: v.optional(Id, ''),
  total: v.optional(Amount, 0),
  items: v.optional(v.unknown()),
});
export type OrderResult = v.InferOutput<typeof OrderResult>;

/** Reads a boolean setting from the shapes portals use: `{"autorenew": "1"}`, `{"status": true}`. */
function flagOf(keys: string[]) {
  return v.pipe(
    AnyObject,
    v.transform((body) => {
      for (const key of keys) {
        const parsed = v.safeParse(Flag, body[key]);
        if (key in body && parsed.success) {
          return parsed.output;
        }
      }
      return false;
    }),
  );
}

const NameserverList = v.pipe(
  v.unknown(),
  v.transform((body) => pickList(body, ['nameservers', 'ns', 'list'])),
  list(Text),
  v.transform((list) => list.filter((ns) => ns !== '')),
);

const EppCode = v.pipe(
  AnyObject,
  v.transform((body) => {
    for (const key of ['epp', 'epp_code', 'eppcode', 'code', 'authcode']) {
      if (typeof body[key] === 'string' || typeof body[key] === 'number') {
        return String(body[key]);
      }
    }
    return '';
  }),
);

const DnsRecordList = v.pipe(
  v.unknown(),
  v.transform((body) => pickList(body, ['records', 'dns'])),
  tolerantList(DnsRecordSchema),
  // Records on a registered domain are addressed by index, counted from 1 as in the reference's
  // example (`"id": 1` for the first record): a record without an id gets its position from 1.
  v.transform((records) => keepUnreadable(records.map((r, i) => (r.id === '' ? { ...r, id: String(i + 1) } : r)), records)),
);

export interface DomainOrder {
  name: string;
  years: number;
  action: 'register' | 'transfer';
  tld_id: string;
  pay_method: string;
  epp?: string;
  nameservers?: string[];
  /** Contact ids for the domain's roles (the account's own details when absent). */
  registrant?: string;
  admin?: string;
  tech?: string;
  billing?: string;
  /** Answers to the TLD's extra form (`/domain/order/@id/form`): `{ "<form id>": { "<item id>": value } }`. */
  data?: Record<string, Record<string, string | number>>;
}

/** Registered domains (portals with the `domains` feature). */
export class DomainsApi {
  constructor(private readonly client: PortalClient) {}

  private need(): void {
    this.client.require('domains', 'domain registration');
  }

  async list(options?: RequestOptions): Promise<Domain[]> {
    this.need();
    return (await this.client.get('domain', v.looseObject({ domains: tolerantList(Domain) }), options)).domains;
  }

  async details(id: string, options?: RequestOptions): Promise<DomainDetails> {
    this.need();
    return (await this.client.get(`domain/${seg(id)}`, v.looseObject({ details: DomainDetails }), options)).details;
  }

  async byName(name: string, options?: RequestOptions): Promise<DomainDetails[]> {
    this.need();
    const body = await this.client.get(
      `domain/name/${seg(name)}`,
      v.looseObject({ details: v.union([list(DomainDetails), v.pipe(DomainDetails, v.transform((d) => [d]))]) }),
      options,
    );
    return body.details;
  }

  async nameservers(id: string, options?: RequestOptions): Promise<string[]> {
    this.need();
    return this.client.get(`domain/${seg(id)}/ns`, NameserverList, options);
  }

  /** Sets 2 to 4 nameservers; an empty list restores the registrar's defaults. */
  async setNameservers(id: string, nameservers: string[], options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.put(`domain/${seg(id)}/ns`, Ack, { nameservers }, options);
  }

  async dnsRecords(id: string, options?: RequestOptions): Promise<DnsRecord[]> {
    this.need();
    return this.client.get(`domain/${seg(id)}/dns`, DnsRecordList, options);
  }

  async addDnsRecord(id: string, record: DnsRecordInput, options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.post(`domain/${seg(id)}/dns`, Ack, domainRecordBody(record), options);
  }

  async updateDnsRecord(id: string, index: string, record: DnsRecordInput, options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.put(`domain/${seg(id)}/dns/${seg(index)}`, Ack, domainRecordBody(record), options);
  }

  async deleteDnsRecord(id: string, index: string, options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.delete(`domain/${seg(id)}/dns/${seg(index)}`, Ack, options);
  }

  async dnsRecordTypes(id: string, options?: RequestOptions): Promise<string[]> {
    this.need();
    const body = await this.client.get(`domain/${seg(id)}/dns/types`, v.looseObject({ types: list(Text) }), options);
    return body.types.map((t) => t.toUpperCase());
  }

  async eppCode(id: string, options?: RequestOptions): Promise<string> {
    this.need();
    return this.client.get(`domain/${seg(id)}/epp`, EppCode, options);
  }

  async sync(id: string, options?: RequestOptions): Promise<Record<string, unknown>> {
    this.need();
    return this.client.get(`domain/${seg(id)}/sync`, AnyObject, options);
  }

  async registrarLock(id: string, options?: RequestOptions): Promise<boolean> {
    this.need();
    return this.client.get(`domain/${seg(id)}/reglock`, flagOf(['reglock', 'lock', 'locked', 'status']), options);
  }

  async setRegistrarLock(id: string, locked: boolean, options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.put(`domain/${seg(id)}/reglock`, Ack, { reglock: locked }, options);
  }

  async setIdProtection(id: string, enabled: boolean, options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.put(`domain/${seg(id)}/idprotection`, Ack, { idprotection: enabled }, options);
  }

  async autorenew(id: string, options?: RequestOptions): Promise<boolean> {
    this.need();
    return this.client.get(`domain/${seg(id)}/autorenew`, flagOf(['autorenew', 'status', 'enabled']), options);
  }

  async setAutorenew(id: string, enabled: boolean, options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.put(`domain/${seg(id)}/autorenew`, Ack, { autorenew: enabled }, options);
  }

  async lookup(name: string, options?: RequestOptions): Promise<DomainAvailability> {
    this.need();
    // A read, though sent as POST: safe to repeat, but the client treats it like any POST.
    const answer = await this.client.post('domain/lookup', DomainAvailability, { name }, options);
    return { ...answer, name: answer.name || name };
  }

  async tlds(options?: RequestOptions): Promise<Tld[]> {
    this.need();
    return (await this.client.get('domain/order', v.looseObject({ tlds: list(Tld) }), options)).tlds;
  }

  /** The extra fields a TLD's registry needs (ccTLDs): same shape as a product's configuration forms. */
  async orderForm(tldId: string, options?: RequestOptions): Promise<FormField[]> {
    this.need();
    return (await this.client.get(`domain/order/${seg(tldId)}/form`, v.looseObject({ forms: v.optional(list(FormField), []) }), { ...options, query: { tld_id: tldId } })).forms;
  }

  /** Registers or transfers a domain. Spends money: sent once, never repeated automatically. */
  async order(order: DomainOrder, options?: RequestOptions): Promise<OrderResult> {
    this.need();
    return this.client.post('domain/order', OrderResult, { ...order, years: String(order.years) }, options);
  }

  /** Renews a domain. Spends money: sent once, never repeated automatically. */
  async renew(id: string, years: number, payMethod: string, options?: RequestOptions): Promise<OrderResult> {
    this.need();
    return this.client.post(`domain/${seg(id)}/renew`, OrderResult, { years: String(years), pay_method: payMethod }, options);
  }
}

function domainRecordBody(record: DnsRecordInput) {
  return {
    name: record.name,
    type: record.type,
    priority: String(record.priority ?? 0),
    content: record.content,
    ...(record.ttl !== undefined ? { ttl: record.ttl } : {}),
  };
}
