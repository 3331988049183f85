import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MockPortal, startMockPortal } from '../../mock-portal/mockPortal';
import { CodeServer, startCodeServer } from './codeServer';
import { ROOT } from './tools';
import { Workbench } from './workbench';

export const VSIX = join(ROOT, 'dist', 'cloud-portal.vsix');

export interface E2eSession {
  portal: MockPortal;
  server: CodeServer;
  workbench: Workbench;
}

/** Mocha hooks: a mock portal, a code-server with the VSIX, a browser; all stopped afterwards, pass or fail. */
export function useWorkbench(options: { demoAccounts?: unknown[]; settings?: Record<string, unknown> } = {}): E2eSession {
  const session = {} as E2eSession;
  before(async function () {
    this.timeout(10 * 60_000);
    if (!existsSync(VSIX)) {
      throw new Error('dist/cloud-portal.vsix is missing: run `npm run package` first (npm test does)');
    }
    session.portal = await startMockPortal({ transitionMs: 1500 });
    const env: Record<string, string> = {
      CLOUD_PORTAL_PROVIDER_ROOTS: JSON.stringify({
        elsecloud: session.portal.apiRoot('elsecloud'),
        alterncloud: session.portal.apiRoot('alterncloud'),
      }),
    };
    if (options.demoAccounts) {
      env.CLOUD_PORTAL_DEMO_ACCOUNTS = JSON.stringify(options.demoAccounts);
    }
    session.server = await startCodeServer({ vsix: VSIX, env, settings: options.settings });
    session.workbench = await Workbench.open(session.server);
  });
  afterEach(async function () {
    if (session.workbench) {
      const title = (this.currentTest?.fullTitle() ?? 'test').replace(/[^\w-]+/g, '-').slice(0, 80);
      await session.workbench.screenshot(title).catch(() => undefined);
    }
  });
  after(async () => {
    await session.workbench?.close().catch(() => undefined);
    await session.server?.stop().catch(() => undefined);
    await session.portal?.stop().catch(() => undefined);
  });
  return session;
}
