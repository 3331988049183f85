// Needs Attention: one view, across accounts, of what lapses or is owed soon (see model/attention.ts), each
// row with its action; and one notification per item per window, remembered across reloads, several at
// once folded into one summary.
import * as vscode from 'vscode';
import { AccountRegistry } from '../accounts/accountRegistry';
import { accountHas } from '../views/viewSpecs';
import { settings } from '../config';
import { PortalModel } from '../model/portalModel';
import { keys } from '../model/cacheKeys';
import { contextValues } from '../views/contextValues';
import { AttentionItem, attentionItems } from '../model/attention';
import { describeError } from '../api/errors';
import { inlineText } from '../util/plainText';
import { Domain } from '../api/resources/domains';
import { Service } from '../api/resources/services';

export const ATTENTION_VIEW = 'cloudPortal.attention';
const NOTIFIED_KEY = 'cloudPortal.attentionNotified';

/** A row: an item with what its action needs (the domain or service the portal listed). */
export interface AttentionRow {
  item: AttentionItem;
  domain?: Domain;
  service?: Service;
}

type Row = AttentionRow | { failure: string; accountId: string };

const ICONS: Record<AttentionItem['kind'], string> = { domain: 'globe', certificate: 'shield', invoice: 'credit-card', service: 'server-environment' };

export class AttentionView implements vscode.TreeDataProvider<Row>, vscode.Disposable {
  private rows: Row[] = [];
  private readonly changed = new vscode.EventEmitter<Row | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Row>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly registry: AccountRegistry,
    private readonly model: PortalModel,
    private readonly state: vscode.Memento,
  ) {
    this.view = vscode.window.createTreeView(ATTENTION_VIEW, { treeDataProvider: this });
    this.subscriptions.push(
      this.view,
      this.changed,
      // After sign-in and restore: looked at once the first lists are in (off their path).
      registry.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(settings.attentionDays.key) && this.schedule(0)),
    );
  }

  /** Looks again soon (several changes in a row make one look). */
  schedule(delayMs = 1_500): void {
    clearTimeout(this.pending);
    if (settings.attentionDays.get() <= 0) return;
    this.pending = setTimeout(() => void this.refresh(), delayMs);
  }

  /** Reads what is needed (cached lists are reused) and redraws; notifies about new items. */
  refresh(force = false): Promise<void> {
    this.loading ??= this.load(force).finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(force: boolean): Promise<void> {
    const days = settings.attentionDays.get();
    if (days <= 0) return;
    const accounts = this.registry.list().filter((a) => a.state === 'signedIn');
    const rows: Row[] = [];
    await Promise.all(
      accounts.map(async (account) => {
        const id = account.record.id;
        if (force) for (const key of [keys.services(id), keys.domains(id), keys.certificates(id), keys.invoices(id)]) this.model.invalidate(key);
        try {
          const [services, domains, certificates, invoices] = await Promise.all([
            this.model.services.list(id),
            accountHas(account, 'domains') ? this.model.domains.list(id) : Promise.resolve([]),
            accountHas(account, 'certificates') ? this.model.certificates.list(id) : Promise.resolve([]),
            this.model.billing.invoices(id),
          ]);
          for (const item of attentionItems({ accountId: id, services, domains, certificates, invoices }, days)) {
            rows.push({ item, domain: domains.find((d) => item.kind === 'domain' && d.id === item.id), service: services.find((s) => item.kind === 'service' && s.id === item.id) });
          }
        } catch (e) {
          rows.push({ failure: describeError(e), accountId: id });
        }
      }),
    );
    const items = rows.filter((r): r is AttentionRow => 'item' in r);
    this.rows = [...items.sort((a, b) => Number(b.item.urgent) - Number(a.item.urgent) || a.item.daysLeft - b.item.daysLeft), ...rows.filter((r) => 'failure' in r)];
    this.view.badge = items.length ? { value: items.length, tooltip: items.length === 1 ? vscode.l10n.t('1 item needs attention') : vscode.l10n.t('{0} items need attention', items.length) } : undefined;
    this.view.description = items.length ? String(items.length) : undefined;
    this.changed.fire(undefined);
    // Not awaited: the notification's answer comes when the user gets to it, and a look must not wait for that.
    void this.notify(items.map((r) => r.item));
  }

  /** One notification per item and date; several new ones at once become one summary. */
  private async notify(items: AttentionItem[]): Promise<void> {
    const notified = new Set(this.state.get<string[]>(NOTIFIED_KEY, []));
    const fresh = items.filter((i) => !notified.has(i.key));
    // Remembered: what is still current (an item gone and back later is new again).
    await this.state.update(NOTIFIED_KEY, items.map((i) => i.key));
    if (!fresh.length) return;
    const show = vscode.l10n.t('Show');
    const text =
      fresh.length === 1
        ? vscode.l10n.t('{0}: {1}', inlineText(fresh[0].title, 100), fresh[0].detail)
        : vscode.l10n.t('{0} things need attention: {1}', fresh.length, fresh.slice(0, 3).map((i) => `${inlineText(i.title, 60)} (${i.detail})`).join(', ') + (fresh.length > 3 ? ', …' : ''));
    const choice = await vscode.window.showWarningMessage(text, show);
    if (choice === show) await vscode.commands.executeCommand(`${ATTENTION_VIEW}.focus`);
  }

  getChildren(row?: Row): Row[] {
    return row ? [] : this.rows;
  }

  getTreeItem(row: Row): vscode.TreeItem {
    const several = this.registry.list().length > 1;
    if ('failure' in row) {
      const item = new vscode.TreeItem(vscode.l10n.t('Could not look at {0}', this.registry.get(row.accountId)?.record.label ?? row.accountId), vscode.TreeItemCollapsibleState.None);
      item.description = inlineText(row.failure, 200);
      item.iconPath = new vscode.ThemeIcon('error');
      item.contextValue = 'attentionFailure';
      return item;
    }
    const { item: i } = row;
    const item = new vscode.TreeItem(inlineText(i.title, 200), vscode.TreeItemCollapsibleState.None);
    item.id = i.key;
    const account = this.registry.get(i.accountId)?.record.label ?? '';
    item.description = [i.detail, several ? account : ''].filter(Boolean).join(' · ');
    item.tooltip = [`${inlineText(i.title, 200)} — ${i.detail}`, i.date, account].filter(Boolean).join('\n');
    item.iconPath = new vscode.ThemeIcon(ICONS[i.kind], new vscode.ThemeColor(i.urgent ? 'charts.red' : 'charts.yellow'));
    item.contextValue = contextValues.attention(i.kind, i.autorenewOff);
    return item;
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const s of this.subscriptions) s.dispose();
  }
}
