import * as vscode from 'vscode';
import { DRAFT_SCHEME } from './draftFileSystem';

/** Saves ticket drafts shortly after each change, so an unsent reply is never only in memory. */
export function autosaveDrafts(): vscode.Disposable {
  const timers = new Map<string, NodeJS.Timeout>();
  const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.scheme !== DRAFT_SCHEME || !e.document.isDirty) {
      return;
    }
    const key = e.document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (!e.document.isClosed && e.document.isDirty) void e.document.save();
      }, 400),
    );
  });
  return new vscode.Disposable(() => {
    subscription.dispose();
    timers.forEach((t) => clearTimeout(t));
  });
}
