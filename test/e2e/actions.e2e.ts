import * as assert from 'node:assert/strict';
import { ELSE_DEMO, eventually, useWorkbench } from './harness/session';


describe('More actions, from menus and from the palette', function () {
  this.timeout(120_000);
  const s = useWorkbench({ demoAccounts: ELSE_DEMO });

  it('palette: Reboot VM asks which VM with a quick pick, then reboots only that one', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    await wb.row('Services', 'Production').waitFor({ timeout: 30_000 });
    await wb.runCommand('Cloud Portal: Reboot VM');
    await wb.pick('web-01');
    // The row shows the reboot until the portal reports the VM settled again.
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: /web-01.*rebooting…/ });
    await wb.row('Services', /web-01.*running/).waitFor({ timeout: 20_000 });
    assert.deepEqual(s.portal.received({ path: /reboot$/ }).map((r) => r.path), ['service/301/vms/1001/reboot']);
  });

  it('rebuilds a VM from a template picked from the portal, after a modal naming VM and template', async () => {
    const wb = s.workbench;
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'db-01' });
    await wb.contextMenu(wb.row('Services', 'db-01'), 'Rebuild VM from Template…');
    await wb.pick('Rocky Linux 9');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Rebuild “db-01” from Rocky Linux 9\?/);
    await wb.pressDialogButton('Rebuild VM');
    // (db-01 was stopped before: its row reading "stopped" says nothing about the rebuild; the request does.)
    await eventually(() => s.portal.received({ path: 'service/301/vms/1002/rebuild' }).length > 0, 'the rebuild was sent');
    const [rebuild] = s.portal.received({ path: 'service/301/vms/1002/rebuild' });
    assert.deepEqual(rebuild.body, { template: 'rocky-9' });
    await wb.row('Services', /db-01.*(stopped|running)/).filter({ hasNotText: 'rebuilding' }).waitFor({ timeout: 20_000 });
  });

  it('changes a service label and requests cancellation at the end of the period (modal names the service)', async () => {
    const wb = s.workbench;
    await wb.contextMenu(wb.row('Services', 'examplename.com'), 'Change Service Label…');
    await wb.type('Marketing site', 'Label for Starter Hosting');
    await wb.row('Services', 'Marketing site').waitFor({ timeout: 15_000 });
    await wb.contextMenu(wb.row('Services', 'Marketing site'), 'Request Service Cancellation…');
    await wb.pick('At the end of the billing period');
    await wb.type('Moving to a bigger plan', 'reason');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Request cancellation of “Marketing site” \(Starter Hosting\) at the end of the billing period\?/);
    await wb.pressDialogButton('Request Cancellation');
    await wb.notifications().filter({ hasText: 'Cancellation of “Marketing site” requested.' }).first().waitFor({ timeout: 15_000 });
    assert.deepEqual(s.portal.state('elsecloud').services.find((x) => x.id === '302')!.cancellation, { immediate: false, reason: 'Moving to a bigger plan' });
  });

  it('creates and deletes a DNS zone', async () => {
    const wb = s.workbench;
    await wb.showOnly('DNS Zones');
    await wb.row('DNS Zones', 'example.org').waitFor({ timeout: 20_000 });
    await wb.runCommand('Cloud Portal: Create DNS Zone…');
    await wb.type('new-shop.com', 'New DNS zone');
    await wb.row('DNS Zones', 'new-shop.com').waitFor({ timeout: 15_000 });
    await wb.contextMenu(wb.row('DNS Zones', 'new-shop.com'), 'Delete DNS Zone…');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Delete the DNS zone “new-shop\.com” and its 0 records\?/);
    await wb.pressDialogButton('Delete Zone');
    await wb.row('DNS Zones', 'new-shop.com').waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(s.portal.state('elsecloud').zones.some((z) => z.name === 'new-shop.com'), false);
  });

  it('domain: shows and copies the EPP code, unlocks after a modal, renews after a modal with the price', async () => {
    const wb = s.workbench;
    await wb.showOnly('Domains');
    await wb.contextMenu(wb.row('Domains', 'example.com'), 'Show EPP Code');
    const toast = wb.page.locator('.notification-toast', { hasText: 'EPP code of example.com: EPP-47-x7Q!k2' }).first();
    await toast.waitFor({ timeout: 15_000 });
    await toast.locator('.monaco-button', { hasText: 'Copy' }).click();
    await wb.page.locator('.statusbar', { hasText: 'EPP code copied' }).waitFor({ timeout: 10_000 });

    await wb.contextMenu(wb.row('Domains', 'example.com'), 'Unlock Domain…');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Remove the registrar lock from “example\.com”\?/);
    await wb.pressDialogButton('Unlock Domain');
    await wb.page.locator('.statusbar', { hasText: 'example.com is unlocked' }).waitFor({ timeout: 10_000 });
    assert.equal(s.portal.state('elsecloud').domains[0].reglock, false);

    await wb.contextMenu(wb.row('Domains', 'old-brand.net'), 'Renew Domain…');
    await wb.pick('2 years');
    await wb.pick('PayPal');
    await wb.dialog().waitFor();
    // The portal's price for two years (28.50), not twice its one-year price (30.00).
    assert.match(await wb.dialog().innerText(), /Renew “old-brand\.net” for 2 years for 28\.50 USD\?/);
    assert.equal(s.portal.received({ path: 'domain/49/renew' }).length, 0, 'nothing is ordered before the confirmation');
    await wb.pressDialogButton('Renew for 28.50 USD');
    await wb.notifications().filter({ hasText: 'Renewal ordered' }).first().waitFor({ timeout: 15_000 });
    const renewals = s.portal.received({ path: 'domain/49/renew' });
    assert.equal(renewals.length, 1);
    assert.deepEqual(renewals[0].body, { years: '2', pay_method: '9' });
  });

  it('copies a VM address from the tree and shows domain details in a panel', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'web-01' });
    await wb.contextMenu(wb.row('Services', 'web-01'), 'Copy IP Address');
    await wb.pick('203.0.113.10');
    await wb.page.locator('.statusbar', { hasText: 'Copied 203.0.113.10' }).waitFor({ timeout: 10_000 });
    await wb.showOnly('Domains');
    await wb.contextMenu(wb.row('Domains', 'example.org'), 'Show Details');
    const page = wb.webview();
    await page.locator('h1', { hasText: 'example.org' }).waitFor({ timeout: 20_000 });
    const fields = await page.locator('.fields').innerText();
    assert.match(fields, /Nameservers\s+ns1\.example-dns\.net, ns2\.example-dns\.net/);
    assert.ok(!fields.includes('EPP-48'), 'the EPP code is not on the page');
  });

  it('an ended session shows Sign in again rows and one notification, not a loop', async () => {
    const wb = s.workbench;
    s.portal.state('elsecloud').password = 'changed-on-the-portal';
    await wb.showOnly('Services');
    await wb.page.locator('.pane-header[aria-label^="Services"]').hover();
    await wb.page.locator('.pane-header[aria-label^="Services"] .action-label[aria-label="Refresh"]').click();
    await wb.row('Services', /Session ended|Signed out/).waitFor({ timeout: 15_000 });
    await wb.notifications().filter({ hasText: 'has ended. Sign in again' }).first().waitFor({ timeout: 15_000 });
    // A loop shows itself only over time: no condition says "it did not happen again"; one second does.
    await wb.page.waitForTimeout(1000);
    assert.equal(await wb.notifications().filter({ hasText: 'has ended' }).count(), 1);
    const attempts = s.portal.received({ path: 'service' }).filter((r) => r.status === 401).length;
    assert.equal(attempts, 1, 'one rejected request, no retry loop');
  });
});
