import * as vscode from 'vscode';
import { featuresOf } from '../api/capabilities';
import { providerById } from '../accounts/providers';
import { ExtensionServices } from '../services';
import { PortalTreeProvider, ViewDefinition } from './portalTreeProvider';

const VIEWS: ViewDefinition[] = [
  { id: 'cloudPortal.services', showsAccount: () => true, hasChildren: false },
  {
    id: 'cloudPortal.domains',
    showsAccount: (a) => featuresOf(providerById(a.record.providerId).profile, a.record.probedFeatures).has('domains'),
    hasChildren: false,
  },
  { id: 'cloudPortal.dnsZones', showsAccount: () => true, hasChildren: false },
  { id: 'cloudPortal.tickets', showsAccount: () => true, hasChildren: false },
];

/** Creates the four views and keeps the context keys their `when` clauses and welcome texts read. */
export function registerViews(services: ExtensionServices): vscode.Disposable[] {
  const disposables: vscode.Disposable[] = [];
  const providers = VIEWS.map((view) => new PortalTreeProvider(view, services.registry));
  VIEWS.forEach((view, i) => {
    disposables.push(providers[i], vscode.window.createTreeView(view.id, { treeDataProvider: providers[i], showCollapseAll: true }));
  });
  disposables.push(
    vscode.commands.registerCommand('cloudPortal.refresh', () => providers.forEach((p) => p.refresh())),
  );
  const updateContext = () => {
    const accounts = services.registry.list();
    void vscode.commands.executeCommand('setContext', 'cloudPortal.hasAccounts', accounts.length > 0);
    void vscode.commands.executeCommand('setContext', 'cloudPortal.hasDomainPortal', accounts.some((a) => VIEWS[1].showsAccount(a)));
  };
  updateContext();
  disposables.push(services.registry.onDidChange(updateContext));
  return disposables;
}
