import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from './harness/files';
import { ELSE_DEMO, eventually, useWorkbench } from './harness/session';

/**
 * The last-known state: after a window reload the rows are there before the portal answers, marked,
 * and while the portal cannot be reached they stay, with an Offline row and Retry.
 */
describe('Last-known state, after a reload and while offline', function () {
  this.timeout(180_000);
  const s = useWorkbench({ demoAccounts: ELSE_DEMO });
  // A test that failed half-way must not leave the portal unreachable for the next one.
  afterEach(() => {
    s.portal.faults.clear();
    s.portal.latencyMs = 0;
  });
  /** The server's VMs loaded; then every connection to the portal is dropped; Refresh; the Offline row shows. */
  const refreshWhileUnreachable = async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    // What will be last-known: the services and the server's VMs.
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'db-01' });
    s.portal.fault({ kind: 'reset' });
    await wb.page.locator('.pane-header[aria-label^="Services"]').hover();
    await wb.page.locator('.pane-header[aria-label^="Services"] .action-label[aria-label="Refresh"]').click();
    const offline = wb.row('Services', /Offline — showing what was loaded at \d\d:\d\d/);
    await offline.waitFor({ timeout: 60_000 });
    return offline;
  };
  /** What the extension keeps on disk (its global storage folder). */
  const snapshotText = () =>
    filesUnder(join(s.server.userDataDir, 'User', 'globalStorage'))
      .filter((f) => /[\\/]snapshots[\\/][^\\/]+\.json$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');

  it('after a reload the services, VMs and zones are on screen at once, marked, while the portal takes 3 s; the marks go when it answers', async () => {
    const wb = s.workbench;
    await wb.showOnly('DNS Zones');
    await wb.row('DNS Zones', 'example.org').waitFor({ timeout: 20_000 });
    await wb.showOnly('Services');
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'web-01' });
    // The snapshot is written within seconds of the last answer (debounced): wait until it holds the VMs.
    await eventually(() => snapshotText().includes('web-01.vps.example.net'), 'the snapshot holds the VM list', 20_000);
    s.portal.latencyMs = 3_000;
    try {
      await wb.reloadWindow();
      s.portal.requests.length = 0;
      // The rows of the last session, before any answer: they say so. (VS Code does not keep which
      // rows were expanded across a reload; opening the server shows its VMs from the snapshot too.)
      await wb.row('Services', /Production.*\(cached\)/).waitFor({ timeout: 20_000 });
      assert.ok((await wb.rowTexts('Services')).some((r) => /Else.*as of \d\d:\d\d/.test(r)), (await wb.rowTexts('Services')).join('\n'));
      await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: /web-01.*\(cached\)/ });
      const answered = s.portal.received().filter((r) => r.doneAt !== undefined && /^(service|dns)/.test(r.path));
      assert.deepEqual(answered.map((r) => r.path), [], 'shown before the portal answered');
      await wb.showOnly('DNS Zones');
      await wb.row('DNS Zones', /example\.org.*\(cached\)/).waitFor({ timeout: 10_000 });
      await wb.showOnly('Services');
      // The portal's answers replace them in place: the marks go, the expanded server stays open.
      await wb.row('Services', /web-01/).filter({ hasNotText: '(cached)' }).waitFor({ timeout: 30_000 });
      await wb.row('Services', /Else/).filter({ hasNotText: 'as of' }).waitFor({ timeout: 30_000 });
    } finally {
      s.portal.latencyMs = 0;
    }
  });

  it('while the portal cannot be reached the rows stay, with an Offline row and Retry; once it is back, Retry brings fresh rows', async () => {
    const wb = s.workbench;
    const offline = await refreshWhileUnreachable();
    const rows = await wb.rowTexts('Services');
    assert.ok(rows.some((r) => /Production/.test(r)), `the last-known services stay: ${rows.join(' | ')}`);
    // The account row is drawn again with its mark once its rows are known to be last-known ones.
    await wb.row('Services', /Else.*offline — last updated \d\d:\d\d/).waitFor({ timeout: 15_000 });
    // Read-only things keep working from what is known: Go to Resource finds the VMs.
    await wb.runCommand('Cloud Portal: Go to Resource…');
    await wb.quickInput().locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 30_000 });
    // (The list only draws the rows in sight, in the order the branches loaded: filter first.)
    await wb.quickInput().locator('input').first().fill('db-01');
    await wb.quickInput().locator('.quick-input-list .monaco-list-row', { hasText: 'db-01' }).first().waitFor({ timeout: 10_000 });
    await wb.page.keyboard.press('Escape');
    s.portal.faults.clear();
    await offline.click();
    await offline.waitFor({ state: 'detached', timeout: 30_000 });
    await wb.row('Services', /Production/).filter({ hasNotText: '(cached)' }).waitFor({ timeout: 10_000 });
    assert.ok(!(await wb.rowTexts('Services')).some((r) => /offline|as of/.test(r)));
  });

  it('a change made from a last-known row reads the portal first: a row that changed there is shown as it is, and nothing is sent', async () => {
    const wb = s.workbench;
    await refreshWhileUnreachable();
    // Meanwhile, on the portal: the service got another label; the portal is reachable again.
    s.portal.state('elsecloud').services.find((x) => x.id === '301')!.label = 'Production (moved)';
    s.portal.faults.clear();
    const before = s.portal.requests.length;
    await wb.contextMenu(wb.row('Services', 'Production').filter({ hasNotText: 'moved' }), 'Change Service Label…');
    await wb.notifications().filter({ hasText: 'changed on the portal since it was last loaded' }).first().waitFor({ timeout: 15_000 });
    await wb.row('Services', 'Production (moved)').waitFor({ timeout: 15_000 });
    const sent = s.portal.requests.slice(before).filter((r) => r.method !== 'GET');
    assert.deepEqual(sent.map((r) => `${r.method} ${r.path}`), [], 'nothing changed on the portal');
  });
});
