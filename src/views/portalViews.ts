import * as vscode from 'vscode';
import { AccountRegistry, FIRST_ROWS_WAIT_MS } from '../accounts/accountRegistry';
import { settings } from '../config';
import { PortalModel } from '../model/portalModel';
import { TreeNode } from './nodes';
import { ResourceTreeProvider } from './resourceTreeProvider';
import { TreeItemFactory } from './treeItems';
import { SshHostIndex } from '../ssh/sshHostIndex';
import { accountHas, certificatesView, domainsView, servicesView, VIEW_SPECS } from './viewSpecs';

/** About a frame or several: the window paints rows it was handed within this (window bench: 40–120 ms). */
const PAINT_MS = 100;

/** The five resource views, their providers and tree views; commands use it to refresh and reveal rows. */
export class PortalViews implements vscode.Disposable {
  readonly providers: ResourceTreeProvider[];
  private readonly treeViews = new Map<string, vscode.TreeView<TreeNode>>();
  private readonly disposables: vscode.Disposable[] = [];
  private autoRefresh: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: AccountRegistry,
    model: PortalModel,
    sshHosts?: SshHostIndex,
  ) {
    const items = new TreeItemFactory(registry, model, sshHosts);
    const hideSingleAccount = settings.hideSingleAccount.get;
    this.providers = VIEW_SPECS.map((spec) => new ResourceTreeProvider(spec, { registry, model, items, hideSingleAccount }));
    for (const provider of this.providers) {
      const view = vscode.window.createTreeView(provider.spec.id, { treeDataProvider: provider, showCollapseAll: true });
      this.treeViews.set(provider.spec.id, view);
      this.disposables.push(
        provider,
        view,
        view.onDidCollapseElement((e) => provider.setCollapsed(e.element, true)),
        view.onDidExpandElement((e) => provider.setCollapsed(e.element, false)),
      );
    }
    this.updateContextKeys();
    if (sshHosts) {
      // VM rows mark an SSH config entry with an old address: redrawn (from the model, no request) when the entries change.
      this.disposables.push(sshHosts.onDidChange(() => this.providers.filter((p) => p.spec.id === servicesView.id).forEach((p) => p.refresh())));
    }
    this.disposables.push(
      // The views that come with an account appear with it, not later: a pane added under the user's
      // pointer after the rows were painted would move what they were about to click.
      registry.onDidChange(() => this.updateContextKeys()),
      registry.onDidConnect((e) => {
        // A verified sign-in: the views in sight ask for their first rows now, not after it is stored;
        // its other work (probes, storing) waits for those rows.
        this.providers.filter((p) => this.treeViews.get(p.spec.id)?.visible).forEach((p) => p.prefetch(e.accountId));
        e.waitUntil(this.firstRowsShown(e.accountId));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(settings.hideSingleAccount.key)) {
          this.providers.forEach((p) => p.refresh());
        }
        if (e.affectsConfiguration(settings.autoRefreshMinutes.key)) {
          this.scheduleAutoRefresh();
        }
      }),
    );
    this.scheduleAutoRefresh();
  }

  providerFor(node: TreeNode): ResourceTreeProvider | undefined {
    return this.providers.find((p) => p.owns(node));
  }

  provider(viewId: string): ResourceTreeProvider | undefined {
    return this.providers.find((p) => p.spec.id === viewId);
  }

  /** The count on a view's activity-bar badge (0 removes it). */
  setBadge(viewId: string, count: number, tooltip: string): void {
    const view = this.treeViews.get(viewId);
    if (view) {
      view.badge = count > 0 ? { value: count, tooltip } : undefined;
    }
  }

  async reveal(node: TreeNode): Promise<void> {
    const view = this.treeViews.get(node.id.split('/')[0]);
    await vscode.commands.executeCommand(`${node.id.split('/')[0]}.focus`);
    await view?.reveal(node, { select: true, focus: true, expand: node.kind !== 'record' && node.kind !== 'vm' });
  }

  /**
   * When every view in sight that lists the account has handed VS Code its first rows, and the window
   * has had a moment to paint them; at most FIRST_ROWS_WAIT_MS. In code-server the window itself writes
   * a sign-in's SecretStorage and account record, on the thread that paints those rows: held back until
   * then, the first rows were painted sooner (window bench, sign-ins alternately with and without).
   */
  private firstRowsShown(accountId: string): Promise<void> {
    const waiting = new Set(this.providers.filter((p) => this.treeViews.get(p.spec.id)?.visible && p.asksForRowsOf(accountId)));
    if (waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(limit);
        listening.forEach((l) => l.dispose());
        resolve();
      };
      const limit = setTimeout(done, FIRST_ROWS_WAIT_MS);
      const listening = [...waiting].map((p) =>
        p.onDidHandOverRows((id) => {
          if (id !== accountId) return;
          waiting.delete(p);
          if (waiting.size === 0) setTimeout(done, PAINT_MS);
        }),
      );
    });
  }

  private updateContextKeys(): void {
    const accounts = this.registry.list();
    void vscode.commands.executeCommand('setContext', 'cloudPortal.hasAccounts', accounts.length > 0);
    void vscode.commands.executeCommand('setContext', 'cloudPortal.hasDomainPortal', accounts.some((a) => accountHas(a, domainsView.requires!)));
    void vscode.commands.executeCommand('setContext', 'cloudPortal.hasCertificatePortal', accounts.some((a) => accountHas(a, certificatesView.requires!)));
  }

  private scheduleAutoRefresh(): void {
    clearInterval(this.autoRefresh);
    const minutes = settings.autoRefreshMinutes.get();
    if (minutes > 0) {
      this.autoRefresh = setInterval(() => this.providers.forEach((p) => p.reload()), Math.max(1, minutes) * 60_000);
    }
  }

  dispose(): void {
    clearInterval(this.autoRefresh);
    this.disposables.forEach((d) => d.dispose());
  }
}
