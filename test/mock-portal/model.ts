/** The mock portal's state: plain data the route handlers read and change. */

export type ProviderName = 'elsecloud' | 'alterncloud';

export interface MockVm {
  id: string;
  label: string;
  hostname: string;
  status: string;
  /** A transition in progress: `status` becomes `to` at time `at` (ms since epoch). */
  pending?: { to: string; at: number };
  template: string;
  memory: number;
  cpu: number;
  disk: number;
  ips: { ipaddress: string; type: 'ipv4' | 'ipv6'; rdns?: string }[];
  interfaces: { id: string; name: string; mac: string; firewall: number }[];
  /** Listed under an id field no client knows (`server_ref`), as an undocumented portal might. */
  unknownIdField?: boolean;
}

export interface MockService {
  id: string;
  name: string;
  domain: string;
  label: string;
  status: string;
  billingcycle: string;
  next_due: string;
  next_invoice: string;
  date_created: string;
  total: string;
  firstpayment: string;
  category: string;
  category_url: string;
  kind: 'vps' | 'hosting' | 'dns' | 'dedicated';
  username: string;
  vms: MockVm[];
  templates: { id: string; name: string; os: string }[];
  resources: { name: string; used: number; total: number; unit: string }[];
  /** A cloud-server pool: what its VMs may use together (memory MB, CPU cores, disk GB, IPv4 addresses). */
  pool?: { memory: number; cpu: number; disk: number; ips: number };
  ips: string[];
  cancellation?: { immediate: boolean; reason: string };
  /** Listed without `status` and `name` (a sparse row, as a new service type on a real portal may be). */
  sparse?: boolean;
}

export interface MockDnsRecord {
  id: string;
  name: string;
  type: string;
  ttl: number;
  priority: number;
  content: string | (string | number)[];
}

export interface MockZone {
  id: string;
  serviceId: string;
  name: string;
  records: MockDnsRecord[];
}

export interface MockDomain {
  id: string;
  name: string;
  date_created: string;
  expires: string;
  status: string;
  period: number;
  recurring_amount: string;
  firstpayment: string;
  autorenew: boolean;
  reglock: boolean;
  idprotection: boolean;
  epp: string;
  nameservers: string[];
  /** Registered-domain DNS: addressed by position (1-based `id` in answers). */
  records: { name: string; type: string; ttl: number; priority: number; content: string }[];
  /** Answers `GET /domain/@id/dns` without ids, as some portals do: the client must count from 1. */
  omitRecordIds?: boolean;
  /** Contacts by role; absent until the first edit (then the account's details are copied). */
  contacts?: Record<string, Record<string, string>>;
  emforwarding: { source: string; destination: string }[];
  /** URL forwarding (`PUT /domain/@id/forwarding`): empty url = off. */
  forwarding: { url: string; type: string };
  dnssec: { id: string; flags: string; protocol: string; alg: string; pubkey: string }[];
  /** Name servers registered under the domain (glue): host → address. */
  glue: Record<string, string>;
}

export interface MockTicketMessage {
  id: string;
  name: string;
  date: string;
  body: string;
  type: 'Admin' | 'Client';
  attachments: { file: string; name: string }[];
}

export interface MockTicket {
  number: string;
  subject: string;
  status: string;
  date: string;
  dept_id: string;
  client_read: boolean;
  body: string;
  attachments: { file: string; name: string }[];
  replies: MockTicketMessage[];
}

export interface MockInvoice {
  id: string;
  number: string;
  date: string;
  duedate: string;
  datepaid: string;
  status: 'Paid' | 'Unpaid' | 'Cancelled';
  currency: string;
  credit: number;
  taxrate: number;
  items: { id: string; description: string; amount: number; qty: number }[];
}

export interface MockFormItem {
  id: number;
  title: string;
  price: number;
  setup: number;
}

export interface MockForm {
  id: string;
  type: 'select' | 'radio' | 'checkbox' | 'qty' | 'slider';
  title: string;
  required: boolean;
  items: MockFormItem[];
  min?: number;
  max?: number;
}

export interface MockProduct {
  id: string;
  categoryId: string;
  name: string;
  description: string;
  kind: MockService['kind'];
  /** Price per billing cycle code (m, q, s, a, b, t). */
  prices: Record<string, number>;
  setup: number;
  needsDomain: boolean;
  forms: MockForm[];
  addons: { id: string; title: string; description: string; prices: Record<string, number> }[];
}

export interface MockNotification {
  id: string;
  subject: string;
  message: string;
  date: string;
  rel_type: string;
  rel_id: string;
  acknowledged: boolean;
}

/** A TLD; `forms` are the extra fields its registry needs (`GET /domain/order/@id/form`), as ccTLDs have. */
export interface MockTld {
  id: string;
  tld: string;
  register: number;
  transfer: number;
  renew: number;
  forms?: { type: string; title: string; id: string; required: boolean; items: { title: string; id: number; price: number }[] }[];
}

export interface PortalState {
  provider: ProviderName;
  client: Record<string, string>;
  password: string;
  services: MockService[];
  zones: MockZone[];
  domains: MockDomain[];
  tickets: MockTicket[];
  departments: { id: string; name: string; description: string }[];
  invoices: MockInvoice[];
  balance: { currency: string; credit: number };
  payments: Record<string, string>;
  notifications: MockNotification[];
  categories: { id: string; name: string; description: string; slug: string }[];
  products: MockProduct[];
  tlds: MockTld[];
  /** Promotion codes `POST /quote` and the orders accept, with the percentage they take off. */
  promoCodes: Record<string, number>;
  /** Contacts of the account (`GET /contact`), usable as a domain's registrant/admin/tech/billing. */
  contacts: { id: string; email: string; firstname: string; lastname: string; companyname: string; privileges?: Record<string, string[]> }[];
  /** How `POST /domain/lookup` answers: the reference's example, or its text (`{"status": "ok"}` / an empty answer). */
  lookupStyle?: 'example' | 'status';
  attachments: Record<string, { name: string; contentType: string; content: string }>;
  orders: { order_num: string; invoice_id: string; total: number; items: unknown[] }[];
  nextId: number;
  /** SSL certificate services (`/certificate`, ElseCloud). */
  certificates: { id: string; domain: string; name: string; status: string; cert_status: string; cert_expires: string; next_due: string; crt: string; csr?: string; cert_email?: string; software?: string }[];
  /** The IP pool VMs draw new addresses from (`/ippool`): how many are free, how many were handed out. */
  ipPoolFree: number;
  ipPoolUsed: number;
}
