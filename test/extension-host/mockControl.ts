import { readFileSync } from 'node:fs';
import { request } from 'node:https';

/**
 * Reads a JSON control endpoint of the mock portal (`/__mock/requests`) from inside the extension
 * host. The portal serves HTTPS from the run's private test CA, named by NODE_EXTRA_CA_CERTS;
 * VS Code's patched global fetch builds its own trust list without that file, so the CA is
 * passed explicitly here.
 */
export function mockControl<T>(url: string): Promise<T> {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: file ? readFileSync(file, 'utf8') : undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
        } catch (e) {
          reject(e);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
