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

function targetOf(node: ZoneNode | DomainNode): ZoneTarget {
  return node.kind === 'zone'
    ? { kind: 'zone', accountId: node.accountId, serviceId: node.serviceId, zoneId: node.zoneId, name: node.name }
    : { kind: 'domain', accountId: node.accountId, domainId: node.domainId, name: node.domain.name };
}

/** The zone or registered domain a command acts on: its tree row, or one picked from all of them. */
async function zoneFor(services: Ctx, arg: unknown, placeHolder: string): Promise<ZoneTarget | undefined> {
  const node = arg as TreeNode | undefined;
  if (node && (node.kind === 'zone' || node.kind === 'domain')) return targetOf(node);
  const found = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Loading zones…' }, () =>
    collectNodes(services, [dnsZonesView, domainsView], { wanted: (n) => n.kind === 'zone' || n.kind === 'domain', descend: () => false }),
  );
  const nodes = found.nodes as (ZoneNode | DomainNode)[];
  if (nodes.length === 0) {
    void vscode.window.showInformationMessage(found.failures.length ? `No zones found: ${found.failures[0]}` : 'No DNS zones or registered domains.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(nodes.map((n) => ({ ...describeNode(services, n), node: n })), { placeHolder, matchOnDescription: true });
  return picked && targetOf(picked.node);
}

export const openZoneAsFile: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.openZoneAsFile',
  async run(arg?: unknown) {
    const target = await zoneFor(services, arg, 'Open which zone as a file?');
    if (!target) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: ZONE_SCHEME, path: zonePath(target) }));
    await vscode.window.showTextDocument(document, { preview: false });
  },
});

export const exportZone: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.exportZone',
  async run(arg?: unknown) {
    const target = await zoneFor(services, arg, 'Export which zone?');
    if (!target) return;
    const records = await ZoneFileSystem.backendFor(services.model, target).load();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const where = await vscode.window.showSaveDialog({
      title: `Export ${target.name}`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${target.name}.zone`) : undefined,
      filters: { 'Zone files': ['zone', 'db', 'txt'] },
    });
    if (!where) return;
    await vscode.workspace.fs.writeFile(where, Buffer.from(printZone(records, target.name, [`${target.name}, exported by Cloud Portal on ${new Date().toISOString().slice(0, 10)}.`]), 'utf8'));
    void vscode.window.showInformationMessage(`Exported ${records.length} records of ${target.name} to ${vscode.workspace.asRelativePath(where)}.`);
  },
});

/** Import Zone…: reads a .zone file into a zone through the same checks and review as saving one. */
export const importZone: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.importZone',
  async run(arg?: unknown) {
    const target = await zoneFor(services, arg, 'Import into which zone?');
    if (!target) return;
    const [file] =
      (await vscode.window.showOpenDialog({ title: `Import a zone file into ${target.name}`, canSelectMany: false, filters: { 'Zone files': ['zone', 'db', 'txt'], 'All files': ['*'] } })) ?? [];
    if (!file) return;
    const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
    const backend = ZoneFileSystem.backendFor(services.model, target);
    const plan = await planSave(backend, text, undefined);
    if (plan.kind === 'invalid') {
      const first = plan.problems.slice(0, 5).map((p) => `line ${p.line + 1}: ${p.message}`);
      const open = await vscode.window.showErrorMessage(`Nothing imported: ${plan.problems.length} problem(s) in ${vscode.workspace.asRelativePath(file)} (${first.join('; ')}).`, 'Open File');
      if (open) await vscode.window.showTextDocument(file);
      return;
    }
    if (plan.kind !== 'plan') return;
    if (plan.diff.changes.length === 0) {
      void vscode.window.showInformationMessage(`${target.name} already holds exactly these records: nothing to import.`);
      return;
    }
    const account = services.registry.get(target.accountId)?.record.label ?? '';
    if (!(await confirmChanges(target.name, account, plan.diff))) return;
    const result = await applyWithProgress(target.name, backend, plan.diff);
    if (result.failed.length > 0) {
      throw new Error(`${result.applied.length} of ${plan.diff.changes.length} changes imported into ${target.name}; ${result.failed.length} failed (${result.failed.map((f) => f.message).slice(0, 3).join('; ')}).`);
    }
    void vscode.window.showInformationMessage(`Imported into ${target.name}: ${countsText(plan.diff)}.`);
  },
});

export const zoneCommands = [openZoneAsFile, exportZone, importZone];
