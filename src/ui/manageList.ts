import * as vscode from 'vscode';
import { pickWithButtons } from './pickWithButtons';

/** A list on the portal managed in one quick pick: an Add row on top, a remove button on each entry. */
export interface ManagedList<T> {
  title: string;
  /** Read fresh before each round (after an add or a removal the list is shown as the portal has it). */
  load(): Promise<T[]>;
  row(item: T): vscode.QuickPickItem;
  placeholder(items: readonly T[]): string;
  addLabel: string;
  removeTooltip: string;
  /** Asks for a new entry and sends it (or not, when the user stops). */
  add(items: readonly T[]): Promise<unknown>;
  /** Confirms where it should and sends the removal. */
  remove(item: T, items: readonly T[]): Promise<unknown>;
}

/** Shows the list until the user closes it: Add asks and sends, an entry's button removes it. */
export async function manageList<T>(list: ManagedList<T>): Promise<void> {
  const remove = { iconPath: new vscode.ThemeIcon('trash'), tooltip: list.removeTooltip };
  type Item = vscode.QuickPickItem & { entry?: T; add?: boolean };
  for (;;) {
    const items = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: list.title }, () => list.load());
    const chosen = await pickWithButtons<Item>({
      title: list.title,
      placeholder: list.placeholder(items),
      items: [{ label: list.addLabel, add: true }, ...items.map((entry) => ({ ...list.row(entry), entry, buttons: [remove] }))],
    });
    if (!chosen) return;
    if (chosen.item.add) await list.add(items);
    else if (chosen.item.entry !== undefined && chosen.button) await list.remove(chosen.item.entry, items);
  }
}
