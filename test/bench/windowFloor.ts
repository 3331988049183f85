// The window's floor for each gesture the window bench times: the same gestures on a tree view shaped
// like the Services view (accounts opening into 300 service rows) whose extension does nothing but wait
// on a timer for each portal request (`test/bench/window-floor/`), in its own code-server on the same
// machine. Whatever an extension does, VS Code and the window take this long; the bench shows it beside
// Cloud Portal's figures, so the part of each figure that is ours can be read off.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCodeServer } from '../e2e/harness/codeServer';
import { packageFixtureVsix, ROOT } from '../e2e/harness/tools';
import { Workbench } from '../e2e/harness/workbench';
import { LATENCY_MS } from './networkBench';
import { armRowWatch, firstContentRowsAt, measured, noteFirstContentRowsOnLoad } from './paintedRows';
import { ASKS, Stage, Stages, WindowTimeline } from './windowTimeline';

/** One gesture on the fixture: its figures (ms) and where their time went. */
export interface FloorGesture {
  samples: number[];
  stages: Stage[];
}

/** Sign-in, expand (50 ms and 0 ms), Refresh, and reload → the first rows of two open accounts, from the end of the fixture's `activate()`. */
export type WindowFloorFigures = Record<'signIn' | 'expand' | 'expandNoLatency' | 'refresh' | 'reload', FloorGesture>;

const ROWS = '.pane:has(.pane-header[aria-label^="Window Floor"]) .monaco-list-row';
const BULK_ROW = 's\\d+\\.bulk\\.example';

export async function runWindowFloorBench(samples: number): Promise<WindowFloorFigures> {
  const work = mkdtempSync(join(tmpdir(), 'cloud-portal-window-floor-'));
  const marks = join(work, 'activations');
  const server = await startCodeServer({
    vsix: packageFixtureVsix(join(ROOT, 'test', 'bench', 'window-floor'), work),
    env: { WINDOW_FLOOR_LATENCY_MS: String(LATENCY_MS), WINDOW_FLOOR_MARKS: marks },
  });
  const wb = await Workbench.open(server);
  const page = wb.page;
  const samplesOf = { signIn: [] as number[], expand: [] as number[], expandNoLatency: [] as number[], refresh: [] as number[], reload: [] as number[] };
  const stagesOf = { signIn: new Stages(), expand: new Stages(), expandNoLatency: new Stages(), refresh: new Stages(), reload: new Stages() };
  const timeline = await WindowTimeline.attach(page, 'windowFloor.tree');
  const activations = () => (existsSync(marks) ? readFileSync(marks, 'utf8').trim().split('\n').filter(Boolean).map(Number) : []);
  const accountRow = (id: string) => page.locator(`${ROWS}[aria-level="1"]`, { hasText: `account-${id}` }).first();
  const setOpen = async (id: string, open: boolean) => {
    const row = accountRow(id);
    await row.waitFor({ timeout: 30_000 });
    if ((await row.getAttribute('aria-expanded')) !== String(open)) {
      await row.locator('.monaco-tl-twistie').click();
      await page.locator(`${ROWS}[aria-level="1"][aria-expanded="${open}"]`, { hasText: `account-${id}` }).first().waitFor({ timeout: 15_000 });
    }
  };
  const noRowsShown = () => page.locator(ROWS, { hasText: new RegExp(BULK_ROW) }).first().waitFor({ state: 'detached', timeout: 15_000 });
  const refreshButton = page.locator('.pane-header[aria-label^="Window Floor"] .action-label[aria-label^="Window Floor: Refresh"]');
  /** Opens the fixture's password box and types into it; the gesture is the Enter that follows. */
  const typePassword = async () => {
    await wb.runCommand('Window Floor: Sign In');
    await wb.waitForTitle('Password');
    await wb.quickInput().locator('input').first().fill('password');
  };
  try {
    // The Explorer with only this view open, as the window bench has only Services open.
    await wb.runCommand('View: Show Explorer');
    await page.locator('.pane-header[aria-label^="Window Floor"]').waitFor({ timeout: 30_000 });
    for (const header of await page.locator('.part.sidebar .pane-header').all()) {
      const label = (await header.getAttribute('aria-label')) ?? '';
      if (label.startsWith('Window Floor') !== ((await header.getAttribute('aria-expanded')) === 'true')) await header.click();
    }
    await accountRow('waiting').waitFor({ timeout: 30_000 });

    // Sign-in: Enter on the password → the new account's rows (one timer for the check, one for the list).
    for (let i = 0; i < samples; i++) {
      await typePassword();
      await armRowWatch(page, ROWS, BULK_ROW);
      timeline.watch(new RegExp(BULK_ROW));
      await page.keyboard.press('Enter');
      const { ms, gestureAt } = await measured(page);
      samplesOf.signIn.push(ms);
      stagesOf.signIn.addGesture(await timeline.moments(gestureAt), undefined, ASKS.topThenAccount);
      if (i < samples - 1) {
        await wb.runCommand('Window Floor: Sign Out');
        await noRowsShown();
      }
    }
    // A second open account, as the window bench reloads with two; both closed until the reload.
    const closeOpenAccounts = async () => {
      for (let open = page.locator(`${ROWS}[aria-level="1"][aria-expanded="true"]`).first(); await open.count(); ) {
        await open.locator('.monaco-tl-twistie').click();
      }
      await noRowsShown();
    };
    await closeOpenAccounts();
    await typePassword();
    await page.keyboard.press('Enter');
    await page.locator(ROWS, { hasText: new RegExp(BULK_ROW) }).first().waitFor({ timeout: 15_000 });
    await closeOpenAccounts();

    // Expand → 300 rows after one timer; then the same with rows at once. Refresh first, as the window bench does.
    const expandOnce = async (id: string, into: 'expand' | 'expandNoLatency') => {
      await setOpen(id, false);
      await noRowsShown();
      await refreshButton.click();
      await armRowWatch(page, ROWS, BULK_ROW);
      timeline.watch(new RegExp(BULK_ROW));
      await accountRow(id).locator('.monaco-tl-twistie').click();
      const { ms, gestureAt } = await measured(page);
      samplesOf[into].push(ms);
      stagesOf[into].addGesture(await timeline.moments(gestureAt), undefined, ASKS.accountOnly);
    };
    for (let i = 0; i < samples; i++) await expandOnce('waiting', 'expand');
    // Refresh with the account open → its rows painted again with the first one's new label (presses
    // 300 ms apart at least, as in the window bench).
    await setOpen('waiting', true);
    let lastPress = 0;
    for (let i = 0; i < samples; i++) {
      const first = await page.locator(ROWS, { hasText: /s0\.bulk\.example r\d+/ }).first().textContent({ timeout: 15_000 });
      const round = Number(/r(\d+)/.exec(first ?? '')?.[1]);
      await page.waitForTimeout(Math.max(0, lastPress + 300 - Date.now()));
      await page.locator('.pane-header[aria-label^="Window Floor"]').hover();
      const renamed = `s0\\.bulk\\.example r${round + 1}(?!\\d)`;
      await armRowWatch(page, ROWS, renamed);
      timeline.watch(new RegExp(renamed));
      await refreshButton.click();
      const { ms, gestureAt } = await measured(page);
      lastPress = gestureAt;
      samplesOf.refresh.push(ms);
      stagesOf.refresh.addGesture(await timeline.moments(gestureAt), undefined, ASKS.topThenAccount);
    }
    await setOpen('waiting', false);
    for (let i = 0; i < samples; i++) await expandOnce('instant', 'expandNoLatency');
    await setOpen('instant', false);

    // Reload → the two signed-in accounts' rows (open, from memory at once), from the end of activate().
    await noteFirstContentRowsOnLoad(page, ROWS);
    for (let i = 0; i < samples; i++) {
      const before = activations().length;
      timeline.watch(new RegExp(BULK_ROW));
      await wb.reloadWindow();
      const rowsAt = await firstContentRowsAt(page);
      while (activations().length <= before) await page.waitForTimeout(50); // the fixture's line (a condition on the file)
      const activated = activations()[activations().length - 1];
      samplesOf.reload.push(rowsAt - activated);
      stagesOf.reload.addGesture(await timeline.moments(activated), undefined, ASKS.topThenAccounts);
    }
    const gesture = (key: keyof WindowFloorFigures): FloorGesture => ({ samples: samplesOf[key], stages: stagesOf[key].list() });
    return { signIn: gesture('signIn'), expand: gesture('expand'), expandNoLatency: gesture('expandNoLatency'), refresh: gesture('refresh'), reload: gesture('reload') };
  } finally {
    await timeline.detach();
    await wb.close().catch(() => undefined);
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
