// What the extension shows about money: invoice pages, the balance summary, which invoices need
// attention. Pure functions over the portal's answers (no I/O, no VS Code).
import type { Balance, Invoice, InvoiceSummary } from '../api/resources/billing';
import { formatMoney, roundMoney } from './money';
import * as l10n from '@vscode/l10n';

export const isUnpaid = (status: string) => /^(unpaid|overdue|payment ?pending)$/i.test(status.trim());

/** Unpaid first (oldest due date first), then the rest newest first. */
export function sortInvoices<T extends Pick<InvoiceSummary, 'status' | 'date' | 'duedate' | 'id'>>(invoices: T[]): T[] {
  return [...invoices].sort((a, b) => {
    const ua = isUnpaid(a.status);
    const ub = isUnpaid(b.status);
    if (ua !== ub) return ua ? -1 : 1;
    if (ua) return (a.duedate || a.date).localeCompare(b.duedate || b.date);
    return (b.date || '').localeCompare(a.date || '') || Number(b.id) - Number(a.id);
  });
}

export function isOverdue(invoice: Pick<InvoiceSummary, 'status' | 'duedate'>, today = new Date().toISOString().slice(0, 10)): boolean {
  return isUnpaid(invoice.status) && !!invoice.duedate && invoice.duedate.slice(0, 10) < today;
}

/**
 * What is still owed on an invoice: the portal's own figure (`balance`) where it states one, else
 * the total less credit already applied.
 */
export function amountDue(invoice: Pick<Invoice, 'total' | 'credit' | 'status'> & { balance?: number }): number {
  if (!isUnpaid(invoice.status)) {
    return 0;
  }
  return invoice.balance !== undefined ? Math.max(0, roundMoney(invoice.balance)) : Math.max(0, roundMoney(invoice.total - invoice.credit));
}

/** How much account credit can go to this invoice: all of what is due, or all of the credit. */
export function creditToApply(invoice: Pick<Invoice, 'total' | 'credit' | 'status'>, accountCredit: number): number {
  return roundMoney(Math.min(amountDue(invoice), Math.max(0, accountCredit)));
}

export interface InvoicePageView {
  id: string;
  title: string;
  status: string;
  unpaid: boolean;
  overdue: boolean;
  currency: string;
  dates: { label: string; value: string }[];
  items: { description: string; quantity: number; unitPrice: number; total: number }[];
  subtotal: number;
  taxes: { label: string; amount: number }[];
  creditApplied: number;
  total: number;
  due: number;
  /** Account credit that could pay (part of) this invoice now; 0 when none or not unpaid. */
  applicableCredit: number;
  notes: string;
}

export function invoicePageView(invoice: Invoice, balance: Balance | undefined): InvoicePageView {
  const currency = invoice.currency || balance?.currency || '';
  const taxes: InvoicePageView['taxes'] = [];
  if (invoice.tax) taxes.push({ label: `Tax${invoice.taxrate ? ` (${invoice.taxrate}%)` : ''}`, amount: invoice.tax });
  if (invoice.tax2) taxes.push({ label: l10n.t('Tax 2{0}', invoice.taxrate2 ? ` (${invoice.taxrate2}%)` : ''), amount: invoice.tax2 });
  const dates = [
    { label: l10n.t('Issued'), value: invoice.date },
    { label: l10n.t('Due'), value: invoice.duedate },
    { label: l10n.t('Paid'), value: invoice.datepaid && !/^0000/.test(invoice.datepaid) ? invoice.datepaid : '' },
  ].filter((d) => d.value);
  return {
    id: invoice.id,
    title: l10n.t('Invoice {0}', invoice.number || invoice.id),
    status: invoice.status,
    unpaid: isUnpaid(invoice.status),
    overdue: isOverdue(invoice),
    currency,
    dates,
    items: invoice.items.map((item) => ({ description: item.description, quantity: item.qty, unitPrice: item.amount, total: item.linetotal || roundMoney(item.amount * item.qty) })),
    subtotal: invoice.subtotal,
    taxes,
    creditApplied: invoice.credit,
    total: invoice.total,
    due: amountDue(invoice),
    applicableCredit: balance ? creditToApply(invoice, balance.credit) : 0,
    notes: invoice.notes,
  };
}

export interface BalanceSummary {
  /** Status bar text (without the account name). */
  text: string;
  tooltip: string;
  unpaid: number;
  overdue: number;
  /** Something needs paying: the item stands out. */
  attention: boolean;
}

export function balanceSummary(balance: Balance, invoices: InvoiceSummary[]): BalanceSummary {
  const unpaid = invoices.filter((i) => isUnpaid(i.status));
  const overdue = unpaid.filter((i) => isOverdue(i));
  // The portal's account balance is what is owed after credit already applied; the sum of each
  // unpaid invoice's amount due stands in where the portal states none.
  const owed = balance.balance > 0 ? roundMoney(balance.balance) : roundMoney(unpaid.reduce((s, i) => s + amountDue(i), 0));
  const credit = formatMoney(balance.credit, balance.currency);
  const lines = [`Credit: ${credit}`, l10n.t('Unpaid invoices: {0}{1}', unpaid.length, unpaid.length ? ` (${formatMoney(owed, balance.currency)})` : '')];
  if (overdue.length) lines.push(`Overdue: ${overdue.length}`);
  return {
    text: unpaid.length ? `${unpaid.length} unpaid · ${formatMoney(owed, balance.currency)}` : `${credit} credit`,
    tooltip: lines.join('\n'),
    unpaid: unpaid.length,
    overdue: overdue.length,
    attention: unpaid.length > 0,
  };
}
