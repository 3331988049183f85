// What the order page shows once the portal has taken the order.
import { formatMoney } from '../../billing/money';
import { button, el } from './dom';

export function placedView(order: { orderNumber: string; invoiceId: string; total: number }, currency: string, openInvoice: () => void): HTMLElement {
  const box = el('section', 'placed');
  box.append(el('h1', undefined, 'Order placed'));
  const facts = el('dl', 'totals');
  facts.append(el('dt', undefined, 'Order number'), el('dd', undefined, order.orderNumber || '—'));
  facts.append(el('dt', undefined, 'Invoice'), el('dd', undefined, order.invoiceId || '—'));
  facts.append(el('dt', undefined, 'Total'), el('dd', undefined, formatMoney(order.total, currency)));
  box.append(facts, el('p', 'muted', 'The new service appears in the Services view as Pending until the invoice is paid.'));
  if (order.invoiceId) box.append(button('Open Invoice', 'file', openInvoice));
  return box;
}
