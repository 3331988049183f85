import {
  MockDnsRecord,
  MockDomain,
  MockProduct,
  MockService,
  MockTicket,
  MockVm,
  MockZone,
  PortalState,
  ProviderName,
} from './model';

/** Extra bulk for benchmarks: a large account on top of the demo data. */
export interface SeedSize {
  services: number;
  vmsPerServer: number;
  zones: number;
  recordsPerZone: number;
  tickets: number;
  repliesPerTicket: number;
}

export const LARGE_ACCOUNT: SeedSize = {
  services: 300,
  vmsPerServer: 3,
  zones: 20,
  recordsPerZone: 500,
  tickets: 200,
  repliesPerTicket: 4,
};

const DAY = 24 * 60 * 60 * 1000;

function day(offset: number, base = Date.now()): string {
  return new Date(base + offset * DAY).toISOString().slice(0, 10);
}

function stamp(offsetDays: number, hour = 10, minute = 0): string {
  const d = new Date(Date.now() + offsetDays * DAY);
  d.setUTCHours(hour, minute, 0, 0);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

const TEMPLATES = [
  { id: 'debian-12', name: 'Debian 12 (Bookworm)', os: 'linux' },
  { id: 'ubuntu-24.04', name: 'Ubuntu 24.04 LTS', os: 'linux' },
  { id: 'rocky-9', name: 'Rocky Linux 9', os: 'linux' },
  { id: 'win-2022', name: 'Windows Server 2022', os: 'windows' },
];

function vm(id: string, label: string, status: string, ip: string, template = 'debian-12', memory = 2048): MockVm {
  const n = Number(id.replace(/\D/g, '')) % 250;
  return {
    id,
    label,
    hostname: `${label}.vps.example.net`,
    status,
    template,
    memory,
    cpu: memory >= 4096 ? 4 : 2,
    disk: memory >= 4096 ? 80 : 40,
    ips: [
      { ipaddress: ip, type: 'ipv4', rdns: `${label}.vps.example.net` },
      { ipaddress: `2001:db8:10::${n.toString(16)}`, type: 'ipv6' },
    ],
    interfaces: [{ id: '0', name: 'net0', mac: `52:54:00:12:34:${(n % 100).toString().padStart(2, '0')}`, firewall: 1 }],
  };
}

const CATEGORY: Record<MockService['kind'], { name: string; slug: string }> = {
  vps: { name: 'Cloud Servers', slug: 'cloud-servers' },
  hosting: { name: 'Hosting', slug: 'hosting' },
  dedicated: { name: 'Dedicated Servers', slug: 'dedicated-servers' },
  dns: { name: 'DNS', slug: 'dns' },
};

function service(partial: Partial<MockService> & Pick<MockService, 'id' | 'name' | 'kind'>): MockService {
  const total = partial.total ?? '9.99';
  return {
    domain: '',
    label: '',
    status: 'Active',
    billingcycle: 'Monthly',
    next_due: day(18),
    next_invoice: day(11),
    date_created: day(-400),
    total,
    firstpayment: total,
    category: CATEGORY[partial.kind].name,
    category_url: CATEGORY[partial.kind].slug,
    username: `u${partial.id}`,
    vms: [],
    templates: partial.kind === 'vps' ? TEMPLATES : [],
    resources: [],
    ips: [],
    ...partial,
    pool: partial.pool ?? (partial.kind === 'vps' ? { memory: Math.max(8192, (partial.vms ?? []).reduce((s, v) => s + v.memory, 0)), cpu: 8, disk: 320, ips: 4 } : undefined),
  };
}

function vpsResources(vms: MockVm[]) {
  const memory = vms.reduce((s, v) => s + v.memory, 0);
  return [
    { name: 'Memory', used: memory, total: Math.max(8192, memory), unit: 'MB' },
    { name: 'CPU cores', used: vms.reduce((s, v) => s + v.cpu, 0), total: 8, unit: 'cores' },
    { name: 'Disk', used: vms.reduce((s, v) => s + v.disk, 0), total: 320, unit: 'GB' },
    { name: 'Bandwidth', used: 412, total: 2000, unit: 'GB' },
    { name: 'IPv4 addresses', used: vms.length, total: 4, unit: 'IPs' },
  ];
}

function zoneRecords(zone: string, startId: number, extra = 0): MockDnsRecord[] {
  const r = (name: string, type: string, content: MockDnsRecord['content'], ttl = 3600, priority = 0): MockDnsRecord => ({
    id: String(startId++),
    name,
    type,
    ttl,
    priority,
    content,
  });
  const records = [
    r('@', 'SOA', `ns1.example-dns.net. hostmaster.${zone}. 2026112201 3600 900 1209600 3600`, 86400),
    r('@', 'NS', 'ns1.example-dns.net', 86400),
    r('@', 'NS', 'ns2.example-dns.net', 86400),
    r('@', 'A', '203.0.113.10'),
    r('@', 'AAAA', '2001:db8:10::10'),
    r('www', 'CNAME', `${zone}`),
    r('@', 'MX', `mail.${zone}`, 3600, 10),
    r('@', 'MX', `mail2.${zone}`, 3600, 20),
    r('mail', 'A', '203.0.113.25'),
    r('@', 'TXT', '"v=spf1 mx a ip4:203.0.113.0/24 -all"'),
    r('_dmarc', 'TXT', '"v=DMARC1; p=quarantine; rua=mailto:dmarc@' + zone + '"'),
    r('_sip._tcp', 'SRV', [5, 5060, `sip.${zone}`], 3600, 10),
    r('_xmpp-client._tcp', 'SRV', [0, 5222, `xmpp.${zone}`], 3600, 5),
    r('@', 'CAA', '0 issue "letsencrypt.org"'),
    r('*.apps', 'A', '203.0.113.40', 300),
  ];
  for (let i = 0; i < extra; i++) {
    records.push(r(`host${i}`, i % 5 === 0 ? 'AAAA' : 'A', i % 5 === 0 ? `2001:db8:20::${i.toString(16)}` : `198.51.${(i >> 8) & 255}.${i & 255}`, 3600));
  }
  return records;
}

function domain(id: string, name: string, expiresIn: number, status: string, autorenew: boolean): MockDomain {
  return {
    id,
    name,
    date_created: day(expiresIn - 365 * 2),
    expires: day(expiresIn),
    status,
    period: 1,
    recurring_amount: '15.00',
    firstpayment: '10.00',
    autorenew,
    reglock: true,
    idprotection: false,
    epp: `EPP-${id}-x7Q!k2`,
    nameservers: ['ns1.example-dns.net', 'ns2.example-dns.net'],
    emforwarding: [{ source: 'info', destination: 'joe.doe@example-mail.net' }],
    forwarding: { url: '', type: '301' },
    dnssec: [{ id: '20326', flags: '257', protocol: '3', alg: '13', pubkey: 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==' }],
    glue: {},
    records: [
      { name: '@', type: 'A', ttl: 3600, priority: 0, content: '203.0.113.80' },
      { name: 'www', type: 'CNAME', ttl: 3600, priority: 0, content: name },
      { name: '@', type: 'MX', ttl: 3600, priority: 10, content: `mx.${name}` },
      { name: '@', type: 'TXT', ttl: 3600, priority: 0, content: 'v=spf1 include:_spf.example-mail.net ~all' },
    ],
  };
}

function products(): MockProduct[] {
  return [
    {
      id: '333',
      categoryId: '10',
      name: 'Cloud VPS S',
      description: '2 vCPU, 2 GB RAM, 40 GB NVMe',
      kind: 'vps',
      prices: { m: 9.99, q: 28.47, a: 109.89 },
      setup: 0,
      needsDomain: true,
      forms: [
        {
          id: '1618',
          type: 'select',
          title: 'Disk Size',
          required: true,
          items: [
            { id: 10330, title: '40 GB', price: 0, setup: 0 },
            { id: 10331, title: '80 GB', price: 4, setup: 0 },
            { id: 10332, title: '160 GB', price: 9, setup: 0 },
          ],
        },
        {
          id: '1619',
          type: 'radio',
          title: 'Location',
          required: true,
          items: [
            { id: 10340, title: 'Amsterdam', price: 0, setup: 0 },
            { id: 10341, title: 'Frankfurt', price: 0, setup: 0 },
            { id: 10342, title: 'New York', price: 1.5, setup: 0 },
          ],
        },
        { id: '1620', type: 'checkbox', title: 'Daily backups', required: false, items: [{ id: 10350, title: 'Enable', price: 2, setup: 0 }] },
        { id: '1621', type: 'qty', title: 'Extra IPv4 addresses', required: false, min: 0, max: 8, items: [{ id: 10360, title: 'IPv4', price: 3, setup: 1 }] },
      ],
      addons: [{ id: '31', title: 'Managed firewall', description: 'Firewall rules managed by our team', prices: { m: 5, q: 14, a: 50 } }],
    },
    {
      id: '334',
      categoryId: '10',
      name: 'Cloud VPS L',
      description: '4 vCPU, 8 GB RAM, 160 GB NVMe',
      kind: 'vps',
      prices: { m: 29.99, a: 329.89 },
      setup: 0,
      needsDomain: true,
      forms: [
        {
          id: '1622',
          type: 'select',
          title: 'Operating system',
          required: true,
          items: TEMPLATES.map((t, i) => ({ id: 10400 + i, title: t.name, price: t.os === 'windows' ? 15 : 0, setup: 0 })),
        },
      ],
      addons: [],
    },
    {
      id: '340',
      categoryId: '11',
      name: 'Starter Hosting',
      description: 'Disk: 10 GB\nMemory: 2 GB\nMySQL: 10 DB\nEmail: 100 users',
      kind: 'hosting',
      prices: { m: 4.99, a: 49.9 },
      setup: 5,
      needsDomain: true,
      forms: [],
      addons: [],
    },
    {
      id: '350',
      categoryId: '12',
      name: 'DNS Hosting',
      description: 'Anycast DNS for up to 50 zones',
      kind: 'dns',
      prices: { m: 2, a: 20 },
      setup: 0,
      needsDomain: false,
      forms: [],
      addons: [],
    },
  ];
}

function tickets(provider: ProviderName): MockTicket[] {
  const staff = provider === 'elsecloud' ? 'Mira (ElseCloud Support)' : 'Jonas (ALTERNcloud Support)';
  return [
    {
      number: '736633',
      subject: 'VPS web-01 unreachable after kernel update',
      status: 'Answered',
      date: stamp(-3, 9, 12),
      dept_id: '1',
      client_read: false,
      body: 'Hello,\r\nafter installing the latest kernel update web-01 does not come back.\r\nCould you check the console?\r\n\r\nThanks, Joe',
      attachments: [{ file: 'a1f3-console.log', name: 'console.log' }],
      replies: [
        { id: '929', name: staff, date: stamp(-3, 10, 2), type: 'Admin', attachments: [], body: 'Hi Joe,\r\nthe VM was stuck in GRUB. We booted the previous kernel; it is up again.\r\n\r\n-- Support team --' },
        { id: '930', name: 'Joe Doe', date: stamp(-2, 8, 45), type: 'Client', attachments: [], body: 'Thanks, confirmed it is up. How do I keep the old kernel as default?' },
        { id: '931', name: staff, date: stamp(-1, 14, 20), type: 'Admin', attachments: [], body: 'Set GRUB_DEFAULT=saved and run update-grub.\r\nSee https://example.net/docs/grub for details.' },
      ],
    },
    {
      number: '736701',
      subject: 'Invoice <b>2026/11/3</b> shows the wrong VAT <script>alert("xss")</script>',
      status: 'Open',
      date: stamp(-1, 16, 5),
      dept_id: '2',
      client_read: true,
      body: 'Our VAT id is missing on the invoice.\r\n<img src=x onerror="alert(1)"> <a href="javascript:alert(2)">click</a>',
      attachments: [],
      replies: [],
    },
    {
      number: '735990',
      subject: 'Request: raise the IPv4 limit',
      status: 'Closed',
      date: stamp(-30, 11, 0),
      dept_id: '1',
      client_read: true,
      body: 'Please raise the IPv4 limit on our account to 8.',
      attachments: [],
      replies: [{ id: '801', name: staff, date: stamp(-29, 9, 30), type: 'Admin', attachments: [], body: 'Done, the limit is now 8.' }],
    },
    {
      number: '736710',
      subject: 'DNS zone transfer to secondary',
      status: 'Customer-Reply',
      date: stamp(-5, 13, 40),
      dept_id: '1',
      client_read: true,
      body: 'Can you allow AXFR from 198.51.100.53?',
      attachments: [],
      replies: [
        { id: '940', name: staff, date: stamp(-4, 9, 0), type: 'Admin', attachments: [], body: 'Which zones should be transferable?' },
        { id: '941', name: 'Joe Doe', date: stamp(-4, 12, 0), type: 'Client', attachments: [], body: 'example.com and example.org please.' },
      ],
    },
  ];
}

export function seedPortal(provider: ProviderName, size?: SeedSize): PortalState {
  const isElse = provider === 'elsecloud';
  const email = isElse ? 'demo@elsecloud.test' : 'demo@alterncloud.test';
  const services: MockService[] = [];
  const zones: MockZone[] = [];

  if (isElse) {
    const web = [vm('1001', 'web-01', 'running', '203.0.113.10'), vm('1002', 'db-01', 'stopped', '203.0.113.11', 'ubuntu-24.04', 4096)];
    services.push(
      service({ id: '301', name: 'Cloud VPS L', kind: 'vps', domain: 'vps1.example.com', label: 'Production', total: '29.99', category: 'Cloud Servers', category_url: 'cloud-servers', vms: web, resources: vpsResources(web), ips: ['203.0.113.10', '203.0.113.11'] }),
      service({ id: '302', name: 'Starter Hosting', kind: 'hosting', domain: 'examplename.com', total: '4.99', ips: ['198.51.100.20'] }),
      service({ id: '303', name: 'DNS Hosting', kind: 'dns', total: '2.00', category: 'DNS', category_url: 'dns' }),
      service({ id: '304', name: 'Dedicated Server D1', kind: 'dedicated', domain: 'd1.example.com', status: 'Suspended', total: '89.00', category: 'Dedicated', category_url: 'dedicated', ips: ['192.0.2.50'] }),
    );
    const staging = [vm('1003', 'staging-01', 'building', '203.0.113.12')];
    services.push(service({ id: '305', name: 'Cloud VPS S', kind: 'vps', domain: 'staging.example.com', status: 'Pending', total: '9.99', category: 'Cloud Servers', category_url: 'cloud-servers', vms: staging, resources: vpsResources(staging), ips: ['203.0.113.12'] }));
    zones.push(
      { id: '60', serviceId: '303', name: 'example.com', records: zoneRecords('example.com', 100) },
      { id: '61', serviceId: '303', name: 'example.org', records: zoneRecords('example.org', 200) },
    );
  } else {
    const fleet = [
      vm('vm-7f3a', 'app-01', 'running', '198.51.100.31', 'ubuntu-24.04', 4096),
      vm('vm-7f3b', 'app-02', 'running', '198.51.100.32', 'ubuntu-24.04', 4096),
      vm('vm-7f3c', 'worker-01', 'rescue', '198.51.100.33'),
    ];
    services.push(
      service({ id: '501', name: 'Cloud Server CX31', kind: 'vps', domain: 'cx31.example.net', label: 'App cluster', total: '39.90', category: 'Cloud', category_url: 'cloud', vms: fleet, resources: vpsResources(fleet), ips: fleet.map((v) => v.ips[0].ipaddress) }),
      service({ id: '502', name: 'Managed DNS', kind: 'dns', total: '3.00', category: 'DNS', category_url: 'dns' }),
      service({ id: '503', name: 'Web Hosting Pro', kind: 'hosting', domain: 'shop.example.net', status: 'Active', total: '12.00', billingcycle: 'Annually', ips: ['198.51.100.90'] }),
      service({ id: '504', name: 'Cloud Server CX11', kind: 'vps', domain: 'old.example.net', status: 'Cancelled', total: '4.90', category: 'Cloud', category_url: 'cloud' }),
    );
    zones.push({ id: '80', serviceId: '502', name: 'example.net', records: zoneRecords('example.net', 300) });
  }

  let nextId = 5000;
  if (size) {
    const dnsService = services.find((s) => s.kind === 'dns')!;
    for (let i = 0; i < size.services; i++) {
      const id = String(10000 + i);
      const kind: MockService['kind'] = i % 3 === 0 ? 'vps' : i % 3 === 1 ? 'hosting' : 'dedicated';
      const vms: MockVm[] = [];
      if (kind === 'vps') {
        for (let j = 0; j < size.vmsPerServer; j++) {
          vms.push(vm(`${id}${j}`, `node-${i}-${j}`, j % 2 ? 'stopped' : 'running', `10.${(i >> 8) & 255}.${i & 255}.${j + 1}`));
        }
      }
      services.push(service({ id, name: kind === 'vps' ? 'Cloud VPS S' : kind === 'hosting' ? 'Starter Hosting' : 'Dedicated Server D1', kind, domain: `s${i}.bulk.example`, vms, resources: kind === 'vps' ? vpsResources(vms) : [] }));
    }
    for (let z = 0; z < size.zones; z++) {
      const name = `bulk${z}.example`;
      zones.push({ id: String(9000 + z), serviceId: dnsService.id, name, records: zoneRecords(name, 100000 + z * 10000, Math.max(0, size.recordsPerZone - 15)) });
    }
    nextId = 200000;
  }

  const domains: MockDomain[] = isElse
    ? [domain('47', 'example.com', 210, 'Active', true), { ...domain('48', 'example.org', 20, 'Active', false), omitRecordIds: true }, domain('49', 'old-brand.net', -12, 'Expired', false)]
    : [];

  const ticketList = tickets(provider);
  if (size) {
    for (let t = 0; t < size.tickets; t++) {
      ticketList.push({
        number: String(800000 + t),
        subject: `Bulk ticket ${t}`,
        status: ['Open', 'Answered', 'Customer-Reply', 'Closed'][t % 4],
        date: stamp(-t, 9, 0),
        dept_id: '1',
        client_read: t % 7 !== 0,
        body: `Body of bulk ticket ${t}`,
        attachments: [],
        replies: Array.from({ length: size.repliesPerTicket }, (_, r) => ({
          id: String(900000 + t * 100 + r),
          name: r % 2 ? 'Joe Doe' : 'Support',
          date: stamp(-t, 10 + r, 0),
          type: (r % 2 ? 'Client' : 'Admin') as 'Client' | 'Admin',
          attachments: [],
          body: `Reply ${r}`,
        })),
      });
    }
  }

  return {
    provider,
    client: {
      id: isElse ? '26' : '4711',
      email,
      lastlogin: stamp(-1, 8, 0),
      ip: '172.100.2.1',
      host: 'hostname',
      firstname: 'Joe',
      lastname: 'Doe',
      companyname: 'Doe Consulting',
      address1: 'Pretty View Lane',
      address2: '3294',
      city: 'Santa Rosa',
      state: 'California',
      postcode: '95401',
      country: 'US',
      phonenumber: '+1.24123123',
    },
    password: 'demo-password',
    services,
    zones,
    domains,
    tickets: ticketList,
    departments: [
      { id: '1', name: 'Technical Support', description: 'Servers, network, DNS' },
      { id: '2', name: 'Billing', description: 'Invoices and payments' },
      { id: '3', name: 'Sales', description: 'Offers and upgrades' },
    ],
    invoices: [
      { id: '308976', number: '2026/10/1', date: day(-40), duedate: day(-33), datepaid: `${day(-35)} 12:40:47`, status: 'Paid', currency: 'USD', credit: 0, taxrate: 21, items: [{ id: '12305', description: 'Cloud VPS L (vps1.example.com)', amount: 29.99, qty: 1 }] },
      { id: '309120', number: '2026/11/3', date: day(-5), duedate: day(9), datepaid: '', status: 'Unpaid', currency: 'USD', credit: 0, taxrate: 21, items: [{ id: '12410', description: 'Starter Hosting (examplename.com)', amount: 4.99, qty: 1 }, { id: '12411', description: 'DNS Hosting', amount: 2, qty: 1 }] },
    ],
    balance: { currency: 'USD', credit: 25 },
    payments: { '10': 'BankTransfer', '9': 'PayPal', '12': 'CreditCard' },
    notifications: [
      { id: '71', subject: 'Scheduled maintenance', message: 'Network maintenance in AMS1 on Saturday 02:00–04:00 UTC.', date: stamp(-1, 7, 0), rel_type: 'service', rel_id: services[0].id, acknowledged: false },
      { id: '72', subject: 'Invoice 2026/11/3 issued', message: 'A new invoice is due in 9 days.', date: stamp(-5, 6, 0), rel_type: 'invoice', rel_id: '309120', acknowledged: true },
    ],
    categories: [
      { id: '10', name: 'Cloud Servers', description: 'KVM virtual servers', slug: 'cloud-servers' },
      { id: '11', name: 'Hosting', description: 'Shared web hosting', slug: 'hosting' },
      { id: '12', name: 'DNS', description: 'Managed DNS', slug: 'dns' },
    ],
    products: products(),
    tlds: [
      { id: '6', tld: '.com', register: 10, transfer: 10, renew: 15 },
      { id: '7', tld: '.org', register: 12, transfer: 12, renew: 16 },
      // A free transfer, as in the reference's example ("transfer": "0.00").
      { id: '8', tld: '.net', register: 11, transfer: 0, renew: 15 },
      // A ccTLD whose registry needs more (the reference's form example): a required choice and a paid option.
      {
        id: '9',
        tld: '.eu',
        register: 9,
        transfer: 9,
        renew: 9,
        forms: [
          { type: 'select', title: 'Registrant citizenship', id: '1755', required: true, items: [{ title: 'Austria', id: 10952, price: 0 }, { title: 'Belgium', id: 10953, price: 0 }, { title: 'Germany', id: 10954, price: 0 }] },
          { type: 'domaindnssupport', title: 'DNS Management', id: '1424', required: false, items: [{ title: '', id: 9067, price: 4 }] },
        ],
      },
    ],
    promoCodes: { WELCOME10: 10 },
    contacts: [{ id: '49', email: 'mary.sue@example.com', firstname: 'Mary', lastname: 'Sue', companyname: '', privileges: { support: ['tickets', 'newticket'] } }],
    attachments: {
      'a1f3-console.log': { name: 'console.log', contentType: 'text/plain', content: '[    0.000000] Linux version 6.1.0-28-amd64\n[    2.113000] Kernel panic - not syncing\n' },
    },
    orders: [],
    nextId,
    certificates: isElse ? [{ id: '300', domain: 'shop.example.com', name: 'Comodo InstantSSL', status: 'Active', cert_status: 'Issued', cert_expires: `${day(10)} 13:43:12`, next_due: day(10), crt: '' }] : [],
    ipPoolFree: 12,
    ipPoolUsed: 0,
  };
}
