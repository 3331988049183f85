import * as vscode from 'vscode';
import { formatMoney } from '../billing/money';
import { paymentMethodLabel } from '../billing/paymentFees';
import { CartConfirmation, checkout } from '../ordering/checkout';
import { Ctx } from '../ctx';
import { CommandFactory } from './command';

type CartPick = vscode.QuickPickItem & { action: 'remove' | 'checkout' | 'empty' | 'none'; entryId?: string };

/** The modal before a cart is ordered: names the account and every item, states the portal's total. */
async function confirmCart(account: string, currency: string, method: string, c: CartConfirmation): Promise<boolean> {
  const total = formatMoney(c.total, currency);
  const then = c.quote.recurring.map((r) => `${formatMoney(r.amount, currency)} ${r.title.toLowerCase()}`).join(' + ');
  const discount = c.quote.discount > 0 ? vscode.l10n.t(' Discount {0}{1} included.', formatMoney(c.quote.discount, currency), c.quote.promotions.length ? ` (${c.quote.promotions.join(', ')})` : '') : '';
  const button = vscode.l10n.t('Order {0} Items for {1}', c.items.length, total);
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Place one order for {0} items on “{1}” for {2}?', c.items.length, account, total),
    { modal: true, detail: vscode.l10n.t('{0}\n\nTotal due now: {1} (taxes included), paid by {2}.{3}{4} The portal creates one invoice for all of it.', c.items.map((i) => `• ${i}`).join('\n'), total, method, discount, then ? ` Then ${then}.` : '') },
    button,
  );
  return answer === button;
}

/** Checks out an account's cart: payment method, the portal's quote, one modal, one `POST /order`. */
async function checkOut(services: Ctx, accountId: string): Promise<void> {
  const account = services.registry.get(accountId);
  const entries = services.carts.items(accountId);
  if (!account || entries.length === 0) return;
  const [methods, currency] = await Promise.all([services.model.billing.paymentMethods(accountId), services.model.billing.currency(accountId)]);
  const method =
    methods.length === 1
      ? methods[0]
      : (await vscode.window.showQuickPick(methods.map((m) => ({ label: paymentMethodLabel(m, currency), method: m })), { title: vscode.l10n.t('Check Out ({0})', account.record.label), placeHolder: vscode.l10n.t('Payment method'), ignoreFocusOut: true }))?.method;
  if (!method) return;
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pricing {0} items…', entries.length) }, () =>
    checkout(
      { quote: (items, payMethod, signal) => services.model.catalogue.quote(accountId, items, payMethod, signal), order: (items, payMethod) => services.model.catalogue.placeCartOrder(accountId, items, payMethod) },
      entries,
      method.id,
      (c) => confirmCart(account.record.label, currency, paymentMethodLabel(method, currency), c),
    ),
  );
  switch (outcome.kind) {
    case 'cancelled':
      return;
    case 'refused':
      // The cart stays as it was: the user removes or changes what the portal objects to.
      void vscode.window.showErrorMessage(vscode.l10n.t('The portal cannot accept the cart, nothing was ordered: {0}', outcome.problems.join(' ')));
      return;
    case 'failed':
      // The cart is kept either way; the message says whether the order may have been placed.
      void vscode.window.showErrorMessage(outcome.message);
      return;
    case 'placed': {
      services.carts.clear(accountId);
      const { order } = outcome;
      const open = await vscode.window.showInformationMessage(
        vscode.l10n.t('Order {0} placed on “{1}” for {2}{3}.', order.orderNumber, account.record.label, formatMoney(order.total, currency), order.invoiceId ? `: invoice ${order.invoiceId}` : ''),
        ...(order.invoiceId ? [vscode.l10n.t('Open Invoice')] : []),
      );
      if (open) await vscode.commands.executeCommand('cloudPortal.billing.openInvoice', { accountId, invoiceId: order.invoiceId });
    }
  }
}

/** Show Cart: the items per account, each removable, then Check Out… or Empty Cart. */
export const showCart: CommandFactory = (services) => ({
  id: 'cloudPortal.cart.show',
  async run(arg?: unknown) {
    const wanted = arg && typeof arg === 'object' && typeof (arg as { accountId?: unknown }).accountId === 'string' ? (arg as { accountId: string }).accountId : undefined;
    const accounts = services.carts.accounts();
    let accountId = wanted ?? (accounts.length === 1 ? accounts[0] : undefined);
    if (!accountId && accounts.length > 1) {
      accountId = (await vscode.window.showQuickPick(accounts.map((id) => ({ label: services.registry.get(id)?.record.label ?? id, description: `${services.carts.items(id).length} items`, id })), { title: vscode.l10n.t('Cart'), placeHolder: vscode.l10n.t('Which account’s cart?'), ignoreFocusOut: true }))?.id;
    }
    if (!accountId || services.carts.items(accountId).length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The cart is empty. Add products from an order form, or a domain when registering it.'));
      return;
    }
    const id = accountId;
    const label = services.registry.get(id)?.record.label ?? id;
    const pick = vscode.window.createQuickPick<CartPick>();
    const remove: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('trash'), tooltip: vscode.l10n.t('Remove from Cart') };
    const fill = () => {
      const entries = services.carts.items(id);
      pick.title = entries.length === 1 ? vscode.l10n.t('Cart ({0}): 1 item', label) : vscode.l10n.t('Cart ({0}): {1} items', label, entries.length);
      pick.items = entries.length
        ? [
            ...entries.map((e): CartPick => ({ label: e.label, description: e.detail, action: 'none', entryId: e.id, buttons: [remove] })),
            { label: '', kind: vscode.QuickPickItemKind.Separator, action: 'none' },
            { label: vscode.l10n.t('$(credit-card) Check Out…'), detail: vscode.l10n.t('One order and one invoice for everything in the cart, after the portal’s total is confirmed'), action: 'checkout' },
            { label: vscode.l10n.t('$(clear-all) Empty Cart'), action: 'empty' },
          ]
        : [{ label: vscode.l10n.t('The cart is empty.'), action: 'none' }];
    };
    fill();
    pick.placeholder = vscode.l10n.t('Review the items, remove any with the trash button, then check out');
    // A step of the checkout, like the order's other steps: it stays open when focus moves. Run from the
    // palette over an order form, VS Code hands focus back to the form a moment after the palette
    // closed, sometimes after this pick opened; a pick that closed on focus loss then vanished.
    pick.ignoreFocusOut = true;
    const chosen = await new Promise<CartPick | undefined>((resolve) => {
      pick.onDidTriggerItemButton((e) => {
        if (e.item.entryId) services.carts.remove(id, e.item.entryId);
        fill();
      });
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0];
        if (item && item.action !== 'none') resolve(item);
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    if (chosen?.action === 'empty') {
      services.carts.clear(id);
    } else if (chosen?.action === 'checkout') {
      await checkOut(services, id);
    }
  },
});

export const cartCommands = [showCart];
