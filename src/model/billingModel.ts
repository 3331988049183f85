import { Balance, Invoice, InvoiceSummary, PaymentMethod, withFees } from '../api/resources/billing';
import { InvoiceRef, keys } from './cacheKeys';
import { ModelArea } from './modelArea';

/** Balance, payment methods and invoices. */
export class BillingModel extends ModelArea {
  balance(accountId: string, force = false): Promise<Balance> {
    return this.read(keys.balance(accountId), accountId, (api) => api.billing.balance(), force);
  }

  /** The account's currency (from its balance), or '' when the balance cannot be read. */
  async currency(accountId: string): Promise<string> {
    return (await this.balance(accountId).catch(() => undefined))?.currency ?? '';
  }

  /** Payment methods with the fees the portal states for them (`/payment` and `/payment/fees`). */
  paymentMethods(accountId: string): Promise<PaymentMethod[]> {
    return this.read(keys.paymentMethods(accountId), accountId, async (api) => {
      const [methods, fees] = await Promise.all([api.billing.paymentMethods(), api.billing.paymentFees().catch(() => [])]);
      return withFees(methods, fees);
    });
  }

  invoices(accountId: string, force = false): Promise<InvoiceSummary[]> {
    return this.read(keys.invoices(accountId), accountId, (api) => api.billing.invoices(), force);
  }

  invoice(ref: InvoiceRef, force = false): Promise<Invoice> {
    return this.read(keys.invoice(ref), ref.accountId, (api) => api.billing.invoice(ref.invoiceId), force);
  }

  /** Pays an invoice from account credit, once; then the invoice, the list and the balance are read again. */
  async applyCredit(ref: InvoiceRef, amount: number): Promise<void> {
    try {
      await (await this.api(ref.accountId)).billing.applyCredit(ref.invoiceId, amount);
    } finally {
      this.cache.invalidate(keys.invoice(ref));
      this.cache.invalidate(keys.invoices(ref.accountId));
      this.cache.invalidate(keys.balance(ref.accountId));
    }
  }
}
