import type { Quote } from '../api/resources/catalogue';
import type { QuoteView } from '../webviews/orderProtocol';

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The promotion codes the portal applied, from the items' `coupon` (`{}` when none). */
function appliedCodes(quote: Quote): string[] {
  return quote.items.flatMap((item) => {
    const coupon = (item as { coupon?: unknown }).coupon;
    if (!isRecord(coupon) || Object.keys(coupon).length === 0) return [];
    const code = coupon.code ?? coupon.name ?? coupon.title;
    return [typeof code === 'string' || typeof code === 'number' ? String(code) : 'promotion'];
  });
}

/** A `POST /quote` answer as the order page and the cart show it: the portal's amounts, unchanged. */
export function quoteView(quote: Quote): QuoteView {
  const problems = quote.items.flatMap((item) => (item.valid ? [] : item.error.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)))));
  return {
    subtotal: quote.summary.subtotal,
    discount: quote.summary.discount,
    promotions: [...new Set(appliedCodes(quote))],
    credit: quote.summary.credit,
    taxes: quote.summary.tax.map((t) => ({ name: t.name, rate: t.value, amount: t.tax })),
    total: quote.summary.total,
    recurring: quote.summary.recurring.map((r) => ({ title: r.title, amount: r.price })),
    problems,
  };
}
