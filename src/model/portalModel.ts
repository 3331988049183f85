import { VmAction } from '../api/capabilities';
import { CancellationRequest, Service, ServiceMethod } from '../api/resources/services';
import { NotFoundError, PortalError, UnsupportedError } from '../api/errors';
import { isReadOnlyVm, Vm } from '../api/resources/vms';
import { DnsRecord, DnsRecordInput } from '../api/resources/dnsRecord';
import { Domain, DomainDetails } from '../api/resources/domains';
import { DnsZone, DnsZoneDetails, ZoneIndex } from '../api/resources/dnsZones';
import { PortalApi } from '../api/portalApi';
import { Department, NewTicket, TicketSummary, TicketThread } from '../api/resources/tickets';
import { Category, OrderItem, Product, ProductConfiguration, Quote } from '../api/resources/catalogue';
import { Notification } from '../api/resources/account';
import { Balance, Invoice, InvoiceSummary, PaymentMethod, withFees } from '../api/resources/billing';
import { DomainAvailability, DomainOrder, OrderResult, Tld } from '../api/resources/domains';
import { AccountRegistry } from '../accounts/accountRegistry';
import { Emitter } from '../util/emitter';
import { BackgroundLane } from './backgroundLane';
import { ResourceCache } from './resourceCache';

export interface ServiceRef {
  accountId: string;
  serviceId: string;
}
export interface VmRef extends ServiceRef {
  vmId: string;
}
export interface DomainRef {
  accountId: string;
  domainId: string;
}
export interface TicketRef {
  accountId: string;
  number: string;
}
export interface InvoiceRef {
  accountId: string;
  invoiceId: string;
}
export interface ZoneRef {
  accountId: string;
  serviceId: string;
  zoneId: string;
}

/** Cache keys: one place that says how resources are addressed. */
export const keys = {
  account: (accountId: string) => accountId,
  services: (accountId: string) => `${accountId}/services`,
  vms: (r: ServiceRef) => `${r.accountId}/services/${r.serviceId}/vms`,
  templates: (r: ServiceRef) => `${r.accountId}/services/${r.serviceId}/templates`,
  resources: (r: ServiceRef) => `${r.accountId}/services/${r.serviceId}/resources`,
  serviceDetails: (r: ServiceRef) => `${r.accountId}/services/${r.serviceId}/details`,
  vm: (r: VmRef) => `${r.accountId}/services/${r.serviceId}/vms/${r.vmId}`,
  /** Below the VM list's key: reloading the list (after an action) reloads the details too. */
  vmDetails: (r: VmRef) => `${r.accountId}/services/${r.serviceId}/vms/${r.vmId}/details`,
  domains: (accountId: string) => `${accountId}/domains`,
  domainDetails: (r: DomainRef) => `${r.accountId}/domains/${r.domainId}/details`,
  domainRecords: (r: DomainRef) => `${r.accountId}/domains/${r.domainId}/records`,
  zones: (accountId: string) => `${accountId}/dns`,
  zone: (r: ZoneRef) => `${r.accountId}/dns/${r.serviceId}/${r.zoneId}`,
  tickets: (accountId: string) => `${accountId}/tickets`,
  ticket: (r: TicketRef) => `${r.accountId}/tickets/${r.number}`,
  departments: (accountId: string) => `${accountId}/departments`,
  categories: (accountId: string) => `${accountId}/catalogue`,
  products: (accountId: string, categoryId: string) => `${accountId}/catalogue/${categoryId}`,
  productConfiguration: (accountId: string, productId: string) => `${accountId}/catalogue/product/${productId}`,
  tlds: (accountId: string) => `${accountId}/catalogue/tlds`,
  balance: (accountId: string) => `${accountId}/billing/balance`,
  paymentMethods: (accountId: string) => `${accountId}/billing/payment`,
  invoices: (accountId: string) => `${accountId}/billing/invoices`,
  invoice: (r: InvoiceRef) => `${r.accountId}/billing/invoices/${r.invoiceId}`,
  notifications: (accountId: string) => `${accountId}/notifications`,
  // Outside the account's subtree on purpose: refreshing a view does not ask every service again.
  serviceMethods: (r: ServiceRef) => `methods/${r.accountId}/${r.serviceId}`,
};

/** What a service offers, and whether the portal said so (`/methods`) or it is our guess. */
export interface ServiceFeatures {
  vms: boolean;
  dns: boolean;
  ips: boolean;
  upgrade: boolean;
  source: 'portal' | 'guess';
}

/** A service's endpoints (`GET /service/@id/methods`: `{name, method, route}`) say what it offers. */
export function serviceFeaturesFrom(methods: readonly ServiceMethod[]): ServiceFeatures {
  const routes = methods.map((m) => m.route.replace(/\\\//g, '/').toLowerCase());
  const has = (pattern: RegExp) => routes.some((route) => pattern.test(route));
  return { vms: has(/\/vms(\/|$)/), dns: has(/\/dns(\/|$)/), ips: has(/\/(ip|ips|rdns|ippool)(\/|$)/), upgrade: has(/\/upgrade(\/|$)/), source: 'portal' };
}

/** Today's guess from the name and category, for portals without `/methods`. */
export function guessedServiceFeatures(service: Service): ServiceFeatures {
  const vms = mayHaveVms(service);
  return { vms, dns: /dns/i.test(`${service.name} ${service.category}`), ips: vms, upgrade: false, source: 'guess' };
}

/** How long a service's methods are reused: they change with its product, not from minute to minute. */
const METHODS_TTL_MS = 60 * 60_000;

const VM_SERVICE = /vps|vds|cloud|virtual|server|\bvm\b|kvm|proxmox|compute|instance/i;

/** Whether a service probably has VMs (decides if its row expands; the portal has the final word). */
export function mayHaveVms(service: Service): boolean {
  const text = `${service.name} ${service.category} ${service.category_url}`;
  return VM_SERVICE.test(text) && !/dns|dedicated|bare.?metal|hosting/i.test(text);
}

export interface ModelOptions {
  /** How long an answer is reused before the portal is asked again. */
  ttlMs: () => number;
  /** Time between VM state polls after a power action. */
  pollIntervalMs?: number;
  /** Give up polling after this long. */
  pollTimeoutMs?: number;
  /** The clock cached answers age by (tests pass their own). */
  now?: () => number;
  /** Requests background work may have in flight per account (default 3: half the default pool of 6). */
  backgroundRequests?: () => number;
}

/**
 * The resource model between the portal client and the views: cached reads with in-flight
 * de-duplication, mutations that invalidate exactly what they change, VM actions that are
 * single-flight per VM and followed until the VM settles, and change events for the views.
 */
export class PortalModel {
  readonly cache: ResourceCache;
  private readonly busyVms = new Map<string, VmAction>();
  private readonly vmChanged = new Emitter<VmRef>();
  /** Fires when a VM starts or finishes an action, or its polled state changed. */
  readonly onDidChangeVm = this.vmChanged.event;
  private readonly pollIntervalMs: number;
  private readonly pollTimeoutMs: number;
  private readonly learned = new Emitter<ServiceRef>();
  /** Fires when the portal says a service the guess took for VM-less has VMs after all. */
  readonly onDidLearnServiceHasVms = this.learned.event;
  /** Background learning under way (queued or asked), by the service's methods key: each asked once. */
  private readonly learning = new Map<string, Promise<unknown>>();
  /** Background learning takes at most half the pool: a click never waits behind it. */
  private readonly background: BackgroundLane;
  private readonly subscriptions: { dispose(): void }[] = [];

  constructor(
    private readonly registry: AccountRegistry,
    options: ModelOptions,
  ) {
    this.cache = new ResourceCache(options.ttlMs, options.now);
    this.pollIntervalMs = options.pollIntervalMs ?? 2_000;
    this.pollTimeoutMs = options.pollTimeoutMs ?? 5 * 60_000;
    this.background = new BackgroundLane(options.backgroundRequests ?? (() => 3));
    // What failed before a sign-in (signed out, unreachable) is asked again after it, not shared.
    this.subscriptions.push(registry.onDidConnect((accountId) => this.cache.forgetFailures(`${accountId}/`)));
  }

  api(accountId: string): Promise<PortalApi> {
    return this.registry.api(accountId);
  }

  private read<T>(key: string, accountId: string, load: (api: PortalApi) => Promise<T>, force = false): Promise<T> {
    return this.cache.get(key, async () => load(await this.api(accountId)), { force });
  }

  // ---- reads -------------------------------------------------------------------------------

  /**
   * What a service offers, from the portal's `GET /service/@id/methods` (cached for an hour,
   * one request at a time per service); the name-and-category guess only where the portal has
   * no `/methods` (it answers "not found" or "invalid method").
   */
  async serviceFeatures(ref: ServiceRef): Promise<ServiceFeatures> {
    try {
      const methods = await this.cache.get(keys.serviceMethods(ref), async () => (await this.api(ref.accountId)).services.methods(ref.serviceId), { ttlMs: METHODS_TTL_MS });
      return serviceFeaturesFrom(methods);
    } catch (e) {
      const service = this.peekService(ref) ?? (await this.services(ref.accountId)).find((s) => s.id === ref.serviceId);
      if (service && (e instanceof NotFoundError || (e instanceof PortalError && (e.status ?? 200) < 500))) {
        return guessedServiceFeatures(service);
      }
      throw e;
    }
  }

  /** What is known of a service's features without a request. */
  peekServiceFeatures(ref: ServiceRef): ServiceFeatures | undefined {
    const methods = this.cache.peek<ServiceMethod[]>(keys.serviceMethods(ref));
    return methods ? serviceFeaturesFrom(methods) : undefined;
  }

  /**
   * Asks the portal in the background whether a service the guess took for VM-less has VMs
   * (a VPS named "Web Hosting Box"); `onDidLearnServiceHasVms` fires when it does. Once per
   * service per hour; nothing when the answer is known or on its way.
   */
  learnServiceFeatures(ref: ServiceRef): void {
    const key = keys.serviceMethods(ref);
    if (this.peekServiceFeatures(ref) || this.cache.loading(key) || this.learning.has(key)) {
      return;
    }
    const work = this.background.run(ref.accountId, () => this.serviceFeatures(ref)).then(
      (features) => features.vms && features.source === 'portal' && this.learned.fire(ref),
      () => undefined,
    );
    this.learning.set(key, work);
    void work.finally(() => this.learning.delete(key));
  }

  /** Resolves once no background learning is under way (tests and the bench wait for quiet). */
  async backgroundSettled(): Promise<void> {
    while (this.learning.size > 0) {
      await Promise.all([...this.learning.values()]);
    }
  }

  services(accountId: string): Promise<Service[]> {
    return this.read(keys.services(accountId), accountId, (api) => api.services.list());
  }

  vms(ref: ServiceRef): Promise<Vm[]> {
    return this.read(keys.vms(ref), ref.accountId, (api) => api.vms.list(ref.serviceId));
  }

  /** `GET /service/@id/vms/@vmid`: what the portal says about one VM, beyond the list entry. */
  vmDetails(ref: VmRef): Promise<Vm> {
    return this.read(keys.vmDetails(ref), ref.accountId, (api) => api.vms.details(ref.serviceId, ref.vmId));
  }

  /** The last known state of a VM, without a request (for tree items). */
  peekVm(ref: VmRef): Vm | undefined {
    return this.cache.peek<Vm[]>(keys.vms(ref))?.find((vm) => vm.id === ref.vmId);
  }

  peekService(ref: ServiceRef): Service | undefined {
    return this.cache.peek<Service[]>(keys.services(ref.accountId))?.find((s) => s.id === ref.serviceId);
  }

  serviceDetails(ref: ServiceRef) {
    return this.read(keys.serviceDetails(ref), ref.accountId, (api) => api.services.details(ref.serviceId));
  }

  templates(ref: ServiceRef) {
    return this.read(keys.templates(ref), ref.accountId, (api) => api.services.templates(ref.serviceId));
  }

  resources(ref: ServiceRef) {
    return this.read(keys.resources(ref), ref.accountId, (api) => api.services.resources(ref.serviceId));
  }

  domains(accountId: string): Promise<Domain[]> {
    return this.read(keys.domains(accountId), accountId, (api) => api.domains.list());
  }

  domainDetails(ref: DomainRef): Promise<DomainDetails> {
    return this.read(keys.domainDetails(ref), ref.accountId, (api) => api.domains.details(ref.domainId));
  }

  domainRecords(ref: DomainRef): Promise<DnsRecord[]> {
    return this.read(keys.domainRecords(ref), ref.accountId, (api) => api.domains.dnsRecords(ref.domainId));
  }

  /** `GET /dns`: every zone, and the ids of the DNS services that can hold zones. */
  zoneIndex(accountId: string): Promise<ZoneIndex> {
    return this.read(keys.zones(accountId), accountId, (api) => api.dns.index());
  }

  async zones(accountId: string): Promise<DnsZone[]> {
    return (await this.zoneIndex(accountId)).zones;
  }

  zone(ref: ZoneRef): Promise<DnsZoneDetails> {
    return this.read(keys.zone(ref), ref.accountId, (api) => api.dns.zone(ref.serviceId, ref.zoneId));
  }

  tickets(accountId: string): Promise<TicketSummary[]> {
    return this.read(keys.tickets(accountId), accountId, (api) => api.tickets.list());
  }

  /** A ticket's thread. Always asked fresh when `force` (opening a conversation shows the latest). */
  ticketThread(ref: TicketRef, force = false): Promise<TicketThread> {
    return this.read(keys.ticket(ref), ref.accountId, async (api) => {
      const thread = await api.tickets.thread(ref.number);
      // Reading the thread marks it read on the portal: a list that still shows it unread is
      // reloaded now, when the answer is in (not on a timer that could redraw under a click).
      const listed = this.cache.peek<TicketSummary[]>(keys.tickets(ref.accountId))?.find((t) => t.ticket_number === ref.number);
      if (listed && !listed.client_read) {
        this.cache.invalidate(keys.tickets(ref.accountId));
      }
      return thread;
    }, force);
  }

  departments(accountId: string): Promise<Department[]> {
    return this.read(keys.departments(accountId), accountId, (api) => api.tickets.departments());
  }

  /** Sends a reply once (never repeated automatically); then reloads that ticket and the list. */
  async replyToTicket(ref: TicketRef, body: string): Promise<void> {
    await (await this.api(ref.accountId)).tickets.reply(ref.number, body);
    this.cache.invalidate(keys.ticket(ref));
    this.cache.invalidate(keys.tickets(ref.accountId));
  }

  async openTicket(accountId: string, ticket: NewTicket): Promise<string> {
    const number = await (await this.api(accountId)).tickets.create(ticket);
    this.cache.invalidate(keys.tickets(accountId));
    return number;
  }

  async setTicketOpen(ref: TicketRef, open: boolean): Promise<void> {
    const api = await this.api(ref.accountId);
    await (open ? api.tickets.reopen(ref.number) : api.tickets.close(ref.number));
    this.cache.invalidate(keys.ticket(ref));
    this.cache.invalidate(keys.tickets(ref.accountId));
  }

  // ---- catalogue, ordering and billing ----------------------------------------------------------

  categories(accountId: string): Promise<Category[]> {
    return this.read(keys.categories(accountId), accountId, (api) => api.catalogue.categories());
  }

  products(accountId: string, categoryId: string): Promise<Product[]> {
    return this.read(keys.products(accountId, categoryId), accountId, (api) => api.catalogue.products(categoryId));
  }

  productConfiguration(accountId: string, productId: string): Promise<ProductConfiguration> {
    return this.read(keys.productConfiguration(accountId, productId), accountId, (api) => api.catalogue.configuration(productId));
  }

  /** Prices a cart. Never cached: the portal's answer for exactly these choices, now. */
  async quote(accountId: string, items: OrderItem[], payMethod?: string, signal?: AbortSignal): Promise<Quote> {
    return (await this.api(accountId)).catalogue.quote(items, payMethod, { signal });
  }

  /** Places an order once (never repeated automatically); then services, invoices and balance are read again. */
  async placeOrder(accountId: string, productId: string, item: OrderItem, payMethod: string): Promise<OrderResult> {
    const { type: _type, product_id: _product, ...details } = item;
    try {
      return await (await this.api(accountId)).catalogue.orderProduct(productId, { ...details, pay_method: payMethod });
    } finally {
      // Even a failed or timed-out order may have been placed: show the portal's truth.
      this.afterPurchase(accountId, keys.services(accountId));
    }
  }

  /** Places one order for a whole cart (never repeated automatically); then everything it may have created is read again. */
  async placeCartOrder(accountId: string, items: OrderItem[], payMethod: string): Promise<OrderResult> {
    try {
      return await (await this.api(accountId)).catalogue.order(items, payMethod);
    } finally {
      this.afterPurchase(accountId, keys.services(accountId));
      if (items.some((i) => i.type === 'domain')) this.afterPurchase(accountId, keys.domains(accountId));
    }
  }

  tlds(accountId: string): Promise<Tld[]> {
    return this.read(keys.tlds(accountId), accountId, (api) => api.domains.tlds());
  }

  /** Availability is asked fresh every time. */
  async lookupDomain(accountId: string, name: string): Promise<DomainAvailability> {
    return (await this.api(accountId)).domains.lookup(name);
  }

  /** Registers or transfers a domain once (never repeated automatically). */
  async orderDomain(accountId: string, order: DomainOrder): Promise<OrderResult> {
    try {
      return await (await this.api(accountId)).domains.order(order);
    } finally {
      this.afterPurchase(accountId, keys.domains(accountId));
    }
  }

  private afterPurchase(accountId: string, resources: string): void {
    this.cache.invalidate(resources);
    this.cache.invalidate(keys.invoices(accountId));
    this.cache.invalidate(keys.balance(accountId));
  }

  balance(accountId: string, force = false): Promise<Balance> {
    return this.read(keys.balance(accountId), accountId, (api) => api.billing.balance(), force);
  }

  /** The account's currency (from its balance), or '' when the balance cannot be read. */
  async currency(accountId: string): Promise<string> {
    return (await this.balance(accountId).catch(() => undefined))?.currency ?? '';
  }

  /** Payment methods with the fees the portal states for them (`/payment` and `/payment/fees`). */
  paymentMethods(accountId: string): Promise<PaymentMethod[]> {
    return this.read(keys.paymentMethods(accountId), accountId, async (api) => {
      const [methods, fees] = await Promise.all([api.billing.paymentMethods(), api.billing.paymentFees().catch(() => [])]);
      return withFees(methods, fees);
    });
  }

  invoices(accountId: string, force = false): Promise<InvoiceSummary[]> {
    return this.read(keys.invoices(accountId), accountId, (api) => api.billing.invoices(), force);
  }

  invoice(ref: InvoiceRef, force = false): Promise<Invoice> {
    return this.read(keys.invoice(ref), ref.accountId, (api) => api.billing.invoice(ref.invoiceId), force);
  }

  /** Pays an invoice from account credit, once; then the invoice, the list and the balance are read again. */
  async applyCredit(ref: InvoiceRef, amount: number): Promise<void> {
    try {
      await (await this.api(ref.accountId)).billing.applyCredit(ref.invoiceId, amount);
    } finally {
      this.cache.invalidate(keys.invoice(ref));
      this.cache.invalidate(keys.invoices(ref.accountId));
      this.cache.invalidate(keys.balance(ref.accountId));
    }
  }

  // ---- portal notifications -------------------------------------------------------------------

  notifications(accountId: string, force = false): Promise<Notification[]> {
    return this.read(keys.notifications(accountId), accountId, (api) => api.account.notifications(), force);
  }

  /** Not acknowledged yet; always asked fresh (this is what polling looks at). */
  async newNotifications(accountId: string): Promise<Notification[]> {
    return (await this.api(accountId)).account.newNotifications();
  }

  async acknowledgeNotification(accountId: string, id: string): Promise<void> {
    await (await this.api(accountId)).account.acknowledgeNotification(id);
    this.cache.invalidate(keys.notifications(accountId));
  }

  /** Forgets cached answers for `key` and below it (a node's Refresh); views hear it and reload. */
  invalidate(key: string): void {
    this.cache.invalidate(key, true);
  }

  // ---- VM actions ----------------------------------------------------------------------------

  vmBusy(ref: VmRef): VmAction | undefined {
    return this.busyVms.get(keys.vm(ref));
  }

  /**
   * Runs a power action or rebuild once: while one runs on a VM, another is refused without a
   * request ('busy'). After the portal accepted it, the VM is polled until it leaves the
   * transitional state; the cached list is updated in place so only that VM's row changes.
   */
  async runVmAction(ref: VmRef, action: VmAction, template?: string): Promise<'done' | 'busy'> {
    if (isReadOnlyVm(this.peekVm(ref))) {
      throw new UnsupportedError('The portal listed this VM without an id: no action can be sent for it.');
    }
    const key = keys.vm(ref);
    if (this.busyVms.has(key)) {
      return 'busy';
    }
    this.busyVms.set(key, action);
    this.vmChanged.fire(ref);
    try {
      const api = await this.api(ref.accountId);
      if (action === 'rebuild') {
        await api.vms.rebuild(ref.serviceId, ref.vmId, template ?? '');
      } else {
        await api.vms.power(ref.serviceId, ref.vmId, action);
      }
      await this.followVm(api, ref);
      return 'done';
    } finally {
      this.busyVms.delete(key);
      this.vmChanged.fire(ref);
    }
  }

  private async followVm(api: PortalApi, ref: VmRef): Promise<void> {
    const before = this.peekVm(ref)?.state;
    const deadline = Date.now() + this.pollTimeoutMs;
    for (let poll = 0; Date.now() < deadline; poll++) {
      let vm: Vm;
      try {
        vm = await api.vms.details(ref.serviceId, ref.vmId);
      } catch {
        // A failed poll is not the action failing: the next refresh shows the truth.
        this.cache.invalidate(keys.vms(ref));
        return;
      }
      this.replaceVm(ref, vm);
      const settled = vm.state !== 'transitional' && (vm.state !== before || poll >= 2);
      if (settled) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollIntervalMs));
    }
  }

  /**
   * Puts a polled VM into the cached list. Only a VM that differs fires a change: every redraw
   * of a tree row is work for the workbench, and VS Code's tree view takes focus back when a
   * refresh ends just as focus leaves it (a quick pick opened then would close).
   */
  private replaceVm(ref: VmRef, vm: Vm): void {
    const listKey = keys.vms(ref);
    const list = this.cache.peek<Vm[]>(listKey);
    const old = list?.find((x) => x.id === vm.id);
    if (list) {
      this.cache.set(listKey, list.map((x) => (x.id === vm.id ? vm : x)));
    }
    // A poll is the VM's own answer: the details panel's copy is brought up to date with it.
    if (this.cache.peek(keys.vmDetails(ref)) !== undefined) {
      this.cache.set(keys.vmDetails(ref), vm);
    }
    if (!old || JSON.stringify(old) !== JSON.stringify(vm)) {
      this.vmChanged.fire(ref);
    }
  }

  // ---- other mutations: each invalidates what it changed -------------------------------------

  async setServiceLabel(ref: ServiceRef, label: string): Promise<void> {
    await (await this.api(ref.accountId)).services.setLabel(ref.serviceId, label);
    this.cache.invalidate(keys.services(ref.accountId));
  }

  async cancelService(ref: ServiceRef, request: CancellationRequest): Promise<void> {
    await (await this.api(ref.accountId)).services.cancel(ref.serviceId, request);
    this.cache.invalidate(keys.services(ref.accountId));
  }

  async saveZoneRecord(ref: ZoneRef, record: DnsRecordInput, recordId?: string): Promise<void> {
    const api = await this.api(ref.accountId);
    if (recordId) {
      await api.dns.updateRecord(ref.serviceId, ref.zoneId, recordId, record);
    } else {
      await api.dns.addRecord(ref.serviceId, ref.zoneId, record);
    }
    this.cache.invalidate(keys.zone(ref));
  }

  async deleteZoneRecord(ref: ZoneRef, recordId: string): Promise<void> {
    await (await this.api(ref.accountId)).dns.deleteRecord(ref.serviceId, ref.zoneId, recordId);
    this.cache.invalidate(keys.zone(ref));
  }

  async createZone(accountId: string, serviceId: string, name: string): Promise<void> {
    await (await this.api(accountId)).dns.createZone(serviceId, name);
    this.cache.invalidate(keys.zones(accountId));
  }

  async deleteZone(ref: ZoneRef): Promise<void> {
    await (await this.api(ref.accountId)).dns.deleteZone(ref.serviceId, ref.zoneId);
    this.cache.invalidate(keys.zones(ref.accountId));
  }

  async saveDomainRecord(ref: DomainRef, record: DnsRecordInput, index?: string): Promise<void> {
    const api = await this.api(ref.accountId);
    if (index) {
      await api.domains.updateDnsRecord(ref.domainId, index, record);
    } else {
      await api.domains.addDnsRecord(ref.domainId, record);
    }
    this.cache.invalidate(keys.domainRecords(ref));
  }

  async deleteDomainRecord(ref: DomainRef, index: string): Promise<void> {
    await (await this.api(ref.accountId)).domains.deleteDnsRecord(ref.domainId, index);
    // Indexes after the deleted one shift: the whole list must be read again.
    this.cache.invalidate(keys.domainRecords(ref));
  }

  async setNameservers(ref: DomainRef, nameservers: string[]): Promise<void> {
    await (await this.api(ref.accountId)).domains.setNameservers(ref.domainId, nameservers);
    this.cache.invalidate(keys.domainDetails(ref));
  }

  async setAutorenew(ref: DomainRef, enabled: boolean): Promise<void> {
    await (await this.api(ref.accountId)).domains.setAutorenew(ref.domainId, enabled);
    this.cache.invalidate(keys.domains(ref.accountId));
  }

  async setRegistrarLock(ref: DomainRef, locked: boolean): Promise<void> {
    await (await this.api(ref.accountId)).domains.setRegistrarLock(ref.domainId, locked);
    this.cache.invalidate(keys.domainDetails(ref));
  }

  async renewDomain(ref: DomainRef, years: number, payMethod: string) {
    try {
      return await (await this.api(ref.accountId)).domains.renew(ref.domainId, years, payMethod);
    } finally {
      this.afterPurchase(ref.accountId, keys.domains(ref.accountId));
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.cache.dispose();
    this.vmChanged.dispose();
    this.learned.dispose();
  }
}
