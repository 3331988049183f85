import './l10nSetup';
import * as vscode from 'vscode';
import { AccountRegistry } from './accounts/accountRegistry';
import { AccountStore } from './accounts/accountStore';
import { signInDemoAccounts } from './accounts/demoAccounts';
import { providerCatalogue } from './accounts/providers';
import { lazyCommands, registerCommands } from './commands/command';
import { showDetails } from './commands/detailsCommands';
import { viewCommands } from './commands/viewCommands';
import { affectsConnections, cacheTtlMs, connectionSettings, settings, watchConnectionSettings } from './config';
import { SnapshotStore } from './model/snapshotStore';
import { PortalModel } from './model/portalModel';
import { warmConnections } from './api/network/dispatcher';
import { Carts } from './ordering/cart';
import { Ctx } from './ctx';
import { PortalViews } from './views/portalViews';
import { DetailsPanels, FormPanels, InvoicePanels, OrderPanels, TicketPanels } from './webviews/panels';
import { DraftStore } from './tickets/draftStore';
import { DraftFileSystem, DRAFT_SCHEME } from './tickets/draftFileSystem';
import { autosaveDrafts } from './tickets/draftAutosave';
import { TicketNotifier } from './tickets/ticketNotifier';
import { ticketsView } from './views/viewSpecs';
import { BalanceStatusBar } from './views/balanceStatusBar';
import { CartStatusBar } from './views/cartStatusBar';
import { PortalNotifier } from './notifications/portalNotifier';
import { NotificationTracker } from './notifications/notificationTracker';
import { registerZoneFiles } from './zones/zoneFiles';
import { AttentionView } from './attention/attentionView';
import { attentionCommands } from './attention/attentionCommands';
import { ACCOUNT_COMMAND_IDS, ACCOUNT_SETTINGS_COMMAND_IDS, BILLING_COMMAND_IDS, CERTIFICATE_COMMAND_IDS, CLOUD_SERVER_COMMAND_IDS, DNS_COMMAND_IDS, DOMAIN_COMMAND_IDS, DOMAIN_SETTINGS_COMMAND_IDS, SERVICE_COMMAND_IDS, SSH_COMMAND_IDS, TICKET_COMMAND_IDS, VM_COMMAND_IDS } from './commands/lazyCommandIds';
import { SshHostIndex } from './ssh/sshHostIndex';
import { sshConfigPath } from './ssh/sshConfigFile';

let services: Ctx | undefined;

/** Wires the parts together. Nothing here does network I/O. */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const logger = vscode.window.createOutputChannel('Cloud Portal', { log: true });
  context.subscriptions.push(watchConnectionSettings());
  const registry = new AccountRegistry(new AccountStore(context.globalState, context.secrets), logger, connectionSettings);
  const snapshots = new SnapshotStore(vscode.Uri.joinPath(context.globalStorageUri, 'snapshots').fsPath, logger, {
    enabled: settings.offlineSnapshot.get,
    maxBytes: settings.offlineSnapshotMaxBytes.get,
  });
  const model = new PortalModel(registry, {
    ttlMs: cacheTtlMs,
    backgroundRequests: () => Math.floor((connectionSettings().maxConnections ?? 6) / 2),
    snapshots,
  });
  const sshHosts = new SshHostIndex(() => sshConfigPath(settings.remoteSshConfigFile.get()));
  const views = new PortalViews(registry, model, sshHosts);
  const carts = new Carts();
  const current: Ctx = { registry, model, views, logger, providers: () => providerCatalogue(), carts, globalState: context.globalState, sshHosts };
  services = current;

  const details = new DetailsPanels(current, context.extensionUri);
  const drafts = new DraftStore(context.globalState);
  const tickets = new TicketPanels({ model, registry, drafts, extensionUri: context.extensionUri, globalStorageUri: context.globalStorageUri });
  const orders = new OrderPanels(current, context.extensionUri);
  const invoices = new InvoicePanels(current, context.extensionUri);
  const forms = new FormPanels(current, context.extensionUri);
  const attention = new AttentionView(registry, model, context.globalState);
  const notifier = new TicketNotifier(registry, model, (unread) =>
    views.setBadge(ticketsView.id, unread, unread === 1 ? vscode.l10n.t('1 ticket with new replies') : vscode.l10n.t('{0} tickets with new replies', unread)),
  );

  context.subscriptions.push(
    logger,
    views,
    attention,
    sshHosts,
    details,
    tickets,
    notifier,
    orders,
    invoices,
    forms,
    new BalanceStatusBar(registry, model),
    new CartStatusBar(carts, registry),
    carts,
    new PortalNotifier(registry, model, new NotificationTracker(context.globalState)),
    registerZoneFiles(model, registry),
    vscode.workspace.registerFileSystemProvider(DRAFT_SCHEME, new DraftFileSystem(drafts), { isCaseSensitive: true }),
    autosaveDrafts(),
    { dispose: () => model.dispose() },
    ...registerCommands(current, [
      ...viewCommands, showDetails(details),
      ...lazyCommands(ACCOUNT_COMMAND_IDS, async () => (await import('./commands/accountCommands')).accountCommands),
      ...lazyCommands(VM_COMMAND_IDS, async () => (await import('./commands/vmCommands')).vmCommands),
      ...lazyCommands(SERVICE_COMMAND_IDS, async () => (await import('./commands/serviceCommands')).serviceCommands),
      ...lazyCommands(DNS_COMMAND_IDS, async () => (await import('./commands/dnsCommands')).dnsCommands),
      ...lazyCommands(DOMAIN_COMMAND_IDS, async () => (await import('./commands/domainCommands')).domainCommands),
      ...lazyCommands(TICKET_COMMAND_IDS, async () => (await import('./commands/ticketCommands')).ticketCommands({ panels: tickets, drafts })),
      ...lazyCommands(['cloudPortal.order.new', 'cloudPortal.domain.order'], async () => (await import('./commands/orderCommands')).orderCommands(orders)),
      ...lazyCommands(['cloudPortal.cart.show'], async () => (await import('./commands/cartCommands')).cartCommands),
      ...lazyCommands(['cloudPortal.dns.openZoneAsFile', 'cloudPortal.dns.exportZone', 'cloudPortal.dns.importZone'], async () => (await import('./commands/zoneCommands')).zoneCommands),
      ...lazyCommands(CLOUD_SERVER_COMMAND_IDS, async () => (await import('./commands/cloudServerCommands')).cloudServerCommands),
      ...lazyCommands(SSH_COMMAND_IDS, async () => (await import('./commands/sshCommands')).sshCommands),
      ...lazyCommands(['cloudPortal.goToResource'], async () => [(await import('./commands/goToResource')).goToResource]),
      ...lazyCommands(CERTIFICATE_COMMAND_IDS, async () => (await import('./commands/certificateCommands')).certificateCommands),
      ...lazyCommands(DOMAIN_SETTINGS_COMMAND_IDS, async () => (await import('./commands/domainSettingsCommands')).domainSettingsCommands(forms)),
      ...lazyCommands(ACCOUNT_SETTINGS_COMMAND_IDS, async () => (await import('./commands/accountSettingsCommands')).accountSettingsCommands(forms, context.subscriptions)),
      ...attentionCommands(attention),
      ...lazyCommands(BILLING_COMMAND_IDS, async () => (await import('./commands/billingCommands')).billingCommands(invoices)),
      ...lazyCommands(['cloudPortal.notifications.acknowledge', 'cloudPortal.notifications.show'], async () => (await import('./commands/notificationCommands')).notificationCommands),
    ]),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsConnections(e)) {
        void registry.reconnectAll();
      }
      // Turning the snapshot off deletes what was kept.
      if (e.affectsConfiguration(settings.offlineSnapshot.key) && !settings.offlineSnapshot.get()) {
        void model.clearSnapshots();
      }
      if (e.affectsConfiguration(settings.remoteSshConfigFile.key)) {
        void sshHosts.reload();
      }
    }),
    registry.onDidRequireSignIn(async (account) => {
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Your session for “{0}” has ended. Sign in again to keep using it.', account.record.label),
        vscode.l10n.t('Sign In Again'),
      );
      if (choice) {
        await vscode.commands.executeCommand('cloudPortal.signIn', { accountId: account.record.id });
      }
    }),
  );
  // The last session's rows are read from disk right after activation, before the views ask for them.
  if (registry.list().length > 0) setImmediate(() => void model.preloadSnapshots());
  // Which VMs have a Host entry of ours: read after activation (a VM row marks an entry whose address is old).
  setImmediate(() => void sshHosts.reload());
  // What the first request needs (undici, the certificates it trusts) is loaded after activation, beside restoring the accounts.
  if (registry.list().length > 0) setImmediate(() => warmConnections(connectionSettings().network, logger));
  void registry
    .restore()
    .then(() => signInDemoAccounts(registry, current.providers(), () => ({ ...connectionSettings(), logger })))
    .catch((e) => logger.error(`Demo sign-in failed: ${e instanceof Error ? e.message : String(e)}`));
  // The moment is written out: the log's own time for its first lines is when its file opened, later.
  logger.info(`Activated in ${(performance.now() - started).toFixed(1)} ms, at ${new Date().toISOString()}.`);
  // Nothing is exported: other extensions get no handle on the user's portal sessions.
}

export async function deactivate(): Promise<void> {
  // What arrived in the last seconds is written before the window goes (the writes are debounced).
  await services?.model.flushSnapshots().catch(() => undefined);
  await services?.registry.dispose();
}
