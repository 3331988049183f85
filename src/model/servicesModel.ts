import { CancellationRequest, ReverseDnsEntry, Service, ServiceMethod, UpgradeAnswer, UpgradeOptions } from '../api/resources/services';
import { NotFoundError, PortalError } from '../api/errors';
import { IpPool, NetworkInterface, NewVm, Vm } from '../api/resources/vms';
import { Emitter } from '../util/emitter';
import { BackgroundLane } from './backgroundLane';
import { keys, ServiceRef, VmRef } from './cacheKeys';
import { guessedServiceFeatures, ServiceFeatures, serviceFeaturesFrom } from './serviceFeatures';
import { AreaContext, ModelArea } from './modelArea';

/** How long a service's methods are reused: they change with its product, not from minute to minute. */
const METHODS_TTL_MS = 60 * 60_000;

/** Services, their VMs and what each offers (`GET /service/@id/methods`, learned in the background). */
export class ServicesModel extends ModelArea {
  private readonly learned = new Emitter<ServiceRef>();
  /** Fires when the portal says a service the guess took for VM-less has VMs after all. */
  readonly onDidLearnHasVms = this.learned.event;
  /** Background learning under way (queued or asked), by the service's methods key: each asked once. */
  private readonly learning = new Map<string, Promise<unknown>>();

  constructor(
    ctx: AreaContext,
    /** Background learning takes at most half the pool: a click never waits behind it. */
    private readonly background: BackgroundLane,
  ) {
    super(ctx);
  }

  /**
   * What a service offers, from the portal's `GET /service/@id/methods` (cached for an hour,
   * one request at a time per service); the name-and-category guess only where the portal has
   * no `/methods` (it answers "not found" or "invalid method").
   */
  async features(ref: ServiceRef): Promise<ServiceFeatures> {
    try {
      const methods = await this.cache.get(keys.serviceMethods(ref), async () => (await this.api(ref.accountId)).services.methods(ref.serviceId), { ttlMs: METHODS_TTL_MS });
      return serviceFeaturesFrom(methods);
    } catch (e) {
      const service = this.peek(ref) ?? (await this.list(ref.accountId)).find((s) => s.id === ref.serviceId);
      if (service && (e instanceof NotFoundError || (e instanceof PortalError && (e.status ?? 200) < 500))) {
        return guessedServiceFeatures(service);
      }
      throw e;
    }
  }

  /** What is known of a service's features without a request. */
  peekFeatures(ref: ServiceRef): ServiceFeatures | undefined {
    const methods = this.cache.peek<ServiceMethod[]>(keys.serviceMethods(ref));
    return methods ? serviceFeaturesFrom(methods) : undefined;
  }

  /**
   * Asks the portal in the background whether a service the guess took for VM-less has VMs
   * (a VPS named "Web Hosting Box"); `onDidLearnHasVms` fires when it does. Once per
   * service per hour; nothing when the answer is known or on its way.
   */
  learnFeatures(ref: ServiceRef): void {
    const key = keys.serviceMethods(ref);
    if (this.peekFeatures(ref) || this.cache.loading(key) || this.learning.has(key)) {
      return;
    }
    const work = this.background.run(ref.accountId, () => this.features(ref)).then(
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

  list(accountId: string): Promise<Service[]> {
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

  peek(ref: ServiceRef): Service | undefined {
    return this.cache.peek<Service[]>(keys.services(ref.accountId))?.find((s) => s.id === ref.serviceId);
  }

  details(ref: ServiceRef) {
    return this.read(keys.serviceDetails(ref), ref.accountId, (api) => api.services.details(ref.serviceId));
  }

  templates(ref: ServiceRef) {
    return this.read(keys.templates(ref), ref.accountId, (api) => api.services.templates(ref.serviceId));
  }

  resources(ref: ServiceRef) {
    return this.read(keys.resources(ref), ref.accountId, (api) => api.services.resources(ref.serviceId));
  }

  async setLabel(ref: ServiceRef, label: string): Promise<void> {
    await (await this.api(ref.accountId)).services.setLabel(ref.serviceId, label);
    this.cache.invalidate(keys.services(ref.accountId));
  }

  async cancel(ref: ServiceRef, request: CancellationRequest): Promise<void> {
    await (await this.api(ref.accountId)).services.cancel(ref.serviceId, request);
    this.cache.invalidate(keys.services(ref.accountId));
  }

  /** A new VM in the pool (sent once). The list and the pool are read again; the new VM's id when the portal said it. */
  async createVm(ref: ServiceRef, vm: NewVm): Promise<string> {
    const { vmId } = await (await this.api(ref.accountId)).vms.create(ref.serviceId, vm);
    this.invalidatePool(ref);
    return vmId;
  }

  async resizeVm(ref: VmRef, size: { memory: number; cpu: number }): Promise<void> {
    try {
      await (await this.api(ref.accountId)).vms.resize(ref.serviceId, ref.vmId, size);
    } finally {
      this.invalidatePool(ref);
    }
  }

  async destroyVm(ref: VmRef): Promise<void> {
    try {
      await (await this.api(ref.accountId)).vms.destroy(ref.serviceId, ref.vmId);
    } finally {
      this.invalidatePool(ref);
    }
  }

  upgradeOptions(ref: ServiceRef): Promise<UpgradeOptions> {
    return this.read(keys.upgradeOptions(ref), ref.accountId, (api) => api.services.upgradeOptions(ref.serviceId));
  }

  /** The portal's estimate of a plan change: nothing changes. */
  async estimateUpgrade(ref: ServiceRef, resources: Record<string, string>): Promise<UpgradeAnswer> {
    return (await this.api(ref.accountId)).services.upgrade(ref.serviceId, resources, false);
  }

  /** Requests the plan change (sent once); the service, its pool and its options are read again. */
  async upgrade(ref: ServiceRef, resources: Record<string, string>): Promise<void> {
    try {
      await (await this.api(ref.accountId)).services.upgrade(ref.serviceId, resources, true);
    } finally {
      this.cache.invalidate(keys.upgradeOptions(ref));
      this.cache.invalidate(keys.serviceDetails(ref));
      this.cache.invalidate(keys.services(ref.accountId));
      this.invalidatePool(ref);
    }
  }

  reverseDns(ref: ServiceRef): Promise<ReverseDnsEntry[]> {
    return this.read(keys.reverseDns(ref), ref.accountId, (api) => api.services.reverseDns(ref.serviceId));
  }

  async setReverseDns(ref: ServiceRef, address: string, hostName: string): Promise<void> {
    try {
      await (await this.api(ref.accountId)).services.setReverseDns(ref.serviceId, { [address]: hostName });
    } finally {
      this.cache.invalidate(keys.reverseDns(ref));
    }
  }

  /** A service's own addresses (`GET /service/@id/ip`): a hosting or dedicated service's, shown under its row. */
  async serviceAddresses(ref: ServiceRef): Promise<string[]> {
    return (await this.read(keys.serviceIps(ref), ref.accountId, (api) => api.services.ips(ref.serviceId))).map((ip) => ip.address).filter(Boolean);
  }

  /** Every address of a VM: `GET …/vms/@vmid/ips` where the portal has it (a VM's own record names one of each kind), else the record's. */
  async vmAddresses(ref: VmRef): Promise<string[]> {
    const listed = this.peekVm(ref)?.ips ?? [];
    const all = await this.read(keys.vmIps(ref), ref.accountId, (api) => api.vms.ips(ref.serviceId, ref.vmId)).catch(() => []);
    return [...new Set([...listed, ...all.map((ip) => ip.address)])];
  }

  interfaces(ref: VmRef): Promise<NetworkInterface[]> {
    return this.read(keys.vmInterfaces(ref), ref.accountId, (api) => api.vms.interfaces(ref.serviceId, ref.vmId));
  }

  async ipPools(ref: VmRef): Promise<IpPool[]> {
    return (await this.api(ref.accountId)).vms.ipPools(ref.serviceId, ref.vmId);
  }

  async assignIp(ref: VmRef, poolId: string, request: { type: 'ipv4' | 'ipv6'; iface: string }): Promise<void> {
    try {
      await (await this.api(ref.accountId)).vms.assignIp(ref.serviceId, ref.vmId, poolId, request);
    } finally {
      this.invalidatePool(ref);
      this.cache.invalidate(keys.vmIps(ref));
      this.cache.invalidate(keys.reverseDns(ref));
    }
  }

  async changeInterface(ref: VmRef, change: { add: { firewall: boolean } } | { update: string; firewall: boolean } | { remove: string }): Promise<void> {
    const api = await this.api(ref.accountId);
    try {
      if ('add' in change) await api.vms.addInterface(ref.serviceId, ref.vmId, change.add);
      else if ('update' in change) await api.vms.updateInterface(ref.serviceId, ref.vmId, change.update, { firewall: change.firewall });
      else await api.vms.removeInterface(ref.serviceId, ref.vmId, change.remove);
    } finally {
      this.cache.invalidate(keys.vmInterfaces(ref));
    }
  }

  /** After a change to the pool: its VMs and what it has left. */
  private invalidatePool(ref: ServiceRef): void {
    this.cache.invalidate(keys.vms(ref));
    this.cache.invalidate(keys.resources(ref));
  }

  dispose(): void {
    this.learned.dispose();
  }
}
