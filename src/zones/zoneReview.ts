import * as vscode from 'vscode';
import { ApplyResult, applyChanges, ZoneBackend } from './zoneSync';
import { describeChange, ZoneDiff } from './zoneDiff';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function countsText(diff: ZoneDiff): string {
  const { create, update, delete: del } = diff.counts;
  return [create && plural(create, 'addition'), update && plural(update, 'change'), del && plural(del, 'deletion')].filter(Boolean).join(', ');
}

/**
 * The review before anything is sent: a modal with the counts and the changes, deletions marked
 * (and, with `showDiff`, a way to see them side by side first). True when the user chose to apply.
 */
export async function confirmChanges(zone: string, account: string, diff: ZoneDiff, showDiff?: () => Thenable<unknown>): Promise<boolean> {
  const lines = diff.changes.map(describeChange);
  const shown = lines.slice(0, 15).join('\n') + (lines.length > 15 ? `\n… and ${lines.length - 15} more` : '');
  const apply = `Apply ${plural(diff.changes.length, 'Change')}`;
  const deletions = diff.counts.delete ? ` ${plural(diff.counts.delete, 'record')} will be DELETED.` : '';
  const choice = await vscode.window.showWarningMessage(
    `Apply ${countsText(diff)} to “${zone}” on “${account}”?`,
    { modal: true, detail: `${shown}\n\n${diff.unchanged} other records stay as they are.${deletions}` },
    apply,
    ...(showDiff ? ['Show Changes'] : []),
  );
  if (choice === 'Show Changes') {
    await showDiff?.();
    return false;
  }
  return choice === apply;
}

/** Sends the changes once each with progress; failures are returned, never retried. */
export function applyWithProgress(zone: string, backend: ZoneBackend, diff: ZoneDiff): Thenable<ApplyResult> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Applying ${plural(diff.changes.length, 'change')} to ${zone}` }, (progress) =>
    applyChanges(backend, diff, (done, total) => progress.report({ increment: 100 / total, message: `${done} of ${total}` })),
  );
}
