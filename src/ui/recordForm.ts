import * as vscode from 'vscode';
import {
  COMMON_RECORD_TYPES,
  contentHint,
  needsPriority,
  RecordDraft,
  validateContent,
  validateName,
  validatePriority,
  validateTtl,
} from '../model/dnsRecordRules';

export interface RecordFormOptions {
  title: string;
  /** Types the portal takes here (a registered domain lists its own). */
  types: string[];
  withTtl: boolean;
  /** Why the form is shown again (the portal's rejection). */
  problem?: string;
}

/**
 * The add/edit record form: type, name, priority (MX, SRV), content and TTL, each checked by type
 * before anything is sent, each pre-filled from `draft`. Resolves undefined when the user leaves.
 */
export async function recordForm(draft: RecordDraft, options: RecordFormOptions): Promise<RecordDraft | undefined> {
  const types = options.types.length ? options.types : COMMON_RECORD_TYPES;
  const title = (what: string) => `${options.title}: ${what}`;
  const typePick = await vscode.window.showQuickPick(
    types.map((t) => ({ label: t, description: t === draft.type ? '(current)' : contentHint(t) })),
    { title: title('type'), placeHolder: options.problem ? vscode.l10n.t('The portal said: {0}', options.problem) : vscode.l10n.t('Record type'), ignoreFocusOut: true },
  );
  if (!typePick) {
    return undefined;
  }
  const type = typePick.label;
  const name = await vscode.window.showInputBox({
    title: title('name'),
    prompt: vscode.l10n.t('Name relative to the zone; @ for the zone itself, * for a wildcard'),
    value: draft.name || '@',
    ignoreFocusOut: true,
    validateInput: validateName,
  });
  if (name === undefined) {
    return undefined;
  }
  let priority = draft.priority;
  if (needsPriority(type)) {
    const typed = await vscode.window.showInputBox({
      title: title('priority'),
      prompt: type === 'MX' ? vscode.l10n.t('Lower numbers are tried first, e.g. 10') : vscode.l10n.t('Lower numbers are tried first'),
      value: priority || '10',
      ignoreFocusOut: true,
      validateInput: (v) => validatePriority(type, v),
    });
    if (typed === undefined) {
      return undefined;
    }
    priority = typed;
  }
  const content = await vscode.window.showInputBox({
    title: title('content'),
    prompt: options.problem ? vscode.l10n.t('{0} — the portal said: {1}', contentHint(type), options.problem) : contentHint(type),
    value: type === draft.type ? draft.content : '',
    ignoreFocusOut: true,
    validateInput: (v) => validateContent(type, v),
  });
  if (content === undefined) {
    return undefined;
  }
  let ttl = draft.ttl;
  if (options.withTtl) {
    const typed = await vscode.window.showInputBox({
      title: title('TTL'),
      prompt: vscode.l10n.t('Seconds that resolvers may cache the record (empty: the portal default)'),
      value: ttl,
      ignoreFocusOut: true,
      validateInput: validateTtl,
    });
    if (typed === undefined) {
      return undefined;
    }
    ttl = typed;
  }
  return { type, name: name.trim(), priority, content: content.trim(), ttl: ttl.trim() };
}
