// The New Order page. Runs in the webview; builds the form from the extension's description of
// the product, reports every change, shows the latest quote, and asks the extension to place the
// order (the extension confirms with a modal and sends it once). Portal text goes in as text only.
import './l10nSetup';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { formatMoney } from '../../billing/money';
import type { OrderChoices, OrderField, OrderOption } from '../../ordering/orderForm';
import type { ExtensionToOrderPage, OrderFormView, OrderPageToExtension, OrderTarget, QuoteView } from '../orderProtocol';
import { radios, select, textfield } from './controls';
import { button, el } from './dom';
import { connectPage } from './host';
import { PriceBox } from './orderPriceBox';
import { placedView } from './orderPlaced';
import * as l10n from '@vscode/l10n';

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
const price = new PriceBox(() => view?.currency ?? '', () => choices?.promocode ?? '');
const messageBox = el('div', 'message');
messageBox.setAttribute('role', 'alert');
let placeButton: HTMLElement | undefined;
let cartButton: HTMLElement | undefined;

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
      const options = [...(field.required ? [] : [{ id: '', text: l10n.t('None') }]), ...field.options.map((o) => ({ id: o.id, text: priceLabel(o, currency) }))];
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
      check.textContent = l10n.t('Add {0}', field.label);
      check.dataset.addon = field.id;
      check.checked = !!c.addons[field.id];
      const cycles = select(l10n.t('{0} billing cycle', field.label), field.cycles.map((o) => ({ id: o.id, text: `${o.label}: ${formatMoney(o.price, currency)}` })), c.addons[field.id] || c.cycle, (id) => {
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
      return el('p', 'muted', l10n.t('This option ({0}) cannot be set here; the portal\'s default applies.', field.type));
  }
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
  header.append(el('h1', undefined, l10n.t('New order: {0}', v.form.productName)), el('p', 'subtitle', [v.form.categoryName, v.account].filter(Boolean).join(' · ')));

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
  promo.append(el('div', 'label', l10n.t('Promotion code')));
  promo.append(textfield(choices.promocode ?? '', { placeholder: l10n.t('Optional'), 'aria-label': l10n.t('Promotion code'), 'data-input': 'promocode', maxlength: '64' }, (value) => ((choices!.promocode = value), changed())), price.promoStatus);
  form.append(promo);

  const payment = el('div', 'field');
  payment.append(el('div', 'label', l10n.t('Payment method')));
  // The quote is asked with the chosen method, so it includes the method's fee where the portal does.
  payment.append(select(l10n.t('Payment method'), v.paymentMethods.map((m) => ({ id: m.id, text: m.fee ? `${m.name} (${m.fee})` : m.name })), payMethod, (id) => ((payMethod = id), changed())));
  placeButton = button(l10n.t('Place Order…'), 'credit-card', () => {
    if (submitting || !choices) return;
    setSubmitting(true);
    messageBox.replaceChildren();
    vscode.post({ type: 'submit', choices, payMethod });
  });
  placeButton.classList.add('place');
  cartButton = button(l10n.t('Add to Cart'), 'add', () => {
    if (submitting || !choices) return;
    setSubmitting(true);
    messageBox.replaceChildren();
    vscode.post({ type: 'addToCart', choices });
  }, true);
  cartButton.classList.add('add-to-cart');
  const actions = el('div', 'actions');
  actions.append(placeButton, cartButton);
  summary.replaceChildren(price.element, price.problems, payment, actions, messageBox);
  price.render(latestQuote, true);

  const layout = el('div', 'layout');
  layout.append(form, summary);
  app.replaceChildren(header, layout);
}

function onMessage(m: ExtensionToOrderPage): void {
  switch (m.type) {
    case 'form':
      renderForm(m.view);
      break;
    case 'quoting':
      price.render(latestQuote, true);
      break;
    case 'quote':
      latestQuote = m.quote;
      price.render(m.quote, false);
      break;
    case 'quoteFailed':
      price.render(latestQuote, false, m.message);
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
      app.replaceChildren(placedView(m.order, view?.currency ?? '', () => vscode.post({ type: 'openInvoice' })));
      break;
    case 'addedToCart': {
      setSubmitting(false);
      const box = el('div', 'info');
      box.append(el('p', undefined, m.count === 1 ? l10n.t('Added to the cart, which holds 1 item. Configure another product, or check out to order everything on one invoice.') : l10n.t('Added to the cart, which holds {0} items. Configure another product, or check out to order everything on one invoice.', m.count)));
      box.append(button(l10n.t('Show Cart…'), 'checklist', () => vscode.post({ type: 'showCart' }), true));
      messageBox.replaceChildren(box);
      break;
    }
  }
}
