import * as vscode from 'vscode';
import { AccountRegistry } from '../accounts/accountRegistry';
import { PortalModel } from '../model/portalModel';
import { ZoneDiagnostics } from './zoneDiagnostics';
import type { ZoneFileSystem } from './zoneFileSystem';
import { ZONE_PORTAL_SCHEME, ZONE_SCHEME, zoneTargetOf } from './zoneUri';

/**
 * Registers DNS zones as files (`cloudportal-zone:`) and their diagnostics. What reads, prints, parses
 * and saves them is imported with the first zone opened (its own chunk), not at activation.
 */
export function registerZoneFiles(model: PortalModel, registry: AccountRegistry): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  let files: Promise<ZoneFileSystem> | undefined;
  const load = () => (files ??= import('./zoneFileSystem').then((m) => new m.ZoneFileSystem(model, registry, diagnostics, changed)));
  // Asked once per open zone, not on every keystroke.
  const types = new Map<string, Promise<string[] | undefined>>();
  const diagnostics = new ZoneDiagnostics(async (uri) => {
    const target = zoneTargetOf(uri.path);
    if (!target || !registry.get(target.accountId)) return undefined;
    if (!types.has(uri.path)) types.set(uri.path, import('./zoneFileSystem').then((m) => m.ZoneFileSystem.backendFor(model, target).supportedTypes()));
    return types.get(uri.path);
  });
  const provider: vscode.FileSystemProvider & vscode.TextDocumentContentProvider = {
    onDidChangeFile: changed.event,
    watch: () => new vscode.Disposable(() => undefined),
    stat: async (uri) => (await load()).stat(uri),
    readFile: async (uri) => (await load()).readFile(uri),
    writeFile: async (uri, content) => (await load()).writeFile(uri, content),
    provideTextDocumentContent: async (uri) => (await load()).provideTextDocumentContent(uri),
    readDirectory: () => [],
    createDirectory: () => {
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Zone files cannot hold folders.'));
    },
    delete: () => {
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Delete a zone from the DNS Zones view.'));
    },
    rename: () => {
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Zone files cannot be renamed.'));
    },
  };
  return vscode.Disposable.from(
    changed,
    diagnostics,
    vscode.workspace.registerFileSystemProvider(ZONE_SCHEME, provider, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(ZONE_PORTAL_SCHEME, provider),
  );
}
