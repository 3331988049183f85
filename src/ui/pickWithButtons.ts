import * as vscode from 'vscode';
import { shownOverWebview } from './shownOverWebview';

/**
 * A quick pick whose items may carry buttons (Delete on a row): resolves with the accepted item, or the
 * item whose button was pressed and that button, or undefined when dismissed. The pick is disposed after.
 */
export function pickWithButtons<T extends vscode.QuickPickItem>(options: { title: string; placeholder: string; items: readonly T[] }): Promise<{ item: T; button?: vscode.QuickInputButton } | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    let settled = false;
    const finish = (result: { item: T; button?: vscode.QuickInputButton } | undefined) => {
      if (settled) return;
      settled = true;
      resolve(result);
      pick.dispose();
    };
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.items = options.items;
    pick.ignoreFocusOut = shownOverWebview();
    pick.onDidAccept(() => finish(pick.selectedItems[0] ? { item: pick.selectedItems[0] } : undefined));
    pick.onDidTriggerItemButton((e) => finish({ item: e.item, button: e.button }));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
