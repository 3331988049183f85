// The extension-host suite under @vscode/test-electron, for machines that can download VS Code
// (`npm run test:electron`). Here (no internet but npm) the same suite runs inside code-server
// through test/e2e/extensionHost.e2e.ts instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { startMockPortal } from '../mock-portal/mockPortal';

const ROOT = join(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const portal = await startMockPortal({ transitionMs: 1500 });
  const workspace = mkdtempSync(join(tmpdir(), 'cloud-portal-electron-'));
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(workspace, '.user-data')],
      extensionTestsEnv: {
        CLOUD_PORTAL_MOCK_URL: portal.url,
        CLOUD_PORTAL_PROVIDER_ROOTS: JSON.stringify({ elsecloud: portal.apiRoot('elsecloud'), alterncloud: portal.apiRoot('alterncloud') }),
        CLOUD_PORTAL_DEMO_ACCOUNTS: JSON.stringify([{ providerId: 'elsecloud', username: 'demo@elsecloud.test', password: 'demo-password', authMode: 'basic', label: 'Else' }]),
      },
    });
  } finally {
    await portal.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`Extension-host tests under @vscode/test-electron failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
