import * as v from 'valibot';
import { vmActionFeature, VmAction } from '../capabilities';
import { PortalClient, RequestOptions } from '../client';
import { Ack, AnyObject, firstText, listWithKeys, seg } from '../schema';
import { IpAddress, IpList } from './services';

/** Where a VM is in its life, whatever words the portal uses. */
export type VmState = 'running' | 'stopped' | 'transitional' | 'rescue' | 'suspended' | 'unknown';

const STATE_WORDS: [RegExp, VmState][] = [
  [/^(running|online|on|active|started|up)$/i, 'running'],
  [/^(stopped|offline|off|shutoff|shut ?off|halted|down|poweroff|powered ?off)$/i, 'stopped'],
  // Before "rescue": "entering rescue" is on its way, not there yet.
  [/\b\w+ing\b|pending|queued|build|provision|install|migrat|creat|progress/i, 'transitional'],
  [/rescue/i, 'rescue'],
  [/suspend|locked|paused|frozen/i, 'suspended'],
];

export function vmState(status: string): VmState {
  for (const [pattern, state] of STATE_WORDS) {
    if (pattern.test(status.trim())) {
      return state;
    }
  }
  return 'unknown';
}

/**
 * A virtual server. The references show no example, so this accepts any object and picks the
 * usual field names; everything the portal sent stays in `fields` for the details view.
 */
export const Vm = v.pipe(
  v.looseObject({}),
  v.transform((record: Record<string, unknown>) => {
    const status = firstText(record, ['status', 'state', 'power_status', 'power', 'vm_status']);
    const ipField = record.ips ?? record.ipaddresses ?? record.ip_addresses;
    const ips: string[] = [];
    const primary = firstText(record, ['ip', 'ipaddress', 'main_ip', 'primary_ip', 'ipv4']);
    if (primary) {
      ips.push(primary);
    }
    const v6 = firstText(record, ['ipv6', 'ip6', 'main_ipv6']);
    if (v6 && !ips.includes(v6)) {
      ips.push(v6);
    }
    if (ipField && typeof ipField === 'object') {
      for (const item of Array.isArray(ipField) ? ipField : Object.values(ipField)) {
        const parsed = v.safeParse(IpAddress, item);
        if (parsed.success && parsed.output.address && !ips.includes(parsed.output.address)) {
          ips.push(parsed.output.address);
        }
      }
    }
    const id = firstText(record, ['id', 'vmid', 'vm_id', 'uuid']);
    const hostname = firstText(record, ['hostname', 'host', 'fqdn']);
    return {
      id,
      label: firstText(record, ['label', 'name', 'hostname']) || id,
      hostname,
      status,
      state: vmState(status),
      primaryIp: ips[0] ?? '',
      ips,
      fields: record,
    };
  }),
);
export type Vm = v.InferOutput<typeof Vm>;

/**
 * A VM whose id is in none of the usual fields is kept, read-only: it is listed with what the
 * portal said about it (a stand-in id for the tree only), and no action is offered or sent for it.
 */
const VmList = v.pipe(
  v.unknown(),
  v.transform((body) => listWithKeys(body, ['vms', 'servers', 'virtualmachines', 'list'])),
  v.array(Vm),
  v.transform((vms) => vms.map((vm, i) => (vm.id === '' ? { ...vm, id: `no-id-${i + 1}`, label: vm.label || `VM ${i + 1}`, readOnly: true } : { ...vm, readOnly: false }))),
);
export type ListedVm = v.InferOutput<typeof VmList>[number];

/** A VM the portal listed without an id: shown, but nothing can be sent for it. */
export function isReadOnlyVm(vm: Vm | undefined): boolean {
  return !!vm && (vm as { readOnly?: boolean }).readOnly === true;
}

const VmDetails = v.pipe(
  AnyObject,
  v.transform((body) => (body.vm ?? body.server ?? body.details ?? body) as unknown),
  Vm,
);

export const NetworkInterface = v.pipe(
  v.looseObject({}),
  v.transform((record: Record<string, unknown>) => ({
    id: firstText(record, ['id', 'iface', 'name', 'interface']),
    name: firstText(record, ['name', 'iface', 'id']),
    mac: firstText(record, ['mac', 'macaddress', 'hwaddr']),
    firewall: record.firewall === undefined ? undefined : record.firewall === true || Number(record.firewall) === 1 || record.firewall === 'on',
    fields: record,
  })),
);
export type NetworkInterface = v.InferOutput<typeof NetworkInterface>;

/** An IP pool (`GET …/ippool`): no example in the references, so any shape with an id. */
export const IpPool = v.pipe(
  v.looseObject({}),
  v.transform((record: Record<string, unknown>) => {
    const free = Number(record.free ?? record.available ?? record.left);
    return { id: firstText(record, ['id', 'pool_id', 'list_id']), name: firstText(record, ['name', 'label', 'description', 'id']), free: Number.isFinite(free) ? free : undefined };
  }),
);
export type IpPool = v.InferOutput<typeof IpPool>;

const IpPoolList = v.pipe(
  v.unknown(),
  v.transform((body) => listWithKeys(body, ['pools', 'ippool', 'ippools', 'lists', 'list'])),
  v.array(IpPool),
  v.transform((pools) => pools.filter((p) => p.id !== '')),
);

const InterfaceList = v.pipe(
  v.unknown(),
  v.transform((body) => listWithKeys(body, ['interfaces', 'ifaces', 'list'])),
  v.array(NetworkInterface),
);

/** What a new VM is asked with (the reference's `POST /service/@id/vms`). */
export interface NewVm {
  label: string;
  template: string;
  /** MB */
  memory: number;
  cpu: number;
  /** GB */
  disk: number;
}

/** Virtual servers under a service: list, details, power, rebuild, network. */
export class VmsApi {
  constructor(private readonly client: PortalClient) {}

  async list(serviceId: string, options?: RequestOptions): Promise<ListedVm[]> {
    const vms = await this.client.get(`service/${seg(serviceId)}/vms`, VmList, options);
    const unidentified = vms.filter((vm) => vm.readOnly);
    if (unidentified.length > 0) {
      this.client.logger.warn(
        `${unidentified.length} VM(s) of service ${serviceId} came without an id (none of id, vmid, vm_id, uuid): shown read-only, no action is offered. Fields: ${unidentified.map((vm) => Object.keys(vm.fields).join(', ')).join(' | ')}`,
      );
    }
    return vms;
  }

  details(serviceId: string, vmId: string, options?: RequestOptions): Promise<Vm> {
    return this.client.get(`service/${seg(serviceId)}/vms/${seg(vmId)}`, VmDetails, options);
  }

  supports(action: VmAction): boolean {
    const feature = vmActionFeature(action);
    return feature === undefined || this.client.supports(feature);
  }

  /** A power action. Changes state, so it is sent once and never repeated automatically. */
  async power(
    serviceId: string,
    vmId: string,
    action: Exclude<VmAction, 'rebuild'>,
    options?: RequestOptions,
  ): Promise<Ack> {
    const feature = vmActionFeature(action);
    if (feature) {
      this.client.require(feature, `the “${action}” action`);
    }
    return this.client.post(`service/${seg(serviceId)}/vms/${seg(vmId)}/${action}`, Ack, {}, options);
  }

  /** Reinstalls the VM from a template: everything on its disk is lost. */
  rebuild(serviceId: string, vmId: string, template: string, options?: RequestOptions): Promise<Ack> {
    return this.client.post(`service/${seg(serviceId)}/vms/${seg(vmId)}/rebuild`, Ack, { template }, options);
  }

  /** `POST /service/@id/vms`: a new VM in the service's pool. Spends the pool: sent once, never repeated. */
  async create(serviceId: string, vm: NewVm, options?: RequestOptions): Promise<{ vmId: string }> {
    const body = await this.client.post(
      `service/${seg(serviceId)}/vms`,
      AnyObject,
      { label: vm.label, template: vm.template, memory: String(vm.memory), cpu: String(vm.cpu), disk: String(vm.disk) },
      options,
    );
    const inner = (body.vm && typeof body.vm === 'object' ? body.vm : {}) as Record<string, unknown>;
    return { vmId: firstText(body, ['vm_id', 'vmid', 'id']) || firstText(inner, ['id', 'vmid', 'vm_id']) };
  }

  /** `PUT /service/@id/vms/@vmid`: new memory (MB) and CPU cores. */
  async resize(serviceId: string, vmId: string, size: { memory: number; cpu: number }, options?: RequestOptions): Promise<Ack> {
    this.client.require('vmResize', 'resizing VMs');
    return this.client.put(`service/${seg(serviceId)}/vms/${seg(vmId)}`, Ack, { memory: String(size.memory), cpu: String(size.cpu) }, options);
  }

  /** `DELETE /service/@id/vms/@vmid`: the VM and its disks are gone. */
  async destroy(serviceId: string, vmId: string, options?: RequestOptions): Promise<Ack> {
    this.client.require('vmDestroy', 'deleting VMs');
    return this.client.delete(`service/${seg(serviceId)}/vms/${seg(vmId)}`, Ack, options);
  }

  async ips(serviceId: string, vmId: string, options?: RequestOptions): Promise<IpAddress[]> {
    this.client.require('vmNetwork', 'VM IP address lists');
    return this.client.get(`service/${seg(serviceId)}/vms/${seg(vmId)}/ips`, IpList, options);
  }

  /** `GET …/ippool`: the pools a new address can come from. */
  async ipPools(serviceId: string, vmId: string, options?: RequestOptions): Promise<IpPool[]> {
    this.client.require('vmNetwork', 'IP pools');
    return this.client.get(`service/${seg(serviceId)}/vms/${seg(vmId)}/ippool`, IpPoolList, options);
  }

  /** `POST …/ippool/@pool`: a new address of `type` on interface `iface`. Sent once. */
  async assignIp(serviceId: string, vmId: string, poolId: string, request: { type: 'ipv4' | 'ipv6'; iface: string }, options?: RequestOptions): Promise<Ack> {
    this.client.require('vmNetwork', 'assigning addresses');
    return this.client.post(`service/${seg(serviceId)}/vms/${seg(vmId)}/ippool/${seg(poolId)}`, Ack, request, options);
  }

  async addInterface(serviceId: string, vmId: string, settings: { firewall: boolean }, options?: RequestOptions): Promise<Ack> {
    this.client.require('vmNetwork', 'network interfaces');
    return this.client.post(`service/${seg(serviceId)}/vms/${seg(vmId)}/interfaces`, Ack, { firewall: settings.firewall ? 1 : 0 }, options);
  }

  async updateInterface(serviceId: string, vmId: string, iface: string, settings: { firewall: boolean }, options?: RequestOptions): Promise<Ack> {
    this.client.require('vmNetwork', 'network interfaces');
    return this.client.put(`service/${seg(serviceId)}/vms/${seg(vmId)}/interfaces/${seg(iface)}`, Ack, { firewall: settings.firewall ? 1 : 0 }, options);
  }

  async removeInterface(serviceId: string, vmId: string, iface: string, options?: RequestOptions): Promise<Ack> {
    this.client.require('vmNetwork', 'network interfaces');
    return this.client.delete(`service/${seg(serviceId)}/vms/${seg(vmId)}/interfaces/${seg(iface)}`, Ack, options);
  }

  async interfaces(serviceId: string, vmId: string, options?: RequestOptions): Promise<NetworkInterface[]> {
    this.client.require('vmNetwork', 'VM network interfaces');
    return this.client.get(`service/${seg(serviceId)}/vms/${seg(vmId)}/interfaces`, InterfaceList, options);
  }
}
