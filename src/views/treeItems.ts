import { inlineText } from '../util/plainText';
import * as vscode from 'vscode';
import { SshHostIndex } from '../ssh/sshHostIndex';
import { contextValues } from './contextValues';
import { ACCOUNT_STATE_TEXT, AccountRegistry } from '../accounts/accountRegistry';
import { providerById } from '../accounts/providers';
import { VmAction } from '../api/capabilities';
import { isReadOnlyVm, VmState } from '../api/resources/vms';
import { vmActionsFor, vmManagementFor } from '../model/vmActions';
import { PortalModel } from '../model/portalModel';
import { keys } from '../model/cacheKeys';
import { AddressNode, AccountNode, CertificateNode, DomainNode, MessageNode, RecordNode, ServiceNode, TicketGroupNode, TicketNode, TreeNode, VmNode, ZoneNode } from './nodes';
import { recordValue } from './recordOrder';
import { certificateExpiryDay, certificateIssued } from '../model/certificateState';

const C = vscode.TreeItemCollapsibleState;
const icon = (id: string, color?: string) => new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);

const VM_ICONS: Record<VmState, vscode.ThemeIcon> = {
  running: icon('vm-running', 'charts.green'),
  stopped: icon('vm-outline', 'disabledForeground'),
  transitional: icon('sync~spin', 'charts.yellow'),
  rescue: icon('debug-alt', 'charts.orange'),
  suspended: icon('debug-pause', 'charts.red'),
  unknown: icon('vm'),
};

const VM_STATE_TEXT: Record<VmState, string> = {
  running: 'running',
  stopped: 'stopped',
  transitional: '',
  rescue: vscode.l10n.t('rescue mode'),
  suspended: 'suspended',
  unknown: '',
};

const ACTION_PROGRESS: Record<VmAction, string> = {
  start: vscode.l10n.t('starting…'),
  stop: vscode.l10n.t('stopping…'),
  shutdown: vscode.l10n.t('shutting down…'),
  reboot: vscode.l10n.t('rebooting…'),
  reset: vscode.l10n.t('resetting…'),
  rescue: vscode.l10n.t('entering rescue…'),
  unrescue: vscode.l10n.t('leaving rescue…'),
  rebuild: vscode.l10n.t('rebuilding…'),
};

function serviceStatusIcon(status: string, hasVms: boolean): vscode.ThemeIcon {
  const base = hasVms ? 'server-environment' : 'package';
  if (/^active$/i.test(status)) return icon(base, 'charts.green');
  if (/pending/i.test(status)) return icon('clock', 'charts.yellow');
  if (/suspend/i.test(status)) return icon('warning', 'charts.red');
  return icon(base, 'disabledForeground');
}

const RECORD_ICONS: Record<string, string> = {
  A: 'symbol-number',
  AAAA: 'symbol-number',
  CNAME: 'symbol-reference',
  MX: 'mail',
  TXT: 'symbol-string',
  NS: 'server',
  SRV: 'symbol-event',
  CAA: 'shield',
  SOA: 'settings',
  PTR: 'arrow-swap',
};

export function daysLeft(expires: string, now = Date.now()): number | undefined {
  const time = Date.parse(expires);
  return Number.isNaN(time) ? undefined : Math.ceil((time - now) / 86_400_000);
}

/** Maps nodes to TreeItems. Cheap: reads only what the model already holds. */
export class TreeItemFactory {
  constructor(
    private readonly registry: AccountRegistry,
    private readonly model: PortalModel,
    private readonly sshHosts?: SshHostIndex,
  ) {}

  item(node: TreeNode, expandable: boolean): vscode.TreeItem {
    switch (node.kind) {
      case 'account':
        return this.account(node, expandable);
      case 'service':
        return this.service(node);
      case 'vm':
        return this.vm(node);
      case 'address':
        return this.address(node);
      case 'domain':
        return this.domain(node);
      case 'certificate':
        return this.certificate(node);
      case 'zone':
        return this.zone(node);
      case 'record':
        return this.record(node);
      case 'ticketGroup':
        return this.ticketGroup(node);
      case 'ticket':
        return this.ticket(node);
      case 'message':
        return this.message(node);
    }
  }

  private ticketGroup(node: TicketGroupNode): vscode.TreeItem {
    const closed = /closed/i.test(node.status);
    const item = new vscode.TreeItem(node.status, closed ? C.Collapsed : C.Expanded);
    item.id = node.id;
    item.description = String(node.count);
    item.iconPath = icon(closed ? 'archive' : /answered/i.test(node.status) ? 'reply' : 'inbox');
    item.contextValue = contextValues.ticketGroup();
    return item;
  }

  private ticket(node: TicketNode): vscode.TreeItem {
    const t = node.ticket;
    const unread = !t.client_read;
    const subject = inlineText(t.subject, 200);
    const item = new vscode.TreeItem(unread ? { label: subject, highlights: [[0, subject.length]] } : subject, C.None);
    item.id = node.id;
    const when = (t.lastreply || t.date).slice(0, 16);
    item.description = [unread ? vscode.l10n.t('● new reply') : '', `#${t.ticket_number}`, t.deptname, when].filter(Boolean).join(' · ');
    item.iconPath = unread ? icon('mail', 'charts.blue') : /closed/i.test(t.status) ? icon('pass', 'disabledForeground') : icon('comment-discussion');
    item.contextValue = contextValues.ticket(/closed/i.test(t.status), unread);
    item.command = { command: 'cloudPortal.ticket.open', title: vscode.l10n.t('Open Ticket'), arguments: [node] };
    item.accessibilityInformation = { label: `${unread ? 'Unread: ' : ''}${t.subject}, ticket ${t.ticket_number}, ${t.status}` };
    return item;
  }

  private account(node: AccountNode, expandable: boolean): vscode.TreeItem {
    const account = this.registry.get(node.accountId);
    if (!account) {
      return new vscode.TreeItem(vscode.l10n.t('(removed account)'));
    }
    const { record, state } = account;
    const provider = providerById(record.providerId);
    const item = new vscode.TreeItem(record.label, expandable ? C.Expanded : C.None);
    item.id = node.id;
    item.description = state === 'signedIn' ? provider.name : `${provider.name} · ${ACCOUNT_STATE_TEXT[state]}`;
    item.iconPath =
      state === 'signedIn' ? icon('account') : state === 'signedOut' ? icon('circle-slash', 'disabledForeground') : icon('warning', 'list.warningForeground');
    item.contextValue = contextValues.account(state, this.model.cache.peek(keys.affiliate(record.id)) === false);
    return item;
  }

  private service(node: ServiceNode): vscode.TreeItem {
    const s = node.service;
    const title = s.label || s.domain || s.name;
    // Opens into its VMs, or (a service without VMs) into its own addresses.
    const item = new vscode.TreeItem(inlineText(title, 200), node.hasVms || /^(active|suspended)$/i.test(s.status) ? C.Collapsed : C.None);
    item.id = node.id;
    const parts = [title === s.name ? '' : s.name, s.status, s.next_due ? `due ${s.next_due}` : ''].filter(Boolean);
    item.description = inlineText(parts.join(' · '), 300);
    item.iconPath = serviceStatusIcon(s.status, node.hasVms);
    item.contextValue = contextValues.service(s.status, node.hasVms);
    return item;
  }

  private vm(node: VmNode): vscode.TreeItem {
    const ref = { accountId: node.accountId, serviceId: node.serviceId, vmId: node.vmId };
    const vm = this.model.services.peekVm(ref);
    const busy = this.model.vmActions.busyWith(ref);
    // Expandable into its addresses (and their reverse DNS) when it has any.
    const item = new vscode.TreeItem(inlineText(vm?.label ?? node.vmId, 200), vm?.ips.length ? C.Collapsed : C.None);
    item.id = node.id;
    const state = vm?.state ?? 'unknown';
    const stateText = busy ? ACTION_PROGRESS[busy] : VM_STATE_TEXT[state] || vm?.status || '';
    // A Host entry of ours that still names an address the VM no longer has.
    const outdated = vm && this.sshHosts?.outdatedEntry(ref, vm.ips);
    item.description = [stateText, vm?.primaryIp, isReadOnlyVm(vm) ? vscode.l10n.t('no id from the portal: read-only') : '', outdated ? vscode.l10n.t('SSH config: old address') : ''].filter(Boolean).join(' · ');
    item.iconPath = busy ? icon('loading~spin') : VM_ICONS[state];
    const actions = vmActionsFor(this.registry.get(node.accountId), vm, busy);
    item.contextValue = contextValues.vm(state, busy !== undefined, actions, Boolean(vm?.primaryIp), Boolean(outdated), busy ? [] : vmManagementFor(this.registry.get(node.accountId), vm));
    return item;
  }

  private address(node: AddressNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.address, C.None);
    item.id = node.id;
    const v6 = node.address.includes(':');
    item.description = node.ptr ? `${v6 ? 'IPv6' : 'IPv4'} · ${inlineText(node.ptr, 200)}` : v6 ? 'IPv6' : 'IPv4';
    item.tooltip = node.ptr ? vscode.l10n.t('{0}: reverse DNS {1}', node.address, node.ptr) : vscode.l10n.t('{0}: no reverse DNS name', node.address);
    item.iconPath = icon('symbol-numeric');
    const vm = node.parent?.kind === 'vm' ? this.model.services.peekVm(node.parent) : undefined;
    item.contextValue = contextValues.address(vmManagementFor(this.registry.get(node.accountId), vm).includes('rdns'));
    return item;
  }

  private domain(node: DomainNode): vscode.TreeItem {
    const d = node.domain;
    const item = new vscode.TreeItem(inlineText(d.name, 200), C.Collapsed);
    item.id = node.id;
    const left = d.daytoexpire ?? daysLeft(d.expires);
    const expiry = left === undefined ? '' : left < 0 ? vscode.l10n.t('expired {0} days ago', -left) : vscode.l10n.t('expires in {0} days', left);
    item.description = [expiry, d.status === 'Active' ? '' : d.status, d.autorenew ? vscode.l10n.t('autorenew on') : vscode.l10n.t('autorenew off')].filter(Boolean).join(' · ');
    item.iconPath = left !== undefined && left < 0 ? icon('globe', 'charts.red') : left !== undefined && left <= 30 ? icon('globe', 'charts.yellow') : icon('globe');
    item.contextValue = contextValues.domain(Boolean(d.autorenew), d.status, this.model.domains.peekLock(node));
    return item;
  }

  /** Common name, days left (yellow under 30, red when lapsed), status. */
  private certificate(node: CertificateNode): vscode.TreeItem {
    const c = node.certificate;
    const item = new vscode.TreeItem(inlineText(c.domain || c.name || c.id, 200), C.None);
    item.id = node.id;
    const day = certificateExpiryDay(c);
    const left = day === undefined ? undefined : daysLeft(day);
    const expiry = left === undefined ? '' : left < 0 ? vscode.l10n.t('expired {0} days ago', -left) : vscode.l10n.t('expires in {0} days', left);
    item.description = [expiry, c.cert_status || c.status].filter(Boolean).join(' · ');
    item.iconPath = left !== undefined && left < 0 ? icon('workspace-untrusted', 'charts.red') : left !== undefined && left < 30 ? icon('shield', 'charts.yellow') : icon('shield');
    item.contextValue = contextValues.certificate(certificateIssued(c));
    item.command = { command: 'cloudPortal.showDetails', title: vscode.l10n.t('Show Details'), arguments: [node] };
    return item;
  }

  private zone(node: ZoneNode): vscode.TreeItem {
    const item = new vscode.TreeItem(inlineText(node.name, 200), C.Collapsed);
    item.id = node.id;
    item.iconPath = icon('symbol-namespace');
    item.contextValue = contextValues.zone();
    return item;
  }

  private record(node: RecordNode): vscode.TreeItem {
    const r = node.record;
    const item = new vscode.TreeItem(inlineText(r.name || '@', 200), C.None);
    item.id = node.id;
    item.description = `${r.type}  ${inlineText(recordValue(r), 250)}${r.ttl ? `  · TTL ${r.ttl}` : ''}`;
    item.iconPath = icon(RECORD_ICONS[r.type] ?? 'symbol-constant');
    item.contextValue = contextValues.record(Boolean(node.zone), r.type !== 'SOA', r.type === 'A' || r.type === 'AAAA');
    return item;
  }

  private message(node: MessageNode): vscode.TreeItem {
    const item = new vscode.TreeItem(inlineText(node.text, 300), C.None);
    item.id = node.id;
    item.tooltip = node.detail;
    if (node.severity === 'error') {
      item.iconPath = icon('error', 'list.errorForeground');
      item.description = 'Retry';
      item.contextValue = contextValues.message('error');
      item.command = { command: 'cloudPortal.retry', title: vscode.l10n.t('Retry'), arguments: [node] };
    } else if (node.severity === 'more') {
      item.iconPath = icon('ellipsis');
      item.contextValue = contextValues.message('more');
      item.command = { command: 'cloudPortal.showAll', title: vscode.l10n.t('Show All'), arguments: [node] };
    } else if (node.severity === 'unreadable') {
      item.iconPath = icon('warning', 'list.warningForeground');
      item.description = vscode.l10n.t('Show Log');
      item.contextValue = contextValues.message('unreadable');
      item.command = { command: 'cloudPortal.showLog', title: vscode.l10n.t('Show Log') };
    } else if (node.severity === 'signIn') {
      item.iconPath = icon('sign-in', 'list.warningForeground');
      item.contextValue = contextValues.message('signIn');
      item.command = { command: 'cloudPortal.signIn', title: vscode.l10n.t('Sign In Again'), arguments: [{ accountId: node.accountId }] };
    } else {
      item.iconPath = icon('info');
      item.contextValue = contextValues.message('info');
    }
    return item;
  }

  /** Rich tooltips, built only when the user hovers (resolveTreeItem). Portal text goes in as text. */
  tooltip(node: TreeNode): vscode.MarkdownString | undefined {
    const md = new vscode.MarkdownString(undefined, false);
    const line = (label: string, value: string | number | undefined) => {
      if (value !== undefined && value !== '') {
        md.appendMarkdown(`**${label}:** `).appendText(String(value)).appendMarkdown('  \n');
      }
    };
    switch (node.kind) {
      case 'account': {
        const account = this.registry.get(node.accountId);
        if (!account) return undefined;
        md.appendMarkdown('**').appendText(account.record.label).appendMarkdown('**\n\n');
        line('Email', account.record.username);
        line('Provider', providerById(account.record.providerId).name);
        line('API', account.record.apiRoot);
        line('Sign-in', `${account.record.authMode === 'jwt' ? vscode.l10n.t('token (JWT)') : vscode.l10n.t('password (Basic)')}, ${ACCOUNT_STATE_TEXT[account.state]}`);
        return md;
      }
      case 'service': {
        const s = node.service;
        md.appendMarkdown('**').appendText(s.label || s.name).appendMarkdown('**\n\n');
        line('Product', s.name);
        line('Domain', s.domain);
        line('Status', s.status);
        line('Billing', `${s.total.toFixed(2)} ${s.billingcycle}`);
        line(vscode.l10n.t('Next due'), s.next_due);
        line('Category', s.category);
        line(vscode.l10n.t('Service id'), s.id);
        return md;
      }
      case 'vm': {
        const vm = this.model.services.peekVm(node);
        if (!vm) return undefined;
        md.appendMarkdown('**').appendText(vm.label).appendMarkdown('**\n\n');
        line('Hostname', vm.hostname);
        line('State', vm.status);
        line(vscode.l10n.t('IP addresses'), vm.ips.join(', '));
        for (const key of ['template', 'memory', 'cpu', 'disk']) {
          const value = vm.fields[key];
          if (typeof value === 'string' || typeof value === 'number') line(key[0].toUpperCase() + key.slice(1), value);
        }
        line(vscode.l10n.t('VM id'), vm.id);
        const entry = this.sshHosts?.entryFor(node);
        if (entry) line(vscode.l10n.t('SSH config'), vm.ips.includes(entry.hostName) ? `Host ${entry.alias}` : vscode.l10n.t('Host {0} still points at {1}: use Update SSH Config Entry', entry.alias, entry.hostName));
        return md;
      }
      case 'domain': {
        const d = node.domain;
        md.appendMarkdown('**').appendText(d.name).appendMarkdown('**\n\n');
        line('Status', d.status);
        line('Expires', d.expires);
        line('Autorenew', d.autorenew ? 'on' : 'off');
        line('Renewal', vscode.l10n.t('{0} per {1} year(s)', d.recurring_amount.toFixed(2), d.period));
        line('Registered', d.date_created);
        return md;
      }
      case 'certificate': {
        const c = node.certificate;
        md.appendMarkdown('**').appendText(c.domain || c.name).appendMarkdown('**\n\n');
        line('Product', c.name);
        line('Status', [c.status, c.cert_status].filter(Boolean).join(' · '));
        line('Expires', c.cert_expires);
        line('Next due', c.next_due);
        return md;
      }
      case 'record': {
        const r = node.record;
        md.appendMarkdown('**').appendText(`${r.name || '@'} ${r.type}`).appendMarkdown('**\n\n');
        line('Zone', node.origin);
        line('Content', r.content);
        if (r.type === 'MX' || r.type === 'SRV') line('Priority', r.priority);
        line('TTL', r.ttl || 'default');
        return md;
      }
      default:
        return undefined;
    }
  }
}
