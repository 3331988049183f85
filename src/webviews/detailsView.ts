import { AccountRegistry } from '../accounts/accountRegistry';
import { PortalClientError } from '../api/errors';
import { ResourceUsage } from '../api/resources/services';
import { PortalModel } from '../model/portalModel';
import { canRequestCancellation, guessedServiceFeatures } from '../model/serviceFeatures';
import { isReadOnlyVm } from '../api/resources/vms';
import { DESTRUCTIVE_VM_ACTIONS, VM_ACTION_ICONS, VM_ACTION_TITLES, vmActionsFor, vmManagementFor } from '../model/vmActions';
import { DetailField, DetailsTarget, DetailsView, ResourceGauge } from './protocol';
import { certificateIssued } from '../model/certificateState';
import * as l10n from '@vscode/l10n';

const SECRET_FIELD = /pass|secret|token|epp|auth/i;
const HIDDEN = new Set(['ips', 'ipaddresses', 'ip_addresses', 'fields']);

const ABBREVIATIONS: Record<string, string> = { id: 'ID', ip: 'IP', ipv4: 'IPv4', ipv6: 'IPv6', cpu: 'CPU', ram: 'RAM', dns: 'DNS', rdns: 'rDNS', os: 'OS', mac: 'MAC' };

function label(key: string): string {
  if (ABBREVIATIONS[key.toLowerCase()]) {
    return ABBREVIATIONS[key.toLowerCase()];
  }
  const words = key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every field the portal returned, as text; secrets are not sent to the page at all. */
export function fieldsOf(record: Record<string, unknown>, copyable: string[] = []): DetailField[] {
  const out: DetailField[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (HIDDEN.has(key) || value === undefined || value === null || value === '') {
      continue;
    }
    if (SECRET_FIELD.test(key)) {
      out.push({ label: label(key), value: l10n.t('•••••• (not shown)') });
      continue;
    }
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    out.push({ label: label(key), value: text.length > 500 ? `${text.slice(0, 500)}…` : text, copyable: copyable.includes(key) });
  }
  return out;
}

function gauges(resources: ResourceUsage[]): ResourceGauge[] {
  return resources.filter((r) => r.used !== undefined).map((r) => ({ name: r.name, used: r.used!, total: r.total, unit: r.unit }));
}

const TONE: Record<string, DetailsView['tone']> = {
  running: 'ok',
  active: 'ok',
  stopped: 'neutral',
  transitional: 'busy',
  pending: 'busy',
  rescue: 'warn',
  suspended: 'bad',
  expired: 'bad',
};

/** Loads what a details panel shows, through the model (cached). Optional parts fail quietly. */
export async function loadDetails(model: PortalModel, registry: AccountRegistry, target: DetailsTarget): Promise<DetailsView> {
  const optional = <T>(p: Promise<T>, fallback: T) => p.catch((e) => (e instanceof PortalClientError ? fallback : Promise.reject(e)));
  if (target.kind === 'vm') {
    const [vms, resources] = await Promise.all([model.services.vms(target), optional(model.services.resources(target), [])]);
    const listed = vms.find((v) => v.id === target.vmId);
    if (!listed) {
      throw new Error(l10n.t('This VM is no longer on the portal.'));
    }
    // The VM's own answer (`GET /service/@id/vms/@vmid`) carries fields the list may not; it wins
    // where both have a field. A VM listed without an id cannot be asked for (read-only).
    const details = isReadOnlyVm(listed) ? undefined : await optional(model.services.vmDetails(target), undefined);
    const vm = details ? { ...listed, ...details, label: details.label || listed.label, ips: details.ips.length ? details.ips : listed.ips, fields: { ...listed.fields, ...details.fields } } : listed;
    const busy = model.vmActions.busyWith(target);
    const actions = vmActionsFor(registry.get(target.accountId), vm, busy);
    const manage = vmManagementFor(registry.get(target.accountId), vm);
    // Reverse DNS of its addresses and its network interfaces, where the provider has them.
    const [ptrs, interfaces] = await Promise.all([
      manage.includes('rdns') ? optional(model.services.reverseDns(target), []) : Promise.resolve([]),
      manage.includes('network') ? optional(model.services.interfaces(target), []) : Promise.resolve([]),
    ]);
    const networkFields: DetailField[] = [
      ...vm.ips.map((ip) => ({ label: l10n.t('Reverse DNS of {0}', ip), value: ptrs.find((p) => p.address === ip)?.hostname || '—' })).filter(() => manage.includes('rdns')),
      ...interfaces.map((i) => ({ label: l10n.t('Interface {0}', i.name), value: [i.mac, i.firewall === undefined ? '' : i.firewall ? l10n.t('firewall on') : l10n.t('firewall off')].filter(Boolean).join(' · ') })),
    ];
    return {
      kind: 'vm',
      title: vm.label,
      subtitle: [vm.hostname, `VM ${vm.id}`].filter(Boolean).join(' · '),
      status: busy ? `${VM_ACTION_TITLES[busy].toLowerCase()}…` : vm.status || vm.state,
      tone: busy ? 'busy' : (TONE[vm.state] ?? 'neutral'),
      busy,
      fields: [...fieldsOf(vm.fields, ['id', 'hostname']), ...networkFields],
      gauges: gauges(resources),
      ips: vm.ips,
      actions: [
        ...actions.map((a) => ({ id: `vm.${a}`, title: VM_ACTION_TITLES[a], icon: VM_ACTION_ICONS[a], destructive: DESTRUCTIVE_VM_ACTIONS.has(a) })),
        // From the VM to work on it, when it has an address.
        ...(vm.ips.length
          ? [
              { id: 'vm.openSshTerminal', title: l10n.t('Open SSH Terminal'), icon: 'terminal', destructive: false },
              { id: 'vm.openRemoteSsh', title: l10n.t('Open in Remote-SSH Window…'), icon: 'remote', destructive: false },
              { id: 'vm.copySshCommand', title: l10n.t('Copy SSH Command'), icon: 'copy', destructive: false },
            ]
          : []),
        ...(manage.includes('rdns') ? [{ id: 'vm.editReverseDns', title: l10n.t('Edit Reverse DNS…'), icon: 'edit', destructive: false }] : []),
        ...(manage.includes('network') ? [{ id: 'vm.networkInterfaces', title: l10n.t('Network Interfaces…'), icon: 'plug', destructive: false }] : []),
      ],
    };
  }
  if (target.kind === 'service') {
    // `GET /service/@id` has no category: what the service offers comes from its `/methods`.
    const [service, known] = await Promise.all([model.services.details(target), model.services.features(target).catch(() => undefined)]);
    const features = known ?? guessedServiceFeatures(service);
    const api = await model.api(target.accountId);
    const [resources, ips] = await Promise.all([
      features.vms ? optional(model.services.resources(target), []) : Promise.resolve([]),
      api.client.supports('serviceIps') ? optional(api.services.ips(target.serviceId), []) : Promise.resolve([]),
    ]);
    const cancellable = canRequestCancellation(service.status);
    return {
      kind: 'service',
      title: service.label || service.domain || service.name,
      subtitle: `${service.name} · service ${service.id}`,
      status: service.status,
      tone: TONE[service.status.toLowerCase()] ?? 'neutral',
      fields: fieldsOf(service, ['id', 'domain', 'username']),
      gauges: gauges(resources),
      ips: ips.map((ip) => ip.address),
      actions: [
        { id: 'service.rename', title: l10n.t('Change Label'), icon: 'edit' },
        ...(cancellable ? [{ id: 'service.cancel', title: l10n.t('Request Cancellation'), icon: 'close', destructive: true }] : []),
      ],
    };
  }
  if (target.kind === 'certificate') {
    const c = await model.certificates.details(target.accountId, target.certificateId);
    const issued = certificateIssued(c);
    const { csr, contacts: _contacts, organization: _organization, ...shown } = c as typeof c & { contacts?: unknown; organization?: unknown };
    return {
      kind: 'certificate',
      title: c.domain || c.name,
      subtitle: `${c.name} · certificate ${target.certificateId}`,
      status: c.cert_status || c.status,
      tone: issued ? 'ok' : TONE[c.status.toLowerCase()] ?? 'neutral',
      fields: [...fieldsOf(shown, ['domain', 'cert_email']), ...(csr ? [{ label: 'CSR', value: csr, copyable: true }] : [])],
      gauges: [],
      ips: [],
      actions: issued
        ? [
            { id: 'certificate.open', title: l10n.t('Open Certificate'), icon: 'go-to-file' },
            { id: 'certificate.save', title: l10n.t('Save Certificate As…'), icon: 'save-as' },
          ]
        : [],
    };
  }
  const domain = await model.domains.details(target);
  return {
    kind: 'domain',
    title: domain.name,
    subtitle: `domain ${domain.id}`,
    status: domain.status,
    tone: TONE[domain.status.toLowerCase()] ?? 'neutral',
    fields: fieldsOf({ ...domain, nameservers: domain.nameservers.join(', ') }, ['name']),
    gauges: [],
    ips: [],
    actions: [
      { id: 'domain.editNameservers', title: l10n.t('Edit Name Servers'), icon: 'server' },
      domain.autorenew
        ? { id: 'domain.disableAutorenew', title: l10n.t('Disable Autorenew'), icon: 'sync-ignored' }
        : { id: 'domain.enableAutorenew', title: l10n.t('Enable Autorenew'), icon: 'sync' },
      { id: 'domain.showEppCode', title: l10n.t('Show EPP Code'), icon: 'key' },
      { id: 'domain.editContacts', title: l10n.t('Edit Contacts'), icon: 'person' },
      { id: 'domain.manageDnssec', title: l10n.t('DNSSEC Keys'), icon: 'shield' },
      { id: 'domain.emailForwarding', title: l10n.t('E-mail Forwarding'), icon: 'mail' },
      { id: 'domain.idProtection', title: domain.idprotection ? l10n.t('Turn ID Protection Off…') : l10n.t('Turn ID Protection On…'), icon: 'eye-closed' },
      { id: 'domain.renew', title: l10n.t('Renew…'), icon: 'calendar', destructive: true },
    ],
  };
}
