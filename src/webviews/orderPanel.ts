import * as vscode from 'vscode';
import { formatMoney } from '../billing/money';
import { modelOrderBackend, OrderConfirmation, OrderSession } from '../ordering/orderSession';
import { Ctx } from '../ctx';
import { ExtensionToOrderPage, isOrderPageMessage, OrderPageToExtension, OrderTarget, PlacedOrder } from './orderProtocol';
import { PortalPanel } from './portalPanel';

/** The modal before money is spent: names the product and the account, states the total. */
async function confirmOrder(order: OrderConfirmation): Promise<boolean> {
  const total = formatMoney(order.total, order.currency);
  const then = order.recurring.map((r) => `${formatMoney(r.amount, order.currency)} ${r.title.toLowerCase()}`).join(' + ');
  const button = vscode.l10n.t('Order for {0}', total);
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Place an order for “{0}” on “{1}” for {2}?', order.product, order.account, total),
    {
      modal: true,
      detail: vscode.l10n.t('Total due now: {0} (taxes included), paid by {1}.{2} The portal creates an invoice for it.', total, order.paymentMethod, then ? ` Then ${then}.` : ''),
    },
    button,
  );
  return answer === button;
}

/** A New Order page: relays messages between the webview and its order session. */
export class OrderPanel extends PortalPanel<OrderTarget, ExtensionToOrderPage, OrderPageToExtension> {
  private readonly session: OrderSession;

  constructor(panel: vscode.WebviewPanel, target: OrderTarget, services: Ctx, extensionUri: vscode.Uri, onDispose: () => void) {
    super(panel, target, extensionUri, { script: 'order.js', style: 'order.css', title: vscode.l10n.t('New Order') }, isOrderPageMessage, onDispose);
    const account = services.registry.get(target.accountId)?.record.label ?? '';
    this.session = new OrderSession(modelOrderBackend(services.model, target.accountId, target.productId), {
      post: (message) => {
        if (message.type === 'form') panel.title = vscode.l10n.t('Order: {0}', message.view.form.productName);
        this.post(message);
      },
      confirm: confirmOrder,
      placed: (order) => void this.announce(order, account),
      openInvoice: (invoiceId) => void vscode.commands.executeCommand('cloudPortal.billing.openInvoice', { accountId: target.accountId, invoiceId }),
      addToCart: (entry) => services.carts.add(target.accountId, entry),
      showCart: () => void vscode.commands.executeCommand('cloudPortal.cart.show', { accountId: target.accountId }),
    }, { ...target, account });
  }

  protected onMessage(message: OrderPageToExtension): Promise<void> {
    return this.session.handle(message);
  }

  get placed(): boolean {
    return this.session.placed;
  }

  private async announce(order: PlacedOrder, account: string): Promise<void> {
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Order {0} placed on “{1}”{2}.', order.orderNumber, account, order.invoiceId ? `: invoice ${order.invoiceId}` : ''),
      ...(order.invoiceId ? [vscode.l10n.t('Open Invoice')] : []),
    );
    if (choice) {
      await vscode.commands.executeCommand('cloudPortal.billing.openInvoice', { accountId: this.target.accountId, invoiceId: order.invoiceId });
    }
  }

  override dispose(): void {
    this.session.dispose();
    super.dispose();
  }
}
