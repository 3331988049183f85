import { Account } from '../accounts/accountRegistry';
import { providerById } from '../accounts/providers';
import { Feature, featuresOf } from '../api/capabilities';
import { portalUnreachable } from '../api/errors';
import { PortalModel } from '../model/portalModel';
import { keys } from '../model/cacheKeys';
import { mayHaveVms } from '../model/serviceFeatures';
import { certificateExpiry } from '../model/certificateState';
import { unreadableItems } from '../api/schema';
import { AccountNode, childId, MessageNode, RecordNode, TreeNode } from './nodes';
import { sortRecords } from './recordOrder';
import * as l10n from '@vscode/l10n';

/**
 * What one view shows below its accounts, as plain functions over the model. No vscode types,
 * so the loading logic is tested in plain Node.
 */
export interface ViewSpec {
  id: string;
  title: string;
  /** Feature the account's portal must have for the view to list it. */
  requires?: Feature;
  /** Cache key whose invalidation reloads this node's children. */
  childrenKey(node: TreeNode): string | undefined;
  /** Absent for a view whose accounts do not expand yet. */
  children?(model: PortalModel, node: TreeNode): Promise<TreeNode[]>;
  /** What an empty list says. */
  emptyText(node: TreeNode): string;
}

/**
 * The rows of a list, plus one row saying how many entries of the portal's answer could not be
 * read (the log has which and why), when there were any: the rest of the list still shows.
 */
export function withUnreadableRow(rows: TreeNode[], answer: readonly unknown[], parent: TreeNode, noun: readonly [one: string, many: string]): TreeNode[] {
  const unreadable = unreadableItems(answer);
  if (unreadable.length === 0) {
    return rows;
  }
  const n = unreadable.length;
  const ids = unreadable.map((u) => u.id).filter(Boolean);
  const row: MessageNode = {
    kind: 'message',
    id: `${parent.id}/unreadable`,
    accountId: parent.accountId,
    parent,
    severity: 'unreadable',
    text: l10n.t('{0} {1} could not be read', n, n === 1 ? noun[0] : noun[1]),
    detail: l10n.t('The portal sent {0}{1} in a shape Cloud Portal cannot read; they are left out. The log says what was missing.', n === 1 ? 'an entry' : `${n} entries`, ids.length ? ` (${ids.join(', ')})` : ''),
  };
  return [...rows, row];
}

export function accountHas(account: Account, feature: Feature): boolean {
  return featuresOf(providerById(account.record.providerId).profile, account.record.probedFeatures).has(feature);
}

export const servicesView: ViewSpec = {
  id: 'cloudPortal.services',
  title: l10n.t('Services'),
  childrenKey(node) {
    if (node.kind === 'account') return keys.services(node.accountId);
    if (node.kind === 'service') return node.hasVms ? keys.vms({ accountId: node.accountId, serviceId: node.serviceId }) : keys.serviceIps({ accountId: node.accountId, serviceId: node.serviceId });
    if (node.kind === 'vm') return keys.reverseDns({ accountId: node.accountId, serviceId: node.serviceId });
    return undefined;
  },
  async children(model, node) {
    if (node.kind === 'account') {
      const services = await model.services.list(node.accountId);
      const rows = services.map((service) => {
        const ref = { accountId: node.accountId, serviceId: service.id };
        // What the portal said (`/methods`) when known; else the guess, and a VM-less guess is
        // checked with the portal in the background (the row becomes expandable if it has VMs).
        const known = model.services.peekFeatures(ref);
        const hasVms = known ? known.vms : mayHaveVms(service);
        if (!known && !hasVms) {
          model.services.learnFeatures(ref);
        }
        return { kind: 'service' as const, id: childId(node, this.id, node.accountId, `service/${service.id}`), ...ref, service, hasVms, parent: node };
      });
      return withUnreadableRow(rows, services, node, ['service', 'services']);
    }
    if (node.kind === 'service' && !node.hasVms) {
      // A service without VMs (hosting, dedicated): its own addresses.
      const addresses = await model.services.serviceAddresses({ accountId: node.accountId, serviceId: node.serviceId });
      return addresses.map((address) => ({
        kind: 'address' as const,
        id: childId(node, this.id, node.accountId, `ip/${address}`),
        accountId: node.accountId,
        serviceId: node.serviceId,
        vmId: '',
        address,
        ptr: '',
        parent: node,
      }));
    }
    if (node.kind === 'service') {
      const vms = await model.services.vms({ accountId: node.accountId, serviceId: node.serviceId });
      return vms.map((vm) => ({
        kind: 'vm' as const,
        id: childId(node, this.id, node.accountId, `vm/${vm.id}`),
        accountId: node.accountId,
        serviceId: node.serviceId,
        vmId: vm.id,
        parent: node,
      }));
    }
    if (node.kind === 'vm') {
      // Its addresses, from the VM list already loaded; their reverse DNS names where the portal has them.
      if (!model.services.peekVm(node)?.ips.length) return [];
      const [addresses, ptrs] = await Promise.all([model.services.vmAddresses(node), model.services.reverseDns(node).catch(() => [])]);
      return addresses.map((address) => ({
        kind: 'address' as const,
        id: childId(node, this.id, node.accountId, `ip/${address}`),
        accountId: node.accountId,
        serviceId: node.serviceId,
        vmId: node.vmId,
        address,
        ptr: ptrs.find((p) => p.address === address)?.hostname ?? '',
        parent: node,
      }));
    }
    return [];
  },
  emptyText: (node) => (node.kind === 'service' ? (node.hasVms ? l10n.t('No virtual machines') : l10n.t('No addresses')) : node.kind === 'vm' ? l10n.t('No addresses') : l10n.t('No services')),
};

export const domainsView: ViewSpec = {
  id: 'cloudPortal.domains',
  title: l10n.t('Domains'),
  requires: 'domains',
  childrenKey(node) {
    if (node.kind === 'account') return keys.domains(node.accountId);
    if (node.kind === 'domain') return keys.domainRecords({ accountId: node.accountId, domainId: node.domainId });
    return undefined;
  },
  async children(model, node) {
    if (node.kind === 'account') {
      const domains = await model.domains.list(node.accountId);
      model.domains.learnLocks(node.accountId, domains.map((d) => d.id));
      const rows = domains.map((domain) => ({
        kind: 'domain' as const,
        id: childId(node, this.id, node.accountId, `domain/${domain.id}`),
        accountId: node.accountId,
        domainId: domain.id,
        domain,
        parent: node,
      }));
      return withUnreadableRow(rows, domains, node, ['domain', 'domains']);
    }
    if (node.kind === 'domain') {
      const records = await model.domains.records({ accountId: node.accountId, domainId: node.domainId });
      const rows = sortRecords(records).map(
        (record): RecordNode => ({
          kind: 'record',
          // Indexes shift when a record is deleted, so the id includes what the record is.
          id: childId(node, this.id, node.accountId, `record/${record.type}/${record.name}/${record.content}/${record.id}`),
          accountId: node.accountId,
          record,
          origin: node.domain.name,
          domainId: node.domainId,
          parent: node,
        }),
      );
      return withUnreadableRow(rows, records, node, [l10n.t('DNS record'), l10n.t('DNS records')]);
    }
    return [];
  },
  emptyText: (node) => (node.kind === 'domain' ? l10n.t('No DNS records') : l10n.t('No domains')),
};

export const certificatesView: ViewSpec = {
  id: 'cloudPortal.certificates',
  title: l10n.t('SSL Certificates'),
  requires: 'certificates',
  childrenKey(node) {
    return node.kind === 'account' ? keys.certificates(node.accountId) : undefined;
  },
  async children(model, node) {
    if (node.kind !== 'account') return [];
    const certificates = await model.certificates.list(node.accountId);
    // Soonest to lapse first; those without a date (not issued yet) last, by name.
    const order = [...certificates].sort((a, b) => (certificateExpiry(a) ?? Infinity) - (certificateExpiry(b) ?? Infinity) || a.domain.localeCompare(b.domain));
    const rows = order.map((certificate) => ({
      kind: 'certificate' as const,
      id: childId(node, this.id, node.accountId, `certificate/${certificate.id}`),
      accountId: node.accountId,
      certificateId: certificate.id,
      certificate,
      parent: node,
    }));
    return withUnreadableRow(rows, certificates, node, [l10n.t('certificate'), l10n.t('certificates')]);
  },
  emptyText: () => l10n.t('No SSL certificates'),
};

export const dnsZonesView: ViewSpec = {
  id: 'cloudPortal.dnsZones',
  title: l10n.t('DNS Zones'),
  childrenKey(node) {
    if (node.kind === 'account') return keys.zones(node.accountId);
    if (node.kind === 'zone') return keys.zone({ accountId: node.accountId, serviceId: node.serviceId, zoneId: node.zoneId });
    return undefined;
  },
  async children(model, node) {
    if (node.kind === 'account') {
      const zones = await model.zones.list(node.accountId);
      const rows = zones
        .slice()
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((zone) => ({
          kind: 'zone' as const,
          id: childId(node, this.id, node.accountId, `zone/${zone.service_id}/${zone.id}`),
          accountId: node.accountId,
          serviceId: zone.service_id,
          zoneId: zone.id,
          name: zone.name,
          parent: node,
        }));
      return withUnreadableRow(rows, zones, node, [l10n.t('DNS zone'), l10n.t('DNS zones')]);
    }
    if (node.kind === 'zone') {
      const zone = await model.zones.zone({ accountId: node.accountId, serviceId: node.serviceId, zoneId: node.zoneId });
      const rows = sortRecords(zone.records).map(
        (record): RecordNode => ({
          kind: 'record',
          id: childId(node, this.id, node.accountId, `record/${record.id}`),
          accountId: node.accountId,
          record,
          origin: node.name,
          zone: { serviceId: node.serviceId, zoneId: node.zoneId },
          parent: node,
        }),
      );
      return withUnreadableRow(rows, zone.records, node, ['record', 'records']);
    }
    return [];
  },
  emptyText: (node) => (node.kind === 'zone' ? l10n.t('No records') : l10n.t('No DNS zones')),
};

const STATUS_ORDER = ['Open', 'Customer-Reply', 'Answered', 'In-Progress', l10n.t('On Hold'), 'Closed'];

function statusRank(status: string): number {
  const i = STATUS_ORDER.findIndex((s) => s.toLowerCase() === status.toLowerCase());
  return i < 0 ? STATUS_ORDER.length - 1.5 : i;
}

/** Newest activity first. */
export function ticketTime(t: { lastreply: string; date: string }): number {
  return Date.parse((t.lastreply || t.date).replace(' ', 'T')) || 0;
}

export const ticketsView: ViewSpec = {
  id: 'cloudPortal.tickets',
  title: l10n.t('Tickets'),
  childrenKey(node) {
    return node.kind === 'account' || node.kind === 'ticketGroup' ? keys.tickets(node.accountId) : undefined;
  },
  async children(model, node) {
    if (node.kind === 'account') {
      const tickets = await model.tickets.list(node.accountId);
      const counts = new Map<string, number>();
      for (const t of tickets) {
        counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
      }
      const groups = [...counts]
        .sort(([a], [b]) => statusRank(a) - statusRank(b) || a.localeCompare(b))
        .map(([status, count]) => ({
          kind: 'ticketGroup' as const,
          id: childId(node, this.id, node.accountId, `status/${status}`),
          accountId: node.accountId,
          status,
          count,
          parent: node,
        }));
      return withUnreadableRow(groups, tickets, node, ['ticket', 'tickets']);
    }
    if (node.kind === 'ticketGroup') {
      const tickets = (await model.tickets.list(node.accountId)).filter((t) => t.status === node.status);
      return tickets
        .sort((a, b) => ticketTime(b) - ticketTime(a))
        .map((ticket) => ({
          kind: 'ticket' as const,
          id: `${this.id}/${node.accountId}/ticket/${ticket.ticket_number}`,
          accountId: node.accountId,
          number: ticket.ticket_number,
          ticket,
          parent: node,
        }));
    }
    return [];
  },
  emptyText: () => l10n.t('No tickets'),
};

export const VIEW_SPECS = [servicesView, domainsView, certificatesView, dnsZonesView, ticketsView];

export function accountNodeFor(spec: ViewSpec, accountId: string): AccountNode {
  return { kind: 'account', id: `${spec.id}/${accountId}`, accountId };
}

/** Rows a tree shows under one parent before a "Show All" row (VS Code's tree costs time per row). */
export const ROWS_PER_PAGE = 500;

/**
 * A node's children from the portal or, when the portal cannot be reached (network, time limit,
 * 5xx), from what was last loaded: the cache then marks that list as shown from last-known data.
 */
export async function childrenOrLastKnown(spec: ViewSpec, model: PortalModel, node: TreeNode): Promise<TreeNode[]> {
  if (!spec.children) return [];
  try {
    return await spec.children(model, node);
  } catch (e) {
    const key = spec.childrenKey(node);
    if (key && portalUnreachable(e) && model.cache.fallBack(key)) {
      return spec.children(model, node);
    }
    throw e;
  }
}
