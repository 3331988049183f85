import * as vscode from 'vscode';
import { ApplyResult, applyChanges, ZoneBackend } from './zoneSync';
import { describeChange, ZoneDiff } from './zoneDiff';

/** Counted nouns as whole phrases, one and many, so that each reads right in a translation. */
const counted = {
  addition: (n: number) => (n === 1 ? vscode.l10n.t('1 addition') : vscode.l10n.t('{0} additions', n)),
  change: (n: number) => (n === 1 ? vscode.l10n.t('1 change') : vscode.l10n.t('{0} changes', n)),
  deletion: (n: number) => (n === 1 ? vscode.l10n.t('1 deletion') : vscode.l10n.t('{0} deletions', n)),
  record: (n: number) => (n === 1 ? vscode.l10n.t('1 record') : vscode.l10n.t('{0} records', n)),
};

export function countsText(diff: ZoneDiff): string {
  const { create, update, delete: del } = diff.counts;
  return [create && counted.addition(create), update && counted.change(update), del && counted.deletion(del)].filter(Boolean).join(', ');
}

/**
 * The review before anything is sent: a modal with the counts and the changes, deletions marked
 * (and, with `showDiff`, a way to see them side by side first). True when the user chose to apply.
 */
export async function confirmChanges(zone: string, account: string, diff: ZoneDiff, showDiff?: () => Thenable<unknown>): Promise<boolean> {
  const lines = diff.changes.map(describeChange);
  const shown = lines.slice(0, 15).join('\n') + (lines.length > 15 ? `\n… and ${lines.length - 15} more` : '');
  const apply = diff.changes.length === 1 ? vscode.l10n.t('Apply 1 Change') : vscode.l10n.t('Apply {0} Changes', diff.changes.length);
  const deletions = diff.counts.delete ? vscode.l10n.t(' {0} will be DELETED.', counted.record(diff.counts.delete)) : '';
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Apply {0} to “{1}” on “{2}”?', countsText(diff), zone, account),
    { modal: true, detail: vscode.l10n.t('{0}\n\n{1} other records stay as they are.{2}', shown, diff.unchanged, deletions) },
    apply,
    ...(showDiff ? [vscode.l10n.t('Show Changes')] : []),
  );
  if (choice === vscode.l10n.t('Show Changes')) {
    await showDiff?.();
    return false;
  }
  return choice === apply;
}

/** Sends the changes once each with progress; failures are returned, never retried. */
export function applyWithProgress(zone: string, backend: ZoneBackend, diff: ZoneDiff): Thenable<ApplyResult> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Applying {0} to {1}', counted.change(diff.changes.length), zone) }, (progress) =>
    applyChanges(backend, diff, (done, total) => progress.report({ increment: 100 / total, message: `${done} of ${total}` })),
  );
}
