// The order page's price box: the portal's quote for the current choices (subtotal, discount,
// taxes, credit, total, what recurs), whether it is being updated, the portal's objections, and
// under the promotion code whether it was applied. Portal text goes in as text only.
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { formatMoney } from '../../billing/money';
import type { QuoteView } from '../orderProtocol';
import { el } from './dom';
import * as l10n from '@vscode/l10n';

export class PriceBox {
  readonly element = el('div', 'price');
  readonly problems = el('ul', 'problems');
  readonly promoStatus = el('p', 'muted promo-status');

  constructor(
    private readonly currency: () => string,
    private readonly promocode: () => string,
  ) {
    this.promoStatus.setAttribute('aria-live', 'polite');
  }

  render(quote: QuoteView | undefined, updating: boolean, failure?: string): void {
    const currency = this.currency();
    const rows = el('dl', 'totals');
    const row = (label: string, value: string, className?: string) => {
      rows.append(el('dt', className, label), el('dd', className, value));
    };
    if (quote) {
      row('Subtotal', formatMoney(quote.subtotal, currency));
      if (quote.discount) row(`Discount${quote.promotions.length ? ` (${quote.promotions.join(', ')})` : ''}`, `−${formatMoney(quote.discount, currency)}`);
      for (const tax of quote.taxes) row(`${tax.name}${tax.rate ? ` (${tax.rate}%)` : ''}`, formatMoney(tax.amount, currency));
      if (quote.credit) row('Credit', `−${formatMoney(quote.credit, currency)}`);
      row(l10n.t('Total due today'), formatMoney(quote.total, currency), 'total');
    }
    const parts: HTMLElement[] = [el('h2', undefined, l10n.t('Price')), rows];
    if (quote?.recurring.length) {
      parts.push(el('p', 'muted recurring', l10n.t('Then {0}', quote.recurring.map((r) => `${formatMoney(r.amount, currency)} ${r.title.toLowerCase()}`).join(' + '))));
    }
    const status = el('p', 'muted quote-status');
    status.setAttribute('aria-live', 'polite');
    if (updating) {
      const ring = document.createElement('vscode-progress-ring');
      ring.setAttribute('aria-hidden', 'true');
      status.append(ring, document.createTextNode(quote ? l10n.t('Updating price…') : l10n.t('Getting a price…')));
    } else if (failure) {
      status.className = 'quote-status failed';
      status.textContent = l10n.t('Could not get a price: {0}', failure);
    }
    parts.push(status);
    this.element.replaceChildren(...parts);
    this.renderPromoStatus(quote, updating);
    this.problems.replaceChildren(...(quote?.problems ?? []).map((p) => el('li', undefined, p)));
  }

  /** Under the promotion code: applied (with the portal's discount), or not applied (the portal's words are in the problems). */
  private renderPromoStatus(quote: QuoteView | undefined, updating: boolean): void {
    const code = this.promocode().trim();
    if (!code || !quote || updating) {
      this.promoStatus.textContent = '';
      return;
    }
    const applied = quote.promotions.some((p) => p.toUpperCase() === code.toUpperCase()) || (quote.promotions.length > 0 && quote.discount > 0);
    this.promoStatus.className = applied ? 'muted promo-status applied' : 'muted promo-status refused';
    this.promoStatus.textContent = applied
      ? `Applied: −${formatMoney(quote.discount, this.currency())}`
      : l10n.t('Not applied{0}', quote.problems.length ? `: ${quote.problems.join(' ')}` : ' by the portal.');
  }
}
