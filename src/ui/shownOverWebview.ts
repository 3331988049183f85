import * as vscode from 'vscode';

/**
 * Whether a quick input opened now should stay open when focus moves (`ignoreFocusOut`): yes when the
 * active editor is a webview. Run from the Command Palette over one (an order form, a ticket), VS Code
 * hands focus back to the webview a moment after the palette closed — sometimes after the pick opened,
 * which then closed at once: Go to Resource 1 time in 20 on a loaded machine, Show Cart up to 7 in 25.
 * Elsewhere a pick closes when the user clicks away, like VS Code's own.
 */
export function shownOverWebview(): boolean {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputWebview || input instanceof vscode.TabInputCustom;
}
