import * as vscode from 'vscode';
import { Account, AccountRegistry } from '../accounts/accountRegistry';
import { providerById } from '../accounts/providers';
import { STATE_TEXT } from '../commands/pickAccount';
import { accountNode, TreeNode } from './nodes';

export interface ViewDefinition {
  id: string;
  /** Which accounts appear in this view (e.g. Domains: portals that register domains). */
  showsAccount(account: Account): boolean;
  /** Whether account rows expand (false while a view has nothing below accounts). */
  hasChildren: boolean;
}

/**
 * A tree of accounts and what is below them. `getTreeItem` only maps a node; all loading happens in
 * `getChildren`. Refreshes are per node.
 */
export class PortalTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly view: ViewDefinition,
    private readonly registry: AccountRegistry,
  ) {
    this.subscription = registry.onDidChange(() => this.changed.fire(undefined));
  }

  refresh(node?: TreeNode): void {
    this.changed.fire(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'account') {
      const account = this.registry.get(node.accountId);
      return account ? accountItem(node, account, this.view.hasChildren) : new vscode.TreeItem('(removed account)');
    }
    const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = `message.${node.severity}`;
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      return this.registry
        .list()
        .filter((a) => this.view.showsAccount(a))
        .map((a) => accountNode(this.view.id, a.record.id));
    }
    return [];
  }

  getParent(): TreeNode | undefined {
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

const STATE_ICON: Record<Account['state'], vscode.ThemeIcon> = {
  signedIn: new vscode.ThemeIcon('account'),
  signedOut: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  signInRequired: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
};

function accountItem(node: TreeNode, account: Account, expandable: boolean): vscode.TreeItem {
  const { record, state } = account;
  const provider = providerById(record.providerId);
  const item = new vscode.TreeItem(
    record.label,
    expandable && state === 'signedIn' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.description = state === 'signedIn' ? provider.name : `${provider.name} · ${STATE_TEXT[state]}`;
  item.iconPath = STATE_ICON[state];
  item.contextValue = `account.${state}`;
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.appendMarkdown('**').appendText(record.label).appendMarkdown('**\n\n');
  tooltip.appendText(`${record.username} · ${provider.name}\n\n${record.apiRoot}\n\n`);
  tooltip.appendText(`${record.authMode === 'jwt' ? 'Token (JWT)' : 'Password (Basic)'} · ${STATE_TEXT[state]}`);
  item.tooltip = tooltip;
  if (state !== 'signedIn') {
    item.command = { command: 'cloudPortal.signIn', title: 'Sign In Again', arguments: [node] };
  }
  return item;
}
