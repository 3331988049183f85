import * as assert from 'node:assert/strict';
import { eventually, useWorkbench } from './harness/session';

const DEMO = [
  { providerId: 'elsecloud', username: 'demo@elsecloud.test', password: 'demo-password', authMode: 'basic', label: 'Else' },
  { providerId: 'alterncloud', username: 'demo@alterncloud.test', password: 'demo-password', authMode: 'jwt', label: 'Altern' },
];

describe('Resource explorer in a real VS Code', function () {
  this.timeout(120_000);
  const s = useWorkbench({ demoAccounts: DEMO });

  it('lists services under each account and VMs under a server, with state and IP', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'web-01' });
    const rows = await wb.rowTexts('Services');
    assert.ok(rows.some((r) => /web-01.*running.*203\.0\.113\.10/.test(r)), rows.join('\n'));
    assert.ok(rows.some((r) => /db-01.*stopped/.test(r)), rows.join('\n'));
    assert.ok(rows.some((r) => /App cluster/.test(r)), 'the ALTERNcloud account is listed too');
    await wb.screenshot('services');
  });

  it('Refresh with servers open asks for their VM lists together, not one after another as VS Code asks for them', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'web-01' });
    await wb.expand(wb.row('Services', /^staging\.example\.com/), { view: 'Services', text: 'staging-01' });
    const lists = (since: number) => s.portal.received({ provider: 'elsecloud', method: 'GET', path: /^service\/(301|305)\/vms$/ }).filter((r) => r.at >= since);
    s.portal.latencyMs = 500;
    try {
      const since = Date.now();
      await wb.page.locator('.pane-header[aria-label^="Services"]').hover();
      await wb.page.locator('.pane-header[aria-label^="Services"] .action-label[aria-label^="Refresh"]').click();
      await eventually(() => lists(since).filter((r) => r.doneAt).length === 2, 'both VM lists answered');
      const [first, second] = lists(since).sort((a, b) => a.at - b.at);
      // VS Code asks for the two rows' children in turn; the second left before the first was answered.
      assert.ok(second.at < first.doneAt!, `the second list left ${second.at - first.doneAt!} ms after the first was answered`);
    } finally {
      s.portal.latencyMs = 0;
    }
    await wb.row('Services', 'staging-01').waitFor();
  });

  it('stops a VM from its context menu: a modal names it, one request is sent, the row goes through stopping to stopped', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    const row = wb.row('Services', 'web-01');
    await wb.contextMenu(row, 'Stop VM…');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Stop “web-01” \(203\.0\.113\.10\)\?/);
    await wb.pressDialogButton('Stop VM');
    await wb.row('Services', /web-01.*(stopping…|stopping)/).waitFor({ timeout: 10_000 });
    await wb.row('Services', /web-01.*stopped/).waitFor({ timeout: 20_000 });
    assert.equal(s.portal.received({ path: 'service/301/vms/1001/stop' }).length, 1);
    assert.equal(s.portal.state('elsecloud').services[0].vms[0].status, 'stopped');
  });

  it('offers only the actions the provider has: ElseCloud no rescue, ALTERNcloud no reset', async () => {
    const wb = s.workbench;
    await wb.row('Services', 'web-01').click({ button: 'right' });
    const elseMenu = await wb.page.locator('.context-view .action-menu-item').allInnerTexts();
    await wb.page.keyboard.press('Escape');
    assert.ok(elseMenu.some((t) => t.includes('Start VM')));
    assert.ok(!elseMenu.some((t) => t.includes('Rescue')), elseMenu.join(' | '));
    await wb.expand(wb.row('Services', 'App cluster'), { view: 'Services', text: 'app-01' });
    await wb.row('Services', 'app-01').click({ button: 'right' });
    const alternMenu = await wb.page.locator('.context-view .action-menu-item').allInnerTexts();
    await wb.page.keyboard.press('Escape');
    assert.ok(alternMenu.some((t) => t.includes('Boot VM into Rescue Mode')), alternMenu.join(' | '));
    assert.ok(!alternMenu.some((t) => t.includes('Reset VM') || t.includes('Shut Down')), alternMenu.join(' | '));
  });

  it('adds, edits (keeping the edit when the portal refuses it) and deletes a DNS record', async () => {
    const wb = s.workbench;
    const zone = () => s.portal.state('elsecloud').zones.find((z) => z.name === 'example.com')!;
    await wb.showOnly('DNS Zones');
    await wb.expand(wb.row('DNS Zones', 'example.com'), { view: 'DNS Zones', text: 'www' });
    await wb.contextMenu(wb.row('DNS Zones', /^example\.com/), 'Add DNS Record…');
    await wb.pickExact('A');
    await wb.type('api', 'name');
    assert.match(await wb.typeAndReadValidation('not-an-ip', /Enter an IPv4 address/, 'content'), /Enter an IPv4 address/);
    await wb.type('203.0.113.77', 'content');
    await wb.type('300', 'TTL');
    await wb.row('DNS Zones', /api.*203\.0\.113\.77/).waitFor({ timeout: 15_000 });
    const added = zone().records.find((r) => r.name === 'api')!;
    assert.deepEqual([added.type, added.content, added.ttl], ['A', '203.0.113.77', 300]);

    s.portal.fault({ kind: 'errorBody', method: 'PUT', path: '/records/', message: 'Record is locked by the registry', times: 1 });
    await wb.contextMenu(wb.row('DNS Zones', /api.*203\.0\.113\.77/), 'Edit DNS Record…');
    await wb.pickExact('A');
    await wb.type('api', 'name');
    await wb.type('203.0.113.78', 'content');
    await wb.type('300', 'TTL');
    const error = wb.notifications().filter({ hasText: 'Record is locked by the registry' }).first();
    await error.waitFor({ timeout: 15_000 });
    await wb.page.locator('.notification-toast .monaco-button', { hasText: 'Edit Again' }).first().click();
    await wb.pickExact('A');
    assert.equal(await wb.inputValue('name'), 'api');
    await wb.page.keyboard.press('Enter');
    assert.equal(await wb.inputValue('content'), '203.0.113.78', 'the rejected edit is kept');
    await wb.page.keyboard.press('Enter');
    await wb.type('300', 'TTL');
    await wb.row('DNS Zones', /api.*203\.0\.113\.78/).waitFor({ timeout: 15_000 });
    assert.equal(zone().records.find((r) => r.name === 'api')!.content, '203.0.113.78');

    await wb.contextMenu(wb.row('DNS Zones', /api.*203\.0\.113\.78/), 'Delete DNS Record…');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Delete the A record “api” → 203\.0\.113\.78 from example\.com\?/);
    await wb.pressDialogButton('Delete Record');
    await wb.row('DNS Zones', /api.*203\.0\.113\.78/).waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(zone().records.some((r) => r.name === 'api'), false);
  });

  it('shows a failed load as one error row with Retry, and recovers', async () => {
    const wb = s.workbench;
    s.portal.fault({ kind: 'errorBody', path: '^domain$', message: 'Registry backend unavailable' });
    await wb.showOnly('Domains');
    await wb.page.locator('.pane-header[aria-label^="Domains"]').hover();
    await wb.page.locator('.pane-header[aria-label^="Domains"] .action-label[aria-label="Refresh"]').click();
    const errorRow = wb.row('Domains', 'Could not load: Registry backend unavailable');
    await errorRow.waitFor({ timeout: 15_000 });
    s.portal.faults.clear();
    await wb.clickRow(errorRow);
    await wb.row('Domains', 'example.org').waitFor({ timeout: 15_000 });
  });

  it('domain: toggles autorenew and edits the name servers', async () => {
    const wb = s.workbench;
    await wb.contextMenu(wb.row('Domains', 'example.org'), 'Enable Autorenew');
    await wb.row('Domains', /example\.org.*autorenew on/).waitFor({ timeout: 15_000 });
    assert.equal(s.portal.state('elsecloud').domains.find((d) => d.name === 'example.org')!.autorenew, true);
    await wb.contextMenu(wb.row('Domains', 'example.org'), 'Edit Name Servers…');
    assert.match(await wb.typeAndReadValidation('ns1.example.net', /2 to 4 name servers/, 'Name servers'), /2 to 4 name servers/);
    await wb.type('ns1.example.net, ns2.example.net, ns3.example.net', 'Name servers');
    await wb.notifications().filter({ hasText: 'example.org now uses ns1.example.net, ns2.example.net, ns3.example.net' }).first().waitFor({ timeout: 15_000 });
    assert.deepEqual(s.portal.state('elsecloud').domains.find((d) => d.name === 'example.org')!.nameservers, ['ns1.example.net', 'ns2.example.net', 'ns3.example.net']);
  });

  it('shows VM details in a webview: gauges, IPs with copy buttons, actions that run the real commands', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'db-01' });
    await wb.contextMenu(wb.row('Services', 'db-01'), 'Show Details');
    const page = wb.webview();
    await page.locator('h1', { hasText: 'db-01' }).waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('.status').innerText(), 'stopped');
    assert.ok((await page.locator('.gauge').count()) >= 3, 'resource gauges are drawn');
    assert.equal(await page.locator('.ips code').first().innerText(), '203.0.113.11');
    await page.locator('.ips .icon-button').first().click();
    await wb.page.locator('.statusbar', { hasText: 'Copied 203.0.113.11' }).waitFor({ timeout: 10_000 });
    // Themed: the page uses the workbench's own colours (editor background), not hard-coded ones.
    const pageBackground = await page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    const editorBackground = await wb.page.locator('.part.editor > .content').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal(pageBackground, editorBackground);
    await wb.screenshot('vm-details');
    await page.locator('vscode-button', { hasText: 'Start' }).click();
    await page.locator('.status', { hasText: 'running' }).waitFor({ timeout: 20_000 });
    assert.equal(s.portal.received({ path: 'service/301/vms/1002/start' }).length, 1);
    await wb.row('Services', /db-01.*running/).waitFor({ timeout: 10_000 });
  });

  it('brings the details panel back after a window reload', async () => {
    const wb = s.workbench;
    await wb.reloadWindow();
    await wb.webview().locator('h1', { hasText: 'db-01' }).waitFor({ timeout: 30_000 });
  });

  it('Go to Resource… finds a VM across accounts and reveals it', async () => {
    const wb = s.workbench;
    await wb.showOnly('Domains');
    await wb.runCommand('Cloud Portal: Go to Resource…');
    await wb.quickInput().locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
    await wb.quickInput().locator('input').first().fill('worker-01');
    await wb.pick('worker-01');
    const row = wb.row('Services', 'worker-01');
    await row.waitFor({ timeout: 15_000 });
    assert.equal(await row.getAttribute('aria-selected'), 'true');
    await wb.screenshot('go-to-resource');
  });
});
