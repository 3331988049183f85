import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** A server certificate and its key, PEM. */
export interface ServerCertificate {
  cert: string;
  key: string;
}

/**
 * A private certificate authority made fresh for one test run (nothing checked in, nothing that
 * expires in the repository), with server certificates it issued: the kind of private root a
 * company's TLS-inspecting proxy or an internal portal uses. Node's bundled roots do not contain
 * it, so a client trusts it only through the system store, NODE_EXTRA_CA_CERTS or no checking.
 */
export interface TestPki {
  /** The CA certificate, PEM; also written to `caFile`. */
  caCert: string;
  caFile: string;
  dir: string;
  /** Valid now for localhost, 127.0.0.1, 127.0.0.2, ::1, portal.test and *.portal.test. */
  server: ServerCertificate;
  /** Same names, expired yesterday. */
  expired: ServerCertificate;
  /** Valid, but only for other.example. */
  wrongHost: ServerCertificate;
  /** Valid, self-signed (no CA at all). */
  selfSigned: ServerCertificate;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 24 * 3600 * 1000;
export const TEST_HOSTS = ['localhost', 'portal.test', '*.portal.test'];
const TEST_IPS = ['127.0.0.1', '127.0.0.2', '::1'];

async function keyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key as never));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').trim()}\n-----END PRIVATE KEY-----\n`;
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(8))).toString('hex').replace(/^[89a-f]/, '1');
}

async function issue(
  ca: { cert: x509.X509Certificate; keys: CryptoKeyPair } | undefined,
  names: { dns: string[]; ips: string[] },
  validity: { from: Date; to: Date },
): Promise<ServerCertificate> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const subject = `CN=${names.dns[0] ?? names.ips[0]}`;
  const extensions = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension([
      ...names.dns.map((value) => ({ type: 'dns' as const, value })),
      ...names.ips.map((value) => ({ type: 'ip' as const, value })),
    ]),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  const cert = ca
    ? await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject,
        issuer: ca.cert.subject,
        notBefore: validity.from,
        notAfter: validity.to,
        signingAlgorithm: ALGORITHM,
        publicKey: keys.publicKey,
        signingKey: ca.keys.privateKey,
        extensions: [...extensions, await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey)],
      })
    : await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: serial(),
        name: subject,
        notBefore: validity.from,
        notAfter: validity.to,
        signingAlgorithm: ALGORITHM,
        keys,
        extensions,
      });
  return { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) };
}

async function create(): Promise<TestPki> {
  const now = Date.now();
  const caKeys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=Cloud Portal Test Root CA, O=Cloud Portal tests',
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 7 * DAY),
    signingAlgorithm: ALGORITHM,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const ca = { cert: caCert, keys: caKeys };
  const valid = { from: new Date(now - DAY), to: new Date(now + 7 * DAY) };
  const names = { dns: TEST_HOSTS, ips: TEST_IPS };
  const dir = mkdtempSync(join(tmpdir(), 'cloud-portal-pki-'));
  const caPem = caCert.toString('pem');
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, `${caPem}\n`);
  const pki: TestPki = {
    caCert: caPem,
    caFile,
    dir,
    server: await issue(ca, names, valid),
    expired: await issue(ca, names, { from: new Date(now - 30 * DAY), to: new Date(now - DAY) }),
    wrongHost: await issue(ca, { dns: ['other.example'], ips: [] }, valid),
    selfSigned: await issue(undefined, names, valid),
  };
  for (const name of CERTIFICATES) {
    writeFileSync(join(dir, `${name}.crt`), pki[name].cert);
    writeFileSync(join(dir, `${name}.key`), pki[name].key, { mode: 0o600 });
  }
  return pki;
}

const CERTIFICATES = ['server', 'expired', 'wrongHost', 'selfSigned'] as const;

/** The PKI another process of this run made (its folder is named by CLOUD_PORTAL_TEST_PKI). */
function load(dir: string): TestPki {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const pki = { dir, caFile: join(dir, 'ca.pem'), caCert: read('ca.pem') } as TestPki;
  for (const name of CERTIFICATES) {
    pki[name] = { cert: read(`${name}.crt`), key: read(`${name}.key`) };
  }
  return pki;
}

let shared: Promise<TestPki> | undefined;

/**
 * The run's PKI: made once by the first process that asks, which names its folder in
 * CLOUD_PORTAL_TEST_PKI so the processes it starts (mock portals, code-server) use the same CA,
 * and removes it when it exits.
 */
export function testPki(): Promise<TestPki> {
  if (!shared) {
    const inherited = process.env.CLOUD_PORTAL_TEST_PKI;
    if (inherited && existsSync(join(inherited, 'ca.pem'))) {
      shared = Promise.resolve(load(inherited));
    } else {
      shared = create().then((pki) => {
        process.env.CLOUD_PORTAL_TEST_PKI = pki.dir;
        process.once('exit', () => rmSync(pki.dir, { recursive: true, force: true }));
        return pki;
      });
    }
  }
  return shared;
}
