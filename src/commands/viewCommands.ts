import * as vscode from 'vscode';
import { Ctx } from '../ctx';
import { TreeNode } from '../views/nodes';
import { VIEW_SPECS } from '../views/viewSpecs';
import { CommandFactory } from './command';
import { shownOverWebview } from '../ui/shownOverWebview';

function isNode(value: unknown): value is TreeNode {
  return !!value && typeof value === 'object' && typeof (value as TreeNode).kind === 'string' && typeof (value as TreeNode).id === 'string';
}

export const refreshView: CommandFactory = (services) => ({
  id: 'cloudPortal.refresh',
  run(viewId?: unknown) {
    const providers = typeof viewId === 'string' ? services.views.providers.filter((p) => p.spec.id === viewId) : services.views.providers;
    providers.forEach((p) => p.reload());
  },
});

/** The refresh button in each view's title bar: `cloudPortal.services.refresh`, … */
export const refreshEachView: CommandFactory[] = VIEW_SPECS.map((spec) => (services) => ({
  id: `${spec.id}.refresh`,
  run() {
    services.views.provider(spec.id)?.reload();
  },
}));

export const refreshNode: CommandFactory = (services) => ({
  id: 'cloudPortal.refreshNode',
  run(node?: unknown) {
    if (isNode(node)) {
      services.views.providerFor(node)?.reload(node);
    } else {
      services.views.providers.forEach((p) => p.reload());
    }
  },
});

export const retry: CommandFactory = (services) => ({
  id: 'cloudPortal.retry',
  run(node?: unknown) {
    if (isNode(node) && node.parent) {
      services.views.providerFor(node.parent)?.reload(node.parent);
    }
  },
});

export const showAll: CommandFactory = (services) => ({
  id: 'cloudPortal.showAll',
  run(node?: unknown) {
    if (isNode(node) && node.kind === 'message') {
      services.views.providerFor(node)?.showAll(node);
    }
  },
});

function ipsOf(services: Ctx, node: TreeNode): string[] {
  if (node.kind === 'vm') {
    return services.model.services.peekVm(node)?.ips ?? [];
  }
  if (node.kind === 'address') {
    return [node.address];
  }
  return [];
}

export const copyIp: CommandFactory = (services) => ({
  id: 'cloudPortal.copyIp',
  async run(node?: unknown) {
    if (!isNode(node)) {
      return;
    }
    const ips = ipsOf(services, node);
    const ip = ips.length > 1 ? await vscode.window.showQuickPick(ips, { placeHolder: vscode.l10n.t('Copy which address?'), ignoreFocusOut: shownOverWebview() }) : ips[0];
    if (ip) {
      await vscode.env.clipboard.writeText(ip);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', ip), 5_000);
    }
  },
});

export const copyId: CommandFactory = () => ({
  id: 'cloudPortal.copyId',
  async run(node?: unknown) {
    if (!isNode(node)) {
      return;
    }
    const id =
      node.kind === 'service' ? node.serviceId
      : node.kind === 'vm' ? node.vmId
      : node.kind === 'domain' ? node.domainId
      : node.kind === 'zone' ? node.zoneId
      : node.kind === 'record' ? node.record.id
      : node.accountId;
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied id {0}', id), 5_000);
  },
});

/** The portal's web client area for a resource, from the account's API root. */
export function clientAreaUrl(apiRoot: string, node: TreeNode): string {
  const base = apiRoot.replace(/api\/?$/, '');
  switch (node.kind) {
    case 'service':
      return `${base}clientarea/services/${encodeURIComponent(node.service.category_url || 'service')}/${encodeURIComponent(node.serviceId)}/`;
    case 'vm':
      return `${base}clientarea/services/service/${encodeURIComponent(node.serviceId)}/`;
    case 'domain':
      return `${base}clientarea/domains/${encodeURIComponent(node.domainId)}/${encodeURIComponent(node.domain.name)}/`;
    case 'zone':
    case 'record':
      return `${base}clientarea/services/dns/${encodeURIComponent(node.kind === 'zone' ? node.serviceId : (node.zone?.serviceId ?? ''))}/`;
    default:
      return `${base}clientarea/`;
  }
}

export const openInPortal: CommandFactory = (services) => ({
  id: 'cloudPortal.openInPortal',
  async run(node?: unknown) {
    if (!isNode(node)) {
      return;
    }
    const account = services.registry.get(node.accountId);
    if (account) {
      await vscode.env.openExternal(vscode.Uri.parse(clientAreaUrl(account.record.apiRoot, node)));
    }
  },
});

/** Deletes every account's offline snapshot (the rows on screen stay until they are refreshed). */
export const clearOfflineSnapshots: CommandFactory = (services) => ({
  id: 'cloudPortal.clearOfflineSnapshots',
  async run() {
    await services.model.clearSnapshots();
    services.logger.info('Offline snapshots deleted.');
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Offline snapshots deleted'), 4_000);
  },
});

export const viewCommands = [refreshView, ...refreshEachView, refreshNode, retry, showAll, copyIp, copyId, openInPortal, clearOfflineSnapshots];
