import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { CertificateError, NetworkError, ProxyError } from '../../src/api/errors';
import { defaultNetworkOptions, NetworkOptions } from '../../src/api/network/networkOptions';
import { bypasses, routeFor } from '../../src/api/network/proxyRoute';
import { signIn } from '../../src/api/portalApi';
import { modelOrderBackend, OrderSession } from '../../src/ordering/orderSession';
import { VIEW_SPECS } from '../../src/views/viewSpecs';
import { ExtensionToOrderPage } from '../../src/webviews/orderProtocol';
import { MockPortal, startMockPortal } from '../mock-portal/mockPortal';
import { testPki, TestPki } from '../pki/testPki';
import { startBrokenProxy, TestProxy, TestProxyOptions } from '../proxy/testProxy';
import { collectAll } from './expandViews';
import { EMAIL, FAST_RETRY, PASSWORD, RecordingLogger, rejects, sleep } from './helpers';
import { modelWithAccounts } from './modelHelpers';

/** Network options as VS Code's defaults give them, trusting the test CA through NODE_EXTRA_CA_CERTS. */
function network(pki: TestPki, overrides: Partial<NetworkOptions> = {}, env: Record<string, string> = {}): NetworkOptions {
  return { ...defaultNetworkOptions({ NODE_EXTRA_CA_CERTS: pki.caFile, ...env }), ...overrides };
}

async function signInWith(portal: MockPortal, net: NetworkOptions, logger = new RecordingLogger()) {
  return signIn({ apiRoot: portal.apiRoot('elsecloud'), profile: 'elsecloud', logger, retry: FAST_RETRY, timeoutMs: 5_000, network: net }, EMAIL.elsecloud, PASSWORD, 'basic');
}

describe('Networks: proxies and certificates, for real', () => {
  let pki: TestPki;
  before(async () => {
    pki = await testPki();
  });

  describe('which proxy a URL takes (VS Code rules)', () => {
    const portal = new URL('https://portal.example.com/api/');
    const base = defaultNetworkOptions({});

    it('http.proxy first, then the environment; loopback and http.proxySupport off go direct', () => {
      const viaSetting = routeFor(portal, { ...base, proxy: 'http://proxy.corp:3128', env: { HTTPS_PROXY: 'http://env:1' } });
      assert.ok(viaSetting.kind === 'proxy' && viaSetting.proxy.host === 'proxy.corp:3128' && viaSetting.source === 'http.proxy');
      const viaEnv = routeFor(portal, { ...base, env: { HTTPS_PROXY: 'env-proxy:8080' } });
      assert.ok(viaEnv.kind === 'proxy' && viaEnv.proxy.href === 'http://env-proxy:8080/' && viaEnv.source === 'HTTPS_PROXY');
      assert.equal(routeFor(new URL('https://127.0.0.1:9/'), { ...base, proxy: 'http://p:1' }).kind, 'direct');
      assert.equal(routeFor(new URL('https://localhost:9/'), { ...base, proxy: 'http://p:1' }).kind, 'direct');
      assert.equal(routeFor(portal, { ...base, proxy: 'http://p:1', proxySupport: 'off' }).kind, 'direct');
      assert.equal(routeFor(portal, base).kind, 'direct');
      assert.equal(routeFor(portal, { ...base, proxy: 'socks5://p:1' }).kind, 'unsupported');
    });

    it('bypass lists: host, domain suffix, port, *; http.noProxy replaces NO_PROXY', () => {
      assert.ok(bypasses(['example.com'], 'portal.example.com', '443'));
      assert.ok(bypasses(['.example.com'], 'portal.example.com', '443'));
      assert.ok(bypasses(['portal.example.com'], 'portal.example.com', '443'));
      assert.ok(!bypasses(['ample.com'], 'portal.example.com', '443'));
      assert.ok(bypasses(['portal.example.com:443'], 'portal.example.com', '443'));
      assert.ok(!bypasses(['portal.example.com:8443'], 'portal.example.com', '443'));
      assert.ok(bypasses(['*'], 'anything', '1'));
      assert.ok(bypasses(['10.0.0.7'], '10.0.0.7', '443'));
      const env = { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'example.com' };
      assert.equal(routeFor(portal, { ...base, env }).kind, 'direct', 'NO_PROXY applies');
      assert.equal(routeFor(portal, { ...base, env, noProxy: ['other.org'] }).kind, 'proxy', 'http.noProxy replaces NO_PROXY');
      assert.equal(routeFor(portal, { ...base, proxy: 'http://p:1', noProxy: ['.example.com'] }).kind, 'direct');
    });

    it('credentials: http.proxyAuthorization, else user:password from the URL; never in the description', () => {
      const withUrl = routeFor(portal, { ...base, proxy: 'http://al%40corp:s3cret@proxy:3128' });
      assert.ok(withUrl.kind === 'proxy');
      assert.equal(withUrl.authorization, `Basic ${Buffer.from('al@corp:s3cret').toString('base64')}`);
      assert.equal(withUrl.proxy.href, 'http://proxy:3128/');
      const withHeader = routeFor(portal, { ...base, proxy: 'http://u:p@proxy:3128', proxyAuthorization: 'Negotiate abc' });
      assert.ok(withHeader.kind === 'proxy' && withHeader.authorization === 'Negotiate abc');
    });
  });

  describe('through a real forward proxy (proxy-chain) to an HTTPS portal only the proxy can reach', () => {
    // The portal's host name resolves only inside the proxy: a direct connection fails (ENOTFOUND),
    // as on a corporate network whose only way out is the proxy.
    const HOST = 'elsecloud.portal.test';
    let portal: MockPortal;
    let proxy: TestProxy;

    async function startProxy(options: TestProxyOptions = {}) {
      proxy = await new TestProxy({ hosts: { [HOST]: '127.0.0.1' }, ...options }).start();
    }
    before(async () => {
      portal = await startMockPortal({ transitionMs: 150, publicHost: HOST });
    });
    after(() => portal.stop());
    beforeEach(() => portal.reset());
    afterEach(() => proxy?.stop());

    it('without the proxy the portal cannot be reached at all (the premise)', async () => {
      const error = await rejects(signInWith(portal, network(pki)));
      assert.ok(error instanceof NetworkError && !error.maybeSeenByServer, `got ${error}`);
      assert.match(error.message, /Could not connect to the portal at elsecloud\.portal\.test.*(ENOTFOUND|EAI_AGAIN)/);
    });

    it('with http.proxy, every view loads fully through CONNECT tunnels, kept alive, at most the pool size', async () => {
      await startProxy();
      const logger = new RecordingLogger();
      const net = network(pki, { proxy: proxy.url });
      const { model, registry } = await modelWithAccounts(portal, 60_000, 5_000, { network: net, logger, maxConnections: 4 });
      portal.reset();
      proxy.log.length = 0;
      const failures: string[] = [];
      const nodes = (await Promise.all(VIEW_SPECS.map((spec) => collectAll(registry, model, spec, failures)))).flat();
      assert.deepEqual(failures, []);
      assert.ok(nodes.filter((n) => n.kind === 'vm').length >= 3, 'VMs loaded');
      assert.ok(nodes.some((n) => n.kind === 'record'), 'DNS records loaded');
      const requests = portal.requests.length;
      assert.ok(requests >= 15, `every view of two accounts is many requests (${requests})`);
      const tunnels = proxy.tunnels();
      assert.ok(tunnels.length >= 1 && tunnels.every((t) => t.request === `CONNECT ${HOST}:${new URL(portal.url).port}`));
      // Every connection the portal accepted came through a tunnel: none direct.
      assert.equal(portal.connectionsOpened, tunnels.length);
      // Keep-alive: a few tunnels per account, not one per request.
      assert.ok(tunnels.length <= 2 * 4, `tunnels ${tunnels.length} ≤ accounts × pool size`);
      assert.ok(tunnels.length < requests, `${tunnels.length} tunnels for ${requests} requests`);
      assert.match(logger.text(), new RegExp(`through proxy ${proxy.url.replace(/[.]/g, '\\.')} \\(from http\\.proxy\\)`));
      await registry.dispose();
    });

    it('HTTPS_PROXY works the same when no setting is given', async () => {
      await startProxy();
      const result = await signInWith(portal, network(pki, {}, { HTTPS_PROXY: proxy.url }));
      await result.api.close();
      assert.ok(proxy.tunnels().length >= 1);
      assert.equal(portal.connectionsOpened, proxy.tunnels().length);
    });

    it('a proxy asking for credentials: a clear proxy error without them; with http.proxyAuthorization or user:pass@ it works, and no log holds them', async () => {
      await startProxy({ credentials: { username: 'alice', password: 'pr0xy-s3cret' } });
      const logger = new RecordingLogger();
      const error = await rejects(signInWith(portal, network(pki, { proxy: proxy.url }), logger));
      assert.ok(error instanceof ProxyError, `got ${error}`);
      assert.equal(error.proxyStatus, 407);
      assert.match(error.message, /^The proxy http:\/\/127\.0\.0\.1:\d+ \(from http\.proxy\) requires authentication \(HTTP 407\)\. Set "http\.proxyAuthorization"/);
      assert.doesNotMatch(error.message, /portal rejected|Wrong email/);
      assert.equal(portal.requests.length, 0, 'nothing reached the portal');
      assert.equal(proxy.log.length, 1, 'asked once, not retried');

      const header = `Basic ${Buffer.from('alice:pr0xy-s3cret').toString('base64')}`;
      const viaHeader = await signInWith(portal, network(pki, { proxy: proxy.url, proxyAuthorization: header }), logger);
      await viaHeader.api.close();
      const viaUrl = await signInWith(portal, network(pki, { proxy: proxy.url.replace('http://', 'http://alice:pr0xy-s3cret@') }), logger);
      await viaUrl.api.close();
      assert.ok(proxy.tunnels().length >= 2);
      assert.ok(proxy.tunnels().every((t) => t.username === 'alice' && t.authorized));
      const text = logger.text();
      assert.ok(!text.includes('pr0xy-s3cret') && !text.includes(header.split(' ')[1]), 'proxy credentials never logged');
      assert.match(text, /with credentials/);

      const wrong = await rejects(signInWith(portal, network(pki, { proxy: proxy.url.replace('http://', 'http://alice:wrong@') })));
      assert.ok(wrong instanceof ProxyError && wrong.proxyStatus === 407);
      assert.match(wrong.message, /refused the credentials given/);
    });

    for (const status of [403, 502]) {
      it(`a proxy refusing the tunnel with ${status}: one proxy error naming the proxy, nothing sent, no retry`, async () => {
        await startProxy({ refuseWith: status });
        const error = await rejects(signInWith(portal, network(pki, { proxy: proxy.url })));
        assert.ok(error instanceof ProxyError, `got ${error}`);
        assert.equal(error.proxyStatus, status);
        assert.equal(error.maybeSeenByServer, false);
        assert.match(error.message, new RegExp(`^The proxy ${proxy.url.replace(/[.]/g, '\\.')} \\(from http\\.proxy\\) .*elsecloud\\.portal\\.test.*HTTP ${status}`));
        assert.equal(proxy.log.length, 1, 'one CONNECT, not retried');
        assert.equal(portal.requests.length, 0);
      });
    }

    it('a proxy that never answers CONNECT: a proxy error within the connect time limit, not a portal timeout', async () => {
      const silent = await startBrokenProxy('silent');
      try {
        const started = Date.now();
        const error = await rejects(
          signIn({ apiRoot: portal.apiRoot('elsecloud'), profile: 'elsecloud', logger: new RecordingLogger(), retry: FAST_RETRY, timeoutMs: 1_000, network: network(pki, { proxy: silent.url }) }, EMAIL.elsecloud, PASSWORD, 'basic'),
        );
        assert.ok(error instanceof ProxyError, `got ${error}`);
        assert.match(error.message, /^The proxy http:\/\/127\.0\.0\.1:\d+ \(from http\.proxy\) did not answer in time while opening a tunnel/);
        assert.ok(Date.now() - started < 1_000, `gave up after ${Date.now() - started} ms`);
        assert.equal(silent.connections(), 1, 'not retried');
      } finally {
        await silent.stop();
      }
    });

    it('a proxy that resets the connection, or is not there: a proxy error, never blamed on the portal', async () => {
      const resetting = await startBrokenProxy('reset');
      try {
        const error = await rejects(signInWith(portal, network(pki, { proxy: resetting.url })));
        assert.ok(error instanceof ProxyError, `got ${error}`);
        assert.match(error.message, /^The proxy http:\/\/127\.0\.0\.1:\d+ \(from http\.proxy\) closed the connection before the tunnel to elsecloud\.portal\.test:\d+ was open/);
        assert.equal(resetting.connections(), 1, 'not retried');
      } finally {
        await resetting.stop();
      }
      const gone = await rejects(signInWith(portal, network(pki, { proxy: resetting.url })));
      assert.ok(gone instanceof ProxyError, `got ${gone}`);
      assert.match(gone.message, /^Could not connect to the proxy http:\/\/127\.0\.0\.1:\d+ \(from http\.proxy\) \(ECONNREFUSED\)\. Check "http\.proxy"/);
    });
  });

  describe('bypassing the proxy', () => {
    // 127.0.0.2 is loopback but not one of the names VS Code always sends directly.
    let portal: MockPortal;
    let proxy: TestProxy;
    before(async () => {
      portal = await startMockPortal({ transitionMs: 150, host: '127.0.0.2', publicHost: '127.0.0.2' });
      proxy = await new TestProxy().start();
    });
    after(async () => {
      await portal.stop();
      await proxy.stop();
    });
    beforeEach(() => {
      portal.reset();
      proxy.log.length = 0;
    });

    it('goes through the proxy when nothing bypasses it', async () => {
      (await signInWith(portal, network(pki, { proxy: proxy.url }))).api.close();
      assert.ok(proxy.tunnels().some((t) => t.request.startsWith('CONNECT 127.0.0.2:')));
    });

    it('http.noProxy and NO_PROXY send it directly: the proxy sees nothing', async () => {
      await (await signInWith(portal, network(pki, { proxy: proxy.url, noProxy: ['127.0.0.2'] }))).api.close();
      await (await signInWith(portal, network(pki, {}, { HTTPS_PROXY: proxy.url, NO_PROXY: `127.0.0.2:${new URL(portal.url).port}` }))).api.close();
      await (await signInWith(portal, network(pki, { proxy: proxy.url, proxySupport: 'off' }))).api.close();
      assert.equal(proxy.log.length, 0);
      assert.ok(portal.received({ path: 'details' }).length >= 3);
    });
  });

  describe('HTTPS with a private CA', () => {
    let portal: MockPortal;
    before(async () => {
      portal = await startMockPortal({ transitionMs: 150 });
    });
    after(() => portal.stop());
    beforeEach(() => portal.reset());

    it('untrusted: the first sign-in fails with a certificate error naming cause and setting, one connection, no retry', async () => {
      const logger = new RecordingLogger();
      const error = await rejects(signInWith(portal, defaultNetworkOptions({}), logger));
      assert.ok(error instanceof CertificateError, `got ${error}`);
      assert.equal(error.problem, 'untrusted');
      assert.equal(error.maybeSeenByServer, false);
      assert.equal(error.retryable, false);
      assert.match(error.message, /^The certificate of 127\.0\.0\.1 is not trusted: its issuer is not among the trusted certificates \((UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)\./);
      assert.match(error.message, /http\.systemCertificates.*NODE_EXTRA_CA_CERTS.*Nothing was sent\.$/);
      assert.equal(portal.connectionsOpened, 1, 'exactly one connection attempt');
      assert.equal(portal.requests.length, 0);
      assert.doesNotMatch(logger.text(), /Retrying/);
    });

    it('trusted through the system store (SSL_CERT_FILE) or NODE_EXTRA_CA_CERTS, it signs in and loads', async () => {
      const viaSystem = await signInWith(portal, defaultNetworkOptions({ SSL_CERT_FILE: pki.caFile }));
      assert.ok((await viaSystem.api.services.list()).length > 0);
      await viaSystem.api.close();
      const viaExtra = await signInWith(portal, defaultNetworkOptions({ NODE_EXTRA_CA_CERTS: pki.caFile }));
      assert.ok((await viaExtra.api.services.list()).length > 0);
      await viaExtra.api.close();
    });

    it('a system store holding Node’s roots again (wrapped otherwise) and an unreadable entry: each root trusted once, the bad one skipped with a warning', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'cloud-portal-store-'));
      try {
        const rewrapped = tls.rootCertificates.slice(0, 20).map((pem) => {
          const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
          return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,76}/g)!.join('\n')}\n-----END CERTIFICATE-----`;
        });
        const unreadable = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----';
        // The same store twice (the machine's own directory is read beside the file), once with the copies.
        const trusted = async (name: string, certificates: string[]) => {
          const file = join(folder, name);
          writeFileSync(file, [...certificates, unreadable, readFileSync(pki.caFile, 'utf8')].join('\n'));
          const logger = new RecordingLogger();
          const result = await signInWith(portal, defaultNetworkOptions({ SSL_CERT_FILE: file }), logger);
          assert.ok((await result.api.services.list()).length > 0, 'the test CA from the system store is trusted');
          await result.api.close();
          assert.match(logger.text(), /Skipped 1 unreadable certificate\(s\)/);
          return Number(/(\d+) trusted certificates/.exec(logger.text())?.[1]);
        };
        const without = await trusted('plain.crt', []);
        assert.equal(await trusted('with-copies.crt', rewrapped), without, 'Node’s roots wrapped otherwise are not trusted a second time');
        assert.ok(without > tls.rootCertificates.length, `${without} trusted`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('http.systemCertificates off: the system store is not read', async () => {
      const error = await rejects(signInWith(portal, { ...defaultNetworkOptions({ SSL_CERT_FILE: pki.caFile }), systemCertificates: false }));
      assert.ok(error instanceof CertificateError && error.problem === 'untrusted', `got ${error}`);
    });

    it('http.proxyStrictSSL false: it loads without checking, and the log warns', async () => {
      const logger = new RecordingLogger();
      const result = await signInWith(portal, { ...defaultNetworkOptions({}), strictSSL: false }, logger);
      assert.ok((await result.api.services.list()).length > 0);
      await result.api.close();
      assert.match(logger.text(), /warn "http\.proxyStrictSSL" is false: the certificates of the portal and the proxy are NOT checked/);
    });

    it('expired, wrong host and self-signed certificates each say what is wrong', async () => {
      const cases = [
        { cert: pki.expired, problem: 'expired', text: /has expired \(CERT_HAS_EXPIRED\)/ },
        { cert: pki.wrongHost, problem: 'wrongHost', text: /is for another host name \(ERR_TLS_CERT_ALTNAME_INVALID\)\. Check the account's API root URL/ },
        { cert: pki.selfSigned, problem: 'untrusted', text: /is not trusted.*\(DEPTH_ZERO_SELF_SIGNED_CERT\)/ },
      ];
      for (const c of cases) {
        const other = await startMockPortal({ tls: c.cert });
        try {
          const error = await rejects(signInWith(other, network(pki)));
          assert.ok(error instanceof CertificateError, `got ${error}`);
          assert.equal(error.problem, c.problem);
          assert.match(error.message, c.text);
          assert.equal(other.connectionsOpened, 1, `${c.problem}: not retried`);
        } finally {
          await other.stop();
        }
      }
    });

    it('plain http on loopback still works (no TLS, no trust store needed)', async () => {
      const plain = await startMockPortal({ tls: false });
      try {
        assert.match(plain.apiRoot('elsecloud'), /^http:\/\/127\.0\.0\.1:/);
        const result = await signInWith(plain, defaultNetworkOptions({}));
        assert.ok((await result.api.services.list()).length > 0);
        await result.api.close();
      } finally {
        await plain.stop();
      }
    });

    it('a Place Order refused by the certificate check says the order was not sent, and sends nothing', async () => {
      // Signed in while the CA was trusted; the trust is gone when the order is placed.
      const trusted = await modelWithAccounts(portal, 60_000, 5_000, { network: network(pki) });
      const lost = await modelWithAccounts(portal, 60_000, 5_000, { network: network(pki), sessionNetwork: defaultNetworkOptions({}) });
      const messages: ExtensionToOrderPage[] = [];
      const backend = { ...modelOrderBackend(trusted.model, trusted.ids.elsecloud, '333'), placeOrder: modelOrderBackend(lost.model, lost.ids.elsecloud, '333').placeOrder };
      const orders = new OrderSession(backend, { post: (m) => messages.push(m), confirm: async () => true, placed: () => undefined, openInvoice: () => undefined, addToCart: () => 0, showCart: () => undefined }, { accountId: trusted.ids.elsecloud, productId: '333', account: 'ElseCloud demo' }, 10);
      await orders.handle({ type: 'ready' });
      const until = async (type: string) => {
        for (let i = 0; i < 500 && !messages.some((m) => m.type === type); i++) await sleep(10);
        return messages.find((m) => m.type === type) as Extract<ExtensionToOrderPage, { type: 'form' }> & { message: string };
      };
      const form = (await until('form')).view;
      portal.requests.length = 0;
      await orders.handle({ type: 'submit', choices: { ...form.choices, domain: 'a.example.com' }, payMethod: '10' });
      const failed = await until('submitFailed');
      assert.ok(failed, `no submitFailed; got ${messages.map((m) => m.type)}`);
      assert.match(failed.message, /^The order was not sent: The certificate of 127\.0\.0\.1 is not trusted/);
      assert.doesNotMatch(failed.message, /may have received/);
      assert.equal(portal.received({ method: 'POST', path: /^order/ }).length, 0);
      await orders.dispose();
      await trusted.registry.dispose();
      await lost.registry.dispose();
    });
  });
});
