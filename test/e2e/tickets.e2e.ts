import * as assert from 'node:assert/strict';
import { ELSE_DEMO, eventually, useWorkbench } from './harness/session';

const ticket = (s: ReturnType<typeof useWorkbench>, number: string) => s.portal.state('elsecloud').tickets.find((t) => t.number === number)!;

describe('Support tickets in the editor', function () {
  this.timeout(120_000);
  const s = useWorkbench({ demoAccounts: ELSE_DEMO, settings: { 'cloudPortal.requestTimeoutSeconds': 5, 'cloudPortal.tickets.pollMinutes': 0 } });

  async function typeInDraft(text: string, tab: string): Promise<void> {
    const wb = s.workbench;
    await wb.page.locator(`.tab[aria-label*="${tab}"]`).first().waitFor({ timeout: 15_000 });
    await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await wb.page.keyboard.press('ControlOrMeta+A');
    await wb.page.keyboard.type(text);
  }

  it('lists tickets by status, newest first, unread ones marked; closed collapsed', async () => {
    const wb = s.workbench;
    await wb.showOnly('Tickets');
    await wb.row('Tickets', 'VPS web-01 unreachable').waitFor({ timeout: 30_000 });
    const rows = await wb.rowTexts('Tickets');
    const order = ['Open', 'Customer-Reply', 'Answered', 'Closed'].map((g) => rows.findIndex((r) => r.startsWith(g)));
    assert.ok(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1])), rows.join('\n'));
    assert.ok(rows.some((r) => /VPS web-01 unreachable.*new reply.*#736633/.test(r)), rows.join('\n'));
    assert.ok(!rows.some((r) => r.includes('raise the IPv4 limit')), 'closed tickets start collapsed');
    const badge = wb.page.locator('.activitybar [aria-label^="Cloud Portal"] .badge-content').first();
    await badge.waitFor({ timeout: 15_000 });
    assert.equal((await badge.innerText()).trim(), '1', 'the badge counts the unread ticket');
    await wb.screenshot('tickets');
  });

  it('shows a ticket whose subject and body carry <script> and <img onerror> as text, under a strict CSP', async () => {
    const wb = s.workbench;
    const dialogs: string[] = [];
    wb.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await wb.clickRow(wb.row('Tickets', 'shows the wrong VAT'));
    const page = wb.webview();
    await page.locator('h1').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('h1').innerText(), 'Invoice <b>2026/11/3</b> shows the wrong VAT <script>alert("xss")</script>');
    assert.match(await page.locator('.message .body').first().innerText(), /<img src=x onerror="alert\(1\)"> <a href="javascript:alert\(2\)">click<\/a>/);
    assert.equal(await page.locator('#app img, #app a, #app b').count(), 0, 'no element was made from ticket text');
    const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => `${e.getAttribute('src') ?? ''} ${e.textContent ?? ''}`));
    assert.ok(scripts.every((text) => !text.includes('alert(')), 'no script came from ticket text');
    // Markup made from ticket text would have run while the page rendered (no element was made from it).
    assert.deepEqual(dialogs, [], 'nothing in the ticket ran');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /default-src 'none'/);
    assert.match(csp ?? '', /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.doesNotMatch(csp ?? '', /unsafe-inline|unsafe-eval/);
    await wb.screenshot('ticket-xss-as-text');
  });

  it('replies in a Markdown editor with Ctrl+Enter; the thread shows the reply', async () => {
    const wb = s.workbench;
    await wb.clickRow(wb.row('Tickets', 'VPS web-01 unreachable'));
    const page = wb.webview();
    await page.locator('h1', { hasText: 'VPS web-01 unreachable' }).waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('.message.staff').count(), 2);
    await page.locator('vscode-button', { hasText: 'Reply' }).click();
    await typeInDraft('Thanks! **GRUB_DEFAULT=saved** works.', 'Reply to #736633');
    await wb.page.keyboard.press('ControlOrMeta+Enter');
    await wb.webview().locator('.message.client .body', { hasText: 'GRUB_DEFAULT=saved' }).waitFor({ timeout: 20_000 });
    assert.equal(ticket(s, '736633').replies.at(-1)!.body, 'Thanks! **GRUB_DEFAULT=saved** works.');
    await wb.page.locator('.tab[aria-label*="Reply to #736633"]').first().waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('a reply the portal refuses, or that times out, keeps its draft and is not sent again', async () => {
    const wb = s.workbench;
    s.portal.fault({ kind: 'errorBody', method: 'POST', path: '^tickets/736710$', message: 'Ticket is locked', times: 1 });
    await wb.clickRow(wb.row('Tickets', 'DNS zone transfer'));
    await wb.webview().locator('h1', { hasText: 'DNS zone transfer' }).waitFor({ timeout: 20_000 });
    await wb.webview().locator('vscode-button', { hasText: 'Reply' }).click();
    await typeInDraft('Please also allow 198.51.100.54.', 'Reply to #736710');
    await wb.page.keyboard.press('ControlOrMeta+Enter');
    await wb.notifications().filter({ hasText: 'Reply not sent: Ticket is locked Your draft is kept.' }).first().waitFor({ timeout: 15_000 });
    const editorText = (await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    assert.match(editorText, /Please also allow 198\.51\.100\.54\./);
    assert.equal(s.portal.received({ method: 'POST', path: 'tickets/736710' }).length, 1);

    s.portal.fault({ kind: 'hang', method: 'POST', path: '^tickets/736710$', times: 1 });
    await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await wb.page.keyboard.press('ControlOrMeta+Enter');
    await wb.notifications().filter({ hasText: 'did not answer within 5 s' }).first().waitFor({ timeout: 20_000 });
    assert.equal(s.portal.received({ method: 'POST', path: 'tickets/736710' }).length, 2, 'one request per Send, none repeated');
    assert.equal(ticket(s, '736710').replies.length, 2, 'nothing was added on the portal');
    assert.match(await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText(), /198\.51\.100\.54/);
  });

  it('keeps an unsent draft across a window reload', async () => {
    const wb = s.workbench;
    await wb.reloadWindow();
    await wb.page.locator('.tab[aria-label*="Reply to #736710"]').first().click({ timeout: 30_000 });
    await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: '198.51.100.54' }).first().waitFor({ timeout: 20_000 });
  });

  it('opens a new ticket from the palette with the body written in the editor', async () => {
    const wb = s.workbench;
    await wb.runCommand('Cloud Portal: New Support Ticket…');
    await wb.pick('Billing');
    await wb.type('Please resend invoice 2026/10/1', 'subject');
    await typeInDraft('The PDF link in the email is broken.', 'New ticket');
    await wb.page.keyboard.press('ControlOrMeta+Enter');
    await wb.webview().locator('h1', { hasText: 'Please resend invoice 2026/10/1' }).waitFor({ timeout: 20_000 });
    const created = s.portal.state('elsecloud').tickets[0];
    assert.deepEqual([created.subject, created.dept_id, created.body], ['Please resend invoice 2026/10/1', '2', 'The PDF link in the email is broken.']);
  });

  it('opens a ticket about a service from its row: name and id go into the message', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    await wb.contextMenu(wb.row('Services', 'Production'), 'New Support Ticket…');
    await wb.pick('Technical Support');
    assert.equal(await wb.inputValue('subject'), 'About Production');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.tab[aria-label*="New ticket"]').first().waitFor({ timeout: 15_000 });
    await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await wb.page.keyboard.press('ControlOrMeta+End');
    await wb.page.keyboard.type('Disk is almost full.');
    await wb.page.keyboard.press('ControlOrMeta+Enter');
    await wb.webview().locator('h1', { hasText: 'About Production' }).waitFor({ timeout: 20_000 });
    const created = s.portal.state('elsecloud').tickets[0];
    assert.match(created.body, /Service: Production — Cloud VPS L \(service #301\)/);
    assert.match(created.body, /Disk is almost full\./);
    await wb.showOnly('Tickets');
  });

  it('closes and reopens a ticket from the conversation', async () => {
    const wb = s.workbench;
    const created = s.portal.state('elsecloud').tickets[0];
    await wb.webview().locator('vscode-button', { hasText: 'Close Ticket' }).click();
    await wb.webview().locator('.status', { hasText: /^Closed$/ }).waitFor({ timeout: 15_000 });
    assert.equal(ticket(s, created.number).status, 'Closed');
    await wb.webview().locator('vscode-button', { hasText: 'Reopen Ticket' }).click();
    await wb.webview().locator('.status', { hasText: /^Open$/ }).waitFor({ timeout: 15_000 });
    assert.equal(ticket(s, created.number).status, 'Open');
  });
});

describe('Ticket notifications and attachments', function () {
  this.timeout(150_000);
  const s = useWorkbench({ demoAccounts: ELSE_DEMO, settings: { 'cloudPortal.tickets.pollMinutes': 0.5 } });

  it('downloads an attachment and opens it in the editor', async () => {
    const wb = s.workbench;
    await wb.showOnly('Tickets');
    await wb.row('Tickets', 'VPS web-01 unreachable').click({ timeout: 30_000 });
    await wb.webview().locator('.attachments .link', { hasText: 'console.log' }).click({ timeout: 20_000 });
    await wb.page.locator('.tab[aria-label*="console.log"]').first().waitFor({ timeout: 20_000 });
    await wb.page.locator('.editor-group-container .monaco-editor .view-lines', { hasText: 'Kernel panic' }).first().waitFor({ timeout: 10_000 });
  });

  it('notices a new staff reply by polling the list, and the notification opens the ticket', async () => {
    const wb = s.workbench;
    const before = s.portal.received({ path: /^tickets\/\d+$/ }).length;
    const t = s.portal.state('elsecloud').tickets.find((x) => x.number === '736710')!;
    // The list the Tickets view loaded is what the next poll compares with; then staff answers.
    await eventually(() => s.portal.received({ path: 'tickets' }).length > 0, 'the ticket list was loaded');
    t.replies.push({ id: '999', name: 'Mira (ElseCloud Support)', date: '2026-11-22 21:00:00', body: 'AXFR is allowed now.', type: 'Admin', attachments: [] });
    t.status = 'Answered';
    t.client_read = false;
    const toast = wb.page.locator('.notification-toast', { hasText: 'New reply on ticket #736710' }).first();
    await toast.waitFor({ timeout: 60_000 });
    assert.equal(s.portal.received({ path: /^tickets\/\d+$/ }).length, before, 'polling asks only for the list, not every ticket');
    await toast.locator('.monaco-button', { hasText: 'Open' }).click();
    await wb.webview().locator('.message.staff .body', { hasText: 'AXFR is allowed now.' }).waitFor({ timeout: 20_000 });
  });

  it('closes a ticket from the Tickets view context menu', async () => {
    const wb = s.workbench;
    await wb.showOnly('Tickets');
    await wb.contextMenu(wb.row('Tickets', 'DNS zone transfer'), 'Close Ticket');
    await eventually(() => s.portal.state('elsecloud').tickets.find((x) => x.number === '736710')!.status === 'Closed', 'the ticket is closed on the portal');
    await wb.expand(wb.row('Tickets', /^Closed/), { view: 'Tickets', text: 'DNS zone transfer' });
  });
});
