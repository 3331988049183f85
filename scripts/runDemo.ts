import { startMockPortal } from '../test/mock-portal/mockPortal';
import { freePort, startCodeServer } from '../test/e2e/harness/codeServer';
import { VSIX } from '../test/e2e/harness/session';
import { CACHE } from '../test/e2e/harness/tools';
import { join } from 'node:path';

/** The demo accounts the extension signs in at start (loopback mock portal only). */
const DEMO_ACCOUNTS = [
  { providerId: 'elsecloud', username: 'demo@elsecloud.test', password: 'demo-password', authMode: 'basic', label: 'ElseCloud demo' },
  { providerId: 'alterncloud', username: 'demo@alterncloud.test', password: 'demo-password', authMode: 'jwt', label: 'ALTERNcloud demo' },
];

async function main(): Promise<void> {
  const portal = await startMockPortal({ port: await freePort(Number(process.env.MOCK_PORTAL_PORT ?? 8787)), transitionMs: 3000 });
  const server = await startCodeServer({
    vsix: VSIX,
    port: await freePort(Number(process.env.DEMO_PORT ?? 8080)),
    userDataDir: join(CACHE, 'demo-user-data', String(Date.now())),
    env: {
      CLOUD_PORTAL_PROVIDER_ROOTS: JSON.stringify({ elsecloud: portal.apiRoot('elsecloud'), alterncloud: portal.apiRoot('alterncloud') }),
      CLOUD_PORTAL_DEMO_ACCOUNTS: JSON.stringify(DEMO_ACCOUNTS),
    },
  });
  const url = `${server.url}/?folder=${encodeURIComponent(server.folder)}`;
  process.stdout.write(
    [
      '',
      'Cloud Portal demo is running.',
      `  VS Code (code-server): ${url}`,
      `  Mock portal:           ${portal.url}  (ElseCloud and ALTERNcloud, accounts demo@elsecloud.test / demo@alterncloud.test, password demo-password)`,
      '                         HTTPS with a certificate from a test CA made for this demo; this VS Code trusts it through NODE_EXTRA_CA_CERTS.',
      '',
      'Open the VS Code URL in a browser and click the Cloud Portal icon in the activity bar.',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    process.stdout.write('\nStopping…\n');
    await server.stop();
    await portal.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
