// A registered domain's settings beyond records and name servers (ElseCloud: the `domains` feature):
// contacts, e-mail and URL forwarding, DNSSEC keys, name-server registration (glue). The reference
// gives no example answers for these, so every answer is read tolerantly and normalised here.
import * as v from 'valibot';
import { PortalClient, RequestOptions } from '../client';
import { Ack, AnyObject, firstText, objectList, scalarFields, seg } from '../schema';

/** A contact's fields as text (`firstname`, `email`, …), whatever types the portal sent. */
export type ContactFields = Record<string, string>;

/** The domain's contacts by role (`registrant`, `admin`, `tech`, `billing`). */
export type DomainContacts = Record<string, ContactFields>;

/** `{"contacts": {"registrant": {...}}}`, `{"contact": {...}}` or the roles at the top. */
const DomainContactsSchema = v.pipe(
  AnyObject,
  v.transform((body): DomainContacts => {
    const inner = [body.contacts, body.contact].find((x) => x && typeof x === 'object' && !Array.isArray(x)) ?? body;
    const roles: DomainContacts = {};
    for (const [role, raw] of Object.entries(inner as Record<string, unknown>)) {
      const fields = scalarFields(raw);
      if (Object.keys(fields).length > 0) roles[role] = fields;
    }
    return roles;
  }),
);

/** One e-mail forwarding rule: mail to `source@domain` goes to `destination`. */
export interface EmailForward {
  source: string;
  destination: string;
}

const EmailForwardList = v.pipe(
  v.unknown(),
  v.transform((body): EmailForward[] =>
    objectList(body, ['emforwarding', 'forwarding', 'forwards', 'list'], 'source')
      .map((x) => ({ source: firstText(x, ['source', 'prefix', 'from', 'alias']), destination: firstText(x, ['destination', 'to', 'forwardto', 'target', 'name']) }))
      .filter((f) => f.source !== '' && f.destination !== ''),
  ),
);

/** A DNSSEC key (DNSKEY data) as the registry holds it. */
export interface DnssecKey {
  /** How the portal addresses it in `DELETE /domain/@id/dnssec/@key`. */
  id: string;
  flags: string;
  protocol: string;
  algorithm: string;
  publicKey: string;
}

const DnssecKeyList = v.pipe(
  v.unknown(),
  v.transform((body): DnssecKey[] =>
    objectList(body, ['keys', 'dnssec', 'list'])
      .map((x) => ({
        id: firstText(x, ['id', 'key', 'keytag', 'key_tag']),
        flags: firstText(x, ['flags', 'flag']),
        protocol: firstText(x, ['protocol']) || '3',
        algorithm: firstText(x, ['alg', 'algorithm']),
        publicKey: firstText(x, ['pubkey', 'public_key', 'publicKey', 'key_data']),
      }))
      .filter((k) => k.id !== ''),
  ),
);

/** The flags a key may have: `{"256": "ZSK", "257": "KSK"}` or a list of `{value, name}`. */
const DnssecFlagList = v.pipe(
  v.unknown(),
  v.transform((body) =>
    objectList(body, ['flags', 'list'], 'value')
      .map((x) => ({ value: firstText(x, ['value', 'id', 'flag']), name: firstText(x, ['name', 'label', 'description']) }))
      .filter((f) => f.value !== ''),
  ),
);

/** The new key's fields, as the registry wants them. */
export interface DnssecKeyInput {
  flags: string;
  protocol: string;
  algorithm: string;
  publicKey: string;
}

/** Contacts, forwarding, DNSSEC and glue records of registered domains (portals with `domains`). */
export class DomainSettingsApi {
  constructor(private readonly client: PortalClient) {}

  private need(): void {
    this.client.require('domains', 'domain registration');
  }

  async contacts(id: string, options?: RequestOptions): Promise<DomainContacts> {
    this.need();
    return this.client.get(`domain/${seg(id)}/contact`, DomainContactsSchema, options);
  }

  /** Sends only the changed fields, by role: `{"admin": {"email": "…"}}`. */
  async updateContacts(id: string, changes: DomainContacts, options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.put(`domain/${seg(id)}/contact`, Ack, changes, options);
  }

  async emailForwarding(id: string, options?: RequestOptions): Promise<EmailForward[]> {
    this.need();
    return this.client.get(`domain/${seg(id)}/emforwarding`, EmailForwardList, options);
  }

  /** Replaces the domain's e-mail forwarding rules with `rules`. */
  async setEmailForwarding(id: string, rules: EmailForward[], options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.put(`domain/${seg(id)}/emforwarding`, Ack, { emforwarding: rules }, options);
  }

  /** Forwards the domain's web address to `url` (`type`: `301` permanent, `302` temporary, `frame`); an empty url turns it off. */
  async setUrlForwarding(id: string, url: string, type: string, options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.put(`domain/${seg(id)}/forwarding`, Ack, { url, type }, options);
  }

  async dnssecFlags(id: string, options?: RequestOptions): Promise<{ value: string; name: string }[]> {
    this.need();
    return this.client.get(`domain/${seg(id)}/dnssec/flags`, DnssecFlagList, options);
  }

  async dnssecKeys(id: string, options?: RequestOptions): Promise<DnssecKey[]> {
    this.need();
    return this.client.get(`domain/${seg(id)}/dnssec`, DnssecKeyList, options);
  }

  async addDnssecKey(id: string, key: DnssecKeyInput, options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.put(`domain/${seg(id)}/dnssec`, Ack, { flags: key.flags, protocol: key.protocol, alg: key.algorithm, pubkey: key.publicKey }, options);
  }

  async deleteDnssecKey(id: string, key: string, options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.delete(`domain/${seg(id)}/dnssec/${seg(key)}`, Ack, options);
  }

  /** Registers a name server under the domain (a glue record): `ns1.example.com` at `ip`. */
  async registerNameserver(id: string, nameserver: string, ip: string, options?: RequestOptions): Promise<Ack> {
    this.need();
    return this.client.post(`domain/${seg(id)}/reg`, Ack, { nameserver, ip }, options);
  }
}
