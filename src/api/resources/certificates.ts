import * as v from 'valibot';
import { PortalClient, RequestOptions } from '../client';
import { AnyObject, firstText, Id, listWithKeys, seg, Text } from '../schema';

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

/** SSL certificates (only where the provider has them: the capability catalogue's `certificates`). */
export class CertificatesApi {
  constructor(private readonly client: PortalClient) {}

  async list(options?: RequestOptions): Promise<Certificate[]> {
    this.client.require('certificates', 'SSL certificates');
    return this.client.get('certificate', CertificateList, options);
  }

  async download(id: string, options?: RequestOptions): Promise<string> {
    this.client.require('certificates', 'SSL certificates');
    return this.client.get(`certificate/${seg(id)}/crt`, CertificateData, options);
  }
}
