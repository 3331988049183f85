import * as vscode from 'vscode';
import { AccountRegistry } from '../accounts/accountRegistry';
import { providerById } from '../accounts/providers';
import { describeError, portalUnreachable } from '../api/errors';
import { PortalModel } from '../model/portalModel';
import { confirmChanges, applyWithProgress, countsText } from './zoneReview';
import { ZoneDiagnostics } from './zoneDiagnostics';
import { DnsRecord } from '../api/resources/dnsRecord';
import { printZone } from './zoneFile';
import { domainZoneBackend, planSave, snapshotOf, ZoneBackend, zoneBackend } from './zoneSync';
import { ZONE_PORTAL_SCHEME, ZoneTarget, zoneTargetOf } from './zoneUri';

interface OpenZone {
  snapshot: string;
  mtime: number;
  size: number;
}

/**
 * DNS zones as files. Reading prints the portal's records as a BIND zone file; saving parses it,
 * refuses it while it has problems, notices changes made on the portal since it was read, shows the
 * smallest set of changes for review, and sends them once each after confirmation. If some fail,
 * the rest stay applied, the file keeps the user's text, and the failures are marked on their lines.
 */
export class ZoneFileSystem {
  private readonly open = new Map<string, OpenZone>();
  private readonly portalTexts = new Map<string, string>();

  constructor(
    private readonly model: PortalModel,
    private readonly registry: AccountRegistry,
    private readonly diagnostics: ZoneDiagnostics,
    private readonly changed: vscode.EventEmitter<vscode.FileChangeEvent[]>,
  ) {}

  static backendFor(model: PortalModel, target: ZoneTarget): ZoneBackend {
    return target.kind === 'zone' ? zoneBackend(model, target, target.name) : domainZoneBackend(model, target, target.name);
  }

  private target(uri: vscode.Uri): ZoneTarget {
    const target = zoneTargetOf(uri.path);
    if (!target || !this.registry.get(target.accountId)) throw vscode.FileSystemError.FileNotFound(uri);
    return target;
  }

  header(target: ZoneTarget): string[] {
    const account = this.registry.get(target.accountId)?.record;
    const where = account ? `${account.label} (${providerById(account.providerId).name})` : '';
    return [`${target.name}: ${target.kind === 'zone' ? vscode.l10n.t('DNS zone {0} of service {1}', target.zoneId, target.serviceId) : vscode.l10n.t('registered domain {0}', target.domainId)}${where ? ` on ${where}` : ''}.`, vscode.l10n.t('Saving sends the changes to the portal after you review them. The SOA record is managed by the portal.')];
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    this.target(uri);
    const open = this.open.get(uri.path);
    return { type: vscode.FileType.File, ctime: 0, mtime: open?.mtime ?? 0, size: open?.size ?? 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const target = this.target(uri);
    const backend = ZoneFileSystem.backendFor(this.model, target);
    let records: DnsRecord[];
    let header = this.header(target);
    try {
      records = await backend.load();
    } catch (e) {
      // The portal cannot be reached: what was last loaded, to read (saving asks the portal first, and says so).
      const known = portalUnreachable(e) ? backend.lastKnown() : undefined;
      if (!known) throw e;
      records = known.records;
      header = [vscode.l10n.t('{0}: OFFLINE — the portal could not be reached ({1}).', target.name, describeError(e)), vscode.l10n.t('These are the records as loaded at {0} UTC, to read; saving needs the portal.', new Date(known.at).toISOString().slice(0, 16).replace('T', ' '))];
    }
    const text = printZone(records, target.name, header);
    this.open.set(uri.path, { snapshot: snapshotOf(records, target.name), mtime: Date.now(), size: Buffer.byteLength(text) });
    return Buffer.from(text, 'utf8');
  }

  /** The read-only portal version shown beside the user's file. */
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.portalTexts.get(uri.path) ?? '';
  }

  private async showDiff(uri: vscode.Uri, target: ZoneTarget, current: DnsRecord[]): Promise<void> {
    this.portalTexts.set(uri.path, printZone(current, target.name, this.header(target)));
    await vscode.commands.executeCommand('vscode.diff', uri.with({ scheme: ZONE_PORTAL_SCHEME, query: String(Date.now()) }), uri, `${target.name}: portal ↔ your file`);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const target = this.target(uri);
    const backend = ZoneFileSystem.backendFor(this.model, target);
    const text = Buffer.from(content).toString('utf8');
    const account = this.registry.get(target.accountId)?.record.label ?? '';
    const opened = this.open.get(uri.path);
    let plan = await planSave(backend, text, opened?.snapshot);
    if (plan.kind === 'invalid') {
      this.diagnostics.show(uri, plan.problems);
      const first = plan.problems[0];
      throw new Error(plan.problems.length === 1 ? vscode.l10n.t('Not saved: 1 problem to fix first (line {0}: {1}).', first.line + 1, first.message) : vscode.l10n.t('Not saved: {0} problems to fix first (line {1}: {2}).', plan.problems.length, first.line + 1, first.message));
    }
    if (plan.kind === 'conflict') {
      const current = plan.current;
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('“{0}” changed on the portal since you opened it.', target.name),
        { modal: true, detail: vscode.l10n.t('Review your file against the portal’s records as they are now (records added on the portal show as deletions), or reload the portal’s version and lose your edits.') },
        vscode.l10n.t('Review Against Portal'),
        vscode.l10n.t('Reload from Portal'),
      );
      if (choice === vscode.l10n.t('Reload from Portal')) {
        this.open.delete(uri.path);
        setTimeout(() => void this.revert(uri), 0);
        throw new Error(vscode.l10n.t('Not saved: reloading the portal’s version.'));
      }
      if (choice !== vscode.l10n.t('Review Against Portal')) {
        throw new Error(vscode.l10n.t('Not saved: the zone changed on the portal since you opened it.'));
      }
      this.open.set(uri.path, { snapshot: snapshotOf(current, target.name), mtime: opened?.mtime ?? Date.now(), size: opened?.size ?? 0 });
      plan = await planSave(backend, text, undefined, true);
      if (plan.kind !== 'plan') throw new Error(vscode.l10n.t('Not saved: the zone could not be read again.'));
    }
    const { diff, current } = plan;
    if (diff.changes.length > 0) {
      const confirmed = await confirmChanges(target.name, account, diff, () => this.showDiff(uri, target, current));
      if (!confirmed) {
        throw new Error(vscode.l10n.t('Not saved: nothing was sent to the portal. Save again to review and apply.'));
      }
      const result = await applyWithProgress(target.name, backend, diff);
      const after = await backend.load().catch(() => undefined);
      this.open.set(uri.path, { snapshot: after ? snapshotOf(after, target.name) : '', mtime: Date.now(), size: content.byteLength });
      if (result.failed.length > 0) {
        this.diagnostics.show(
          uri,
          result.failed.map(({ change, message }) => ({
            line: change.kind === 'delete' ? 0 : change.line,
            message: change.kind === 'delete' ? vscode.l10n.t('Could not delete {0} {1} {2}: {3}', change.from.name, change.from.type, change.from.content, message) : vscode.l10n.t('Not applied: {0}', message),
            severity: 'error',
          })),
        );
        throw new Error(vscode.l10n.t('{0} of {1} changes applied; {2} failed and are marked in the file ({3}). Your text is kept: save again to retry what failed.', result.applied.length, diff.changes.length, result.failed.length, result.failed[0].message));
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Applied {0} to {1}.', countsText(diff), target.name));
    } else {
      this.open.set(uri.path, { snapshot: snapshotOf(current, target.name), mtime: Date.now(), size: content.byteLength });
    }
    void this.diagnostics.check(await vscode.workspace.openTextDocument(uri));
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  private async revert(uri: vscode.Uri): Promise<void> {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (editor) {
      await vscode.window.showTextDocument(editor.document, editor.viewColumn);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
}
