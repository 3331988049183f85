import { Certificate, CertificateDetails, CertificateOrder, CertificateProduct } from '../api/resources/certificates';
import { OrderResult } from '../api/resources/domains';
import { keys } from './cacheKeys';
import { ModelArea } from './modelArea';

/** SSL certificates (ElseCloud's `/certificate`): the list, details, the PEM, and ordering one. */
export class CertificatesModel extends ModelArea {
  list(accountId: string, force = false): Promise<Certificate[]> {
    return this.read(keys.certificates(accountId), accountId, (api) => api.certificates.list(), force);
  }

  details(accountId: string, id: string): Promise<CertificateDetails> {
    return this.read(keys.certificateDetails(accountId, id), accountId, (api) => api.certificates.details(id));
  }

  /** The issued certificate, PEM (empty while it is not issued); asked fresh every time. */
  async pem(accountId: string, id: string): Promise<string> {
    return (await this.api(accountId)).certificates.download(id);
  }

  products(accountId: string): Promise<CertificateProduct[]> {
    return this.read(keys.certificateProducts(accountId), accountId, (api) => api.certificates.products());
  }

  software(accountId: string, productId: string): Promise<{ id: string; name: string }[]> {
    return this.read(keys.certificateSoftware(accountId, productId), accountId, (api) => api.certificates.software(productId));
  }

  /** Orders a certificate once (never repeated automatically); the list, invoices and balance are read again after it. */
  async order(accountId: string, order: CertificateOrder): Promise<OrderResult> {
    try {
      return await (await this.api(accountId)).certificates.order(order);
    } finally {
      this.afterPurchase(accountId, keys.certificates(accountId));
    }
  }
}
