import { startMockPortal } from './mockPortal';
import { LARGE_ACCOUNT } from './seed';
import { testPki } from '../pki/testPki';

/**
 * `npm run mock-portal -- [--port 8787] [--latency 50] [--large] [--http]`: runs the mock portal
 * until Ctrl+C. HTTPS by default, with a certificate from a test CA made for this run (its file is
 * printed: give it to the client as NODE_EXTRA_CA_CERTS); `--http` serves plain HTTP on loopback.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const portal = await startMockPortal({
    port: Number(option('port') ?? process.env.MOCK_PORTAL_PORT ?? 8787),
    latencyMs: Number(option('latency') ?? 0),
    transitionMs: Number(option('transition') ?? 3000),
    size: args.includes('--large') ? LARGE_ACCOUNT : undefined,
    tls: args.includes('--http') ? false : undefined,
  });
  const ca = args.includes('--http') ? undefined : (await testPki()).caFile;
  process.stdout.write(
    [
      `Mock portal listening on ${portal.url}`,
      `  ElseCloud API root:   ${portal.apiRoot('elsecloud')}   (demo@elsecloud.test / demo-password)`,
      `  ALTERNcloud API root: ${portal.apiRoot('alterncloud')} (demo@alterncloud.test / demo-password)`,
      `  Control: ${portal.url}/__mock/health, /__mock/requests, /__mock/faults`,
      ...(ca ? [`  Test CA (trust it with NODE_EXTRA_CA_CERTS=${ca})`] : []),
      '',
    ].join('\n'),
  );
  const stop = () => {
    void portal.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
