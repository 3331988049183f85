import * as vscode from 'vscode';
import { describeError } from '../api/errors';
import { invoicePageView } from '../billing/invoices';
import { keys } from '../model/cacheKeys';
import { Ctx } from '../ctx';
import { ExtensionToInvoicePage, InvoiceTarget, isInvoicePageMessage } from './invoiceProtocol';
import { OwnedPanel } from './panelRegistry';
import { configureWebview } from './webviewHtml';

/** One invoice: items, tax, totals, status, and Apply Credit while it is unpaid. */
export class InvoicePanel implements OwnedPanel {
  private readonly subscriptions: vscode.Disposable[] = [];
  private rendering = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly target: InvoiceTarget,
    private readonly services: Ctx,
    extensionUri: vscode.Uri,
    onDispose: () => void,
  ) {
    configureWebview(panel.webview, extensionUri, { script: 'invoice.js', style: 'invoice.css', title: 'Invoice' });
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
      services.model.cache.onDidInvalidate((key) => {
        if (key === keys.invoice(target) || key === keys.balance(target.accountId)) void this.render();
      }),
    );
  }

  private post(message: ExtensionToInvoicePage): void {
    void this.panel.webview.postMessage(message);
  }

  async render(force = false): Promise<void> {
    const run = ++this.rendering;
    const { model, registry } = this.services;
    try {
      const [invoice, balance] = await Promise.all([model.billing.invoice(this.target, force), model.billing.balance(this.target.accountId, force).catch(() => undefined)]);
      if (run === this.rendering) {
        const view = invoicePageView(invoice, balance);
        this.panel.title = view.title;
        this.post({ type: 'show', view, target: this.target, account: registry.get(this.target.accountId)?.record.label ?? '' });
      }
    } catch (e) {
      if (run === this.rendering) this.post({ type: 'failed', message: describeError(e) });
    }
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isInvoicePageMessage(message)) return;
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

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
