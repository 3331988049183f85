import { OrderResult } from '../api/resources/domains';
import { Category, OrderItem, Product, ProductConfiguration, Quote } from '../api/resources/catalogue';
import { keys } from './cacheKeys';
import { ModelArea } from './modelArea';

/** What can be ordered, live quotes, and orders (each placed once, never repeated automatically). */
export class CatalogueModel extends ModelArea {
  categories(accountId: string): Promise<Category[]> {
    return this.read(keys.categories(accountId), accountId, (api) => api.catalogue.categories());
  }

  products(accountId: string, categoryId: string): Promise<Product[]> {
    return this.read(keys.products(accountId, categoryId), accountId, (api) => api.catalogue.products(categoryId));
  }

  productConfiguration(accountId: string, productId: string): Promise<ProductConfiguration> {
    return this.read(keys.productConfiguration(accountId, productId), accountId, (api) => api.catalogue.configuration(productId));
  }

  /** Prices a cart. Never cached: the portal's answer for exactly these choices, now. */
  async quote(accountId: string, items: OrderItem[], payMethod?: string, signal?: AbortSignal): Promise<Quote> {
    return (await this.api(accountId)).catalogue.quote(items, payMethod, { signal });
  }

  /** Places an order once (never repeated automatically); then services, invoices and balance are read again. */
  async placeOrder(accountId: string, productId: string, item: OrderItem, payMethod: string): Promise<OrderResult> {
    const { type: _type, product_id: _product, ...details } = item;
    try {
      return await (await this.api(accountId)).catalogue.orderProduct(productId, { ...details, pay_method: payMethod });
    } finally {
      // Even a failed or timed-out order may have been placed: show the portal's truth.
      this.afterPurchase(accountId, keys.services(accountId));
    }
  }

  /** Places one order for a whole cart (never repeated automatically); then everything it may have created is read again. */
  async placeCartOrder(accountId: string, items: OrderItem[], payMethod: string): Promise<OrderResult> {
    try {
      return await (await this.api(accountId)).catalogue.order(items, payMethod);
    } finally {
      this.afterPurchase(accountId, keys.services(accountId));
      if (items.some((i) => i.type === 'domain')) this.afterPurchase(accountId, keys.domains(accountId));
    }
  }
}
