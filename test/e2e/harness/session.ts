import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MockPortal, MockPortalOptions, startMockPortal } from '../../mock-portal/mockPortal';
import { CodeServer, startCodeServer } from './codeServer';
import { ROOT } from './tools';
import { Workbench } from './workbench';

export const VSIX = join(ROOT, 'dist', 'cloud-portal.vsix');

/** The one ElseCloud demo account (Basic) that most suites sign in at start. */
export const ELSE_DEMO = [{ providerId: 'elsecloud', username: 'demo@elsecloud.test', password: 'demo-password', authMode: 'basic', label: 'Else' }];

/** Polls `check` until it holds (for portal state changed by an action in the UI). */
export async function eventually(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting until ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls an asynchronous condition (a value read from the page) until it holds. */
export async function eventuallyAsync(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface E2eSession {
  portal: MockPortal;
  server: CodeServer;
  workbench: Workbench;
}

/** Mocha hooks: a mock portal, a code-server with the VSIX, a browser; all stopped afterwards, pass or fail. */
export function useWorkbench(options: { demoAccounts?: unknown[]; settings?: Record<string, unknown> | (() => Record<string, unknown>); extraVsix?: () => string[]; env?: (portal: MockPortal) => Record<string, string>; logLevel?: 'trace'; portal?: MockPortalOptions } = {}): E2eSession {
  const session = {} as E2eSession;
  before(async function () {
    this.timeout(10 * 60_000);
    if (!existsSync(VSIX)) {
      throw new Error('dist/cloud-portal.vsix is missing: run `npm run package` first (npm test does)');
    }
    session.portal = await startMockPortal({ transitionMs: 1500, ...options.portal });
    const env: Record<string, string> = {
      CLOUD_PORTAL_PROVIDER_ROOTS: JSON.stringify({
        elsecloud: session.portal.apiRoot('elsecloud'),
        alterncloud: session.portal.apiRoot('alterncloud'),
      }),
    };
    Object.assign(env, options.env?.(session.portal));
    if (options.demoAccounts) {
      env.CLOUD_PORTAL_DEMO_ACCOUNTS = JSON.stringify(options.demoAccounts);
    }
    // Portal notifications and Needs Attention pop up on their own schedule; only the tests about them turn them on.
    session.server = await startCodeServer({ vsix: VSIX, extraVsix: options.extraVsix?.(), env, logLevel: options.logLevel, settings: { 'cloudPortal.notifications.pollMinutes': 0, 'cloudPortal.attention.days': 0, ...(typeof options.settings === 'function' ? options.settings() : options.settings) } });
    session.workbench = await Workbench.open(session.server);
    if (options.demoAccounts) {
      // Opening the container activates the extension (lazily), which signs the demo accounts in;
      // wait for all of them, so the trees stop redrawing under the tests.
      await session.workbench.openCloudPortal();
      await eventually(
        () => options.demoAccounts!.every((a) => session.portal.received({ path: 'details' }).some((r) => r.status === 200 && r.provider === (a as { providerId: string }).providerId)),
        'the demo accounts are signed in',
        60_000,
      );
      await session.workbench.settle();
    }
  });
  afterEach(async function () {
    if (session.workbench) {
      const title = (this.currentTest?.fullTitle() ?? 'test').replace(/[^\w-]+/g, '-').slice(0, 80);
      await session.workbench.screenshot(title).catch(() => undefined);
      if (this.currentTest?.state === 'failed') {
        // A menu, quick input or dialog a failed test left open would fail the next test too.
        for (let i = 0; i < 3; i++) {
          await session.workbench.page.keyboard.press('Escape').catch(() => undefined);
        }
      }
    }
  });
  after(async () => {
    await session.workbench?.close().catch(() => undefined);
    await session.server?.stop().catch(() => undefined);
    await session.portal?.stop().catch(() => undefined);
  });
  return session;
}
