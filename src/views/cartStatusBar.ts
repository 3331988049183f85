import * as vscode from 'vscode';
import { AccountRegistry } from '../accounts/accountRegistry';
import { Carts } from '../ordering/cart';

/**
 * "$(cart) 2" in the status bar while any cart holds items; click: Show Cart. A cart of an account
 * that was removed or signed out is emptied (its prices and payment methods are that session's).
 */
export class CartStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cloudPortal.cart', vscode.StatusBarAlignment.Right, 49);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly carts: Carts,
    private readonly registry: AccountRegistry,
  ) {
    this.item.name = vscode.l10n.t('Cloud Portal Cart');
    this.item.command = 'cloudPortal.cart.show';
    this.subscriptions.push(
      this.item,
      carts.onDidChange(() => this.update()),
      registry.onDidChange(() => {
        for (const id of carts.accounts()) {
          if (this.registry.get(id)?.state !== 'signedIn') carts.clear(id);
        }
      }),
    );
    this.update();
  }

  private update(): void {
    const count = this.carts.count();
    void vscode.commands.executeCommand('setContext', 'cloudPortal.cartHasItems', count > 0);
    if (count === 0) {
      this.item.hide();
      return;
    }
    const where = this.carts.accounts().map((id) => `${this.carts.items(id).length} on ${this.registry.get(id)?.record.label ?? id}`);
    this.item.text = `$(cart) ${count}`;
    this.item.tooltip = vscode.l10n.t('Cart: {0}. Click to review and check out.', where.join(', '));
    this.item.accessibilityInformation = { label: count === 1 ? vscode.l10n.t('Cloud Portal cart, 1 item') : vscode.l10n.t('Cloud Portal cart, {0} items', count) };
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
