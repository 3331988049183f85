import * as vscode from 'vscode';
import { Account, AccountRegistry } from '../accounts/accountRegistry';
import { AuthenticationError, describeError } from '../api/errors';
import { PortalModel } from '../model/portalModel';
import { MessageNode, TreeNode } from './nodes';
import { TreeItemFactory } from './treeItems';
import { accountHas, accountNodeFor, childrenOrLastKnown, ROWS_PER_PAGE, ViewSpec } from './viewSpecs';
import { whenText } from '../util/whenText';
import { BatchedRedraws } from './batchedRedraws';

export interface TreeContext {
  registry: AccountRegistry;
  model: PortalModel;
  items: TreeItemFactory;
  /** `cloudPortal.views.hideSingleAccount`: with one account, list its resources at the top. */
  hideSingleAccount: () => boolean;
}

/**
 * One view: accounts at the top (unless hidden), the spec's resources below. `getTreeItem` only
 * maps; `getChildren` loads through the model and turns failures into one message row with Retry
 * (or Sign In Again) and empty lists into a "No …" row. Changes reload only the affected node.
 */
export class ResourceTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  private readonly handedOver = new vscode.EventEmitter<string>();
  /** Fires with an account's id when the tree asked for its first level and got it. */
  readonly onDidHandOverRows = this.handedOver.event;
  /** Rows background learning changed, redrawn in one event once it pauses (at least every 2 s). */
  private readonly learnedRows = new BatchedRedraws<TreeNode>((rows) => this.changed.fire(rows), { quietMs: 500, maxWaitMs: 2_000 });
  readonly onDidChangeTreeData = this.changed.event;
  /** Rows shown under a parent beyond the first page, by the parent's id. */
  private readonly limits = new Map<string, number>();
  /**
   * Rows that model events can redraw, by id: rows with children (an invalidated key names them)
   * and VMs (their state changes). Leaves such as records are not kept: a zone can hold thousands.
   */
  private readonly rendered = new Map<string, TreeNode>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Rows the user collapsed (from the tree view's events): their children are not on screen. */
  private readonly collapsed = new Set<string>();
  /** Rows the user opened (from the tree view's events): VS Code asks for their children next. */
  private readonly expanded = new Set<string>();
  /** A reload of every account is under way: it redraws the whole tree itself, in one event. */
  private redrawingAll = false;
  /** How each account row was last drawn: with which last-known mark. */
  private readonly drawnMarks = new Map<string, 'fresh' | 'stale' | 'offline'>();

  constructor(
    readonly spec: ViewSpec,
    private readonly ctx: TreeContext,
  ) {
    this.subscriptions.push(
      ctx.registry.onDidChange(() => this.refresh()),
      ctx.model.cache.onDidInvalidate((key) => this.onInvalidated(key)),
      // A row shown from the last session's snapshot was refreshed (or could not be): redraw it and its mark.
      ctx.model.cache.onDidRefresh((key) => this.onInvalidated(key)),
      ctx.model.services.onDidLearnHasVms((ref) => {
        for (const node of this.rendered.values()) {
          if (node.kind === 'service' && !node.hasVms && node.serviceId === ref.serviceId && node.accountId === ref.accountId) {
            // Opened from now on, it lists its VMs; its icon and menu follow with the next batch.
            node.hasVms = true;
            this.learnedRows.add(node);
          }
        }
      }),
      ctx.model.domains.onDidLearnLock((ref) => {
        for (const node of this.rendered.values()) {
          if (node.kind === 'domain' && node.domainId === ref.domainId && node.accountId === ref.accountId) this.learnedRows.add(node);
        }
      }),
      ctx.model.vmActions.onDidChangeVm((ref) => {
        for (const node of this.rendered.values()) {
          if (node.kind === 'vm' && node.vmId === ref.vmId && node.serviceId === ref.serviceId && node.accountId === ref.accountId) {
            this.changed.fire(node);
          }
        }
      }),
    );
  }

  /**
   * Starts loading an account's first level before the tree asks (a sign-in that was just verified):
   * the tree's request then shares it. Failures are left for the tree to show.
   */
  prefetch(accountId: string): void {
    if (!this.spec.requires) {
      this.startLoading(accountNodeFor(this.spec, accountId));
    }
  }

  /** Whether the tree will ask this view for the account's first level: the account is listed here, its row open. */
  asksForRowsOf(accountId: string): boolean {
    return this.spec.children !== undefined && this.accounts().some((a) => a.record.id === accountId) && !this.collapsed.has(accountNodeFor(this.spec, accountId).id);
  }

  /** Starts loading a node's children; the tree's own request shares it. Failures are left for the tree to show. */
  private startLoading(node: TreeNode): void {
    void this.spec.children?.(this.ctx.model, node).catch(() => undefined);
  }

  accounts(): Account[] {
    return this.ctx.registry.list().filter((a) => !this.spec.requires || accountHas(a, this.spec.requires));
  }

  private accountLevelHidden(): boolean {
    const accounts = this.accounts();
    return accounts.length === 1 && accounts[0].state === 'signedIn' && this.ctx.hideSingleAccount();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = this.ctx.items.item(node, node.kind === 'account' && this.spec.children !== undefined);
    // Rows from the last-known state say so: the account row when, the rows themselves "(cached)".
    const cache = this.ctx.model.cache;
    const ownKey = node.kind === 'account' ? this.spec.childrenKey(node) : undefined;
    const parentKey = node.parent && node.kind !== 'message' ? this.spec.childrenKey(node.parent) : undefined;
    if (node.kind === 'account') {
      const mark = this.markOf(ownKey);
      this.drawnMarks.set(node.id, mark);
      if (mark !== 'fresh') {
        item.description = `${item.description ?? ''} · ${mark === 'offline' ? vscode.l10n.t('offline — last updated') : vscode.l10n.t('as of')} ${whenText(cache.staleSince(ownKey!)!)}`;
      }
    } else if (parentKey && cache.staleSince(parentKey)) {
      item.description = `${item.description ?? ''} (cached)`;
    }
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    item.tooltip ??= this.ctx.items.tooltip(node);
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      const accounts = this.accounts();
      if (this.accountLevelHidden()) {
        return this.handOver(accountNodeFor(this.spec, accounts[0].record.id));
      }
      return this.remember(accounts.map((a) => accountNodeFor(this.spec, a.record.id)));
    }
    return node.kind === 'account' ? this.handOver(node) : this.load(node);
  }

  /** An account's first level, for the tree; then says the tree has it. */
  private async handOver(account: TreeNode): Promise<TreeNode[]> {
    const rows = await this.load(account);
    this.handedOver.fire(account.accountId);
    return rows;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    const parent = node.parent;
    return parent?.kind === 'account' && this.accountLevelHidden() ? undefined : parent;
  }

  private async load(node: TreeNode): Promise<TreeNode[]> {
    if (node.kind === 'account' && this.ctx.registry.get(node.accountId)?.state !== 'signedIn') {
      return [this.message(node, 'signIn', vscode.l10n.t('Signed out — sign in to see this account'))];
    }
    if (!this.spec.children) {
      return [];
    }
    let children: TreeNode[];
    const key = this.spec.childrenKey(node);
    try {
      // When the portal cannot be reached, what was last loaded stays on screen, marked, with Retry.
      children = await childrenOrLastKnown(this.spec, this.ctx.model, node);
    } catch (e) {
      if (e instanceof AuthenticationError && e.signInRequired) {
        return [this.message(node, 'signIn', vscode.l10n.t('Session ended — sign in again'))];
      }
      return [this.message(node, 'error', vscode.l10n.t('Could not load: {0}', describeError(e)), describeError(e))];
    }
    // The account row was drawn before its rows were known to be last-known ones: draw it again with its mark.
    if (node.kind === 'account' && !this.accountLevelHidden() && (this.drawnMarks.get(node.id) ?? 'fresh') !== this.markOf(key)) {
      this.changed.fire(node);
    }
    const offline = this.offlineRow(node, key);
    if (offline) {
      return [offline, ...this.openChildrenLoading(this.page(node, children))];
    }
    if (children.length === 0) {
      return [this.message(node, 'info', this.spec.emptyText(node))];
    }
    return this.openChildrenLoading(this.page(node, children));
  }

  /**
   * Starts loading the children of the rows among `rows` that are open. VS Code asks the extension
   * for a batch of open rows' children one after another (each waits for the one before), so a
   * Refresh with 100 servers open took 100 round trips; the tree's requests now share these, which
   * go out together (as many at once as the account's connections allow).
   */
  private openChildrenLoading(rows: TreeNode[]): TreeNode[] {
    for (const row of rows) {
      if (this.expanded.has(row.id) && this.spec.childrenKey(row) !== undefined) this.startLoading(row);
    }
    return rows;
  }

  /** Whether `key` shows fresh data, the last session's (being refreshed), or last-known data because the portal cannot be reached. */
  private markOf(key: string | undefined): 'fresh' | 'stale' | 'offline' {
    const cache = this.ctx.model.cache;
    if (!key || cache.staleSince(key) === undefined) return 'fresh';
    return cache.staleBecause(key) === undefined ? 'stale' : 'offline';
  }

  /** "Offline — showing what was loaded at 12:03" with Retry, while `key` shows its last-known value because of a failure. */
  private offlineRow(node: TreeNode, key: string | undefined): MessageNode | undefined {
    const cache = this.ctx.model.cache;
    const why = key ? cache.staleBecause(key) : undefined;
    const since = key ? cache.staleSince(key) : undefined;
    if (why === undefined || since === undefined) return undefined;
    return this.message(node, 'error', vscode.l10n.t('Offline — showing what was loaded at {0}', whenText(since)), vscode.l10n.t('The portal could not be reached: {0}', describeError(why)), 'offline');
  }

  private page(node: TreeNode, children: TreeNode[]): TreeNode[] {
    // Very long lists (a zone of thousands of records) show a page first: VS Code's tree costs
    // time for every row handed to it, and the rest is one click away.
    const limit = this.limits.get(node.id) ?? ROWS_PER_PAGE;
    if (children.length > limit) {
      const more = vscode.l10n.t('Show All {0} ({1} shown)', children.length.toLocaleString('en-US'), limit.toLocaleString('en-US'));
      return [...this.remember(children.slice(0, limit)), this.message(node, 'more', more, vscode.l10n.t('Open Zone as File or Go to Resource… to work with all of them at once.'))];
    }
    return this.remember(children);
  }

  /** The tree view says a row was collapsed or expanded. */
  setCollapsed(node: TreeNode, collapsed: boolean): void {
    if (collapsed) {
      this.collapsed.add(node.id);
      this.expanded.delete(node.id);
    } else {
      this.collapsed.delete(node.id);
      this.expanded.add(node.id);
    }
  }

  /** Shows every child of the parent of a "Show All" row. */
  showAll(more: MessageNode): void {
    if (more.parent) {
      this.limits.set(more.parent.id, Number.POSITIVE_INFINITY);
      this.changed.fire(more.parent);
    }
  }

  /** A message row; `slot` keeps ids apart when a list has two (offline, and Show All). */
  private message(parent: TreeNode, severity: MessageNode['severity'], text: string, detail?: string, slot = 'message'): MessageNode {
    return this.remember([{ kind: 'message', id: `${parent.id}/${slot}`, accountId: parent.accountId, parent, severity, text, detail }])[0] as MessageNode;
  }

  private remember<T extends TreeNode>(nodes: T[]): T[] {
    for (const node of nodes) {
      if (node.kind === 'vm' || this.spec.childrenKey(node) !== undefined) {
        this.rendered.set(node.id, node);
      }
    }
    return nodes;
  }

  /** Redraws `node` (or everything), using what the model has. */
  refresh(node?: TreeNode): void {
    if (!node) {
      this.rendered.clear();
      this.learnedRows.clear();
    }
    this.changed.fire(node);
  }

  /** Forgets the cached children of `node` (or of every account) and redraws it. */
  reload(node?: TreeNode): void {
    const targets = node ? [node] : this.accounts().map((a) => accountNodeFor(this.spec, a.record.id));
    // Everything is redrawn in one tree event below, not one per account and then the root: VS Code
    // sends the first event at once and holds the others back 200 ms (the whole tree drawn again then,
    // and the next gesture's event held back with them).
    this.redrawingAll = !node;
    try {
      for (const target of targets) {
        const key = this.spec.childrenKey(target);
        if (key) {
          this.ctx.model.invalidate(key);
          // Rows in sight are asked for now, not after the tree's round trips to find out what to redraw
          // (the tree shares the request); a collapsed row's are asked when it is opened.
          if (!this.collapsed.has(target.id) && this.ctx.registry.get(target.accountId)?.state === 'signedIn') {
            this.startLoading(target);
          }
        }
      }
    } finally {
      this.redrawingAll = false;
    }
    if (!node) {
      this.refresh();
    }
  }

  private onInvalidated(key: string): void {
    if (this.redrawingAll) return;
    const affected = [...this.rendered.values()].filter((node) => this.spec.childrenKey(node) === key);
    // Redraw the topmost affected rows: their descendants are asked again anyway.
    const top = affected.filter((node) => !affected.some((other) => other !== node && node.id.startsWith(`${other.id}/`)));
    for (const node of top) {
      const hiddenAccount = node.kind === 'account' && this.accountLevelHidden();
      this.changed.fire(hiddenAccount ? undefined : node);
    }
    if (top.length > 0) {
      return;
    }
    if (this.accountLevelHidden() && this.spec.childrenKey(accountNodeFor(this.spec, this.accounts()[0].record.id)) === key) {
      this.changed.fire(undefined);
    }
  }

  owns(node: TreeNode): boolean {
    return node.id.startsWith(`${this.spec.id}/`);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.learnedRows.dispose();
    this.changed.dispose();
    this.handedOver.dispose();
  }
}
