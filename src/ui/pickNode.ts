import * as vscode from 'vscode';
import { providerById } from '../accounts/providers';
import { Ctx } from '../ctx';
import { TreeNode } from '../views/nodes';
import { ViewSpec } from '../views/viewSpecs';
import { collectNodes } from './resourceIndex';
import { shownOverWebview } from './shownOverWebview';

/** A label for a node in quick picks. */
export function describeNode(services: Ctx, node: TreeNode): { label: string; description: string } {
  const account = services.registry.get(node.accountId)?.record;
  const where = account ? `${account.label} · ${providerById(account.providerId).name}` : '';
  switch (node.kind) {
    case 'service':
      return { label: `$(server-environment) ${node.service.label || node.service.domain || node.service.name}`, description: `service · ${node.service.name} · ${where}` };
    case 'vm': {
      const vm = services.model.services.peekVm(node);
      return { label: `$(vm) ${vm?.label ?? node.vmId}`, description: `VM · ${vm?.primaryIp ?? ''} · ${where}` };
    }
    case 'domain':
      return { label: `$(globe) ${node.domain.name}`, description: `domain · ${where}` };
    case 'zone':
      return { label: `$(symbol-namespace) ${node.name}`, description: vscode.l10n.t('DNS zone · {0}', where) };
    case 'ticket':
      return { label: `$(comment-discussion) ${node.ticket.subject}`, description: `#${node.number} · ${node.ticket.status} · ${where}` };
    case 'record':
      return { label: `$(symbol-constant) ${node.record.name === '@' ? '' : `${node.record.name}.`}${node.origin} ${node.record.type}`, description: `${node.record.content} · ${where}` };
    default:
      return { label: node.id, description: where };
  }
}

/**
 * The node a command acts on: the tree row it was run on, or, from the palette, one picked from
 * everything of that kind in every signed-in account.
 */
export async function nodeFor<K extends TreeNode['kind']>(
  services: Ctx,
  arg: unknown,
  kind: K,
  specs: ViewSpec[],
  placeHolder: string,
  accept: (node: Extract<TreeNode, { kind: K }>) => boolean = () => true,
): Promise<Extract<TreeNode, { kind: K }> | undefined> {
  if (arg && typeof arg === 'object' && (arg as TreeNode).kind === kind) {
    return arg as Extract<TreeNode, { kind: K }>;
  }
  const depth: Record<TreeNode['kind'], number> = { account: 0, service: 1, domain: 1, certificate: 1, zone: 1, ticketGroup: 1, vm: 2, address: 3, record: 2, ticket: 2, message: 9 };
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading resources…') },
    () =>
      collectNodes(services, specs, {
        wanted: (node) => node.kind === kind && accept(node as Extract<TreeNode, { kind: K }>),
        descend: (node) => depth[node.kind] < depth[kind] && (node.kind !== 'service' || node.hasVms),
      }),
  );
  const nodes = found.nodes as Extract<TreeNode, { kind: K }>[];
  if (nodes.length === 0) {
    void vscode.window.showInformationMessage(found.failures.length ? vscode.l10n.t('Nothing found: {0}', found.failures[0]) : vscode.l10n.t('Nothing to choose from.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    nodes.map((node) => ({ ...describeNode(services, node), node })),
    { placeHolder, matchOnDescription: true, ignoreFocusOut: shownOverWebview() },
  );
  return picked?.node;
}

/** What a row shows of its resource: compared before a change made from last-known data. */
function shownData(services: Ctx, node: TreeNode): unknown {
  switch (node.kind) {
    case 'record':
      return node.record;
    case 'service':
      return node.service;
    case 'domain':
      return node.domain;
    case 'vm':
      return services.model.services.peekVm(node);
    case 'zone':
      return node.name;
    default:
      return node.id;
  }
}

/**
 * Before a change is made to a row shown from last-known data (the last session's snapshot, or
 * offline): its list is read from the portal first. The fresh row comes back when it is what the
 * user saw; if it changed or is gone, the user is told (the view now shows it as it is) and nothing
 * is sent. Rows already fresh come back as they are, without a request.
 */
export async function fresh<N extends TreeNode>(services: Ctx, node: N | undefined): Promise<N | undefined> {
  if (!node) return undefined;
  const spec = services.views.providerFor(node)?.spec;
  const parent = node.parent;
  const key = parent && spec?.childrenKey(parent);
  if (!spec?.children || !parent || !key || services.model.cache.staleSince(key) === undefined) {
    return node;
  }
  const seen = JSON.stringify(shownData(services, node));
  services.model.invalidate(key);
  const fresh = (await spec.children(services.model, parent)).find((n) => n.id === node.id) as N | undefined;
  if (fresh && JSON.stringify(shownData(services, fresh)) === seen) {
    return fresh;
  }
  const name = describeNode(services, node).label.replace(/^\$\([^)]*\) /, '');
  void vscode.window.showWarningMessage(
    fresh
      ? vscode.l10n.t('“{0}” changed on the portal since it was last loaded. The view now shows it as it is: check it, then try again.', name)
      : vscode.l10n.t('“{0}” is gone from the portal since it was last loaded. The view now shows it as it is: check it, then try again.', name),
  );
  return undefined;
}
