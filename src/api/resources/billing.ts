import * as v from 'valibot';
import { PortalClient, RequestOptions } from '../client';
import { Amount, Id, list, tolerantList, seg, Text } from '../schema';

export const Balance = v.pipe(
  v.looseObject({
    details: v.looseObject({
      currency: Text,
      acc_balance: Amount,
      acc_credit: Amount,
    }),
  }),
  v.transform((x) => ({ currency: x.details.currency, balance: x.details.acc_balance, credit: x.details.acc_credit })),
);
export type Balance = v.InferOutput<typeof Balance>;

export const InvoiceSummary = v.looseObject({
  id: Id,
  number: v.optional(Text, ''),
  date: v.optional(Text, ''),
  duedate: v.optional(Text, ''),
  datepaid: v.optional(Text, ''),
  total: Amount,
  status: Text,
  currency: v.optional(Text, ''),
  /** Credit already applied, where the list carries it. */
  credit: v.optional(Amount, 0),
  /** What is still due, where the portal states it. */
  balance: v.optional(Amount),
});
export type InvoiceSummary = v.InferOutput<typeof InvoiceSummary>;

export const InvoiceItem = v.looseObject({
  id: Id,
  type: v.optional(Text, ''),
  description: Text,
  amount: Amount,
  qty: v.optional(Amount, 1),
  linetotal: v.optional(Amount, 0),
  taxed: v.optional(Text, ''),
});

export const Invoice = v.looseObject({
  id: Id,
  number: v.optional(Text, ''),
  status: Text,
  date: v.optional(Text, ''),
  duedate: v.optional(Text, ''),
  datepaid: v.optional(Text, ''),
  subtotal: v.optional(Amount, 0),
  credit: v.optional(Amount, 0),
  tax: v.optional(Amount, 0),
  taxrate: v.optional(Amount, 0),
  tax2: v.optional(Amount, 0),
  taxrate2: v.optional(Amount, 0),
  total: Amount,
  currency: v.optional(Text, ''),
  notes: v.optional(Text, ''),
  items: v.optional(list(InvoiceItem), []),
});
export type Invoice = v.InferOutput<typeof Invoice>;

export const PaymentMethod = v.looseObject({
  id: Id,
  name: Text,
  fixed_fee: v.optional(Amount, 0),
  percent_fee: v.optional(Amount, 0),
});
export type PaymentMethod = v.InferOutput<typeof PaymentMethod>;

/** `{"payments": {"10": "BankTransfer"}}` and `{"payments": [{"id": 1, "name": "Bank Transfer"}]}` alike. */
const PaymentList = v.pipe(
  v.looseObject({ payments: list(PaymentMethod, (id, name) => ({ id, name })) }),
  v.transform((x) => x.payments),
);

const CreditResult = v.looseObject({
  invoice_status: v.optional(Text, ''),
  applied: v.optional(Amount, 0),
});

/** Balance, invoices and payment methods. */
export class BillingApi {
  constructor(private readonly client: PortalClient) {}

  balance(options?: RequestOptions): Promise<Balance> {
    return this.client.get('balance', Balance, options);
  }

  async invoices(options?: RequestOptions): Promise<InvoiceSummary[]> {
    const body = await this.client.get('invoice', v.looseObject({ invoices: tolerantList(InvoiceSummary) }), options);
    return body.invoices;
  }

  async invoice(id: string, options?: RequestOptions): Promise<Invoice> {
    return (await this.client.get(`invoice/${seg(id)}`, v.looseObject({ invoice: Invoice }), options)).invoice;
  }

  /** Applies account credit to an invoice; without `amount`, as much as pays it in full. Spends money. */
  applyCredit(id: string, amount?: number, options?: RequestOptions) {
    return this.client.post(`invoice/${seg(id)}/credit`, CreditResult, amount === undefined ? {} : { amount }, options);
  }

  paymentMethods(options?: RequestOptions): Promise<PaymentMethod[]> {
    return this.client.get('payment', PaymentList, options);
  }

  paymentFees(options?: RequestOptions): Promise<PaymentMethod[]> {
    return this.client.get('payment/fees', PaymentList, options);
  }
}

/**
 * Each payment method with the fee the portal states for it (`GET /payment/fees`), matched by id.
 * Methods keep no fee when the portal lists none for them, or has no fee list at all.
 */
export function withFees(methods: readonly PaymentMethod[], fees: readonly PaymentMethod[]): PaymentMethod[] {
  const byId = new Map(fees.map((f) => [f.id, f]));
  return methods.map((m) => {
    const fee = byId.get(m.id);
    return fee ? { ...m, fixed_fee: fee.fixed_fee, percent_fee: fee.percent_fee } : m;
  });
}
