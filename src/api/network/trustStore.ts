import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as tls from 'node:tls';
import { systemCertsAsync } from 'system-ca';
import { Logger } from '../log';
import { defaultNetworkOptions, NetworkOptions } from './networkOptions';

/** The certificates a connection trusts, as one reusable TLS context. */
export interface TrustStore {
  /** PEM certificates: Node's bundled roots, the OS store (when on) and `NODE_EXTRA_CA_CERTS`. */
  readonly ca: readonly string[];
  /** Built once from `ca`: creating a context per connection would parse every root each time. */
  readonly secureContext: tls.SecureContext;
  /** For the log: how many came from where. */
  readonly summary: string;
}

type Env = NetworkOptions['env'];
const cache = new Map<string, Promise<TrustStore>>();

/**
 * The trust list VS Code gives its own requests: Node's bundled roots, plus the operating
 * system's store when `http.systemCertificates` is on, plus `NODE_EXTRA_CA_CERTS`. Built once per
 * distinct configuration and shared by every account.
 *
 * Passing our own `ca` replaces Node's default store, which is why the bundled roots and
 * `NODE_EXTRA_CA_CERTS` are added here explicitly (Node only adds the latter to its default store).
 */
export function trustStore(options: Pick<NetworkOptions, 'systemCertificates' | 'env'>, logger: Logger): Promise<TrustStore> {
  const { env } = options;
  const key = JSON.stringify([options.systemCertificates, env.NODE_EXTRA_CA_CERTS, env.SSL_CERT_FILE, env.SSL_CERT_DIR]);
  let store = cache.get(key);
  if (!store) {
    store = build(options.systemCertificates, env, logger);
    cache.set(key, store);
    store.catch(() => cache.delete(key));
  }
  return store;
}

/** Builds the trust store ahead of the first connection (reading the system store takes tens of milliseconds). */
export function warmTrustStore(options: Pick<NetworkOptions, 'systemCertificates' | 'env'> | undefined, logger: Logger): void {
  void trustStore(options ?? defaultNetworkOptions(), logger).catch(() => undefined);
}

async function build(useSystem: boolean, env: Env, logger: Logger): Promise<TrustStore> {
  const started = Date.now();
  const bundled = tls.rootCertificates;
  const system = useSystem ? await systemCertificates(env, logger) : [];
  const extra = await extraCertificates(env.NODE_EXTRA_CA_CERTS, logger);
  // The system store mostly holds Node's own roots again, wrapped differently: compared by their
  // content, each goes in once (a context of ~290 roots took 50 ms to build, one of ~170 takes 35).
  // Node's own roots are certificates; only what else came from files is checked (parsing each costs).
  const seen = new Set(bundled.map(certificateBody));
  const added: string[] = [];
  for (const pem of [...system, ...extra]) {
    const body = certificateBody(pem);
    if (!seen.has(body)) {
      seen.add(body);
      added.push(pem.trim());
    }
  }
  const readable = added.filter(isCertificate);
  if (readable.length < added.length) {
    logger.warn(`Skipped ${added.length - readable.length} unreadable certificate(s) from the system store or NODE_EXTRA_CA_CERTS.`);
  }
  const ca = [...bundled, ...readable];
  const secureContext = tls.createSecureContext({ ca });
  const summary = `${ca.length} trusted certificates: ${bundled.length} bundled with Node, ${useSystem ? `${system.length} from the system store` : 'system store off (http.systemCertificates)'}, ${extra.length} from NODE_EXTRA_CA_CERTS; ${readable.length} of those not among Node's (${Date.now() - started} ms)`;
  logger.info(summary);
  return { ca, secureContext, summary };
}

/** A PEM certificate's base64 content, without its armour lines and line breaks. */
function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
}

function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

async function extraCertificates(file: string | undefined, logger: Logger): Promise<string[]> {
  if (!file) {
    return [];
  }
  try {
    return (await readFile(file, 'utf8')).match(PEM) ?? [];
  } catch (e) {
    logger.warn(`NODE_EXTRA_CA_CERTS (${file}) could not be read: ${(e as Error).message}`);
    return [];
  }
}

/**
 * The operating system's trusted certificates.
 * - Linux and other Unixes: the store is OpenSSL's bundle file and directory; `system-ca` reads
 *   them and honours `SSL_CERT_FILE` / `SSL_CERT_DIR` as OpenSSL does.
 * - Windows and macOS: Node's own reader (`tls.getCACertificates('system')`, Node 22.15+, which
 *   every VS Code since 1.101 ships). On older Node, the OS's own tools: `security` on macOS and
 *   PowerShell's certificate drive on Windows (no native module to ship per platform).
 * A store that cannot be read logs one warning and adds nothing; the bundled roots still apply.
 */
async function systemCertificates(env: Env, logger: Logger): Promise<string[]> {
  try {
    if (process.platform !== 'win32' && process.platform !== 'darwin') {
      return await systemCertsAsync({ env: env as NodeJS.ProcessEnv });
    }
    const fromNode = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
    if (fromNode) {
      return fromNode('system');
    }
    return process.platform === 'darwin' ? await macCertificates() : await windowsCertificates();
  } catch (e) {
    logger.warn(`The system certificate store could not be read (${(e as Error).message}); only Node's bundled roots and NODE_EXTRA_CA_CERTS are trusted.`);
    return [];
  }
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024, timeout: 20_000, windowsHide: true }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

async function macCertificates(): Promise<string[]> {
  // The default search list (login and System keychains, where administrators add roots) and Apple's roots.
  const outputs = await Promise.all([
    run('/usr/bin/security', ['find-certificate', '-a', '-p']),
    run('/usr/bin/security', ['find-certificate', '-a', '-p', '/System/Library/Keychains/SystemRootCertificates.keychain']),
  ]);
  return outputs.flatMap((text) => text.match(PEM) ?? []);
}

async function windowsCertificates(): Promise<string[]> {
  const script =
    'Get-ChildItem -Path Cert:\\LocalMachine\\Root, Cert:\\CurrentUser\\Root, Cert:\\LocalMachine\\CA | ForEach-Object { [Convert]::ToBase64String($_.RawData) }';
  const text = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script]);
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((der) => `-----BEGIN CERTIFICATE-----\n${der.replace(/.{64}/g, '$&\n').trim()}\n-----END CERTIFICATE-----`);
}
