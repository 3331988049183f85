import * as vscode from 'vscode';
import { describeError } from '../api/errors';
import { DnsRecordInput } from '../api/resources/dnsRecord';
import { draftToInput, RecordDraft } from '../model/dnsRecordRules';
import { Ctx } from '../ctx';
import { DomainNode, RecordNode, ZoneNode } from '../views/nodes';
import { dnsZonesView, domainsView } from '../views/viewSpecs';
import { accountFor } from '../ui/pickAccount';
import { CommandFactory } from './command';
import { fresh, nodeFor } from '../ui/pickNode';
import { recordForm } from '../ui/recordForm';

/** Drafts the portal rejected, by target, so running the command again brings them back. */
const keptDrafts = new Map<string, RecordDraft>();

export type RecordTarget = ZoneNode | DomainNode;
type Target = RecordTarget;

function targetName(target: Target): string {
  return target.kind === 'zone' ? target.name : target.domain.name;
}

async function recordTypes(services: Ctx, target: Target): Promise<string[]> {
  if (target.kind === 'domain') {
    try {
      return await (await services.model.api(target.accountId)).domains.dnsRecordTypes(target.domainId);
    } catch {
      return [];
    }
  }
  return [];
}

function save(services: Ctx, target: Target, input: DnsRecordInput, recordId?: string): Promise<void> {
  return target.kind === 'zone'
    ? services.model.zones.saveRecord(target, input, recordId)
    : services.model.domains.saveRecord(target, input, recordId);
}

/**
 * Shows the form until the portal accepts the record or the user leaves. A rejected record comes
 * back into the form exactly as typed, with the portal's words; nothing typed is lost.
 */
export async function editUntilSaved(services: Ctx, target: Target, initial: RecordDraft, recordId: string | undefined): Promise<boolean> {
  const key = `${target.id}#${recordId ?? 'new'}`;
  let draft = keptDrafts.get(key) ?? initial;
  let problem: string | undefined;
  const types = await recordTypes(services, target);
  const title = recordId ? vscode.l10n.t('Edit record in {0}', targetName(target)) : vscode.l10n.t('Add record in {0}', targetName(target));
  for (;;) {
    const edited = await recordForm(draft, { title, types, withTtl: target.kind === 'zone', problem });
    if (!edited) {
      return false;
    }
    draft = edited;
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Saving {0} record…', draft.type) }, () =>
        save(services, target, draftToInput(draft), recordId),
      );
      keptDrafts.delete(key);
      return true;
    } catch (e) {
      problem = describeError(e);
      keptDrafts.set(key, draft);
      const again = await vscode.window.showErrorMessage(vscode.l10n.t('The record was not saved: {0}', problem), vscode.l10n.t('Edit Again'));
      if (again !== vscode.l10n.t('Edit Again')) {
        return false;
      }
    }
  }
}

function pickTarget(services: Ctx, arg: unknown, placeHolder: string): Promise<Target | undefined> {
  if (arg && typeof arg === 'object' && ((arg as Target).kind === 'zone' || (arg as Target).kind === 'domain')) {
    return Promise.resolve(arg as Target);
  }
  return nodeFor(services, arg, 'zone', [dnsZonesView], placeHolder);
}

export const addRecord: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.addRecord',
  async run(arg?: unknown) {
    const target = await pickTarget(services, arg, vscode.l10n.t('Add a record to which zone?'));
    if (target) {
      await editUntilSaved(services, target, { type: 'A', name: '', content: '', priority: '', ttl: '3600' }, undefined);
    }
  },
});

function recordTarget(node: RecordNode): Target | undefined {
  return node.parent && (node.parent.kind === 'zone' || node.parent.kind === 'domain') ? node.parent : undefined;
}

export const editRecord: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.editRecord',
  async run(arg?: unknown) {
    const node = await fresh(services, await nodeFor(services, arg, 'record', [dnsZonesView, domainsView], vscode.l10n.t('Which record to edit?'), (n) => n.record.type !== 'SOA'));
    const target = node && recordTarget(node);
    if (!node || !target) {
      return;
    }
    const r = node.record;
    await editUntilSaved(
      services,
      target,
      { type: r.type, name: r.name || '@', content: r.content, priority: String(r.priority), ttl: r.ttl ? String(r.ttl) : '' },
      r.id,
    );
  },
});

export const deleteRecord: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.deleteRecord',
  async run(arg?: unknown) {
    const node = await fresh(services, await nodeFor(services, arg, 'record', [dnsZonesView, domainsView], vscode.l10n.t('Which record to delete?'), (n) => n.record.type !== 'SOA'));
    const target = node && recordTarget(node);
    if (!node || !target) {
      return;
    }
    const r = node.record;
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete the {0} record “{1}” → {2} from {3}?', r.type, r.name || '@', r.content, node.origin),
      { modal: true, detail: vscode.l10n.t('Resolvers stop getting it once cached copies expire.') },
      vscode.l10n.t('Delete Record'),
    );
    if (answer !== vscode.l10n.t('Delete Record')) {
      return;
    }
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Deleting record…') }, () =>
      target.kind === 'zone' ? services.model.zones.deleteRecord(target, r.id) : services.model.domains.deleteRecord(target, r.id),
    );
  },
});

export const createZone: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.createZone',
  async run(arg?: unknown) {
    const account = await accountFor(services, arg, vscode.l10n.t('Create the zone in which account?'), (a) => a.state === 'signedIn');
    if (!account) {
      return;
    }
    const index = await services.model.zones.index(account.record.id);
    if (index.service_ids.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This account has no DNS service to hold zones.'));
      return;
    }
    let serviceId = index.service_ids[0];
    if (index.service_ids.length > 1) {
      const all = await services.model.services.list(account.record.id);
      const picked = await vscode.window.showQuickPick(
        index.service_ids.map((id) => {
          const s = all.find((x) => x.id === id);
          return { label: s ? s.label || s.name : vscode.l10n.t('Service {0}', id), description: `#${id}`, id };
        }),
        { placeHolder: vscode.l10n.t('Which DNS service holds the new zone?'), ignoreFocusOut: true },
      );
      if (!picked) {
        return;
      }
      serviceId = picked.id;
    }
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('New DNS zone'),
      prompt: vscode.l10n.t('The domain name of the zone, e.g. example.com'),
      validateInput: (v) => (/^([a-z0-9-]+\.)+[a-z]{2,}\.?$/i.test(v.trim()) ? undefined : vscode.l10n.t('Enter a domain name such as example.com')),
      ignoreFocusOut: true,
    });
    if (!name) {
      return;
    }
    await services.model.zones.create(account.record.id, serviceId, name.trim().replace(/\.$/, '').toLowerCase());
  },
});

export const deleteZone: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.deleteZone',
  async run(arg?: unknown) {
    const node = await fresh(services, await nodeFor(services, arg, 'zone', [dnsZonesView], vscode.l10n.t('Which zone to delete?')));
    if (!node) {
      return;
    }
    const zone = await services.model.zones.zone(node).catch(() => undefined);
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete the DNS zone “{0}”{1}?', node.name, zone ? ` and its ${zone.records.length} records` : ''),
      { modal: true, detail: vscode.l10n.t('The zone stops resolving on this provider’s name servers. This cannot be undone.') },
      vscode.l10n.t('Delete Zone'),
    );
    if (answer === vscode.l10n.t('Delete Zone')) {
      await services.model.zones.delete(node);
    }
  },
});

export const dnsCommands = [addRecord, editRecord, deleteRecord, createZone, deleteZone];
