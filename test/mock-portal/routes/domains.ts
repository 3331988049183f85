import { nextInvoiceNumber } from './billing';
import { MockDomain, MockTld, PortalState } from '../model';
import { notFound, PortalFailure, required, Router, truthy } from '../router';
import { validateRecord } from './validation';
import { formFieldJson } from './forms';

const ONLY: ['elsecloud'] = ['elsecloud'];
const DAY = 24 * 60 * 60 * 1000;

function find(state: PortalState, id: string): MockDomain {
  const d = state.domains.find((x) => x.id === id);
  if (!d) {
    throw notFound('Domain');
  }
  return d;
}

const CERTIFICATE_PRODUCTS = [
  { id: '25', name: 'InstantSSL', description: 'Domain-validated certificate', periods: [{ years: 1, price: 27.85, renew: 27.85 }, { years: 2, price: 49.9, renew: 49.9 }], category: 'SSL Certificates', category_url: 'sslcertificates' },
];

/** The CN of a PEM CSR, read with Node's own parser (a CSR is PKCS#10: X509Certificate cannot read it, so the subject is found in the DER). */
function commonNameOf(csrPem: string): string | undefined {
  const der = Buffer.from(csrPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  // The CN attribute: OID 2.5.4.3 (06 03 55 04 03) followed by a string (UTF8String 0x0c or PrintableString 0x13).
  const at = der.indexOf(Buffer.from([0x06, 0x03, 0x55, 0x04, 0x03]));
  if (at < 0) return undefined;
  const length = der[at + 6];
  const value = der.subarray(at + 7, at + 7 + length).toString('utf8');
  return /^[\w*.-]+$/.test(value) ? value : undefined;
}

/** The domain's contacts by role: the account's own details until the first edit. */
function contactsOf(state: PortalState, d: MockDomain): Record<string, Record<string, string>> {
  if (d.contacts) return d.contacts;
  const c = state.client;
  const contact = () => ({ firstname: c.firstname, lastname: c.lastname, companyname: c.companyname, email: c.email, address1: c.address1, city: c.city, postcode: c.postcode, country: c.country, phonenumber: c.phonenumber });
  return { registrant: contact(), admin: contact(), tech: contact(), billing: contact() };
}

function summary(d: MockDomain) {
  return {
    id: d.id,
    name: d.name,
    expires: d.expires,
    recurring_amount: d.recurring_amount,
    date_created: d.date_created,
    status: d.status,
    period: String(d.period),
    autorenew: d.autorenew ? '1' : '0',
    daytoexpire: String(Math.round((Date.parse(d.expires) - Date.now()) / DAY)),
  };
}

function details(d: MockDomain) {
  return {
    ...summary(d),
    firstpayment: d.firstpayment,
    next_due: d.expires,
    next_invoice: d.expires,
    idprotection: d.idprotection ? '1' : '0',
    nameservers: d.nameservers,
  };
}

/**
 * A TLD's price for several years, as registrars price them: not a multiple of the one-year price
 * (1.50 off each extra year), so a client that multiplies shows the wrong amount.
 */
function tldPrice(tld: { register: number; transfer: number; renew: number }, kind: 'register' | 'transfer' | 'renew', years: number): number {
  const base = tld[kind];
  return base === 0 ? 0 : Math.round((base * years - 1.5 * (years - 1)) * 100) / 100;
}

export interface PricedDomain {
  name: string;
  tld: MockTld | undefined;
  years: number;
  action: string;
  /** The first payment, with the paid options chosen in the TLD's form. */
  total: number;
  errors: string[];
}

/**
 * A domain registration or transfer as \`POST /domain/order\` and a cart's domain item take it: the
 * TLD, availability, and the TLD form's answers in \`data\` (\`{ "<form id>": { "<item id>": 1 } }\`,
 * the shape of a product's \`custom\`). A required field left out is refused, as registries do.
 */
export function priceDomain(state: PortalState, body: Record<string, unknown>): PricedDomain {
  const name = String(body.name ?? '').toLowerCase();
  const errors: string[] = [];
  if (!name) errors.push('Domain name is required');
  const tld = state.tlds.find((t) => t.id === String(body.tld_id ?? '')) ?? state.tlds.find((t) => name.endsWith(t.tld));
  const years = Number(body.years ?? 1);
  const action = String(body.action ?? 'register');
  if (!tld) {
    errors.push('Unsupported TLD');
    return { name, tld, years, action, total: 0, errors };
  }
  if (action === 'register' && state.domains.some((d) => d.name === name)) errors.push('Domain is not available');
  let total = tldPrice(tld, action === 'transfer' ? 'transfer' : 'register', years);
  const data = (body.data && typeof body.data === 'object' ? body.data : {}) as Record<string, unknown>;
  for (const form of tld.forms ?? []) {
    const answer = data[form.id];
    const chosen = answer && typeof answer === 'object' ? Object.keys(answer as object) : answer !== undefined && answer !== '' ? [String(answer)] : [];
    if (form.required && chosen.length === 0) errors.push(`${form.title} is required for ${tld.tld} domains`);
    for (const itemId of chosen) {
      const item = form.items.find((i) => String(i.id) === itemId);
      if (!item) errors.push(`Invalid option for ${form.title}`);
      else total += item.price;
    }
  }
  for (const role of ['registrant', 'admin', 'tech', 'billing']) {
    if (body[role] !== undefined && body[role] !== '' && !state.contacts.some((c) => c.id === String(body[role]))) errors.push(`Unknown ${role} contact ${String(body[role])}`);
  }
  return { name, tld, years, action, total: Math.round(total * 100) / 100, errors };
}

/** Adds the priced domain to the account (status Pending, as a new order's domain is). */
export function placeDomain(state: PortalState, priced: PricedDomain, body: Record<string, unknown>): { id: string; total: number; type: string; tld: MockTld } {
  const tld = priced.tld!;
  const id = String(state.nextId++);
  state.domains.push({
    id,
    name: priced.name,
    date_created: new Date().toISOString().slice(0, 10),
    expires: new Date(Date.now() + priced.years * 365 * DAY).toISOString().slice(0, 10),
    status: 'Pending',
    period: priced.years,
    recurring_amount: tld.renew.toFixed(2),
    firstpayment: priced.total.toFixed(2),
    autorenew: true,
    reglock: false,
    idprotection: false,
    epp: '',
    nameservers: Array.isArray(body.nameservers) ? (body.nameservers as string[]) : ['ns1.example-dns.net', 'ns2.example-dns.net'],
    records: [],
    emforwarding: [],
    forwarding: { url: '', type: '301' },
    dnssec: [],
    glue: {},
  });
  return { id, total: priced.total, type: priced.action === 'transfer' ? 'Domain Transfer' : 'Domain Register', tld };
}

function recordAt(d: MockDomain, index: string) {
  const i = Number(index) - 1;
  if (!Number.isInteger(i) || i < 0 || i >= d.records.length) {
    throw notFound('DNS record');
  }
  return i;
}

function recordFrom(body: Record<string, unknown>) {
  const type = required(body, 'type').toUpperCase();
  const content = required(body, 'content');
  if (!['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'URL', 'FRAME', 'MXE', 'NS', 'SRV'].includes(type)) {
    throw new PortalFailure(200, [`Record type ${type} is not supported for this domain`]);
  }
  validateRecord(type, content);
  return { name: String(body.name ?? '@') || '@', type, ttl: Number(body.ttl ?? 3600), priority: Number(body.priority ?? 0), content };
}

export function domainRoutes(router: Router): void {
  router
    .add('GET', 'domain', ({ state }) => ({ domains: state.domains.map(summary) }), ONLY)
    .add('GET', 'domain/order', ({ state }) => ({
      tlds: state.tlds.map((t) => ({
        id: t.id,
        tld: t.tld,
        periods: [1, 2, 3].map((p) => ({ period: String(p), register: tldPrice(t, 'register', p).toFixed(2), transfer: tldPrice(t, 'transfer', p).toFixed(2), renew: tldPrice(t, 'renew', p).toFixed(2), redemption: '40.00' })),
      })),
    }), ONLY)
    .add('GET', 'domain/order/@id/form', ({ state, params, query }) => {
      const tld = state.tlds.find((t) => t.id === (query.get('tld_id') || params.id));
      if (!tld) throw notFound('TLD');
      return {
        forms: (tld.forms ?? []).map((f) => formFieldJson(f)),
      };
    }, ONLY)
    .add('POST', 'domain/order', ({ state, body }) => {
      const priced = priceDomain(state, body);
      if (priced.errors.length > 0) throw new PortalFailure(200, priced.errors);
      const { id, total, type, tld } = placeDomain(state, priced, body);
      const order = { order_num: String(563647000 + state.orders.length), invoice_id: String(state.nextId++), total, items: [{ id, type, name: priced.name }] };
      state.orders.push(order);
      state.invoices.push({ id: order.invoice_id, number: nextInvoiceNumber(state), date: new Date().toISOString().slice(0, 10), duedate: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10), datepaid: '', status: 'Unpaid', currency: 'USD', credit: 0, taxrate: 0, items: [{ id: String(state.nextId++), description: `Domain ${priced.action} ${priced.name}`, amount: total, qty: 1 }] });
      return { order_num: Number(order.order_num), invoice_id: order.invoice_id, total: total.toFixed(2), items: { id, type, name: priced.name, product_id: tld.id } };
    }, ONLY)
    .add('POST', 'domain/lookup', ({ state, body }) => {
      const name = required(body, 'name').toLowerCase();
      const tld = state.tlds.find((t) => name.endsWith(t.tld));
      const taken = state.domains.some((d) => d.name === name) || /^(google|example)\./.test(name);
      if (state.lookupStyle === 'status') {
        return !!tld && !taken ? { status: 'ok' } : {};
      }
      return {
        available: !!tld && !taken,
        name,
        premium: false,
        periods: tld ? [1, 2].map((p) => ({ id: tld.id, period: String(p), register: tldPrice(tld, 'register', p).toFixed(2), transfer: tldPrice(tld, 'transfer', p).toFixed(2), renew: tldPrice(tld, 'renew', p).toFixed(2), redemption: '40.00' })) : [],
      };
    }, ONLY)
    .add('GET', 'domain/name/@name', ({ state, params }) => {
      const found = state.domains.filter((d) => d.name === params.name.toLowerCase());
      if (found.length === 0) {
        throw notFound('Domain');
      }
      return { details: found.map(details) };
    }, ONLY)
    .add('GET', 'domain/@id', ({ state, params }) => ({ details: details(find(state, params.id)) }), ONLY)
    .add('GET', 'domain/@id/ns', ({ state, params }) => ({ nameservers: find(state, params.id).nameservers }), ONLY)
    .add('PUT', 'domain/@id/ns', ({ state, params, body }) => {
      const d = find(state, params.id);
      const list = Array.isArray(body.nameservers) ? body.nameservers.map(String).filter(Boolean) : [];
      if (list.length === 1 || list.length > 4) {
        throw new PortalFailure(200, ['Provide between 2 and 4 nameservers']);
      }
      d.nameservers = list.length === 0 ? ['ns1.example-dns.net', 'ns2.example-dns.net'] : list;
      return { info: ['success_changes_save'] };
    }, ONLY)
    .add('POST', 'domain/@id/reg', ({ state, params, body }) => {
      const d = find(state, params.id);
      const host = String(body.nameserver ?? '').toLowerCase();
      const ip = String(body.ip ?? '');
      if (!host.endsWith(`.${d.name}`)) throw new PortalFailure(200, [`The name server must be a host under ${d.name}`]);
      if (!/^(\d{1,3}\.){3}\d{1,3}$|:/.test(ip)) throw new PortalFailure(200, ['Provide the name server\'s IP address']);
      d.glue[host] = ip;
      return { info: ['nameservers_registered'] };
    }, ONLY)
    .add('GET', 'domain/@id/dns', ({ state, params }) => {
      const d = find(state, params.id);
      return { records: d.records.map((r, i) => (d.omitRecordIds ? { ...r } : { id: i + 1, ...r })) };
    }, ONLY)
    .add('POST', 'domain/@id/dns', ({ state, params, body }) => {
      find(state, params.id).records.push(recordFrom(body));
      return { info: ['DNS Management updated successfully'] };
    }, ONLY)
    .add('PUT', 'domain/@id/dns/@index', ({ state, params, body }) => {
      const d = find(state, params.id);
      d.records[recordAt(d, params.index)] = recordFrom(body);
      return { info: ['DNS Management updated successfully'] };
    }, ONLY)
    .add('DELETE', 'domain/@id/dns/@index', ({ state, params }) => {
      const d = find(state, params.id);
      d.records.splice(recordAt(d, params.index), 1);
      return { info: ['DNS Management updated successfully'] };
    }, ONLY)
    .add('GET', 'domain/@id/dns/types', ({ state, params }) => {
      find(state, params.id);
      return { types: ['A', 'AAAA', 'CNAME', 'URL', 'FRAME', 'MX', 'MXE', 'TXT', 'NS', 'SRV'] };
    }, ONLY)
    .add('GET', 'domain/@id/epp', ({ state, params }) => {
      const d = find(state, params.id);
      if (d.status !== 'Active') {
        throw new PortalFailure(200, ['EPP code is only available for active domains']);
      }
      return { epp: d.epp };
    }, ONLY)
    .add('GET', 'domain/@id/sync', ({ state, params }) => ({ info: ['domain_synced'], status: find(state, params.id).status }), ONLY)
    .add('GET', 'domain/@id/reglock', ({ state, params }) => ({ reglock: find(state, params.id).reglock ? '1' : '0' }), ONLY)
    .add('PUT', 'domain/@id/reglock', ({ state, params, body }) => {
      find(state, params.id).reglock = truthy(body.reglock);
      return { info: ['reglock_updated'] };
    }, ONLY)
    .add('PUT', 'domain/@id/idprotection', ({ state, params, body }) => {
      find(state, params.id).idprotection = truthy(body.idprotection);
      return { info: ['idprotection_updated'] };
    }, ONLY)
    .add('GET', 'domain/@id/contact', ({ state, params }) => ({ contact: contactsOf(state, find(state, params.id)) }), ONLY)
    .add('PUT', 'domain/@id/contact', ({ state, params, body }) => {
      const d = find(state, params.id);
      const contacts = contactsOf(state, d);
      for (const [role, fields] of Object.entries(body)) {
        if (!(role in contacts) || !fields || typeof fields !== 'object') throw new PortalFailure(200, [`Unknown contact type: ${role}`]);
        for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
          if (!(key in contacts[role])) throw new PortalFailure(200, [`Unknown contact field: ${key}`]);
          if (key === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(value))) throw new PortalFailure(200, ['Invalid email address']);
          contacts[role][key] = String(value);
        }
      }
      d.contacts = contacts;
      return { info: ['contact_info_updated'] };
    }, ONLY)
    .add('GET', 'domain/@id/emforwarding', ({ state, params }) => ({ emforwarding: find(state, params.id).emforwarding }), ONLY)
    .add('PUT', 'domain/@id/emforwarding', ({ state, params, body }) => {
      const d = find(state, params.id);
      const rules = Array.isArray(body.emforwarding) ? body.emforwarding : [];
      const bad = rules.find((r) => !r || typeof r !== 'object' || !/^[^@\s]+@[^@\s]+$/.test(String((r as { destination?: unknown }).destination ?? '')));
      if (bad) throw new PortalFailure(200, ['Invalid forwarding destination']);
      d.emforwarding = rules.map((r) => ({ source: String((r as { source: unknown }).source), destination: String((r as { destination: unknown }).destination) }));
      return { info: ['emforwarding_updated'] };
    }, ONLY)
    .add('PUT', 'domain/@id/forwarding', ({ state, params, body }) => {
      const d = find(state, params.id);
      const url = String(body.url ?? '');
      if (url && !/^https?:\/\/\S+$/.test(url)) throw new PortalFailure(200, ['Invalid URL']);
      d.forwarding = { url, type: String(body.type ?? '301') };
      return { info: ['forwarding_updated'] };
    }, ONLY)
    .add('GET', 'domain/@id/autorenew', ({ state, params }) => ({ autorenew: find(state, params.id).autorenew ? '1' : '0' }), ONLY)
    .add('PUT', 'domain/@id/autorenew', ({ state, params, body }) => {
      find(state, params.id).autorenew = truthy(body.autorenew);
      return { info: ['autorenew_updated'] };
    }, ONLY)
    .add('GET', 'domain/@id/dnssec', ({ state, params }) => ({ keys: find(state, params.id).dnssec }), ONLY)
    .add('GET', 'domain/@id/dnssec/flags', () => ({ flags: { '256': 'ZSK', '257': 'KSK' } }), ONLY)
    .add('PUT', 'domain/@id/dnssec', ({ state, params, body }) => {
      const d = find(state, params.id);
      const key = { flags: String(body.flags ?? ''), protocol: String(body.protocol ?? '3'), alg: String(body.alg ?? ''), pubkey: String(body.pubkey ?? '').replace(/\s+/g, '') };
      if (!['256', '257'].includes(key.flags)) throw new PortalFailure(200, ['Invalid DNSSEC flags']);
      if (!/^\d+$/.test(key.alg)) throw new PortalFailure(200, ['Invalid DNSSEC algorithm']);
      if (!/^[A-Za-z0-9+/]+=*$/.test(key.pubkey)) throw new PortalFailure(200, ['Invalid DNSSEC public key']);
      d.dnssec.push({ id: String(state.nextId++), ...key });
      return { info: ['dnssec_key_added'] };
    }, ONLY)
    .add('DELETE', 'domain/@id/dnssec/@key', ({ state, params }) => {
      const d = find(state, params.id);
      const at = d.dnssec.findIndex((k) => k.id === params.key);
      if (at < 0) throw notFound('DNSSEC key');
      d.dnssec.splice(at, 1);
      return { info: ['dnssec_key_removed'] };
    }, ONLY)
    .add('POST', 'domain/@id/renew', ({ state, params, body }) => {
      const d = find(state, params.id);
      const years = Number(body.years ?? 1);
      if (!Number.isInteger(years) || years < 1 || years > 10) {
        throw new PortalFailure(200, ['Invalid number of years']);
      }
      const tld = state.tlds.find((t) => d.name.endsWith(t.tld));
      const total = tld ? tldPrice(tld, 'renew', years) : Number(d.recurring_amount) * years;
      const invoice = String(state.nextId++);
      d.expires = new Date(Date.parse(d.expires) + years * 365 * DAY).toISOString().slice(0, 10);
      if (d.status === 'Expired') {
        d.status = 'Active';
      }
      state.orders.push({ order_num: String(563648000 + state.orders.length), invoice_id: invoice, total, items: [{ type: 'Domain Renew', name: d.name }] });
      state.invoices.push({ id: invoice, number: nextInvoiceNumber(state), date: new Date().toISOString().slice(0, 10), duedate: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10), datepaid: '', status: 'Unpaid', currency: 'USD', credit: 0, taxrate: 0, items: [{ id: String(state.nextId++), description: `Domain renewal ${d.name} (${years} y)`, amount: total, qty: 1 }] });
      return { order_num: 563648000 + state.orders.length - 1, invoice_id: invoice, total: total.toFixed(2), items: { id: d.id, type: 'Domain Renew', name: d.name, product_id: '6' } };
    }, ONLY)
    .add('GET', 'certificate', ({ state }) => ({ sslservices: state.certificates.map(({ crt: _crt, ...c }) => ({ ...c, total: '27.85', billingcycle: 'Annually', category: 'GoGetSSL', category_url: 'gogetssl' })) }), ONLY)
    .add('GET', 'certificate/@id/crt', ({ state, params }) => {
      const c = state.certificates.find((x) => x.id === params.id);
      if (!c) throw notFound('Certificate');
      return { crt: c.crt };
    }, ONLY)
    .add('GET', 'certificate/order', () => ({ products: CERTIFICATE_PRODUCTS }), ONLY)
    .add('GET', 'certificate/order/@product_id/software', ({ params }) => {
      if (!CERTIFICATE_PRODUCTS.some((p) => p.id === params.product_id)) throw notFound('Product');
      return { software: [{ id: 0, name: 'AOL' }, { id: 1, name: 'Apache-SSL (Ben-SSL, not Stronghold)' }, { id: 2, name: 'nginx' }, { id: 3, name: 'Microsoft IIS' }] };
    }, ONLY)
    .add('POST', 'certificate/order', ({ state, body }) => {
      const product = CERTIFICATE_PRODUCTS.find((p) => p.id === String(body.product_id ?? ''));
      if (!product) throw new PortalFailure(200, ['Unknown certificate product']);
      const csr = String(body.csr ?? '');
      const cn = /-----BEGIN CERTIFICATE REQUEST-----/.test(csr) ? commonNameOf(csr) : undefined;
      if (!cn) throw new PortalFailure(200, ['Invalid CSR']);
      if (!/^[^@\s]+@[^@\s]+$/.test(String(body.approver_email ?? ''))) throw new PortalFailure(200, ['Approver email is required']);
      const years = Number(body.years ?? 1);
      const period = product.periods.find((p) => p.years === years);
      if (!period) throw new PortalFailure(200, ['Invalid period']);
      const id = String(state.nextId++);
      const invoice = String(state.nextId++);
      state.certificates.push({ id, domain: cn, name: product.name, status: 'Pending', cert_status: 'Awaiting validation', cert_expires: '', next_due: new Date(Date.now() + years * 365 * DAY).toISOString().slice(0, 10), crt: '', csr, cert_email: String(body.approver_email), software: String(body.software ?? '') });
      const orderNum = String(563648000 + state.orders.length);
      state.orders.push({ order_num: orderNum, invoice_id: invoice, total: period.price, items: [{ type: 'SSL Certificate', name: cn }] });
      state.invoices.push({ id: invoice, number: nextInvoiceNumber(state), date: new Date().toISOString().slice(0, 10), duedate: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10), datepaid: '', status: 'Unpaid', currency: 'USD', credit: 0, taxrate: 0, items: [{ id: String(state.nextId++), description: `${product.name} (${cn})`, amount: period.price, qty: 1 }] });
      return { order_num: Number(orderNum), invoice_id: invoice, total: period.price.toFixed(2), items: { id, type: 'SSL Certificate', name: cn, product_id: product.id } };
    }, ONLY)
    // After the fixed paths (`certificate/order`): the router takes the first route that matches.
    .add('GET', 'certificate/@id', ({ state, params }) => {
      const c = state.certificates.find((x) => x.id === params.id);
      if (!c) throw notFound('Certificate');
      const { crt: _crt, ...rest } = c;
      return { service: { ...rest, total: '27.85', billingcycle: 'Annually', label: '', csr: c.csr ?? '', cert_email: c.cert_email ?? `admin@${c.domain}`, software: c.software ?? '1' } };
    }, ONLY);
}
