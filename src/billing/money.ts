/** `16.93 USD`: two decimals, the currency code after (codes, not symbols: portals send codes). */
export function formatMoney(amount: number, currency: string): string {
  return `${amount.toFixed(2)}${currency ? ` ${currency}` : ''}`;
}

/** Cents-safe rounding for sums of portal amounts. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}
