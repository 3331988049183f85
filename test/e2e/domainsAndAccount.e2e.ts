import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ELSE_DEMO, eventually, eventuallyAsync, useWorkbench } from './harness/session';
import { filesUnder } from './harness/files';

/**
 * Certificates, the rest of domain management and the account itself, in the real VS Code: the PEM in an
 * editor, a domain contact edited in a form (one PUT, only the changed field), a DNSSEC key added and
 * deleted, the account profile edited (one PUT, only the changed field), and Lock or Unlock as applies.
 */
describe('Certificates, domain settings and the account profile in a real VS Code', function () {
  this.timeout(240_000);
  const s = useWorkbench({ demoAccounts: ELSE_DEMO, settings: { 'cloudPortal.tickets.pollMinutes': 0 } });

  it('opens an issued certificate from the SSL Certificates view as PEM in an editor', async () => {
    const wb = s.workbench;
    await wb.showOnly('SSL Certificates');
    const row = wb.row('SSL Certificates', 'shop.example.com');
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /expires in (9|10) days/);
    await wb.contextMenu(row, 'Open Certificate (PEM)');
    await wb.page.locator('.monaco-editor .view-lines', { hasText: '-----BEGIN CERTIFICATE-----' }).first().waitFor({ timeout: 15_000 });
    assert.equal(s.portal.received({ method: 'GET', path: 'certificate/300/crt' }).length, 1);
  });

  it('orders a certificate with a key and CSR made here: the key only in the chosen file (0600), one POST at the stated price', async () => {
    const wb = s.workbench;
    await wb.runCommand('Cloud Portal: Order Certificate…');
    await wb.pick('2 years');
    await wb.pick('Generate a New Key and CSR…');
    await wb.type('api.example.net', 'The host name the certificate is for');
    await wb.pick('ECDSA P-256');
    // The web workbench's save dialog is a quick input holding the suggested path.
    const keyFile = join(s.server.folder, 'api.example.net.key');
    const input = wb.quickInput().locator('input').first();
    await eventuallyAsync(async () => (await input.inputValue()) === keyFile, 'the suggested key file is in the workspace');
    await wb.page.keyboard.press('Enter');
    await wb.pick('nginx');
    await wb.type('hostmaster@example.net', 'approves the certificate');
    await wb.pick('BankTransfer');
    await wb.dialog().waitFor({ timeout: 15_000 });
    assert.match(await wb.dialog().innerText(), /Order “InstantSSL” for api\.example\.net on “Else” for 49\.90 USD\?/);
    await wb.pressDialogButton('Order for 49.90 USD');
    await wb.notifications().filter({ hasText: 'Certificate for api.example.net ordered' }).first().waitFor({ timeout: 15_000 });
    const orders = s.portal.received({ method: 'POST', path: 'certificate/order' });
    assert.equal(orders.length, 1, 'one order');
    const body = orders[0].body as { csr: string; years: string; software: string; approver_email: string };
    assert.deepEqual([body.years, body.software, body.approver_email], ['2', '2', 'hostmaster@example.net']);
    const key = readFileSync(keyFile, 'utf8');
    assert.match(key, /^-----BEGIN PRIVATE KEY-----/);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600, 'the key is readable by its owner only');
    assert.equal(readFileSync(keyFile.replace(/\.key$/, '.csr'), 'utf8').trim(), body.csr);
    const keyBody = key.split('\n')[1];
    assert.ok(!JSON.stringify(s.portal.received()).includes(keyBody), 'the key never reached the portal');
    // Nor any log, settings or state file of the editor (only the file the user chose holds it).
    const holders = filesUnder(s.server.userDataDir).filter((f) => readFileSync(f).toString('latin1').includes(keyBody));
    assert.deepEqual(holders, [], 'the key is in no log, settings or state file');
    assert.ok(s.portal.state('elsecloud').certificates.some((c) => c.domain === 'api.example.net' && c.status === 'Pending'));
  });

  it('edits a domain contact in a form: exactly one PUT with only the changed field; a refused one keeps the form', async () => {
    const wb = s.workbench;
    await wb.showOnly('Domains');
    const domain = s.portal.state('elsecloud').domains.find((d) => d.id === '47')!;
    await wb.contextMenu(wb.row('Domains', domain.name), 'Edit Domain Contacts');
    const page = wb.webview();
    await page.locator('h1', { hasText: `Contacts of ${domain.name}` }).waitFor({ timeout: 20_000 });
    const email = page.locator('vscode-textfield[data-field="admin.email"] input');
    // Refused by the portal: what was typed stays, with the portal's reason.
    s.portal.fault({ kind: 'errorBody', method: 'PUT', path: '^domain/47/contact$', message: 'Registry temporarily unavailable', times: 1 });
    await email.fill('hostmaster@example.com');
    await page.locator('vscode-button.save', { hasText: 'Save 1 Change' }).click();
    await page.locator('.note', { hasText: 'Not saved: Registry temporarily unavailable' }).waitFor({ timeout: 15_000 });
    assert.equal(await email.inputValue(), 'hostmaster@example.com', 'the form keeps what was typed');
    // Saved by choice: one more PUT, with only that field.
    const before = s.portal.received({ method: 'PUT', path: 'domain/47/contact' }).length;
    await page.locator('vscode-button.save', { hasText: 'Save 1 Change' }).click();
    await page.locator('.note', { hasText: 'Saved 1 change.' }).waitFor({ timeout: 15_000 });
    const puts = s.portal.received({ method: 'PUT', path: 'domain/47/contact' });
    assert.equal(puts.length - before, 1, 'exactly one PUT');
    assert.deepEqual(puts.at(-1)!.body, { admin: { email: 'hostmaster@example.com' } });
    assert.equal(domain.contacts?.admin.email, 'hostmaster@example.com');
    assert.equal(domain.contacts?.tech.email, 'demo@elsecloud.test', 'the other roles are untouched');
    await wb.screenshot('domain-contacts');
  });

  it('adds a DNSSEC key and deletes one after a modal that names it', async () => {
    const wb = s.workbench;
    await wb.showOnly('Domains');
    const domain = s.portal.state('elsecloud').domains.find((d) => d.id === '47')!;
    const [existing] = domain.dnssec;
    await wb.contextMenu(wb.row('Domains', domain.name), 'DNSSEC Keys…');
    await wb.waitForTitle(`DNSSEC Keys of ${domain.name}`);
    await wb.pick('Add Key…');
    await wb.pick('ZSK');
    await wb.pick('Ed25519 (15)');
    const publicKey = Buffer.alloc(32, 9).toString('base64');
    await wb.type(publicKey, 'Public key');
    await eventually(() => domain.dnssec.some((k) => k.flags === '256' && k.alg === '15' && k.pubkey === publicKey), 'the key reached the portal');
    // Back in the list: the new key and the old one; delete the old one with its button.
    const row = wb.quickInput().locator('.monaco-list-row', { hasText: `key ${existing.id}` }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Delete Key…"]').click();
    await wb.dialog().waitFor({ timeout: 15_000 });
    assert.match(await wb.dialog().innerText(), new RegExp(`Delete DNSSEC key ${existing.id} of “${domain.name.replace(/\./g, '\\.')}”\\?`));
    await wb.pressDialogButton('Delete Key');
    await eventually(() => !domain.dnssec.some((k) => k.id === existing.id), 'the key was deleted');
    assert.equal(s.portal.received({ method: 'DELETE', path: `domain/47/dnssec/${existing.id}` }).length, 1);
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'algorithm 15' }).first().waitFor({ timeout: 15_000 });
    await wb.page.keyboard.press('Escape');
  });

  it('adds an e-mail forwarding rule and removes one with its button', async () => {
    const wb = s.workbench;
    await wb.showOnly('Domains');
    const domain = s.portal.state('elsecloud').domains.find((d) => d.id === '47')!;
    await wb.contextMenu(wb.row('Domains', domain.name), 'E-mail Forwarding…');
    await wb.waitForTitle(`E-mail Forwarding of ${domain.name}`);
    await wb.pick('Add Forwarding…');
    await wb.type('sales', 'the part before @');
    await wb.type('team@example-mail.net', `Forward mail for sales@${domain.name}`);
    await eventually(() => domain.emforwarding.some((r) => r.source === 'sales'), 'the new rule reached the portal');
    const row = wb.quickInput().locator('.monaco-list-row', { hasText: `info@${domain.name}` }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Remove Rule"]').click();
    await eventually(() => !domain.emforwarding.some((r) => r.source === 'info'), 'the rule was removed');
    assert.deepEqual(domain.emforwarding, [{ source: 'sales', destination: 'team@example-mail.net' }]);
    assert.equal(s.portal.received({ method: 'PUT', path: 'domain/47/emforwarding' }).length, 2, 'one PUT each');
    await wb.page.keyboard.press('Escape');
  });

  it('offers only Lock or Unlock, whichever applies', async () => {
    const wb = s.workbench;
    await wb.showOnly('Domains');
    const domain = s.portal.state('elsecloud').domains.find((d) => d.id === '47')!;
    assert.equal(domain.reglock, true);
    const row = wb.row('Domains', domain.name);
    await eventually(() => s.portal.received({ method: 'GET', path: 'domain/47/reglock' }).length > 0, 'the lock was asked');
    await wb.settle();
    await row.click({ button: 'right' });
    const menu = wb.page.locator('.context-view .monaco-menu');
    await menu.locator('.action-menu-item', { hasText: 'Unlock Domain' }).first().waitFor();
    assert.equal(await menu.locator('.action-menu-item', { hasText: /^Lock Domain/ }).count(), 0, 'a locked domain offers no Lock');
    await wb.page.keyboard.press('Escape');
  });

  it('edits the account profile: one PUT with only the changed field', async () => {
    const wb = s.workbench;
    await wb.runCommand('Cloud Portal: Account Profile');
    const page = wb.webview();
    await page.locator('h1', { hasText: 'Account Profile' }).waitFor({ timeout: 20_000 });
    const city = page.locator('vscode-textfield[data-field="client.city"] input');
    assert.equal(await city.inputValue(), 'Santa Rosa');
    // A bad e-mail is refused on the page, before anything is sent.
    const email = page.locator('vscode-textfield[data-field="client.email"] input');
    await email.fill('not-an-address');
    await page.locator('.problem', { hasText: 'Enter an e-mail address' }).waitFor();
    assert.equal(await page.locator('vscode-button.save').getAttribute('disabled'), '');
    await page.locator('vscode-button.discard').click();
    await city.fill('Petaluma');
    await page.locator('vscode-button.save', { hasText: 'Save 1 Change' }).click();
    await page.locator('.note', { hasText: 'Saved 1 change.' }).waitFor({ timeout: 15_000 });
    const puts = s.portal.received({ method: 'PUT', path: 'details' });
    assert.equal(puts.length, 1);
    assert.deepEqual(puts[0].body, { city: 'Petaluma' });
    assert.equal(s.portal.state('elsecloud').client.city, 'Petaluma');
    assert.equal(await city.inputValue(), 'Petaluma');
    await wb.screenshot('account-profile');
  });

  it('shows the activity log, newest first, and the affiliate programme in read-only editors', async () => {
    const wb = s.workbench;
    await wb.runCommand('Cloud Portal: Activity Log');
    const editor = wb.page.locator('.monaco-editor .view-lines');
    await editor.filter({ hasText: 'Activity log of Else' }).first().waitFor({ timeout: 15_000 });
    await editor.filter({ hasText: 'Login from 172.100.2.1' }).first().waitFor();
    await wb.runCommand('Cloud Portal: Affiliate Programme');
    await editor.filter({ hasText: 'balance: 42.50' }).first().waitFor({ timeout: 15_000 });
    await editor.filter({ hasText: 'code: FRIEND10' }).first().waitFor();
    assert.equal(s.portal.received({ method: 'GET', path: 'affiliates/summary' }).length, 1);
  });
});

describe('ALTERNcloud status messages in a real VS Code', function () {
  this.timeout(180_000);
  const s = useWorkbench({
    demoAccounts: [{ providerId: 'alterncloud', username: 'demo@alterncloud.test', password: 'demo-password', authMode: 'jwt', label: 'Altern' }],
    settings: { 'cloudPortal.tickets.pollMinutes': 0, 'cloudPortal.notifications.pollMinutes': 0.5 },
  });

  it('shows each status message once, like a portal notification; Acknowledge marks it read on the portal', async () => {
    const wb = s.workbench;
    const toast = wb.notifications().filter({ hasText: 'Altern: Network maintenance AMS1 — scheduled' });
    await toast.first().waitFor({ timeout: 45_000 });
    await toast.first().locator('xpath=ancestor::*[contains(@class,"notification-toast")]').locator('.monaco-button', { hasText: 'Acknowledge' }).click();
    await eventually(() => s.portal.received({ method: 'PUT', path: 'statuses/1' }).length === 1, 'the status message was marked read');
    // The next poll sees the same messages again (the portal still lists them): none is shown twice.
    const polls = s.portal.received({ method: 'GET', path: 'statuses' }).length;
    await eventually(() => s.portal.received({ method: 'GET', path: 'statuses' }).length > polls, 'the next poll', 45_000);
    await wb.runCommand('Notifications: Show Notifications');
    const centre = wb.page.locator('.notifications-center .notification-list-item-message');
    await centre.first().waitFor({ timeout: 10_000 });
    assert.equal(await centre.filter({ hasText: 'Network maintenance AMS1' }).count(), 0, 'acknowledged, it is gone and not shown again');
    assert.equal(await centre.filter({ hasText: 'Degraded storage FRA2' }).count(), 1, 'the other one was shown once');
    assert.equal(s.portal.received({ method: 'PUT', path: 'statuses/2' }).length, 0, 'nothing is marked read without the user');
  });

  it('an account the portal says has no affiliate programme no longer offers it', async () => {
    const wb = s.workbench;
    await wb.page.keyboard.press('Escape');
    await wb.showOnly('Services');
    const account = wb.row('Services', /^Altern/);
    await wb.contextMenu(account, 'Affiliate Programme');
    await wb.page.locator('.monaco-editor .view-lines', { hasText: 'has no affiliate programme' }).first().waitFor({ timeout: 15_000 });
    await wb.settle();
    await account.click({ button: 'right' });
    const menu = wb.page.locator('.context-view .monaco-menu');
    await menu.locator('.action-menu-item', { hasText: 'Account Profile' }).first().waitFor();
    assert.equal(await menu.locator('.action-menu-item', { hasText: 'Affiliate Programme' }).count(), 0);
    await wb.page.keyboard.press('Escape');
  });
});
