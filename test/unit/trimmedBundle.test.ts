import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as PortalApiModule from '../../src/api/portalApi';
import { startMockPortal } from '../mock-portal/mockPortal';
import { TestProxy } from '../proxy/testProxy';
import { EMAIL, PASSWORD, RecordingLogger, useMockPortal } from './helpers';

const root = join(__dirname, '..', '..', '..');

/**
 * The shipped bundle leaves parts of undici out (scripts/undiciTrim.js). This builds the portal
 * client the same way and uses it over real HTTP, so a trim that breaks requests fails here and
 * not in a user's editor.
 */
describe('The portal client as bundled (trimmed undici)', function () {
  this.timeout(60_000);
  const mock = useMockPortal();
  let dir: string;
  let bundled: typeof PortalApiModule;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cloud-portal-bundle-'));
    /* eslint-disable @typescript-eslint/no-require-imports -- the build tools and the built bundle are loaded as files */
    const esbuild = require(join(root, 'node_modules', 'esbuild'));
    const { undiciTrim } = require(join(root, 'scripts', 'undiciTrim.js'));
    const outfile = join(dir, 'portalApi.js');
    const result = await esbuild.build({
      entryPoints: [join(root, 'src', 'api', 'portalApi.ts')],
      absWorkingDir: root,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minify: true,
      outfile,
      metafile: true,
      logLevel: 'silent',
      plugins: [undiciTrim],
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.includes('undici-trim:../llhttp/llhttp_simd-wasm.js'), `SIMD parser not trimmed: ${inputs.filter((i) => i.includes('llhttp')).join(', ')}`);
    assert.ok(!inputs.some((i) => i.startsWith('node_modules/undici/lib/web/fetch/index.js')), 'fetch is bundled');
    assert.ok(inputs.some((i) => i.startsWith('undici-wasm:') && i.endsWith('llhttp-wasm.js')), 'the HTTP parser is not stored compressed');
    writeFileSync(join(dir, 'package.json'), '{}');
    bundled = require(outfile);
    /* eslint-enable @typescript-eslint/no-require-imports */
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const provider of ['elsecloud', 'alterncloud'] as const) {
    it(`signs in, reads and writes on ${provider} with the trimmed bundle`, async () => {
      const settings = { apiRoot: mock.portal.apiRoot(provider), profile: provider, timeoutMs: 3_000, logger: new RecordingLogger() };
      const { api } = await bundled.signIn(settings, EMAIL[provider], PASSWORD, provider === 'alterncloud' ? 'jwt' : 'basic');
      try {
        const services = await api.services.list();
        assert.ok(services.length > 0);
        await api.services.setLabel(services[0].id, 'Bundled label');
        assert.equal(mock.portal.received({ provider, method: 'POST', path: /label/ }).length, 1);
        assert.equal((await api.services.list()).find((s) => s.id === services[0].id)?.label, 'Bundled label');
      } finally {
        await api.close();
      }
    });
  }

  it('reaches an HTTPS portal through a CONNECT proxy with the trimmed bundle (ProxyAgent wiring)', async () => {
    const host = 'elsecloud.portal.test';
    const portal = await startMockPortal({ publicHost: host });
    const proxy = await new TestProxy({ hosts: { [host]: '127.0.0.1' } }).start();
    try {
      const network = { proxySupport: 'override' as const, proxy: proxy.url, noProxy: [], strictSSL: true, systemCertificates: false, env: process.env };
      const settings = { apiRoot: portal.apiRoot('elsecloud'), profile: 'elsecloud' as const, timeoutMs: 3_000, logger: new RecordingLogger(), network };
      const { api } = await bundled.signIn(settings, EMAIL.elsecloud, PASSWORD, 'basic');
      try {
        assert.ok((await api.services.list()).length > 0);
      } finally {
        await api.close();
      }
      assert.ok(proxy.tunnels().length >= 1);
      assert.equal(portal.connectionsOpened, proxy.tunnels().length);
    } finally {
      await proxy.stop();
      await portal.stop();
    }
  });
});
