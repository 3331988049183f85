import { MockInvoice, PortalState } from '../model';
import { notFound, PortalFailure, Router } from '../router';

const money = (n: number) => n.toFixed(2);

export function invoiceTotals(invoice: MockInvoice) {
  const subtotal = invoice.items.reduce((s, i) => s + i.amount * i.qty, 0);
  const tax = Math.round(subtotal * invoice.taxrate) / 100;
  return { subtotal, tax, total: Math.round((subtotal + tax) * 100) / 100 };
}

/** The next invoice number of the month, after the highest one issued so far. */
export function nextInvoiceNumber(state: PortalState): string {
  const highest = Math.max(0, ...state.invoices.map((i) => Number(/\/(\d+)$/.exec(i.number)?.[1] ?? 0)));
  return `2026/11/${highest + 1}`;
}

function unpaidTotal(state: PortalState): number {
  return state.invoices.filter((i) => i.status === 'Unpaid').reduce((s, i) => s + invoiceTotals(i).total - i.credit, 0);
}

export function billingRoutes(router: Router): void {
  router
    .add('GET', 'balance', ({ state }) => ({
      success: true,
      details: { currency: state.balance.currency, acc_balance: money(unpaidTotal(state)), acc_credit: money(state.balance.credit) },
    }))
    .add('GET', 'invoice', ({ state }) => ({
      invoices: state.invoices.map((i) => ({
        id: i.id,
        date: i.date,
        dateorig: i.date,
        duedate: i.duedate,
        paybefore: i.duedate,
        total: money(invoiceTotals(i).total),
        datepaid: i.datepaid,
        status: i.status,
        merge_id: null,
        number: i.number,
        currency: i.currency,
      })),
    }))
    .add('GET', 'invoice/@id', ({ state, params }) => {
      const i = state.invoices.find((x) => x.id === params.id);
      if (!i) {
        throw notFound('Invoice');
      }
      const t = invoiceTotals(i);
      return {
        invoice: {
          id: i.id,
          status: i.status,
          date: i.date,
          duedate: i.duedate,
          paybefore: i.duedate,
          datepaid: i.datepaid,
          subtotal: t.subtotal,
          credit: i.credit,
          tax: t.tax,
          taxrate: i.taxrate,
          tax2: 0,
          taxrate2: 0,
          taxexempt: '0',
          total: t.total,
          rate: 1,
          notes: '',
          items: i.items.map((item) => ({
            id: item.id,
            invoice_id: i.id,
            type: 'Other',
            item_id: '0',
            description: item.description,
            amount: money(item.amount),
            taxed: '1',
            qty: item.qty.toFixed(2),
            linetotal: money(item.amount * item.qty),
          })),
          client: state.client,
          number: i.number,
          currency: i.currency,
        },
      };
    })
    .add('POST', 'invoice/@id/credit', ({ state, params, body }) => {
      const i = state.invoices.find((x) => x.id === params.id);
      if (!i) {
        throw notFound('Invoice');
      }
      if (i.status !== 'Unpaid') {
        throw new PortalFailure(200, ['Invoice is not unpaid']);
      }
      const due = invoiceTotals(i).total - i.credit;
      const wanted = body.amount === undefined ? due : Number(body.amount);
      if (!Number.isFinite(wanted) || wanted <= 0) {
        throw new PortalFailure(200, ['Invalid amount']);
      }
      const applied = Math.min(wanted, due, state.balance.credit);
      if (applied <= 0) {
        throw new PortalFailure(200, ['Not enough credit']);
      }
      state.balance.credit = Math.round((state.balance.credit - applied) * 100) / 100;
      i.credit = Math.round((i.credit + applied) * 100) / 100;
      if (i.credit >= invoiceTotals(i).total - 0.001) {
        i.status = 'Paid';
        i.datepaid = new Date().toISOString().slice(0, 19).replace('T', ' ');
      }
      return { success: true, invoice_status: i.status, applied };
    })
    .add('GET', 'payment', ({ state }) => ({ payments: state.payments }))
    .add('GET', 'payment/fees', ({ state }) => ({
      payments: Object.entries(state.payments).map(([id, name], n) => ({ id: Number(id), name, fixed_fee: n ? '0.3' : '0.0', percent_fee: n ? '2.9' : '0.0' })),
    }));
}
