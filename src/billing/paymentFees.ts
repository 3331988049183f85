import type { PaymentMethod } from '../api/resources/billing';
import { formatMoney } from './money';

/** "fee 2.9% + 0.30 USD", or "" when the method costs nothing extra. */
export function feeText(method: Pick<PaymentMethod, 'fixed_fee' | 'percent_fee'>, currency: string): string {
  const parts = [method.percent_fee > 0 ? `${method.percent_fee}%` : '', method.fixed_fee > 0 ? formatMoney(method.fixed_fee, currency) : ''].filter(Boolean);
  return parts.length ? `fee ${parts.join(' + ')}` : '';
}

/** A payment method as offered in a pick: its name, and its fee beside it where there is one. */
export function paymentMethodLabel(method: PaymentMethod, currency: string): string {
  const fee = feeText(method, currency);
  return fee ? `${method.name} (${fee})` : method.name;
}
