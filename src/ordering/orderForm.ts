// The order form: what a product's configuration (`GET /order/@product_id`) asks for, in a shape
// the webview can render, and the cart item (`POST /quote`, `POST /order/@product_id`) that the
// user's choices make. Pure functions: no I/O, no VS Code, also bundled into the page.
import type { FormField, OrderItem, ProductConfiguration } from '../api/resources/catalogue';
import * as l10n from '@vscode/l10n';

export interface OrderOption {
  id: string;
  label: string;
  /** Recurring price per unit for the chosen cycle (as the portal lists it). */
  price: number;
  setup: number;
}

interface FieldBase {
  id: string;
  label: string;
  description: string;
}

export type OrderField =
  | (FieldBase & { kind: 'cycle'; options: OrderOption[] })
  | (FieldBase & { kind: 'domain'; required: boolean })
  | (FieldBase & { kind: 'select' | 'radio'; required: boolean; options: OrderOption[] })
  | (FieldBase & { kind: 'checkbox'; options: OrderOption[] })
  | (FieldBase & { kind: 'quantity'; option: OrderOption; min: number; max: number; step: number })
  | (FieldBase & { kind: 'text'; option: OrderOption; required: boolean })
  | (FieldBase & { kind: 'addon'; cycles: OrderOption[] })
  | (FieldBase & { kind: 'unsupported'; type: string });

export interface OrderFormSpec {
  productId: string;
  productName: string;
  categoryName: string;
  fields: OrderField[];
}

/** What the user chose. Values are option ids; quantities are numbers; text is text. */
export interface OrderChoices {
  cycle: string;
  domain: string;
  /** select/radio: option id or ''; checkbox: option ids; quantity: count; text: the text. */
  custom: Record<string, string | string[] | number>;
  /** add-on id → billing cycle, or '' when not added. */
  addons: Record<string, string>;
  /** A promotion code as typed, or ''. The portal decides whether it applies. */
  promocode: string;
}

const CYCLE_NAMES: Record<string, string> = {
  d: 'Daily',
  w: 'Weekly',
  m: 'Monthly',
  q: 'Quarterly',
  s: 'Semi-annually',
  a: 'Annually',
  b: 'Biennially',
  t: 'Triennially',
  p4: 'Quadrennially',
  p5: 'Quinquennially',
  free: 'Free',
  once: l10n.t('One time'),
};

export function cycleName(code: string): string {
  return CYCLE_NAMES[code] ?? code;
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

function optionsOf(field: { items: FormField['items'] }): OrderOption[] {
  return field.items.map((item, n) => ({
    id: item.id ?? text(item.value) ?? String(n),
    label: item.title || text(item.value),
    price: item.price,
    setup: item.setup,
  }));
}

function numberIn(config: unknown, ...names: string[]): number | undefined {
  if (config && typeof config === 'object') {
    for (const name of names) {
      const n = Number((config as Record<string, unknown>)[name]);
      if ((config as Record<string, unknown>)[name] !== undefined && Number.isFinite(n)) {
        return n;
      }
    }
  }
  return undefined;
}

/** One portal form field (a product's `forms`, a TLD's order form) as a field of ours. */
export function customField(form: FormField): OrderField {
  const base = { id: form.id, label: form.title || form.name || form.id, description: form.description };
  const options = optionsOf(form);
  switch (form.type.toLowerCase()) {
    case 'select':
    case 'dropdown':
    case 'radio':
      return { ...base, kind: form.type.toLowerCase() === 'radio' ? 'radio' : 'select', required: form.required, options };
    case 'checkbox':
    case 'domaindnssupport':
      return { ...base, kind: 'checkbox', options };
    case 'qty':
    case 'quantity':
    case 'slider': {
      const min = numberIn(form.config, 'minvalue', 'min') ?? 0;
      const max = numberIn(form.config, 'maxvalue', 'max') ?? Math.max(min, 100);
      return { ...base, kind: 'quantity', option: options[0] ?? { id: form.firstItemId ?? '', label: base.label, price: 0, setup: 0 }, min, max, step: Math.max(1, numberIn(form.config, 'step') ?? 1) };
    }
    case 'input':
    case 'textarea':
    case 'text':
      return { ...base, kind: 'text', required: form.required, option: options[0] ?? { id: form.firstItemId ?? '', label: base.label, price: 0, setup: 0 } };
    default:
      return { ...base, kind: 'unsupported', type: form.type };
  }
}

/** Reads a product configuration into the fields of the order form. */
export function orderFormOf(config: ProductConfiguration): OrderFormSpec {
  const fields: OrderField[] = [];
  for (const field of config.config.product) {
    const key = `${field.id || field.name || field.title}`.toLowerCase();
    if (key === 'cycle' || field.title === 'pickcycle') {
      fields.push({ id: 'cycle', label: l10n.t('Billing cycle'), description: '', kind: 'cycle', options: optionsOf(field).map((o) => ({ ...o, label: cycleName(o.id) })) });
    } else if (key === 'domain') {
      fields.push({ id: 'domain', label: l10n.t('Domain'), description: l10n.t('The domain or host name this service is for.'), kind: 'domain', required: true });
    }
  }
  if (!fields.some((f) => f.kind === 'cycle') && config.recurring) {
    fields.unshift({ id: 'cycle', label: l10n.t('Billing cycle'), description: '', kind: 'cycle', options: [{ id: config.recurring, label: cycleName(config.recurring), price: config.price, setup: config.setup }] });
  }
  fields.push(...config.config.forms.map(customField));
  for (const addon of config.config.addons) {
    const cycleConfig = addon.config.find((c) => c.type === 'select' || c.items.length > 0);
    const cycles = cycleConfig ? optionsOf(cycleConfig).map((o) => ({ ...o, label: cycleName(o.id) })) : [];
    fields.push({ id: addon.id, label: addon.title, description: addon.description, kind: 'addon', cycles });
  }
  return { productId: config.id, productName: config.name, categoryName: config.category_name, fields };
}

/** The portal's defaults: first cycle, required choices on their first option, nothing extra. */
export function initialChoices(spec: OrderFormSpec): OrderChoices {
  const choices: OrderChoices = { cycle: '', domain: '', custom: {}, addons: {}, promocode: '' };
  for (const field of spec.fields) {
    switch (field.kind) {
      case 'cycle':
        choices.cycle = field.options[0]?.id ?? '';
        break;
      case 'select':
      case 'radio':
        choices.custom[field.id] = field.required ? (field.options[0]?.id ?? '') : '';
        break;
      case 'checkbox':
        choices.custom[field.id] = [];
        break;
      case 'quantity':
        choices.custom[field.id] = field.min;
        break;
      case 'text':
        choices.custom[field.id] = '';
        break;
      case 'addon':
        choices.addons[field.id] = '';
        break;
    }
  }
  return choices;
}

/** What must be filled before the order can be placed, as messages naming the field. */
export function missingChoices(spec: OrderFormSpec, choices: OrderChoices): string[] {
  const missing: string[] = [];
  for (const field of spec.fields) {
    const value = choices.custom[field.id];
    if (field.kind === 'domain' && field.required && !choices.domain.trim()) {
      missing.push(l10n.t('{0} is required.', field.label));
    } else if (field.kind === 'domain' && choices.domain.trim() && !/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i.test(choices.domain.trim())) {
      missing.push(l10n.t('{0} “{1}” is not a valid domain name.', field.label, choices.domain.trim()));
    } else if ((field.kind === 'select' || field.kind === 'radio' || field.kind === 'text') && field.required && !value) {
      missing.push(l10n.t('{0} is required.', field.label));
    } else if (field.kind === 'quantity' && (typeof value !== 'number' || value < field.min || value > field.max || !Number.isInteger(value))) {
      missing.push(l10n.t('{0} must be a whole number from {1} to {2}.', field.label, field.min, field.max));
    }
  }
  return missing;
}

/**
 * The answers to form fields in the portal's `custom` shape (`{ "<form id>": { "<item id>": value } }`),
 * used for a product's `custom` and a TLD form's `data`.
 */
export function customAnswers(fields: readonly OrderField[], answers: OrderChoices['custom']): Record<string, Record<string, number | string>> {
  const custom: Record<string, Record<string, number | string>> = {};
  for (const field of fields) {
    const value = answers[field.id];
    if ((field.kind === 'select' || field.kind === 'radio') && typeof value === 'string' && value) {
      custom[field.id] = { [value]: 1 };
    } else if (field.kind === 'checkbox' && Array.isArray(value) && value.length > 0) {
      custom[field.id] = Object.fromEntries(value.map((id) => [id, 1]));
    } else if (field.kind === 'quantity' && typeof value === 'number' && value > 0) {
      custom[field.id] = { [field.option.id]: value };
    } else if (field.kind === 'text' && typeof value === 'string' && value) {
      custom[field.id] = { [field.option.id]: value };
    }
  }
  return custom;
}

/** The cart item for these choices, in the documented `custom: { form: { item: qty } }` form. */
export function orderItemOf(spec: OrderFormSpec, choices: OrderChoices): OrderItem {
  const custom = customAnswers(spec.fields, choices.custom);
  const addon: Record<string, string> = {};
  for (const field of spec.fields) {
    if (field.kind === 'addon' && choices.addons[field.id]) {
      addon[field.id] = choices.addons[field.id];
    }
  }
  const item: OrderItem = { type: 'product', product_id: spec.productId, cycle: choices.cycle || undefined, custom };
  if (spec.fields.some((f) => f.kind === 'domain') && choices.domain.trim()) {
    item.domain = choices.domain.trim().toLowerCase();
  }
  if (Object.keys(addon).length > 0) {
    item.addon = addon;
  }
  if (choices.promocode?.trim()) {
    item.promocode = choices.promocode.trim();
  }
  return item;
}
