import * as v from 'valibot';
import { PortalClient, RequestOptions } from '../client';
import { Amount, Flag, Id, list, seg, Text } from '../schema';
import { OrderResult } from './domains';
import { FormField, PricedChoice } from './forms';

export { FormField, PricedChoice };

export const Category = v.looseObject({
  id: Id,
  name: Text,
  description: v.optional(Text, ''),
  slug: v.optional(Text, ''),
});
export type Category = v.InferOutput<typeof Category>;

export const Product = v.looseObject({
  id: Id,
  name: Text,
  description: v.optional(Text, ''),
  type: v.optional(Text, ''),
  stock: v.optional(v.unknown()),
  paytype: v.optional(Text, ''),
  periods: v.optional(list(PricedChoice), []),
});
export type Product = v.InferOutput<typeof Product>;

export const Addon = v.looseObject({
  type: v.optional(Text, ''),
  title: Text,
  id: Id,
  description: v.optional(Text, ''),
  config: v.optional(list(v.looseObject({ type: Text, title: v.optional(Text, ''), name: v.optional(Text, ''), items: v.optional(list(PricedChoice), []) })), []),
  price: v.optional(Amount, 0),
  recurring_price: v.optional(Amount, 0),
  setup: v.optional(Amount, 0),
});
export type Addon = v.InferOutput<typeof Addon>;

export const ProductConfiguration = v.looseObject({
  id: Id,
  name: Text,
  category_name: v.optional(Text, ''),
  category_id: v.optional(Id, ''),
  price: v.optional(Amount, 0),
  recurring: v.optional(Text, ''),
  recurring_price: v.optional(Amount, 0),
  setup: v.optional(Amount, 0),
  config: v.optional(
    v.looseObject({
      product: v.optional(list(FormField), []),
      forms: v.optional(list(FormField), []),
      addons: v.optional(list(Addon), []),
      subproducts: v.optional(v.unknown()),
    }),
    { product: [], forms: [], addons: [] },
  ),
});
export type ProductConfiguration = v.InferOutput<typeof ProductConfiguration>;

export const QuoteSummary = v.looseObject({
  subtotal: Amount,
  total: Amount,
  credit: v.optional(Amount, 0),
  discount: v.optional(Amount, 0),
  cost: v.optional(Amount, 0),
  recurring: v.optional(list(v.looseObject({ title: Text, price: Amount, value: v.optional(Text, '') })), []),
  tax: v.optional(list(v.looseObject({ name: Text, tax: Amount, value: v.optional(Amount, 0) })), []),
});

export const Quote = v.looseObject({
  summary: QuoteSummary,
  items: v.optional(
    list(
      v.looseObject({
        valid: v.optional(Flag, true),
        /** The promotion applied to this item (`{}` or absent when none; the reference shows `{}`). */
        coupon: v.optional(v.unknown()),
        error: v.optional(v.array(v.unknown()), []),
        info: v.optional(v.array(v.unknown()), []),
      }),
    ),
    [],
  ),
});
export type Quote = v.InferOutput<typeof Quote>;

/** One item of a cart, as `POST /quote` and `POST /order` take it. */
export interface OrderItem {
  type: 'product' | 'domain' | 'certificate';
  product_id?: string;
  domain?: string;
  cycle?: string;
  /** `{ "<form id>": { "<item id>": qty } }` or `{ "<form id>": "<item id>" }` */
  custom?: Record<string, unknown>;
  addon?: Record<string, unknown>;
  /** A promotion code (`POST /order/@product_id` documents it; cart items take that method's parameters). */
  promocode?: string;
  [key: string]: unknown;
}

/** Catalogue, product configuration, quotes and orders. */
export class CatalogueApi {
  constructor(private readonly client: PortalClient) {}

  async categories(options?: RequestOptions): Promise<Category[]> {
    return (await this.client.get('category', v.looseObject({ categories: list(Category) }), options)).categories;
  }

  async products(categoryId: string, options?: RequestOptions): Promise<Product[]> {
    const body = await this.client.get(`category/${seg(categoryId)}/product`, v.looseObject({ products: list(Product) }), options);
    return body.products;
  }

  async configuration(productId: string, options?: RequestOptions): Promise<ProductConfiguration> {
    return (await this.client.get(`order/${seg(productId)}`, v.looseObject({ product: ProductConfiguration }), options)).product;
  }

  /** Prices a cart. Changes nothing on the portal. */
  quote(items: OrderItem[], payMethod?: string, options?: RequestOptions): Promise<Quote> {
    return this.client.post('quote', Quote, { pay_method: payMethod, output: 'short', items }, options);
  }

  /** Places an order for one product. Spends money: sent once, never repeated automatically. */
  orderProduct(productId: string, item: Omit<OrderItem, 'type' | 'product_id'> & { pay_method: string }, options?: RequestOptions): Promise<OrderResult> {
    return this.client.post(`order/${seg(productId)}`, OrderResult, item, options);
  }

  /** Places one order for several items (one invoice). Spends money: sent once, never repeated automatically. */
  order(items: OrderItem[], payMethod: string, options?: RequestOptions): Promise<OrderResult> {
    return this.client.post('order', OrderResult, { pay_method: payMethod, items }, options);
  }
}
