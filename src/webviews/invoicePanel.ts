import * as vscode from 'vscode';
import { invoicePageView } from '../billing/invoices';
import { keys } from '../model/cacheKeys';
import { Ctx } from '../ctx';
import { ExtensionToInvoicePage, InvoicePageToExtension, InvoiceTarget, isInvoicePageMessage } from './invoiceProtocol';
import { PortalPanel } from './portalPanel';

/** One invoice: items, tax, totals, status, and Apply Credit while it is unpaid. */
export class InvoicePanel extends PortalPanel<InvoiceTarget, ExtensionToInvoicePage, InvoicePageToExtension> {
  constructor(panel: vscode.WebviewPanel, target: InvoiceTarget, private readonly services: Ctx, extensionUri: vscode.Uri, onDispose: () => void) {
    super(panel, target, extensionUri, { script: 'invoice.js', style: 'invoice.css', title: vscode.l10n.t('Invoice') }, isInvoicePageMessage, onDispose);
    this.subscriptions.push(
      services.model.cache.onDidInvalidate((key) => {
        if (key === keys.invoice(target) || key === keys.balance(target.accountId)) void this.render();
      }),
    );
  }

  render(force = false): Promise<void> {
    const { model, registry } = this.services;
    return this.show(
      () => Promise.all([model.billing.invoice(this.target, force), model.billing.balance(this.target.accountId, force).catch(() => undefined)]),
      ([invoice, balance]) => {
        const view = invoicePageView(invoice, balance);
        this.panel.title = view.title;
        return { type: 'show', view, target: this.target, account: registry.get(this.target.accountId)?.record.label ?? '' };
      },
    );
  }

  protected async onMessage(message: InvoicePageToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.render();
      case 'refresh':
        return this.render(true);
      case 'applyCredit':
        await vscode.commands.executeCommand('cloudPortal.billing.applyCredit', this.target);
        return;
    }
  }

  busy(what: string | undefined): void {
    this.post({ type: 'busy', what });
  }
}
