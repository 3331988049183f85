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
    .add('POST', 'domain/@id/reg', ({ state, params }) => {
      find(state, params.id);
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
    .add('GET', 'domain/@id/contact', ({ state, params }) => {
      find(state, params.id);
      const c = state.client;
      const contact = { firstname: c.firstname, lastname: c.lastname, email: c.email, address1: c.address1, city: c.city, country: c.country };
      return { contact: { registrant: contact, admin: contact, tech: contact, billing: contact } };
    }, ONLY)
    .add('GET', 'domain/@id/emforwarding', () => ({ emforwarding: [] }), ONLY)
    .add('GET', 'domain/@id/autorenew', ({ state, params }) => ({ autorenew: find(state, params.id).autorenew ? '1' : '0' }), ONLY)
    .add('PUT', 'domain/@id/autorenew', ({ state, params, body }) => {
      find(state, params.id).autorenew = truthy(body.autorenew);
      return { info: ['autorenew_updated'] };
    }, ONLY)
    .add('GET', 'domain/@id/dnssec', () => ({ keys: [] }), ONLY)
    .add('GET', 'domain/@id/dnssec/flags', () => ({ flags: { '256': 'ZSK', '257': 'KSK' } }), ONLY)
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
    .add('GET', 'certificate/order', () => ({ products: [{ id: '25', name: 'InstantSSL', description: '', periods: [{ years: 1, price: 27.85, renew: 27.85 }], category: 'SSL Certificates', category_url: 'sslcertificates' }] }), ONLY);
}
