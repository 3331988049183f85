/** Messages between the extension and the invoice page (see protocol.ts for the rules). */
import type { InvoicePageView } from '../billing/invoices';

export interface InvoiceTarget {
  accountId: string;
  invoiceId: string;
}

export type ExtensionToInvoicePage =
  | { type: 'show'; view: InvoicePageView; target: InvoiceTarget; account: string }
  | { type: 'failed'; message: string }
  | { type: 'busy'; what: string | undefined };

export type InvoicePageToExtension = { type: 'ready' } | { type: 'refresh' } | { type: 'applyCredit' };

export function isInvoiceTarget(value: unknown): value is InvoiceTarget {
  const t = value as Record<string, unknown> | null;
  return !!t && typeof t === 'object' && typeof t.accountId === 'string' && typeof t.invoiceId === 'string' && /^[\w-]{1,40}$/.test(t.invoiceId);
}

export function isInvoicePageMessage(value: unknown): value is InvoicePageToExtension {
  const m = value as Record<string, unknown> | null;
  return !!m && typeof m === 'object' && (m.type === 'ready' || m.type === 'refresh' || m.type === 'applyCredit');
}
