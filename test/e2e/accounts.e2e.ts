import * as assert from 'node:assert/strict';
import { eventually, useWorkbench } from './harness/session';

describe('Accounts in a real VS Code (code-server)', function () {
  this.timeout(120_000);
  const s = useWorkbench();

  it('shows the Cloud Portal container with a welcome and an Add Account button in every view', async () => {
    await s.workbench.openCloudPortal();
    const buttons = s.workbench.page.locator('.welcome-view-content .monaco-button', { hasText: 'Add Account' });
    await buttons.first().waitFor();
    assert.equal(await buttons.count(), 4);
    await s.workbench.screenshot('welcome');
  });

  it('adds an ElseCloud account from the palette: a wrong password is explained and asked again', async () => {
    const wb = s.workbench;
    await wb.runCommand('Cloud Portal: Add Account');
    await wb.pick('ElseCloud');
    await wb.type('demo@elsecloud.test', 'email');
    await wb.type('wrong-password', 'Password for demo@elsecloud.test');
    await wb.quickInput().filter({ hasText: 'Wrong email or password' }).waitFor({ timeout: 20_000 });
    await wb.type('demo-password');
    await wb.viewRows('Services').filter({ hasText: 'demo@elsecloud.test' }).first().waitFor({ timeout: 20_000 });
    const rows = await wb.rowTexts('Services');
    assert.ok(rows.some((r) => r.includes('demo@elsecloud.test') && r.includes('ElseCloud')), rows.join(' | '));
    assert.equal(s.portal.received({ provider: 'elsecloud', path: 'details' }).filter((r) => r.status === 200).length, 1);
    const secretsInState = JSON.stringify(s.portal.received({ provider: 'elsecloud' }).map((r) => r.body));
    assert.ok(!secretsInState.includes('wrong-password'), 'Basic auth never puts the password in a body');
  });

  it('adds an ALTERNcloud account with JWT next to it', async () => {
    const wb = s.workbench;
    await wb.runCommand('Cloud Portal: Add Account');
    await wb.pick('ALTERNcloud');
    await wb.type('demo@alterncloud.test', 'email');
    await wb.pick('Token (JWT)');
    await wb.type('demo-password', 'Password for demo@alterncloud.test');
    // Only Services open: with six views in the side bar, a second account's row may be scrolled out of a short pane.
    await wb.showOnly('Services');
    await wb.viewRows('Services').filter({ hasText: 'demo@alterncloud.test' }).first().waitFor({ timeout: 20_000 });
    assert.equal(s.portal.received({ provider: 'alterncloud', path: 'login' }).length, 1);
    const accounts = await wb.page.locator('.pane:has(.pane-header[aria-label^="Services"]) .monaco-list-row[aria-level="1"]').allInnerTexts();
    assert.equal(accounts.length, 2, accounts.join(' | '));
    // Domains lists only the portal that registers domains.
    await wb.showOnly('Domains');
    await wb.viewRows('Domains').first().waitFor();
    const domains = await wb.page.locator('.pane:has(.pane-header[aria-label^="Domains"]) .monaco-list-row[aria-level="1"]').allInnerTexts();
    assert.deepEqual(domains.map((r) => r.includes('elsecloud')), [true], domains.join(' | '));
  });

  it('renames an account from its context menu', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    const row = wb.viewRows('Services').filter({ hasText: 'demo@alterncloud.test' }).first();
    await wb.contextMenu(row, 'Rename Account…');
    await wb.type('Client X', 'Rename Account');
    await wb.viewRows('Services').filter({ hasText: 'Client X' }).first().waitFor();
  });

  it('signs out (revoking the token) and offers Sign In Again', async () => {
    const wb = s.workbench;
    const row = wb.viewRows('Services').filter({ hasText: 'Client X' }).first();
    await wb.contextMenu(row, 'Sign Out');
    await wb.viewRows('Services').filter({ hasText: 'signed out' }).first().waitFor({ timeout: 15_000 });
    assert.equal(s.portal.received({ provider: 'alterncloud', path: 'revoke' }).length, 1);
  });

  it('removes an account after a modal confirmation that names it', async () => {
    const wb = s.workbench;
    const row = wb.viewRows('Services').filter({ hasText: 'Client X' }).first();
    await wb.contextMenu(row, 'Remove Account…');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Remove the account “Client X” \(demo@alterncloud\.test on ALTERNcloud\)/);
    await wb.pressDialogButton('Remove Account');
    await wb.viewRows('Services').filter({ hasText: 'Client X' }).waitFor({ state: 'detached', timeout: 15_000 });
    const accounts = await wb.page.locator('.pane:has(.pane-header[aria-label^="Services"]) .monaco-list-row[aria-level="1"]').allInnerTexts();
    assert.equal(accounts.length, 1, accounts.join(' | '));
  });

  it('adds an “Other portal…” account: what it offers is probed once the Services view has its first rows', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    const since = Date.now();
    await wb.runCommand('Cloud Portal: Add Account');
    await wb.pick('Other portal…');
    await wb.type(s.portal.apiRoot('alterncloud'), 'API root URL');
    await wb.type('demo@alterncloud.test', 'email');
    await wb.pick('Token (JWT)');
    await wb.type('demo-password', 'Password for demo@alterncloud.test');
    const probes = () => s.portal.received({ provider: 'alterncloud', method: 'GET', path: /^(domain|certificate)$/ }).filter((r) => r.at >= since);
    await eventually(() => probes().length === 2, 'the portal was asked what it offers');
    const lists = s.portal.received({ provider: 'alterncloud', path: 'service' }).filter((r) => r.at >= since);
    assert.equal(lists.length, 1);
    // Sent beside the list, the probes would leave before its answer; they wait until the view has the rows.
    for (const probe of probes()) assert.ok(probe.at >= lists[0].doneAt!, `${probe.path} asked at ${probe.at}, the list answered at ${lists[0].doneAt}`);
    await wb.viewRows('Services').filter({ hasText: 'Other portal' }).first().waitFor({ timeout: 15_000 });
  });

  it('checks a sign-in without a toast, and offers Cancel in a notification only once the portal has taken a second', async () => {
    const wb = s.workbench;
    // Every notification and status bar text that appears is noted: a toast that comes and goes between two looks counts.
    await wb.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { cpSeen: string[] }).cpSeen = seen;
      const note = () => {
        for (const el of Array.from(document.querySelectorAll('.notification-toast, .statusbar-item'))) {
          const entry = `${el.classList.contains('notification-toast') ? 'toast' : 'status'}: ${(el.textContent ?? '').trim()}`;
          if (/Signing in/.test(entry) && !seen.includes(entry)) seen.push(entry);
        }
      };
      new MutationObserver(note).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const seen = () => wb.page.evaluate(() => (window as unknown as { cpSeen: string[] }).cpSeen);
    const checks = () => s.portal.received({ provider: 'elsecloud', path: 'details' }).filter((r) => r.status === 200).length;

    // The portal answers at once: no toast comes and goes (the status bar shows the check if it lasts 150 ms).
    const before = checks();
    await wb.runCommand('Cloud Portal: Add Account');
    await wb.pick('ElseCloud');
    await wb.type('demo@elsecloud.test', 'email');
    await wb.type('demo-password', 'Password for demo@elsecloud.test');
    await eventually(() => checks() === before + 1, 'the sign-in was checked');
    await wb.page.locator('.statusbar-item', { hasText: 'Signing in' }).waitFor({ state: 'detached', timeout: 10_000 });
    assert.deepEqual((await seen()).filter((t) => t.startsWith('toast') && t.includes('ElseCloud')), [], (await seen()).join(' | '));

    // The portal takes 3 s: after a second a notification offers Cancel, which stops the sign-in.
    s.portal.fault({ kind: 'latency', provider: 'elsecloud', path: '^details$', delayMs: 3_000, times: 1 });
    await wb.runCommand('Cloud Portal: Add Account');
    await wb.pick('ElseCloud');
    await wb.type('demo@elsecloud.test', 'email');
    await wb.type('demo-password', 'Password for demo@elsecloud.test');
    const toast = wb.page.locator('.notification-toast', { hasText: 'Signing in to ElseCloud…' });
    await toast.waitFor({ timeout: 10_000 });
    await toast.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await toast.waitFor({ state: 'detached', timeout: 10_000 });
    await wb.page.locator('.statusbar-item', { hasText: 'Signing in' }).waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await wb.quickInput().isVisible(), false, 'a cancelled sign-in asks nothing again');
    assert.equal(await wb.notifications().filter({ hasText: /fail|error/i }).count(), 0, 'a cancelled sign-in is no failure');
  });
});
