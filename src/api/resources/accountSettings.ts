// The account's own areas beyond its details: the activity log and contacts (sub-users) with their
// privileges. Loaded with the commands that use them, over the account's connection.
import * as v from 'valibot';
import { PortalClient, RequestOptions } from '../client';
import { Ack, AnyObject, firstText, objectList, scalarFields, seg } from '../schema';
import { Contact } from './account';
import { NotFoundError, PortalError } from '../errors';

/** One line of the activity log, whatever the portal calls its fields. */
export interface ActivityEntry {
  date: string;
  description: string;
  ip: string;
  user: string;
}

const ActivityList = v.pipe(
  v.unknown(),
  v.transform((body): ActivityEntry[] =>
    objectList(body, ['logs', 'log', 'list'])
      .map((x) => ({ date: firstText(x, ['date', 'time', 'created']), description: firstText(x, ['description', 'action', 'message', 'event']), ip: firstText(x, ['ip', 'ipaddress', 'ip_address']), user: firstText(x, ['user', 'username', 'email']) }))
      .filter((e) => e.description !== ''),
  ),
);

/** `{"privileges": {"billing": ["invoices", "payments"], "support": {…}}}`: each area's privilege names. */
const PrivilegeMap = v.pipe(
  AnyObject,
  v.transform((body) => {
    const raw = (body.privileges && typeof body.privileges === 'object' ? body.privileges : body) as Record<string, unknown>;
    const out: Record<string, string[]> = {};
    for (const [area, names] of Object.entries(raw)) {
      if (Array.isArray(names)) out[area] = names.map(String);
      else if (names && typeof names === 'object') out[area] = Object.keys(names);
    }
    return out;
  }),
);

export interface NewContact {
  email: string;
  firstname: string;
  lastname: string;
  companyname?: string;
  phonenumber?: string;
  /** Lets the contact sign in; sent only when set, never stored by us. */
  password?: string;
  /** Granted privileges, shaped like `GET /contact/privileges`. */
  privileges?: Record<string, string[]>;
}

const ContactDetailsSchema = v.pipe(
  AnyObject,
  v.transform((body) => (body.contact && typeof body.contact === 'object' ? body.contact : body) as Record<string, unknown>),
  v.looseObject({ ...Contact.entries, privileges: v.optional(PrivilegeMap, {}) }),
);
export type ContactDetails = v.InferOutput<typeof ContactDetailsSchema>;

/** An affiliate programme's figures as the portal states them: the summary's fields, then its lists. */
export interface AffiliateReport {
  summary: Record<string, string>;
  commissions: Record<string, string>[];
  payouts: Record<string, string>[];
  vouchers: Record<string, string>[];
}

const AffiliateSummary = v.pipe(
  AnyObject,
  v.transform((body) => scalarFields(body.affiliate ?? body.summary ?? body, true)),
);

const affiliateList = (keys: string[]) =>
  v.pipe(
    v.unknown(),
    v.transform((body) => objectList(body, [...keys, 'list']).map((r) => scalarFields(r, true)).filter((r) => Object.keys(r).length > 0)),
  );

/** The activity log and contacts with privileges (both providers). */
export class AccountSettingsApi {
  constructor(private readonly client: PortalClient) {}

  /** The account's activity log (`GET /logs`), newest first. */
  async activityLog(options?: RequestOptions): Promise<ActivityEntry[]> {
    const entries = await this.client.get('logs', ActivityList, options);
    return entries.sort((a, b) => (Date.parse(b.date.replace(' ', 'T')) || 0) - (Date.parse(a.date.replace(' ', 'T')) || 0));
  }

  /** What a contact (sub-user) may be allowed to do (`GET /contact/privileges`), by area: `{"billing": ["invoices", …]}`. */
  async contactPrivileges(options?: RequestOptions): Promise<Record<string, string[]>> {
    return this.client.get('contact/privileges', PrivilegeMap, options);
  }

  /** One contact with its privileges (`GET /contact/@id`). */
  async contact(id: string, options?: RequestOptions): Promise<ContactDetails> {
    return this.client.get(`contact/${seg(id)}`, ContactDetailsSchema, options);
  }

  /** Adds a contact (sub-user); with a password and privileges it can sign in to the portal. */
  async addContact(contact: NewContact, options?: RequestOptions): Promise<Ack> {
    return this.client.post('contact', Ack, contact, options);
  }

  /** Changes a contact: only the fields given. */
  async updateContact(id: string, changes: Partial<NewContact>, options?: RequestOptions): Promise<Ack> {
    return this.client.put(`contact/${seg(id)}`, Ack, changes, options);
  }

  /**
   * The affiliate programme, or undefined when the portal says the account has none (an error answer to
   * `GET /affiliates/summary`). Commissions, payouts and vouchers are read beside it.
   */
  async affiliate(options?: RequestOptions): Promise<AffiliateReport | undefined> {
    let summary: Record<string, string>;
    try {
      summary = await this.client.get('affiliates/summary', AffiliateSummary, options);
    } catch (e) {
      // The portal's own refusal (not a 5xx, not the network) says the account has no programme.
      if ((e instanceof PortalError && !e.retryable) || e instanceof NotFoundError) return undefined;
      throw e;
    }
    if (Object.keys(summary).length === 0) return undefined;
    const [commissions, payouts, vouchers] = await Promise.all([
      this.client.get('affiliates/commissions', affiliateList(['commissions']), options),
      this.client.get('affiliates/payouts', affiliateList(['payouts']), options),
      this.client.get('affiliates/vouchers', affiliateList(['vouchers']), options),
    ]);
    return { summary, commissions, payouts, vouchers };
  }
}
