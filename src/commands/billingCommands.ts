import * as vscode from 'vscode';
import { describeError } from '../api/errors';
import { amountDue, creditToApply, isOverdue, isUnpaid, sortInvoices } from '../billing/invoices';
import { formatMoney, roundMoney } from '../billing/money';
import { InvoicePanels } from '../webviews/panels';
import { isInvoiceTarget } from '../webviews/invoiceProtocol';
import { CommandFactory } from './command';
import { accountFor } from '../ui/pickAccount';
import { shownOverWebview } from '../ui/shownOverWebview';

/** The confirmation for paying an invoice from credit: names the invoice and states the amount. */
async function confirmApplyCredit(invoiceTitle: string, amount: number, currency: string, remainingDue: number): Promise<boolean> {
  const sum = formatMoney(amount, currency);
  const button = vscode.l10n.t('Apply {0}', sum);
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Apply {0} of account credit to {1}?', sum, invoiceTitle),
    { modal: true, detail: remainingDue > 0 ? vscode.l10n.t('{0} will still be due after this.', formatMoney(remainingDue, currency)) : vscode.l10n.t('This pays the invoice in full.') },
    button,
  );
  return answer === button;
}

/** Invoices…: one account's invoices, unpaid first, opened in the invoice page. */
export const showInvoices: CommandFactory = (services) => ({
  id: 'cloudPortal.billing.showInvoices',
  async run(arg?: unknown) {
    const account = await accountFor(services, arg, vscode.l10n.t('Invoices of which account?'), (a) => a.state === 'signedIn');
    if (!account) return;
    const accountId = account.record.id;
    const items = services.model.billing.invoices(accountId, true).then((invoices) =>
      sortInvoices(invoices).map((i) => ({
        label: `${isOverdue(i) ? '$(error)' : isUnpaid(i.status) ? '$(warning)' : '$(pass)'} ${i.number || i.id}`,
        description: `${formatMoney(isUnpaid(i.status) ? amountDue(i) : i.total, i.currency)}${isUnpaid(i.status) && amountDue(i) !== i.total ? vscode.l10n.t(' due of {0}', formatMoney(i.total, i.currency)) : ''} · ${i.status}${isOverdue(i) ? ' · overdue' : ''}`,
        detail: [i.date && `Issued ${i.date}`, isUnpaid(i.status) && i.duedate ? `due ${i.duedate}` : '', i.datepaid && !/^0000/.test(i.datepaid) ? `paid ${i.datepaid}` : ''].filter(Boolean).join(', '),
        invoiceId: i.id,
      })),
    );
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Invoices ({0})', account.record.label), placeHolder: vscode.l10n.t('Open an invoice'), matchOnDescription: true, ignoreFocusOut: shownOverWebview() });
    if (picked) await vscode.commands.executeCommand('cloudPortal.billing.openInvoice', { accountId, invoiceId: picked.invoiceId });
  },
});

export function openInvoice(panels: InvoicePanels): CommandFactory {
  return () => ({
    id: 'cloudPortal.billing.openInvoice',
    async run(arg?: unknown) {
      if (isInvoiceTarget(arg)) await panels.open(arg);
    },
  });
}

/** Apply Credit: pays (part of) an unpaid invoice from account credit, after a modal with the amount. Sent once. */
export function applyCredit(panels: InvoicePanels): CommandFactory {
  return (services) => ({
    id: 'cloudPortal.billing.applyCredit',
    async run(arg?: unknown) {
      if (!isInvoiceTarget(arg)) return;
      const { model } = services;
      const [invoice, balance] = await Promise.all([model.billing.invoice(arg, true), model.billing.balance(arg.accountId, true)]);
      const title = `invoice ${invoice.number || invoice.id}`;
      const amount = creditToApply(invoice, balance.credit);
      if (amount <= 0) {
        void vscode.window.showInformationMessage(amountDue(invoice) <= 0 ? vscode.l10n.t('Nothing is due on {0}.', title) : vscode.l10n.t('There is no account credit to apply to {0}.', title));
        return;
      }
      if (!(await confirmApplyCredit(title, amount, balance.currency, roundMoney(amountDue(invoice) - amount)))) return;
      panels.busy(arg, vscode.l10n.t('Applying credit…'));
      try {
        await model.billing.applyCredit(arg, amount);
        const after = await model.billing.invoice(arg);
        void vscode.window.showInformationMessage(vscode.l10n.t('Applied {0} of credit to {1}: {2}.', formatMoney(amount, balance.currency), title, after.status));
      } catch (e) {
        throw new Error(vscode.l10n.t('Credit was not applied to {0}: {1}', title, describeError(e)));
      } finally {
        panels.busy(arg, undefined);
      }
    },
  });
}

export function billingCommands(panels: InvoicePanels): CommandFactory[] {
  return [showInvoices, openInvoice(panels), applyCredit(panels)];
}
