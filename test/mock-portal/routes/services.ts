import { MockService, MockVm, PortalState } from '../model';
import { notFound, PortalFailure, required, RouteContext, Router, truthy } from '../router';

function findService(state: PortalState, id: string): MockService {
  const service = state.services.find((s) => s.id === id);
  if (!service) {
    throw notFound('Service');
  }
  return service;
}

/** Applies a finished transition. Time-based, so no timers run inside the mock. */
/** A pool's use, from its VMs: what the portal counts against the plan. */
function poolUse(s: MockService) {
  return {
    memory: s.vms.reduce((n, v) => n + v.memory, 0),
    cpu: s.vms.reduce((n, v) => n + v.cpu, 0),
    disk: s.vms.reduce((n, v) => n + v.disk, 0),
    ips: s.vms.reduce((n, v) => n + v.ips.filter((ip) => ip.type === 'ipv4').length, 0),
  };
}

/** Refuses what would take the pool beyond its plan (the portal's own check). */
function checkPool(s: MockService, add: { memory: number; cpu: number; disk: number }): void {
  if (!s.pool) return;
  const used = poolUse(s);
  for (const [key, label, unit] of [['memory', 'memory', 'MB'], ['cpu', 'CPU cores', ''], ['disk', 'disk space', 'GB']] as const) {
    if (used[key] + add[key] > s.pool[key]) {
      throw new PortalFailure(200, [`Not enough ${label} left in this plan: ${s.pool[key] - used[key]}${unit ? ` ${unit}` : ''} free`]);
    }
  }
}

/** The upgrade options that grow the pool: memory in steps, as a plan add-on. */
const MEMORY_STEPS = [
  { id: '2001', name: '8 GB', memory: 8192, price: 0 },
  { id: '2002', name: '16 GB', memory: 16384, price: 12 },
  { id: '2003', name: '32 GB', memory: 32768, price: 30 },
];

export function settle(vm: MockVm, now: number): MockVm {
  if (vm.pending && vm.pending.at <= now) {
    vm.status = vm.pending.to;
    vm.pending = undefined;
  }
  if (vm.status === 'building' && !vm.pending) {
    vm.pending = { to: 'running', at: now + 60_000 };
  }
  return vm;
}

function findVm(ctx: RouteContext): { service: MockService; vm: MockVm } {
  const service = findService(ctx.state, ctx.params.id);
  const vm = service.vms.find((v) => v.id === ctx.params.vmid);
  if (!vm) {
    throw notFound('Virtual server');
  }
  return { service, vm: settle(vm, ctx.now) };
}

function vmView(vm: MockVm, provider: PortalState['provider']) {
  const base = {
    ...(vm.unknownIdField ? { server_ref: vm.id } : { id: vm.id }),
    label: vm.label,
    hostname: vm.hostname,
    status: vm.status,
    template: vm.template,
    memory: String(vm.memory),
    cpu: String(vm.cpu),
    disk: String(vm.disk),
  };
  // The two portals disagree on field names, as undocumented endpoints do.
  return provider === 'elsecloud'
    ? { ...base, ip: vm.ips[0]?.ipaddress ?? '', ipv6: vm.ips.find((i) => i.type === 'ipv6')?.ipaddress ?? '' }
    : { ...base, state: vm.status, ips: vm.ips.map((i) => ({ address: i.ipaddress, version: i.type })) };
}

/** action → [allowed from, transitional status, final status] */
const POWER: Record<string, [string[], string, string]> = {
  start: [['stopped'], 'starting', 'running'],
  stop: [['running', 'rescue'], 'stopping', 'stopped'],
  shutdown: [['running'], 'shutting down', 'stopped'],
  reboot: [['running'], 'rebooting', 'running'],
  reset: [['running', 'stopped'], 'resetting', 'running'],
  rescue: [['running', 'stopped'], 'entering rescue', 'rescue'],
  unrescue: [['rescue'], 'rebooting', 'running'],
};

function powerRoute(action: string) {
  return (ctx: RouteContext) => {
    const { vm } = findVm(ctx);
    const [from, transitional, to] = POWER[action];
    if (vm.pending) {
      throw new PortalFailure(200, [`Another operation is in progress on ${vm.label} (${vm.status})`]);
    }
    if (!from.includes(vm.status)) {
      throw new PortalFailure(200, [`Cannot ${action} ${vm.label} while it is ${vm.status}`]);
    }
    vm.status = transitional;
    vm.pending = { to, at: ctx.now + ctx.transitionMs };
    return { info: [`vm_${action}_queued`] };
  };
}

export function serviceRoutes(router: Router): void {
  router
    .add('GET', 'service', ({ state }) => ({
      services: state.services.map((s) => ({
        id: s.id,
        domain: s.domain,
        total: s.total,
        ...(s.sparse ? {} : { status: s.status }),
        billingcycle: s.billingcycle,
        next_due: s.next_due,
        category: s.category,
        category_url: s.category_url,
        ...(s.sparse ? {} : { name: s.name }),
        label: s.label,
      })),
    }))
    .add('GET', 'service/@id', ({ state, params }) => {
      const s = findService(state, params.id);
      return {
        service: {
          id: s.id,
          date_created: s.date_created,
          domain: s.domain,
          firstpayment: s.firstpayment,
          total: s.total,
          billingcycle: s.billingcycle,
          next_due: s.next_due,
          next_invoice: s.next_invoice,
          status: s.status,
          label: s.label,
          username: s.username,
          password: 'svc-Secret-1',
          name: s.name,
          category: s.category,
        },
      };
    })
    .add('GET', 'service/@id/methods', ({ state, params }) => {
      const s = findService(state, params.id);
      const methods = [
        { name: 'Upgrade Request', method: 'POST', route: '/service/@id/upgrade' },
        { name: 'Upgrade Options', method: 'GET', route: '/service/@id/upgrade' },
        { name: 'Change service label', method: 'POST', route: '/service/@id/label' },
        { name: 'Service label', method: 'GET', route: '/service/@id/label' },
        { name: 'Cancel Service', method: 'POST', route: '/service/@id/cancel' },
      ];
      if (s.kind === 'vps') {
        methods.push({ name: 'List VMs', method: 'GET', route: '/service/@id/vms' });
      }
      if (s.kind === 'dns') {
        methods.push({ name: 'List DNS for service', method: 'GET', route: '/service/@id/dns' });
      }
      return { methods };
    })
    .add('GET', 'service/@id/upgrade', ({ state, params }) => {
      const s = findService(state, params.id);
      return {
        resources: [
          ...(s.pool
            ? [{ id: 1600, name: 'Memory pool', type: 'select', items: MEMORY_STEPS.map((m) => ({ id: m.id, name: m.name, price: m.price, setup_price: 0, selected: m.memory === s.pool!.memory })) }]
            : []),
          {
            id: 1557,
            name: 'Bandwidth',
            type: 'select',
            items: [
              { id: '9953', name: '100 GB', price: 1, setup_price: 0, selected: true },
              { id: '10103', name: '500 GB', price: 5, setup_price: 0, selected: false },
              { id: '10104', name: '1 TB', price: 10, setup_price: 0, selected: false },
            ],
          },
        ],
        package: [],
      };
    })
    .add('POST', 'service/@id/upgrade', ({ state, params, body }) => {
      const s = findService(state, params.id);
      const chosen = (body.resources && typeof body.resources === 'object' ? body.resources : {}) as Record<string, unknown>;
      const step = MEMORY_STEPS.find((m) => m.id === String(chosen['1600'] ?? ''));
      const current = MEMORY_STEPS.find((m) => s.pool && m.memory === s.pool.memory);
      const difference = step && current ? step.price - current.price : 4;
      if (step && s.pool && step.memory < poolUse(s).memory) {
        throw new PortalFailure(200, ['The VMs use more memory than this plan has']);
      }
      if (!truthy(body.send)) return { summary: { total: difference, subtotal: difference } };
      if (step && s.pool) s.pool.memory = step.memory;
      return { info: ['upgrade_requested'] };
    })
    .add('POST', 'service/@id/cancel', ({ state, params, body }) => {
      const s = findService(state, params.id);
      if (s.status === 'Cancelled' || s.status === 'Terminated') {
        throw new PortalFailure(200, ['Service is already cancelled']);
      }
      s.cancellation = { immediate: truthy(body.immediate), reason: String(body.reason ?? '') };
      if (s.cancellation.immediate) {
        s.status = 'Cancelled';
      }
      return { info: ['cancell_sent'] };
    })
    .add('GET', 'service/@id/label', ({ state, params }) => ({ label: findService(state, params.id).label }))
    .add('POST', 'service/@id/label', ({ state, params, body }) => {
      const s = findService(state, params.id);
      const label = String(body.label ?? '');
      if (label.length > 200) {
        throw new PortalFailure(200, ['Label is too long']);
      }
      s.label = label;
      return { success: true, info: ['label_updated'] };
    })
    .add('GET', 'service/@id/ip', ({ state, params, provider }) => {
      const s = findService(state, params.id);
      return provider === 'elsecloud'
        ? { ips: s.ips.map((ip, i) => ({ id: String(i + 1), ipaddress: ip, type: 'ipv4', main: i === 0 ? '1' : '0' })) }
        : { ips: s.ips };
    })
    .add(
      'GET',
      'service/@id/rdns',
      ({ state, params }) => {
        const s = findService(state, params.id);
        const map: Record<string, string> = {};
        for (const vm of s.vms) {
          for (const ip of vm.ips) {
            map[ip.ipaddress] = ip.rdns ?? '';
          }
        }
        return { rdns: map };
      },
      ['elsecloud'],
    )
    .add(
      'POST',
      'service/@id/rdns',
      ({ state, params, body }) => {
        const s = findService(state, params.id);
        const entries = (body.ipaddress ?? {}) as Record<string, string>;
        for (const [address, hostname] of Object.entries(entries)) {
          const ip = s.vms.flatMap((v) => v.ips).find((i) => i.ipaddress === address);
          if (!ip) {
            throw new PortalFailure(200, [`IP ${address} does not belong to this service`]);
          }
          ip.rdns = hostname;
        }
        return { info: ['rdns_updated'] };
      },
      ['elsecloud'],
    )
    .add('GET', 'service/@id/vms', ({ state, params, provider, now }) => {
      const s = findService(state, params.id);
      const vms = s.vms.map((vm) => vmView(settle(vm, now), provider));
      // ElseCloud keys the list by id; ALTERNcloud sends an array.
      return provider === 'elsecloud' ? { vms: Object.fromEntries(vms.map((v, i) => [s.vms[i].id, v])) } : { vms };
    })
    // The VM's own answer has fields the list leaves out (as real portals' details calls do).
    .add('GET', 'service/@id/vms/@vmid', (ctx) => {
      const vm = findVm(ctx).vm;
      return { vm: { ...vmView(vm, ctx.provider), bandwidth_used_gb: '12.4', created_at: '2025-11-02 09:14', kernel: '6.1.0-28-amd64' } };
    })
    .add('POST', 'service/@id/vms', ({ state, params, body, now, transitionMs }) => {
      const s = findService(state, params.id);
      const label = required(body, 'label');
      const template = String(body.template ?? 'debian-12');
      if (!s.templates.some((t) => t.id === template)) {
        throw new PortalFailure(200, [`Unknown template ${template}`]);
      }
      const size = { memory: Number(body.memory ?? 2048), cpu: Number(body.cpu ?? 2), disk: Number(body.disk ?? 40) };
      if (!Object.values(size).every((n) => Number.isInteger(n) && n > 0)) {
        throw new PortalFailure(200, ['memory, cpu and disk must be positive whole numbers']);
      }
      checkPool(s, size);
      const id = String(state.nextId++);
      // An address from the plan's block while the plan has one free.
      const v4 = s.pool && poolUse(s).ips < s.pool.ips ? [{ ipaddress: `203.0.113.${100 + (Number(id) % 100)}`, type: 'ipv4' as const }] : [];
      s.vms.push({
        id,
        label,
        hostname: `${label}.vps.example.net`,
        status: 'building',
        pending: { to: 'running', at: now + transitionMs },
        template,
        ...size,
        ips: v4,
        interfaces: [],
      });
      return { info: ['vm_created'], vm_id: id };
    })
    .add(
      'DELETE',
      'service/@id/vms/@vmid',
      (ctx) => {
        const { service, vm } = findVm(ctx);
        service.vms = service.vms.filter((v) => v !== vm);
        return { info: ['vm_destroyed'] };
      },
      ['elsecloud'],
    )
    .add(
      'PUT',
      'service/@id/vms/@vmid',
      (ctx) => {
        const { service, vm } = findVm(ctx);
        if (vm.status !== 'stopped') {
          throw new PortalFailure(200, ['Stop the VM before resizing it']);
        }
        const memory = Number(ctx.body.memory ?? vm.memory);
        const cpu = Number(ctx.body.cpu ?? vm.cpu);
        checkPool(service, { memory: memory - vm.memory, cpu: cpu - vm.cpu, disk: 0 });
        vm.memory = memory;
        vm.cpu = cpu;
        return { info: ['vm_resized'] };
      },
      ['elsecloud'],
    )
    .add('POST', 'service/@id/vms/@vmid/stop', powerRoute('stop'))
    .add('POST', 'service/@id/vms/@vmid/start', powerRoute('start'))
    .add('POST', 'service/@id/vms/@vmid/reboot', powerRoute('reboot'))
    .add('POST', 'service/@id/vms/@vmid/shutdown', powerRoute('shutdown'), ['elsecloud'])
    .add('POST', 'service/@id/vms/@vmid/reset', powerRoute('reset'), ['elsecloud'])
    .add('POST', 'service/@id/vms/@vmid/rescue', powerRoute('rescue'), ['alterncloud'])
    .add('POST', 'service/@id/vms/@vmid/unrescue', powerRoute('unrescue'), ['alterncloud'])
    .add('POST', 'service/@id/vms/@vmid/rebuild', (ctx) => {
      const { service, vm } = findVm(ctx);
      const template = required(ctx.body, 'template');
      if (!service.templates.some((t) => t.id === template)) {
        throw new PortalFailure(200, [`Unknown template ${template}`]);
      }
      if (vm.pending) {
        throw new PortalFailure(200, [`Another operation is in progress on ${vm.label} (${vm.status})`]);
      }
      vm.template = template;
      vm.status = 'rebuilding';
      vm.pending = { to: 'running', at: ctx.now + ctx.transitionMs * 2 };
      return { info: ['vm_rebuild_queued'] };
    })
    .add('GET', 'service/@id/vms/@vmid/ips', (ctx) => ({ ips: findVm(ctx).vm.ips.map((ip, i) => ({ id: String(i + 1), ...ip })) }), ['elsecloud'])
    .add('GET', 'service/@id/vms/@vmid/ippool', ({ state }) => ({ pools: [{ id: '1', name: 'Public AMS1', free: state.ipPoolFree }] }), ['elsecloud'])
    .add(
      'POST',
      'service/@id/vms/@vmid/ippool/@pool',
      (ctx) => {
        const { vm } = findVm(ctx);
        if (ctx.params.pool !== '1') throw notFound('IP pool');
        if (ctx.state.ipPoolFree < 1) throw new PortalFailure(200, ['No free addresses left in this pool']);
        const type = String(ctx.body.type ?? 'ipv4') === 'ipv6' ? 'ipv6' : 'ipv4';
        const n = ++ctx.state.ipPoolUsed;
        ctx.state.ipPoolFree--;
        vm.ips.push({ ipaddress: type === 'ipv4' ? `192.0.2.${200 + n}` : `2001:db8:99::${n.toString(16)}`, type });
        return { info: ['ip_assigned'] };
      },
      ['elsecloud'],
    )
    .add(
      'POST',
      'service/@id/vms/@vmid/interfaces',
      (ctx) => {
        const { vm } = findVm(ctx);
        const id = String(vm.interfaces.reduce((m, i) => Math.max(m, Number(i.id) + 1), 0));
        vm.interfaces.push({ id, name: `net${id}`, mac: `52:54:00:ab:cd:${id.padStart(2, '0')}`, firewall: truthy(ctx.body.firewall) ? 1 : 0 });
        return { info: ['interface_added'] };
      },
      ['elsecloud'],
    )
    .add(
      'PUT',
      'service/@id/vms/@vmid/interfaces/@iface',
      (ctx) => {
        const iface = findVm(ctx).vm.interfaces.find((i) => i.id === ctx.params.iface || i.name === ctx.params.iface);
        if (!iface) throw notFound('Interface');
        if (ctx.body.firewall !== undefined) iface.firewall = truthy(ctx.body.firewall) ? 1 : 0;
        return { info: ['interface_updated'] };
      },
      ['elsecloud'],
    )
    .add(
      'DELETE',
      'service/@id/vms/@vmid/interfaces/@iface',
      (ctx) => {
        const { vm } = findVm(ctx);
        const iface = vm.interfaces.find((i) => i.id === ctx.params.iface || i.name === ctx.params.iface);
        if (!iface) throw notFound('Interface');
        vm.interfaces = vm.interfaces.filter((i) => i !== iface);
        return { info: ['interface_removed'] };
      },
      ['elsecloud'],
    )
    .add('GET', 'service/@id/vms/@vmid/interfaces', (ctx) => ({ interfaces: findVm(ctx).vm.interfaces }), ['elsecloud'])
    .add(
      'GET',
      'service/@id/vms/@vmid/interfaces/@iface',
      (ctx) => {
        const iface = findVm(ctx).vm.interfaces.find((i) => i.id === ctx.params.iface || i.name === ctx.params.iface);
        if (!iface) {
          throw notFound('Interface');
        }
        return { interface: iface };
      },
      ['elsecloud'],
    )
    .add('GET', 'service/@id/templates', ({ state, params }) => {
      const s = findService(state, params.id);
      return { templates: s.templates };
    })
    .add('GET', 'service/@id/resources', ({ state, params }) => {
      const s = findService(state, params.id);
      if (!s.pool) return { resources: s.resources };
      const used = poolUse(s);
      return {
        resources: [
          { name: 'Memory', used: used.memory, total: s.pool.memory, unit: 'MB' },
          { name: 'CPU cores', used: used.cpu, total: s.pool.cpu, unit: 'cores' },
          { name: 'Disk', used: used.disk, total: s.pool.disk, unit: 'GB' },
          { name: 'Bandwidth', used: 412, total: 2000, unit: 'GB' },
          { name: 'IPv4 addresses', used: used.ips, total: s.pool.ips, unit: 'IPs' },
        ],
      };
    });
}
