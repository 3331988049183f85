import * as vscode from 'vscode';
import { Ctx } from '../ctx';
import { DomainNode, TreeNode, ZoneNode } from '../views/nodes';
import { dnsZonesView, domainsView } from '../views/viewSpecs';
import { ZoneFileSystem } from '../zones/zoneFileSystem';
import { applyWithProgress, confirmChanges, countsText } from '../zones/zoneReview';
import { printZone } from '../zones/zoneFile';
import { planSave } from '../zones/zoneSync';
import { ZONE_SCHEME, zonePath, ZoneTarget } from '../zones/zoneUri';
import { CommandFactory } from './command';
import { describeNode } from '../ui/pickNode';
import { collectNodes } from '../ui/resourceIndex';
import { shownOverWebview } from '../ui/shownOverWebview';

function targetOf(node: ZoneNode | DomainNode): ZoneTarget {
  return node.kind === 'zone'
    ? { kind: 'zone', accountId: node.accountId, serviceId: node.serviceId, zoneId: node.zoneId, name: node.name }
    : { kind: 'domain', accountId: node.accountId, domainId: node.domainId, name: node.domain.name };
}

/** The zone or registered domain a command acts on: its tree row, or one picked from all of them. */
async function zoneFor(services: Ctx, arg: unknown, placeHolder: string): Promise<ZoneTarget | undefined> {
  const node = arg as TreeNode | undefined;
  if (node && (node.kind === 'zone' || node.kind === 'domain')) return targetOf(node);
  const found = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading zones…') }, () =>
    collectNodes(services, [dnsZonesView, domainsView], { wanted: (n) => n.kind === 'zone' || n.kind === 'domain', descend: () => false }),
  );
  const nodes = found.nodes as (ZoneNode | DomainNode)[];
  if (nodes.length === 0) {
    void vscode.window.showInformationMessage(found.failures.length ? vscode.l10n.t('No zones found: {0}', found.failures[0]) : vscode.l10n.t('No DNS zones or registered domains.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(nodes.map((n) => ({ ...describeNode(services, n), node: n })), { placeHolder, matchOnDescription: true, ignoreFocusOut: shownOverWebview() });
  return picked && targetOf(picked.node);
}

export const openZoneAsFile: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.openZoneAsFile',
  async run(arg?: unknown) {
    const target = await zoneFor(services, arg, vscode.l10n.t('Open which zone as a file?'));
    if (!target) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: ZONE_SCHEME, path: zonePath(target) }));
    await vscode.window.showTextDocument(document, { preview: false });
  },
});

export const exportZone: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.exportZone',
  async run(arg?: unknown) {
    const target = await zoneFor(services, arg, vscode.l10n.t('Export which zone?'));
    if (!target) return;
    const records = await ZoneFileSystem.backendFor(services.model, target).load();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const where = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export {0}', target.name),
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${target.name}.zone`) : undefined,
      filters: { 'Zone files': ['zone', 'db', 'txt'] },
    });
    if (!where) return;
    await vscode.workspace.fs.writeFile(where, Buffer.from(printZone(records, target.name, [vscode.l10n.t('{0}, exported by Cloud Portal on {1}.', target.name, new Date().toISOString().slice(0, 10))]), 'utf8'));
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} records of {1} to {2}.', records.length, target.name, vscode.workspace.asRelativePath(where)));
  },
});

/** Import Zone…: reads a .zone file into a zone through the same checks and review as saving one. */
export const importZone: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.importZone',
  async run(arg?: unknown) {
    const target = await zoneFor(services, arg, vscode.l10n.t('Import into which zone?'));
    if (!target) return;
    const [file] =
      (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import a zone file into {0}', target.name), canSelectMany: false, filters: { 'Zone files': ['zone', 'db', 'txt'], 'All files': ['*'] } })) ?? [];
    if (!file) return;
    const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
    const backend = ZoneFileSystem.backendFor(services.model, target);
    const plan = await planSave(backend, text, undefined);
    if (plan.kind === 'invalid') {
      const first = plan.problems.slice(0, 5).map((p) => `line ${p.line + 1}: ${p.message}`);
      const open = await vscode.window.showErrorMessage(vscode.l10n.t('Nothing imported: {0} problem(s) in {1} ({2}).', plan.problems.length, vscode.workspace.asRelativePath(file), first.join('; ')), vscode.l10n.t('Open File'));
      if (open) await vscode.window.showTextDocument(file);
      return;
    }
    if (plan.kind !== 'plan') return;
    if (plan.diff.changes.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} already holds exactly these records: nothing to import.', target.name));
      return;
    }
    const account = services.registry.get(target.accountId)?.record.label ?? '';
    if (!(await confirmChanges(target.name, account, plan.diff))) return;
    const result = await applyWithProgress(target.name, backend, plan.diff);
    if (result.failed.length > 0) {
      throw new Error(vscode.l10n.t('{0} of {1} changes imported into {2}; {3} failed ({4}).', result.applied.length, plan.diff.changes.length, target.name, result.failed.length, result.failed.map((f) => f.message).slice(0, 3).join('; ')));
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Imported into {0}: {1}.', target.name, countsText(plan.diff)));
  },
});

export const zoneCommands = [openZoneAsFile, exportZone, importZone];
