import * as vscode from 'vscode';
import { Account, AccountRegistry } from '../accounts/accountRegistry';
import { describeError } from '../api/errors';
import { balanceSummary } from '../billing/invoices';
import { settings } from '../config';
import { PortalModel } from '../model/portalModel';
import { keys } from '../model/cacheKeys';


/**
 * One status bar item per signed-in account: credit, or the number and sum of unpaid invoices
 * (then with the warning background). Click: that account's invoices. Reloaded when an order or
 * payment changes billing, and every few minutes.
 */
export class BalanceStatusBar implements vscode.Disposable {
  private readonly items = new Map<string, vscode.StatusBarItem>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly loading = new Set<string>();
  /** Accounts whose billing changed while they were loading: loaded once more after. */
  private readonly stale = new Set<string>();

  constructor(
    private readonly registry: AccountRegistry,
    private readonly model: PortalModel,
  ) {
    this.subscriptions.push(
      registry.onDidChange(() => this.sync()),
      model.cache.onDidInvalidate((key) => {
        const account = this.registry.list().find((a) => key === keys.balance(a.record.id) || key === keys.invoices(a.record.id));
        if (account) void this.load(account);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(settings.showBalance.key) && this.sync()),
    );
    this.timer = setInterval(() => this.sync(true), 5 * 60_000);
    this.sync();
  }

  private enabled(): boolean {
    return settings.showBalance.get();
  }

  private sync(reload = false): void {
    const wanted = this.enabled() ? this.registry.list().filter((a) => a.state === 'signedIn') : [];
    for (const [id, item] of this.items) {
      if (!wanted.some((a) => a.record.id === id)) {
        item.dispose();
        this.items.delete(id);
      }
    }
    for (const account of wanted) {
      if (!this.items.has(account.record.id) || reload) void this.load(account, reload);
    }
  }

  private item(account: Account): vscode.StatusBarItem {
    let item = this.items.get(account.record.id);
    if (!item) {
      item = vscode.window.createStatusBarItem(`cloudPortal.balance.${account.record.id}`, vscode.StatusBarAlignment.Right, 50);
      item.name = vscode.l10n.t('Cloud Portal Balance ({0})', account.record.label);
      item.command = { title: vscode.l10n.t('Show Invoices'), command: 'cloudPortal.billing.showInvoices', arguments: [{ accountId: account.record.id }] };
      this.items.set(account.record.id, item);
    }
    return item;
  }

  private async load(account: Account, force = false): Promise<void> {
    const id = account.record.id;
    if (!this.enabled() || account.state !== 'signedIn') return;
    if (this.loading.has(id)) {
      this.stale.add(id);
      return;
    }
    this.loading.add(id);
    const item = this.item(account);
    const label = account.record.label;
    if (!item.text) {
      item.text = `$(loading~spin) ${label}`;
      item.show();
    }
    try {
      const [balance, invoices] = await Promise.all([this.model.billing.balance(id, force), this.model.billing.invoices(id, force)]);
      const summary = balanceSummary(balance, invoices);
      item.text = `${summary.attention ? '$(warning)' : '$(credit-card)'} ${label}: ${summary.text}`;
      item.tooltip = vscode.l10n.t('{0}\n{1}\n\nClick to show invoices.', label, summary.tooltip);
      item.backgroundColor = summary.attention ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      item.accessibilityInformation = { label: `${label} billing: ${summary.tooltip.replace(/\n/g, ', ')}` };
    } catch (e) {
      item.text = `$(credit-card) ${label}: —`;
      item.tooltip = vscode.l10n.t('{0}: the balance could not be loaded ({1}). Click to show invoices.', label, describeError(e));
      item.backgroundColor = undefined;
    } finally {
      this.loading.delete(id);
      if (this.items.get(id) === item) item.show();
      if (this.stale.delete(id)) void this.load(account);
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.items.forEach((i) => i.dispose());
  }
}
