import { nextInvoiceNumber } from './billing';
import { placeDomain, priceDomain, PricedDomain } from './domains';
import { formFieldJson } from './forms';
import { MockProduct, PortalState } from '../model';
import { notFound, PortalFailure, Router } from '../router';

const CYCLES: Record<string, string> = { m: 'Monthly', q: 'Quarterly', s: 'Semi-Annually', a: 'Annually', b: 'Biennially', t: 'Triennially' };
const VAT = 21;
const round = (n: number) => Math.round(n * 100) / 100;

function product(state: PortalState, id: unknown): MockProduct {
  const p = state.products.find((x) => x.id === String(id));
  if (!p) {
    throw notFound('Product');
  }
  return p;
}

function configuration(p: MockProduct, categoryName: string) {
  const firstCycle = Object.keys(p.prices)[0];
  return {
    id: p.id,
    category_name: categoryName,
    category_id: p.categoryId,
    name: p.name,
    price: p.prices[firstCycle],
    recurring: firstCycle,
    setup: p.setup,
    config: {
      product: [
        {
          type: 'select',
          title: 'pickcycle',
          id: 'cycle',
          name: 'cycle',
          items: Object.entries(p.prices).map(([value, price]) => ({ title: value, value, price, setup: p.setup, selected: value === firstCycle })),
          value: firstCycle,
          price: p.prices[firstCycle],
          setup: p.setup,
        },
        ...(p.needsDomain ? [{ type: 'input', title: 'domain', id: 'domain', name: 'domain', value: null }] : []),
      ],
      forms: p.forms.map((f) => formFieldJson(f, { conditionals: [], ...(f.min !== undefined ? { minvalue: f.min, maxvalue: f.max, step: 1 } : {}) }, true)),
      addons: p.addons.map((a) => ({
        type: 'subitem',
        title: a.title,
        id: a.id,
        value: null,
        description: a.description,
        config: [
          { type: 'checkbox', title: 'add', name: `addon[${a.id}]`, checked: false },
          { type: 'select', title: 'billingcycle', name: `addon_cycles[${a.id}]`, items: Object.entries(a.prices).map(([value, price], n) => ({ title: value, value, price, setup: 0, selected: n === 0 })) },
        ],
        price: 0,
        recurring_price: 0,
        setup: 0,
        prorata_date: null,
      })),
      subproducts: [],
    },
    recurring_price: p.prices[firstCycle],
    prorata_date: null,
  };
}

interface Priced {
  valid: boolean;
  errors: string[];
  recurring: number;
  setup: number;
  cycle: string;
  product: MockProduct;
  domain: string;
}

/** Prices one cart item the way the portal does: cycle price + chosen form items + add-ons + setup fees. */
export function priceItem(state: PortalState, item: Record<string, unknown>): Priced {
  const p = product(state, item.product_id);
  const errors: string[] = [];
  const cycle = String(item.cycle ?? Object.keys(p.prices)[0]);
  let recurring = p.prices[cycle];
  if (recurring === undefined) {
    errors.push(`Billing cycle ${cycle} is not available`);
    recurring = 0;
  }
  let setup = p.setup;
  const domain = String(item.domain ?? '');
  if (p.needsDomain && !domain) {
    errors.push('Domain is required');
  }
  const custom = (item.custom ?? {}) as Record<string, unknown>;
  for (const form of p.forms) {
    const raw = custom[form.id];
    const chosen: Record<string, number> = {};
    if (raw && typeof raw === 'object') {
      for (const [itemId, qty] of Object.entries(raw as Record<string, unknown>)) {
        chosen[itemId] = Number(qty);
      }
    } else if (raw !== undefined && raw !== null && raw !== '') {
      chosen[String(raw)] = 1;
    } else if (form.required) {
      chosen[String(form.items[0].id)] = 1;
    }
    for (const [itemId, qty] of Object.entries(chosen)) {
      const option = form.items.find((i) => String(i.id) === itemId);
      if (!option) {
        errors.push(`Invalid option for ${form.title}`);
        continue;
      }
      if (!Number.isFinite(qty) || qty < 0 || (form.max !== undefined && qty > form.max)) {
        errors.push(`Invalid quantity for ${form.title}`);
        continue;
      }
      recurring += option.price * qty;
      setup += option.setup * qty;
    }
  }
  const addons = (item.addon ?? {}) as Record<string, unknown>;
  for (const [addonId, addonCycle] of Object.entries(addons)) {
    const addon = p.addons.find((a) => a.id === addonId);
    if (!addon || addonCycle === false || addonCycle === 0 || addonCycle === '0') {
      continue;
    }
    const price = addon.prices[String(addonCycle === true || addonCycle === 1 || addonCycle === '1' ? cycle : addonCycle)];
    if (price === undefined) {
      errors.push(`Add-on ${addon.title} is not available for this cycle`);
      continue;
    }
    recurring += price;
  }
  return { valid: errors.length === 0, errors, recurring: round(recurring), setup: round(setup), cycle, product: p, domain };
}

/** One priced cart line: a product or a domain, with the promotion code's discount where one applies. */
interface Line {
  record: Record<string, unknown>;
  errors: string[];
  /** What is due now for the line, before the discount. */
  first: number;
  discount: number;
  coupon: Record<string, unknown>;
  cycle: string;
  recurring: number;
  product?: Priced;
  domain?: PricedDomain;
}

function priceLine(state: PortalState, record: Record<string, unknown>): Line {
  const type = record.type ?? 'product';
  let line: Line;
  if (type === 'product') {
    const p = priceItem(state, record);
    line = { record, errors: [...p.errors], first: round(p.recurring + p.setup), discount: 0, coupon: {}, cycle: p.cycle, recurring: p.recurring, product: p };
  } else if (type === 'domain') {
    const d = priceDomain(state, record);
    line = { record, errors: [...d.errors], first: d.total, discount: 0, coupon: {}, cycle: 'a', recurring: d.tld?.renew ?? 0, domain: d };
  } else {
    throw new PortalFailure(200, [`Item type ${String(type)} is not supported by this cart`]);
  }
  const code = typeof record.promocode === 'string' ? record.promocode.trim() : '';
  if (code) {
    const percent = state.promoCodes[code.toUpperCase()];
    if (percent === undefined) {
      line.errors.push(`Promotion code ${code} is not valid`);
    } else {
      line.discount = round((line.first * percent) / 100);
      line.coupon = { code: code.toUpperCase(), type: 'percent', value: percent, discount: line.discount };
    }
  }
  return line;
}

function summarise(state: PortalState, items: unknown[]) {
  const lines = items.map((item) => priceLine(state, (item ?? {}) as Record<string, unknown>));
  const subtotal = round(lines.reduce((s, l) => s + l.first, 0));
  const discount = round(lines.reduce((s, l) => s + l.discount, 0));
  const cost = round(subtotal - discount);
  const tax = round((cost * VAT) / 100);
  const byCycle = new Map<string, number>();
  for (const l of lines) {
    byCycle.set(l.cycle, round((byCycle.get(l.cycle) ?? 0) + l.recurring * (1 + VAT / 100)));
  }
  return {
    lines,
    summary: {
      subtotal,
      total: round(cost + tax),
      credit: 0,
      discount,
      cost,
      recurring: [...byCycle].map(([value, price]) => ({ title: CYCLES[value] ?? value, price: round(price), value })),
      tax: [{ name: 'VAT', tax, value: VAT }],
    },
  };
}

function placeOrder(state: PortalState, items: unknown[], payMethod: unknown) {
  if (!payMethod || !(String(payMethod) in state.payments)) {
    throw new PortalFailure(200, ['Invalid payment method']);
  }
  const { lines, summary } = summarise(state, items);
  const invalid = lines.flatMap((l) => l.errors);
  if (invalid.length > 0) {
    throw new PortalFailure(200, invalid);
  }
  const invoiceId = String(state.nextId++);
  const created = lines.map((l) => {
    if (l.domain) {
      const placed = placeDomain(state, l.domain, l.record);
      return { type: placed.type, id: placed.id, name: l.domain.name, product_id: placed.tld.id };
    }
    const p = l.product!;
    const id = String(state.nextId++);
    state.services.push({
      id,
      name: p.product.name,
      domain: p.domain,
      label: '',
      status: 'Pending',
      billingcycle: CYCLES[p.cycle] ?? p.cycle,
      next_due: new Date().toISOString().slice(0, 10),
      next_invoice: new Date().toISOString().slice(0, 10),
      date_created: new Date().toISOString().slice(0, 10),
      total: p.recurring.toFixed(2),
      firstpayment: (p.recurring + p.setup).toFixed(2),
      category: state.categories.find((c) => c.id === p.product.categoryId)?.name ?? '',
      category_url: state.categories.find((c) => c.id === p.product.categoryId)?.slug ?? '',
      kind: p.product.kind,
      username: `u${id}`,
      vms: [],
      templates: [],
      resources: [],
      ips: [],
    });
    return { type: 'Hosting', id, name: p.domain || p.product.name, product_id: p.product.id };
  });
  state.invoices.push({
    id: invoiceId,
    number: nextInvoiceNumber(state),
    date: new Date().toISOString().slice(0, 10),
    duedate: new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10),
    datepaid: '',
    status: 'Unpaid',
    currency: 'USD',
    credit: 0,
    taxrate: VAT,
    items: lines.map((l) => ({
      id: String(state.nextId++),
      description: l.domain ? `Domain ${l.domain.action} ${l.domain.name}` : `${l.product!.product.name}${l.product!.domain ? ` (${l.product!.domain})` : ''}${l.discount ? ` (promotion ${String(l.coupon.code)})` : ''}`,
      amount: round(l.first - l.discount),
      qty: 1,
    })),
  });
  const orderNum = String(873340995 + state.orders.length);
  state.orders.push({ order_num: orderNum, invoice_id: invoiceId, total: summary.total, items: created });
  return { orderNum, invoiceId, total: summary.total, created };
}

export function catalogueRoutes(router: Router): void {
  router
    .add('GET', 'category', ({ state }) => ({ categories: state.categories }))
    .add('GET', 'category/@id/product', ({ state, params }) => {
      if (!state.categories.some((c) => c.id === params.id)) {
        throw notFound('Category');
      }
      return {
        products: state.products
          .filter((p) => p.categoryId === params.id)
          .map((p) => ({
            id: p.id,
            type: '1',
            name: p.name,
            stock: false,
            paytype: 'Regular',
            description: p.description,
            qty: '0',
            tags: [],
            periods: Object.entries(p.prices).map(([value, price], n) => ({ title: value, value, price, setup: p.setup, selected: n === 0 })),
          })),
      };
    })
    .add('GET', 'order/@id', ({ state, params }) => {
      const p = product(state, params.id);
      return { product: configuration(p, state.categories.find((c) => c.id === p.categoryId)?.name ?? '') };
    })
    .add('POST', 'quote', ({ state, body }) => {
      const items = Array.isArray(body.items) ? body.items : [];
      if (items.length === 0) {
        throw new PortalFailure(200, ['Cart is empty']);
      }
      const { lines, summary } = summarise(state, items);
      return {
        summary,
        items: lines.map((l, index) => ({
          product: l.product ? { id: Number(l.product.product.id), category_name: state.categories.find((c) => c.id === l.product!.product.categoryId)?.name, category_id: Number(l.product.product.categoryId), name: l.product.product.name, domain: l.product.domain } : null,
          domains: l.domain ? { [l.domain.name]: { id: Number(l.domain.tld?.id ?? 0), index: 0, category_name: 'Domains', name: l.domain.name, tld: l.domain.tld?.tld ?? '', period: l.domain.years, price: l.domain.total.toFixed(2) } } : {},
          coupon: l.coupon,
          index,
          valid: l.errors.length === 0,
          info: [],
          error: l.errors,
        })),
      };
    })
    .add('POST', 'order/@id', ({ state, params, body }) => {
      const { orderNum, invoiceId, total, created } = placeOrder(state, [{ ...body, type: 'product', product_id: params.id }], body.pay_method);
      return { order_num: Number(orderNum), invoice_id: invoiceId, total: total.toFixed(2), items: created[0] };
    })
    .add('POST', 'order', ({ state, body }) => {
      const items = Array.isArray(body.items) ? body.items : [];
      if (items.length === 0) {
        throw new PortalFailure(200, ['Cart is empty']);
      }
      const { orderNum, invoiceId, total, created } = placeOrder(state, items, body.pay_method);
      return { order_num_list: created.map(() => Number(orderNum)), invoice_id: invoiceId, total, items: created };
    });
}
