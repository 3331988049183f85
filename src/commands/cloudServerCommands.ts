// Cloud servers in full: create, resize and delete VMs within the service's pool, their reverse DNS (with the
// forward record offered), and the service's plan. Loaded on first use (see extension.ts). Everything that
// changes or spends is confirmed in a modal that names it and sent once.
import * as vscode from 'vscode';
import { Ctx } from '../ctx';
import { describeError } from '../api/errors';
import { outcomeUnknown } from '../ordering/orderOutcome';
import { NewVm, Vm } from '../api/resources/vms';
import { isHostName } from '../model/dnsRecordRules';
import { Pool, PoolKey, poolOf, sizeProblem } from '../model/vmPool';
import { AddressNode, ServiceNode, VmNode, ZoneNode } from '../views/nodes';
import { dnsZonesView, servicesView } from '../views/viewSpecs';
import { collectNodes } from '../ui/resourceIndex';
import { fresh, nodeFor } from '../ui/pickNode';
import { relativeName } from '../ssh/vmRecord';
import { CommandFactory } from './command';
import { sendOnce } from '../ui/sendOnce';
import { formatMoney } from '../billing/money';
import { shownOverWebview } from '../ui/shownOverWebview';

const serviceName = (node: ServiceNode) => node.service.label || node.service.domain || node.service.name;
const vmOf = (services: Ctx, node: VmNode) => services.model.services.peekVm(node);


async function loadPool(services: Ctx, ref: { accountId: string; serviceId: string }): Promise<Pool> {
  return poolOf(await services.model.services.resources(ref));
}

const roomText = (pool: Pool, key: PoolKey, unit: string) => {
  const room = pool[key];
  return room ? vscode.l10n.t('{0} {1} used of {2}, {3} left', room.used, unit, room.total, room.left) : vscode.l10n.t('the portal reports no limit');
};

async function askSize(pool: Pool, key: PoolKey, title: string, value: string, freed = 0): Promise<number | undefined> {
  const prompt =
    key === 'memory'
      ? vscode.l10n.t('Memory in MB ({0})', roomText(pool, key, 'MB'))
      : key === 'cpu'
        ? vscode.l10n.t('CPU cores ({0})', roomText(pool, key, vscode.l10n.t('cores')))
        : vscode.l10n.t('Disk in GB ({0})', roomText(pool, key, 'GB'));
  const typed = await vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: (v) => sizeProblem(pool, key, v, freed) });
  return typed === undefined ? undefined : Number(typed.trim());
}

/** Drafts the portal refused, by service, so the form comes back as typed. */
const keptDrafts = new Map<string, NewVm>();

export const createVm: CommandFactory = (services) => ({
  id: 'cloudPortal.service.createVm',
  async run(arg?: unknown) {
    const node = await nodeFor(services, arg, 'service', [servicesView], vscode.l10n.t('Create a VM in which service?'), (n) => n.hasVms && n.service.status === 'Active');
    if (!node) return;
    const ref = { accountId: node.accountId, serviceId: node.serviceId };
    const title = vscode.l10n.t('Create VM in {0}', serviceName(node));
    let draft: NewVm = keptDrafts.get(node.id) ?? { label: '', template: '', memory: 2048, cpu: 1, disk: 20 };
    for (;;) {
      const [pool, templates] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the pool of {0}…', serviceName(node)) }, () =>
        Promise.all([loadPool(services, ref), services.model.services.templates(ref)]),
      );
      const label = (
        await vscode.window.showInputBox({
          title,
          prompt: vscode.l10n.t('Host name of the new VM'),
          value: draft.label,
          placeHolder: vscode.l10n.t('web-02'),
          ignoreFocusOut: true,
          validateInput: (v) => (/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits and dashes, such as web-02')),
        })
      )?.trim();
      if (!label) return;
      const template = await vscode.window.showQuickPick(
        templates.map((t) => ({ label: t.name, description: t.id === draft.template ? vscode.l10n.t('{0} (last chosen)', t.id) : t.id, id: t.id })),
        { title, placeHolder: vscode.l10n.t('Operating system template'), ignoreFocusOut: true },
      );
      if (!template) return;
      const cpu = await askSize(pool, 'cpu', title, String(draft.cpu));
      if (cpu === undefined) return;
      const memory = await askSize(pool, 'memory', title, String(draft.memory));
      if (memory === undefined) return;
      const disk = await askSize(pool, 'disk', title, String(draft.disk));
      if (disk === undefined) return;
      draft = { label, template: template.id, cpu, memory, disk };
      const create = vscode.l10n.t('Create VM');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Create the VM “{0}” in “{1}”?', label, serviceName(node)),
        { modal: true, detail: vscode.l10n.t('{0}, {1} CPU cores, {2} MB memory, {3} GB disk, taken from the service’s pool.', template.label, cpu, memory, disk) },
        create,
      );
      if (answer !== create) {
        keptDrafts.set(node.id, draft);
        return;
      }
      let vmId: string;
      try {
        vmId = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating {0}…', label) }, () => services.model.services.createVm(ref, draft));
      } catch (e) {
        keptDrafts.set(node.id, draft);
        if (outcomeUnknown(e)) {
          void vscode.window.showWarningMessage(vscode.l10n.t('No answer from the portal: “{0}” may have been created. Refresh the service and check before creating it again.', label));
          return;
        }
        const again = vscode.l10n.t('Edit Again');
        if ((await vscode.window.showErrorMessage(vscode.l10n.t('The VM was not created: {0}', describeError(e)), again)) !== again) return;
        continue;
      }
      keptDrafts.delete(node.id);
      services.views.providerFor(node)?.reload(node);
      if (vmId) {
        // Followed until it is built, as after a power action.
        void services.model.vmActions.watch({ ...ref, vmId }).catch(() => undefined);
      }
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0} is being created', label), 8_000);
      return;
    }
  },
});

export const resizeVm: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.resize',
  async run(arg?: unknown) {
    const node = await fresh(services, await nodeFor(services, arg, 'vm', [servicesView], vscode.l10n.t('Resize which VM?')));
    if (!node) return;
    const vm = vmOf(services, node);
    if (!vm) return;
    const title = vscode.l10n.t('Resize {0}', vm.label);
    const pool = await loadPool(services, node);
    const current = { memory: Number(vm.fields.memory) || 0, cpu: Number(vm.fields.cpu) || 0 };
    // The VM's own share comes back to the pool when it is resized.
    const cpu = await askSize(pool, 'cpu', title, String(current.cpu || 1), current.cpu);
    if (cpu === undefined) return;
    const memory = await askSize(pool, 'memory', title, String(current.memory || 1024), current.memory);
    if (memory === undefined) return;
    if (vm.state !== 'stopped') {
      const stopFirst = vscode.l10n.t('Stop VM and Resize');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('“{0}” is {1}. Stop it and resize it to {2} CPU cores and {3} MB memory?', vm.label, vm.status || vm.state, cpu, memory),
        { modal: true, detail: vscode.l10n.t('Portals resize a VM while it is stopped. It is powered off at once (unsaved data in memory is lost); start it again afterwards.') },
        stopFirst,
      );
      if (answer !== stopFirst) return;
      const stopped = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Stopping {0}…', vm.label) }, () => services.model.vmActions.run(node, 'stop'));
      if (stopped === 'busy' || vmOf(services, node)?.state !== 'stopped') {
        void vscode.window.showWarningMessage(vscode.l10n.t('“{0}” did not stop; it was not resized.', vm.label));
        return;
      }
    } else {
      const resize = vscode.l10n.t('Resize VM');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Resize “{0}” to {1} CPU cores and {2} MB memory?', vm.label, cpu, memory), { modal: true }, resize);
      if (answer !== resize) return;
    }
    const resized = await sendOnce(vscode.l10n.t('Resizing {0}…', vm.label), () => services.model.services.resizeVm(node, { memory, cpu }), vscode.l10n.t('No answer from the portal: “{0}” may have been resized. Check it before trying again.', vm.label));
    if (!resized) return;
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0} now has {1} CPU cores and {2} MB memory', vm.label, cpu, memory), 8_000);
  },
});

export const deleteVm: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.delete',
  async run(arg?: unknown) {
    const node = await fresh(services, await nodeFor(services, arg, 'vm', [servicesView], vscode.l10n.t('Delete which VM?')));
    if (!node) return;
    const vm = vmOf(services, node);
    if (!vm) return;
    // Deleting cannot be undone: the user types the VM's name (a modal cannot hold a text field).
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Delete {0}', vm.label),
      prompt: vscode.l10n.t('The VM “{0}” ({1}) and everything on its disks are deleted. Type its name to confirm.', vm.label, vm.primaryIp || vm.id),
      placeHolder: vm.label,
      ignoreFocusOut: true,
      validateInput: (v) => (v === vm.label ? undefined : vscode.l10n.t('Type {0} exactly', vm.label)),
    });
    if (typed !== vm.label) return;
    const deleted = await sendOnce(vscode.l10n.t('Deleting {0}…', vm.label), () => services.model.services.destroyVm(node), vscode.l10n.t('No answer from the portal: “{0}” may have been deleted. Refresh the service to see.', vm.label));
    if (!deleted) return;
    if (node.parent) services.views.providerFor(node.parent)?.reload(node.parent);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0} deleted', vm.label), 8_000);
  },
});

async function offerForwardRecord(services: Ctx, node: VmNode, address: string, hostName: string): Promise<void> {
  const found = await collectNodes(services, [dnsZonesView], {
    wanted: (n) => n.kind === 'zone' && n.accountId === node.accountId && (hostName === n.name || hostName.endsWith(`.${n.name}`)),
    descend: (n) => n.kind === 'account' && n.accountId === node.accountId,
  }).catch(() => ({ nodes: [] }));
  // The most specific zone holds the name.
  const zone = (found.nodes as ZoneNode[]).sort((a, b) => b.name.length - a.name.length)[0];
  if (!zone) return;
  const type = address.includes(':') ? 'AAAA' : 'A';
  const name = relativeName(hostName, zone.name);
  const records = (await services.model.zones.zone(zone)).records;
  if (records.some((r) => relativeName(r.name, zone.name) === name && (r.type === 'A' || r.type === 'AAAA' || r.type === 'CNAME'))) return;
  const create = vscode.l10n.t('Create {0} Record', type);
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('{0} has no {1} record in the zone {2}. Create {0} → {3}, so forward and reverse DNS match?', hostName, type, zone.name, address), create);
  if (answer !== create) return;
  await services.model.zones.saveRecord(zone, { type, name, content: address, ttl: 3600, priority: 0 });
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0} {1} {2} added to {3}', name, type, address, zone.name), 8_000);
}

export const editReverseDns: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.editReverseDns',
  async run(arg?: unknown) {
    // From an address row: that address of its VM; else a VM (and one of its addresses).
    const fromRow = arg && typeof arg === 'object' && (arg as AddressNode).kind === 'address' ? (arg as AddressNode) : undefined;
    const node = fromRow?.parent?.kind === 'vm' ? fromRow.parent : await nodeFor(services, arg, 'vm', [servicesView], vscode.l10n.t('Reverse DNS of which VM?'), (n) => (vmOf(services, n)?.ips.length ?? 0) > 0);
    if (!node) return;
    const vm = vmOf(services, node) as Vm;
    const entries = await services.model.services.reverseDns(node);
    const ptr = (ip: string) => entries.find((e) => e.address === ip)?.hostname ?? '';
    const address = fromRow
      ? fromRow.address
      : vm.ips.length === 1
        ? vm.ips[0]
        : (
            await vscode.window.showQuickPick(
              vm.ips.map((ip) => ({ label: ip, description: ptr(ip) || vscode.l10n.t('no reverse DNS') })),
              { title: vscode.l10n.t('Reverse DNS of {0}', vm.label), placeHolder: vscode.l10n.t('Which address?'), ignoreFocusOut: shownOverWebview() },
            )
          )?.label;
    if (!address) return;
    const hostName = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Reverse DNS of {0}', address),
        prompt: vscode.l10n.t('The host name {0} resolves back to (its PTR record)', address),
        value: ptr(address) || vm.hostname,
        ignoreFocusOut: true,
        validateInput: (v) => (isHostName(v.trim().replace(/\.$/, '')) && v.includes('.') ? undefined : vscode.l10n.t('A full host name such as mail.example.com')),
      })
    )
      ?.trim()
      .replace(/\.$/, '')
      .toLowerCase();
    if (!hostName || hostName === ptr(address)) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Setting reverse DNS of {0}…', address) }, () => services.model.services.setReverseDns(node, address, hostName));
    // The address rows show the new name.
    services.views.providerFor(node)?.reload(node);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0} → {1}', address, hostName), 8_000);
    await offerForwardRecord(services, node, address, hostName);
  },
});

export const upgradeService: CommandFactory = (services) => ({
  id: 'cloudPortal.service.upgrade',
  async run(arg?: unknown) {
    const node = await nodeFor(services, arg, 'service', [servicesView], vscode.l10n.t('Change the plan of which service?'), (n) => n.service.status === 'Active');
    if (!node) return;
    const name = serviceName(node);
    const options = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the plan options of {0}…', name) }, () => services.model.services.upgradeOptions(node));
    const choosable = options.resources.filter((r) => r.items.length > 1);
    if (!choosable.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The portal offers no plan changes for “{0}”.', name));
      return;
    }
    const isSelected = (x: { selected?: unknown }) => x.selected === true || x.selected === 1 || x.selected === '1' || x.selected === 'true';
    const resource = await vscode.window.showQuickPick(
      choosable.map((r) => ({ label: r.name, description: r.items.find(isSelected)?.name ?? '', resource: r })),
      { title: vscode.l10n.t('Upgrade or Downgrade {0}', name), placeHolder: vscode.l10n.t('What to change?'), ignoreFocusOut: shownOverWebview() },
    );
    if (!resource) return;
    const current = resource.resource.items.find(isSelected);
    const item = await vscode.window.showQuickPick(
      resource.resource.items.map((i) => ({ label: i.name, description: isSelected(i) ? vscode.l10n.t('current') : vscode.l10n.t('{0} per period', String(i.price)), item: i })),
      { title: vscode.l10n.t('{0}: {1}', name, resource.label), placeHolder: vscode.l10n.t('The new value'), ignoreFocusOut: shownOverWebview() },
    );
    if (!item || item.item.id === current?.id) return;
    const change = { [resource.resource.id]: item.item.id };
    const estimate = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking the portal for the price…') }, () => services.model.services.estimateUpgrade(node, change));
    const currency = await services.model.billing.currency(node.accountId);
    const price = estimate.total === undefined ? vscode.l10n.t('the portal did not state a price') : formatMoney(estimate.total, currency);
    const request = vscode.l10n.t('Request Change');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Change {0} of “{1}” from {2} to {3}?', resource.label, name, current?.name ?? '—', item.item.name),
      { modal: true, detail: vscode.l10n.t('Price difference as the portal estimates it: {0}. The portal may invoice the change.', price) },
      request,
    );
    if (answer !== request) return;
    const requested = await sendOnce(vscode.l10n.t('Requesting the change…'), () => services.model.services.upgrade(node, change), vscode.l10n.t('No answer from the portal: the change of “{0}” may have been made. Check the service and its invoices before asking again.', name));
    if (!requested) return;
    services.views.providerFor(node)?.reload(node);
    void vscode.window.showInformationMessage(vscode.l10n.t('Change requested: {0} of “{1}” is now {2}.', resource.label, name, item.item.name));
  },
});

export const assignAddress: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.assignAddress',
  async run(arg?: unknown) {
    const node = await fresh(services, await nodeFor(services, arg, 'vm', [servicesView], vscode.l10n.t('Assign an address to which VM?')));
    if (!node) return;
    const vm = vmOf(services, node) as Vm;
    const title = vscode.l10n.t('Assign an address to {0}', vm.label);
    const [pools, interfaces] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the IP pools…') }, () =>
      Promise.all([services.model.services.ipPools(node), services.model.services.interfaces(node)]),
    );
    if (!pools.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The portal offers no IP pool for “{0}”.', vm.label));
      return;
    }
    const pool = pools.length === 1 ? { pool: pools[0] } : await vscode.window.showQuickPick(
      pools.map((p) => ({ label: p.name, description: p.free === undefined ? '' : vscode.l10n.t('{0} free', p.free), pool: p })),
      { title, placeHolder: vscode.l10n.t('From which pool?'), ignoreFocusOut: shownOverWebview() },
    );
    if (!pool) return;
    const type = await vscode.window.showQuickPick([{ label: 'IPv4', type: 'ipv4' as const }, { label: 'IPv6', type: 'ipv6' as const }], { title, placeHolder: vscode.l10n.t('Which kind of address?'), ignoreFocusOut: shownOverWebview() });
    if (!type) return;
    const iface = interfaces.length <= 1 ? interfaces[0] : (await vscode.window.showQuickPick(interfaces.map((i) => ({ label: i.name, description: i.mac, iface: i })), { title, placeHolder: vscode.l10n.t('On which network interface?'), ignoreFocusOut: shownOverWebview() }))?.iface;
    if (interfaces.length > 1 && !iface) return;
    const assign = vscode.l10n.t('Assign Address');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Assign a new {0} address from “{1}” to “{2}”?', type.label, pool.pool.name, vm.label),
      { modal: true, detail: vscode.l10n.t('The portal may charge for additional addresses.') },
      assign,
    );
    if (answer !== assign) return;
    const assigned = await sendOnce(
      vscode.l10n.t('Assigning an address…'),
      () => services.model.services.assignIp(node, pool.pool.id, { type: type.type, iface: iface?.id ?? '0' }),
      vscode.l10n.t('No answer from the portal: an address may have been assigned to “{0}”. Refresh to see before asking again.', vm.label),
    );
    if (!assigned) return;
    if (node.parent) services.views.providerFor(node.parent)?.reload(node.parent);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) A new {0} address was assigned to {1}', type.label, vm.label), 8_000);
  },
});

export const networkInterfaces: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.networkInterfaces',
  async run(arg?: unknown) {
    const node = await fresh(services, await nodeFor(services, arg, 'vm', [servicesView], vscode.l10n.t('Network interfaces of which VM?')));
    if (!node) return;
    const vm = vmOf(services, node) as Vm;
    const title = vscode.l10n.t('Network interfaces of {0}', vm.label);
    const interfaces = await services.model.services.interfaces(node);
    const firewallText = (on: boolean | undefined) => (on === undefined ? '' : on ? vscode.l10n.t('firewall on') : vscode.l10n.t('firewall off'));
    const picked = await vscode.window.showQuickPick(
      [
        ...interfaces.map((i) => ({ label: `$(plug) ${i.name}`, description: [i.mac, firewallText(i.firewall)].filter(Boolean).join(' · '), iface: i })),
        { label: vscode.l10n.t('$(add) Add Network Interface…'), description: '', iface: undefined },
      ],
      { title, placeHolder: vscode.l10n.t('An interface to change, or a new one'), ignoreFocusOut: shownOverWebview() },
    );
    if (!picked) return;
    const run = async (what: string, change: Parameters<typeof services.model.services.changeInterface>[1]) => {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: what }, () => services.model.services.changeInterface(node, change));
      vscode.window.setStatusBarMessage(`$(check) ${what.replace(/…$/, '')}`, 6_000);
    };
    if (!picked.iface) {
      const add = vscode.l10n.t('Add Interface');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Add a network interface to “{0}”?', vm.label), { modal: true, detail: vscode.l10n.t('With its firewall on. Assign it an address from an IP pool afterwards.') }, add);
      if (answer === add) await run(vscode.l10n.t('Adding a network interface to {0}…', vm.label), { add: { firewall: true } });
      return;
    }
    const iface = picked.iface;
    const toggle = iface.firewall ? vscode.l10n.t('Turn Firewall Off') : vscode.l10n.t('Turn Firewall On');
    const remove = vscode.l10n.t('Remove Interface…');
    const action = await vscode.window.showQuickPick([toggle, remove], { title: vscode.l10n.t('{0} of {1}', iface.name, vm.label), ignoreFocusOut: shownOverWebview() });
    if (action === toggle) {
      await run(vscode.l10n.t('Changing the firewall of {0}…', iface.name), { update: iface.id, firewall: !iface.firewall });
    } else if (action === remove) {
      const confirm = vscode.l10n.t('Remove Interface');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove the network interface {0} ({1}) from “{2}”?', iface.name, iface.mac || iface.id, vm.label),
        { modal: true, detail: vscode.l10n.t('Connections through it stop at once.') },
        confirm,
      );
      if (answer === confirm) await run(vscode.l10n.t('Removing {0}…', iface.name), { remove: iface.id });
    }
  },
});

export const cloudServerCommands: CommandFactory[] = [createVm, resizeVm, deleteVm, editReverseDns, upgradeService, assignAddress, networkInterfaces];
