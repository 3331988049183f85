import * as v from 'valibot';
import { PortalClient, RequestOptions } from '../client';
import { Amount, AnyObject, firstText, Id, Integer, list, listWithKeys, seg, Text } from '../schema';
import { OrderResult } from './domains';

/** An SSL certificate service (`GET /certificate`, ElseCloud): the reference's `sslservices` rows. */
export const Certificate = v.looseObject({
  id: Id,
  domain: v.optional(Text, ''),
  name: v.optional(Text, ''),
  status: v.optional(Text, ''),
  cert_status: v.optional(Text, ''),
  cert_expires: v.optional(Text, ''),
  next_due: v.optional(Text, ''),
});
export type Certificate = v.InferOutput<typeof Certificate>;

const CertificateList = v.pipe(
  v.unknown(),
  v.transform((body) => listWithKeys(body, ['sslservices', 'certificates', 'services', 'list'])),
  v.array(Certificate),
);

/** The certificate itself (`GET /certificate/@id/crt`): PEM text, from any of the usual fields. */
const CertificateData = v.pipe(
  AnyObject,
  v.transform((body) => firstText(body, ['crt', 'certificate', 'cert', 'data'])),
);

/** One certificate's details (`GET /certificate/@id`): the service fields, its CSR, approver e-mail, software. */
const CertificateDetails = v.pipe(
  AnyObject,
  v.transform((body) => (body.service && typeof body.service === 'object' ? body.service : body.details && typeof body.details === 'object' ? body.details : body) as Record<string, unknown>),
  v.looseObject({
    ...Certificate.entries,
    id: v.optional(Id, ''),
    label: v.optional(Text, ''),
    csr: v.optional(Text, ''),
    cert_email: v.optional(Text, ''),
    software: v.optional(Text, ''),
    billingcycle: v.optional(Text, ''),
    total: v.optional(Amount, 0),
  }),
);
export type CertificateDetails = v.InferOutput<typeof CertificateDetails>;

/** A certificate product (`GET /certificate/order`) with its periods and prices. */
export const CertificateProduct = v.looseObject({
  id: Id,
  name: Text,
  description: v.optional(Text, ''),
  periods: v.optional(list(v.looseObject({ years: Integer, price: v.optional(Amount), renew: v.optional(Amount) })), []),
});
export type CertificateProduct = v.InferOutput<typeof CertificateProduct>;

const ProductList = v.pipe(
  v.unknown(),
  v.transform((body) => listWithKeys(body, ['products', 'certificates', 'list'])),
  list(CertificateProduct),
);

/** Server software a certificate is made for (`GET /certificate/order/@product_id/software`). */
const SoftwareList = v.pipe(
  v.unknown(),
  v.transform((body) => listWithKeys(body, ['software', 'list'])),
  list(v.looseObject({ id: Id, name: Text })),
);

/** What `POST /certificate/order` takes. */
export interface CertificateOrder {
  product_id: string;
  /** The certificate signing request, PEM. */
  csr: string;
  years: number;
  pay_method: string;
  approver_email: string;
  software: string;
}

/** SSL certificates (only where the provider has them: the capability catalogue's `certificates`). */
export class CertificatesApi {
  constructor(private readonly client: PortalClient) {}

  async list(options?: RequestOptions): Promise<Certificate[]> {
    this.client.require('certificates', 'SSL certificates');
    return this.client.get('certificate', CertificateList, options);
  }

  async details(id: string, options?: RequestOptions): Promise<CertificateDetails> {
    this.client.require('certificates', 'SSL certificates');
    return this.client.get(`certificate/${seg(id)}`, CertificateDetails, options);
  }

  async products(options?: RequestOptions): Promise<CertificateProduct[]> {
    this.client.require('certificates', 'SSL certificates');
    return this.client.get('certificate/order', ProductList, options);
  }

  async software(productId: string, options?: RequestOptions): Promise<{ id: string; name: string }[]> {
    this.client.require('certificates', 'SSL certificates');
    return this.client.get(`certificate/order/${seg(productId)}/software`, SoftwareList, options);
  }

  /** Orders a certificate: spends money, sent once. */
  async order(order: CertificateOrder, options?: RequestOptions): Promise<OrderResult> {
    this.client.require('certificates', 'SSL certificates');
    return this.client.post('certificate/order', OrderResult, { ...order, years: String(order.years) }, options);
  }

  async download(id: string, options?: RequestOptions): Promise<string> {
    this.client.require('certificates', 'SSL certificates');
    return this.client.get(`certificate/${seg(id)}/crt`, CertificateData, options);
  }
}
