import type { PaymentMethod } from '../api/resources/billing';
import { formatMoney } from './money';

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
