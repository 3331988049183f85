import * as assert from 'node:assert/strict';
import { E2eSession, ELSE_DEMO, eventually, useWorkbench } from './harness/session';

/**
 * Trees redraw in the background (a VM followed until it settles, a refresh whose answer arrives
 * later): what the user has open — a context menu, a quick input — stays open and keeps working.
 */
describe('Background refreshes leave the user’s menus and inputs alone', function () {
  this.timeout(180_000);
  const s = useWorkbench({ demoAccounts: ELSE_DEMO, settings: { 'cloudPortal.tickets.pollMinutes': 0 } });

  /** Starts db-01 (followed by polls until it runs) and a Services refresh whose VM list answers 1.5 s late. */
  async function backgroundWork(session: E2eSession): Promise<{ settled: () => Promise<void> }> {
    const wb = session.workbench;
    const polls = session.portal.received({ path: 'service/301/vms/1002' }).length;
    await wb.runCommand('Cloud Portal: Start VM');
    await wb.pick('db-01');
    await wb.row('Services', /db-01.*starting/).waitFor({ timeout: 10_000 });
    session.portal.fault({ kind: 'latency', path: '^service/301/vms$', delayMs: 1500, times: 1 });
    const lists = session.portal.received({ path: 'service/301/vms' }).length;
    await wb.page.locator('.pane-header[aria-label^="Services"] .action-label[aria-label^="Refresh"]').click();
    return {
      settled: async () => {
        await eventually(() => session.portal.received({ path: 'service/301/vms/1002' }).length > polls && session.portal.state('elsecloud').services[0].vms[1].status === 'running', 'db-01 was polled until it runs');
        await eventually(() => session.portal.received({ path: 'service/301/vms' }).slice(lists).some((r) => r.doneAt !== undefined), 'the late VM list was answered');
        await wb.row('Services', /db-01.*running/).waitFor({ timeout: 20_000 });
        await wb.settle(500, 5_000);
      },
    };
  }

  it('a context menu open on a VM row stays open through a settle poll and a refresh, and its entry runs', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'db-01' });
    const work = await backgroundWork(s);
    await wb.row('Services', 'web-01').click({ button: 'right' });
    const menu = wb.page.locator('.context-view .monaco-menu');
    await menu.waitFor({ state: 'visible' });
    await work.settled();
    assert.ok(await menu.isVisible(), 'the context menu was closed by a background redraw');
    await wb.page.locator('.context-view .action-menu-item', { hasText: 'Copy IP Address' }).first().click();
    await menu.waitFor({ state: 'detached', timeout: 5_000 });
    await wb.pick('203.0.113.10');
    await wb.page.locator('.statusbar', { hasText: 'Copied 203.0.113.10' }).waitFor({ timeout: 10_000 });
  });

  it('a quick input open meanwhile stays open and still picks', async () => {
    const wb = s.workbench;
    await wb.row('Services', /db-01.*running/).waitFor({ timeout: 20_000 });
    await wb.runCommand('Cloud Portal: Stop VM…');
    await wb.pick('db-01');
    await wb.pressDialogButton('Stop VM');
    await wb.row('Services', /db-01.*stopp/).waitFor({ timeout: 10_000 });
    await eventually(() => s.portal.state('elsecloud').services[0].vms[1].status === 'stopped', 'db-01 stopped');
    const work = await backgroundWork(s);
    await wb.runCommand('Cloud Portal: Go to Resource…');
    const input = wb.quickInput();
    await input.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
    await work.settled();
    assert.ok(await input.isVisible(), 'the quick input was closed by a background redraw');
    await input.locator('input').first().fill('web-01');
    await wb.pick('web-01');
    // Revealed and selected (the row was already on screen: wait for the selection, not the row).
    await wb.page.locator('.pane:has(.pane-header[aria-label^="Services"]) .monaco-list-row[aria-selected="true"]', { hasText: 'web-01' }).waitFor({ timeout: 15_000 });
  });

  it('a pick opened over a webview stays open when the webview takes focus back; elsewhere a click away closes it', async () => {
    const wb = s.workbench;
    const form = await wb.openOrderForm('Cloud Servers', 'Cloud VPS S');
    const field = form.locator('vscode-textfield[data-input="domain"] input');
    await field.click();
    await wb.runCommand('Cloud Portal: Go to Resource…');
    const input = wb.quickInput();
    await input.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
    // VS Code hands focus back to the form a moment after the palette closed, sometimes after the pick
    // opened (1 time in 20 on a loaded machine): the pick stays and still picks. (The pick covers the field.)
    await form.locator('.totals').click();
    await input.locator('input').first().fill('web-01');
    await wb.pick('web-01');
    await wb.page.locator('.pane:has(.pane-header[aria-label^="Services"]) .monaco-list-row[aria-selected="true"]', { hasText: 'web-01' }).waitFor({ timeout: 15_000 });

    // With no webview in front, a click away closes the pick, as VS Code's own do.
    await wb.runCommand('View: Close All Editors');
    await wb.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 });
    await wb.runCommand('Cloud Portal: Go to Resource…');
    await input.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
    await wb.row('Services', 'Production').click();
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
  });
});
