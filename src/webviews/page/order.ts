// The New Order page. Runs in the webview; builds the form from the extension's description of
// the product, reports every change, shows the latest quote, and asks the extension to place the
// order (the extension confirms with a modal and sends it once). Portal text goes in as text only.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { formatMoney } from '../../billing/money';
import type { OrderChoices, OrderField, OrderOption } from '../../ordering/orderForm';
import type { ExtensionToOrderPage, OrderFormView, OrderPageToExtension, OrderTarget, QuoteView } from '../orderProtocol';
import { button, el } from './dom';
import { connectPage } from './host';

interface SavedState extends OrderTarget {
  choices?: OrderChoices;
  payMethod?: string;
}

const app = document.getElementById('app')!;
// Retry after a failed load asks for the form again.
const vscode = connectPage<OrderPageToExtension, ExtensionToOrderPage, SavedState>(app, (message) => onMessage(message), { type: 'ready' });

let view: OrderFormView | undefined;
let choices: OrderChoices | undefined;
let payMethod = '';
let submitting = false;
let latestQuote: QuoteView | undefined;

const summary = el('aside', 'summary');
const priceBox = el('div', 'price');
const problemsBox = el('ul', 'problems');
const messageBox = el('div', 'message');
messageBox.setAttribute('role', 'alert');
let placeButton: HTMLElement | undefined;
let cartButton: HTMLElement | undefined;
const promoStatus = el('p', 'muted promo-status');
promoStatus.setAttribute('aria-live', 'polite');

function save(): void {
  if (view) {
    vscode.remember({ ...view.target, choices, payMethod });
  }
}

function changed(): void {
  save();
  messageBox.replaceChildren();
  vscode.post({ type: 'change', choices: choices!, payMethod });
}

function priceLabel(option: OrderOption, currency: string, perUnit = false): string {
  const parts: string[] = [];
  if (option.price) parts.push(`${option.price > 0 ? '+' : ''}${formatMoney(option.price, currency)}${perUnit ? ' each' : ''}`);
  if (option.setup) parts.push(`${formatMoney(option.setup, currency)} setup`);
  return parts.length ? `${option.label} (${parts.join(', ')})` : option.label;
}

function radios(field: OrderField & { options: OrderOption[] }, current: string, onPick: (id: string) => void, label: (o: OrderOption) => string): HTMLElement {
  const group = document.createElement('vscode-radio-group');
  group.setAttribute('variant', 'vertical');
  group.setAttribute('aria-label', field.label);
  for (const option of field.options) {
    const radio = document.createElement('vscode-radio') as HTMLElement & { checked: boolean };
    radio.setAttribute('name', `field-${field.id}`);
    radio.setAttribute('value', option.id);
    radio.dataset.option = option.id;
    radio.textContent = label(option);
    radio.checked = option.id === current;
    radio.addEventListener('change', () => radio.checked && onPick(option.id));
    group.append(radio);
  }
  return group;
}

function select(label: string, options: { id: string; text: string }[], current: string, onPick: (id: string) => void): HTMLElement {
  const s = document.createElement('vscode-single-select') as HTMLElement & { value: string };
  s.setAttribute('aria-label', label);
  for (const o of options) {
    const option = document.createElement('vscode-option');
    option.setAttribute('value', o.id);
    option.textContent = o.text;
    if (o.id === current) option.setAttribute('selected', '');
    s.append(option);
  }
  s.addEventListener('change', () => onPick(s.value));
  return s;
}

function textfield(value: string, attrs: Record<string, string>, onInput: (value: string) => void): HTMLElement {
  const t = document.createElement('vscode-textfield') as HTMLElement & { value: string };
  for (const [k, v] of Object.entries(attrs)) t.setAttribute(k, v);
  t.value = value;
  t.addEventListener('input', () => onInput(t.value));
  return t;
}

function control(field: OrderField, currency: string): HTMLElement {
  const c = choices!;
  switch (field.kind) {
    case 'cycle':
      return radios(field, c.cycle, (id) => ((c.cycle = id), changed()), (o) => `${o.label}: ${formatMoney(o.price, currency)}${o.setup ? ` + ${formatMoney(o.setup, currency)} setup` : ''}`);
    case 'domain':
      return textfield(c.domain, { placeholder: 'example.com', 'aria-label': field.label, 'data-input': 'domain' }, (v) => ((c.domain = v), changed()));
    case 'radio':
      return radios(field, String(c.custom[field.id] ?? ''), (id) => ((c.custom[field.id] = id), changed()), (o) => priceLabel(o, currency));
    case 'select': {
      const options = [...(field.required ? [] : [{ id: '', text: 'None' }]), ...field.options.map((o) => ({ id: o.id, text: priceLabel(o, currency) }))];
      return select(field.label, options, String(c.custom[field.id] ?? ''), (id) => ((c.custom[field.id] = id), changed()));
    }
    case 'checkbox': {
      const box = el('div', 'checks');
      for (const option of field.options) {
        const check = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
        check.textContent = priceLabel({ ...option, label: option.label || field.label }, currency);
        check.dataset.option = option.id;
        const selected = () => (Array.isArray(c.custom[field.id]) ? (c.custom[field.id] as string[]) : []);
        check.checked = selected().includes(option.id);
        check.addEventListener('change', () => {
          const rest = selected().filter((id) => id !== option.id);
          c.custom[field.id] = check.checked ? [...rest, option.id] : rest;
          changed();
        });
        box.append(check);
      }
      return box;
    }
    case 'quantity': {
      const row = el('div', 'quantity');
      row.append(
        textfield(String(c.custom[field.id] ?? field.min), { type: 'number', min: String(field.min), max: String(field.max), step: String(field.step), 'aria-label': field.label, 'data-input': field.id }, (v) => {
          c.custom[field.id] = v.trim() === '' ? Number.NaN : Number(v);
          changed();
        }),
        el('span', 'muted', `${field.min}–${field.max} × ${priceLabel({ ...field.option, label: field.option.label || 'unit' }, currency, true)}`),
      );
      return row;
    }
    case 'text':
      return textfield(String(c.custom[field.id] ?? ''), { 'aria-label': field.label, 'data-input': field.id }, (v) => ((c.custom[field.id] = v), changed()));
    case 'addon': {
      const row = el('div', 'addon');
      const check = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
      check.textContent = `Add ${field.label}`;
      check.dataset.addon = field.id;
      check.checked = !!c.addons[field.id];
      const cycles = select(`${field.label} billing cycle`, field.cycles.map((o) => ({ id: o.id, text: `${o.label}: ${formatMoney(o.price, currency)}` })), c.addons[field.id] || c.cycle, (id) => {
        if (c.addons[field.id]) {
          c.addons[field.id] = id;
          changed();
        }
      }) as HTMLElement & { value: string };
      check.addEventListener('change', () => {
        c.addons[field.id] = check.checked ? cycles.value || c.cycle : '';
        changed();
      });
      row.append(check, cycles);
      return row;
    }
    case 'unsupported':
      return el('p', 'muted', `This option (${field.type}) cannot be set here; the portal's default applies.`);
  }
}

function renderPrice(quote: QuoteView | undefined, updating: boolean, failure?: string): void {
  const currency = view?.currency ?? '';
  const rows = el('dl', 'totals');
  const row = (label: string, value: string, className?: string) => {
    rows.append(el('dt', className, label), el('dd', className, value));
  };
  if (quote) {
    row('Subtotal', formatMoney(quote.subtotal, currency));
    if (quote.discount) row(`Discount${quote.promotions.length ? ` (${quote.promotions.join(', ')})` : ''}`, `−${formatMoney(quote.discount, currency)}`);
    for (const tax of quote.taxes) row(`${tax.name}${tax.rate ? ` (${tax.rate}%)` : ''}`, formatMoney(tax.amount, currency));
    if (quote.credit) row('Credit', `−${formatMoney(quote.credit, currency)}`);
    row('Total due today', formatMoney(quote.total, currency), 'total');
  }
  const parts: HTMLElement[] = [el('h2', undefined, 'Price'), rows];
  if (quote?.recurring.length) {
    parts.push(el('p', 'muted recurring', `Then ${quote.recurring.map((r) => `${formatMoney(r.amount, currency)} ${r.title.toLowerCase()}`).join(' + ')}`));
  }
  const status = el('p', 'muted quote-status');
  status.setAttribute('aria-live', 'polite');
  if (updating) {
    const ring = document.createElement('vscode-progress-ring');
    ring.setAttribute('aria-hidden', 'true');
    status.append(ring, document.createTextNode(quote ? 'Updating price…' : 'Getting a price…'));
  } else if (failure) {
    status.className = 'quote-status failed';
    status.textContent = `Could not get a price: ${failure}`;
  }
  parts.push(status);
  priceBox.replaceChildren(...parts);
  renderPromoStatus(quote, updating);
  problemsBox.replaceChildren(...(quote?.problems ?? []).map((p) => el('li', undefined, p)));
}

/** Under the promotion code: applied (with the portal's discount), or not applied (the portal's words are in the problems). */
function renderPromoStatus(quote: QuoteView | undefined, updating: boolean): void {
  const code = (choices?.promocode ?? '').trim();
  if (!code || !quote || updating) {
    promoStatus.textContent = '';
    return;
  }
  const applied = quote.promotions.some((p) => p.toUpperCase() === code.toUpperCase()) || (quote.promotions.length > 0 && quote.discount > 0);
  promoStatus.className = applied ? 'muted promo-status applied' : 'muted promo-status refused';
  promoStatus.textContent = applied
    ? `Applied: −${formatMoney(quote.discount, view?.currency ?? '')}`
    : `Not applied${quote.problems.length ? `: ${quote.problems.join(' ')}` : ' by the portal.'}`;
}

function setSubmitting(value: boolean): void {
  submitting = value;
  for (const b of [placeButton, cartButton]) {
    if (value) b?.setAttribute('disabled', '');
    else b?.removeAttribute('disabled');
  }
}

function renderForm(v: OrderFormView): void {
  view = v;
  const saved = vscode.saved();
  const restored = saved?.choices && saved.productId === v.target.productId && saved.accountId === v.target.accountId ? saved.choices : undefined;
  choices = restored ? { ...restored, promocode: restored.promocode ?? '' } : v.choices;
  payMethod = saved?.payMethod && v.paymentMethods.some((m) => m.id === saved.payMethod) ? saved.payMethod : (v.paymentMethods[0]?.id ?? '');
  if (choices !== v.choices) {
    changed();
  } else {
    save();
  }
  const header = el('header');
  header.append(el('h1', undefined, `New order: ${v.form.productName}`), el('p', 'subtitle', [v.form.categoryName, v.account].filter(Boolean).join(' · ')));

  const form = el('form', 'fields');
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const field of v.form.fields) {
    const group = el('div', 'field');
    group.dataset.field = field.id;
    const label = el('div', 'label', field.label);
    label.id = `label-${field.id}`;
    group.append(label);
    if (field.description) group.append(el('p', 'muted description', field.description));
    group.append(control(field, v.currency));
    form.append(group);
  }

  const promo = el('div', 'field');
  promo.dataset.field = 'promocode';
  promo.append(el('div', 'label', 'Promotion code'));
  promo.append(textfield(choices.promocode ?? '', { placeholder: 'Optional', 'aria-label': 'Promotion code', 'data-input': 'promocode', maxlength: '64' }, (value) => ((choices!.promocode = value), changed())), promoStatus);
  form.append(promo);

  const payment = el('div', 'field');
  payment.append(el('div', 'label', 'Payment method'));
  // The quote is asked with the chosen method, so it includes the method's fee where the portal does.
  payment.append(select('Payment method', v.paymentMethods.map((m) => ({ id: m.id, text: m.fee ? `${m.name} (${m.fee})` : m.name })), payMethod, (id) => ((payMethod = id), changed())));
  placeButton = button('Place Order…', 'credit-card', () => {
    if (submitting || !choices) return;
    setSubmitting(true);
    messageBox.replaceChildren();
    vscode.post({ type: 'submit', choices, payMethod });
  });
  placeButton.classList.add('place');
  cartButton = button('Add to Cart', 'add', () => {
    if (submitting || !choices) return;
    setSubmitting(true);
    messageBox.replaceChildren();
    vscode.post({ type: 'addToCart', choices });
  }, true);
  cartButton.classList.add('add-to-cart');
  const actions = el('div', 'actions');
  actions.append(placeButton, cartButton);
  summary.replaceChildren(priceBox, problemsBox, payment, actions, messageBox);
  renderPrice(latestQuote, true);

  const layout = el('div', 'layout');
  layout.append(form, summary);
  app.replaceChildren(header, layout);
}

function renderPlaced(order: { orderNumber: string; invoiceId: string; total: number }): void {
  const box = el('section', 'placed');
  box.append(el('h1', undefined, 'Order placed'));
  const facts = el('dl', 'totals');
  facts.append(el('dt', undefined, 'Order number'), el('dd', undefined, order.orderNumber || '—'));
  facts.append(el('dt', undefined, 'Invoice'), el('dd', undefined, order.invoiceId || '—'));
  facts.append(el('dt', undefined, 'Total'), el('dd', undefined, formatMoney(order.total, view?.currency ?? '')));
  box.append(facts, el('p', 'muted', 'The new service appears in the Services view as Pending until the invoice is paid.'));
  if (order.invoiceId) box.append(button('Open Invoice', 'file', () => vscode.post({ type: 'openInvoice' })));
  app.replaceChildren(box);
}

function onMessage(m: ExtensionToOrderPage): void {
  switch (m.type) {
    case 'form':
      renderForm(m.view);
      break;
    case 'quoting':
      renderPrice(latestQuote, true);
      break;
    case 'quote':
      latestQuote = m.quote;
      renderPrice(m.quote, false);
      break;
    case 'quoteFailed':
      renderPrice(latestQuote, false, m.message);
      break;
    case 'submitting':
      setSubmitting(true);
      break;
    case 'submitCancelled':
      setSubmitting(false);
      break;
    case 'submitFailed': {
      setSubmitting(false);
      const box = el('div', 'error');
      box.append(el('p', undefined, m.message));
      if (m.problems.length) {
        const list = el('ul');
        list.append(...m.problems.map((p) => el('li', undefined, p)));
        box.append(list);
      }
      messageBox.replaceChildren(box);
      break;
    }
    case 'placed':
      renderPlaced(m.order);
      break;
    case 'addedToCart': {
      setSubmitting(false);
      const box = el('div', 'info');
      box.append(el('p', undefined, `Added to the cart, which holds ${m.count} item${m.count === 1 ? '' : 's'}. Configure another product, or check out to order everything on one invoice.`));
      box.append(button('Show Cart…', 'checklist', () => vscode.post({ type: 'showCart' }), true));
      messageBox.replaceChildren(box);
      break;
    }
  }
}
