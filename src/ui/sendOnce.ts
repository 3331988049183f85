import * as vscode from 'vscode';
import { describeError } from '../api/errors';
import { outcomeUnknown } from '../ordering/orderOutcome';

/**
 * Sends a change once, with progress. When its answer is lost (it may have reached the portal), says so in
 * `lostAnswer` and resolves false instead of sending again; other failures are thrown as they are.
 */
export async function sendOnce(title: string, send: () => Promise<unknown>, lostAnswer: string): Promise<boolean> {
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, send);
    return true;
  } catch (e) {
    if (!outcomeUnknown(e)) throw e;
    void vscode.window.showWarningMessage(lostAnswer);
    return false;
  }
}

/**
 * Sends a change once, with progress; resolves whether it was made. A failure is shown: a lost answer as
 * "may have been made" (never sent again by us), a refusal as not made, with the portal's reason.
 */
export async function sendChange(title: string, send: () => Promise<unknown>): Promise<boolean> {
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, send);
    return true;
  } catch (e) {
    void vscode.window.showErrorMessage(
      outcomeUnknown(e) ? vscode.l10n.t('{0} No clear answer from the portal: the change may have been made. Look before trying again.', describeError(e)) : vscode.l10n.t('Not changed: {0}', describeError(e)),
    );
    return false;
  }
}
