import type { PortalApi } from '../api/portalApi';

/** One renewal choice: how many years, and the price the portal states for them. */
export interface RenewalOption {
  years: number;
  price: number;
}

/**
 * What renewing a registered domain costs, as the portal states it — never computed by us (the
 * portal's price for two years need not be twice the price for one). The domain's own lookup
 * answer first (`POST /domain/lookup`: its periods carry `renew`, premium names included), else
 * the TLD price list (`GET /domain/order`, the longest TLD that ends the name). Empty when the
 * portal states no renewal price: the caller then says so instead of guessing.
 */
export async function renewalOptions(api: Pick<PortalApi, 'domains'>, name: string): Promise<RenewalOption[]> {
  const fromPeriods = (periods: { period: number; renew?: number }[]) =>
    periods.filter((p) => p.period > 0 && p.renew !== undefined).map((p) => ({ years: p.period, price: p.renew! }));
  const lookedUp = await api.domains.lookup(name).catch(() => undefined);
  const own = lookedUp ? fromPeriods(lookedUp.periods) : [];
  if (own.length > 0) {
    return own.sort((a, b) => a.years - b.years);
  }
  const tlds = await api.domains.tlds();
  const lower = name.toLowerCase();
  const tld = tlds
    .filter((t) => lower.endsWith(t.tld.startsWith('.') ? t.tld.toLowerCase() : `.${t.tld.toLowerCase()}`))
    .sort((a, b) => b.tld.length - a.tld.length)[0];
  return tld ? fromPeriods(tld.periods).sort((a, b) => a.years - b.years) : [];
}
