import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { filesUnder } from './harness/files';
import { eventually, useWorkbench } from './harness/session';
import { trustedFetch } from '../pki/trustedFetch';

const PASSWORD = 'demo-password';
const ELSE = 'demo@elsecloud.test';

describe('Secrets stay in SecretStorage', function () {
  this.timeout(240_000);
  // Trace logging: every request the extension makes is written to its log, headers included.
  // Accounts are added through the UI, as a user does (the demo-account variable would put the
  // password in code-server's own trace log of the environment).
  const s = useWorkbench({ logLevel: 'trace', settings: { 'cloudPortal.tickets.pollMinutes': 0 } });

  it('after signing in and using every feature, no password or token is in settings, state, logs, webviews or messages; every webview is under the strict CSP', async () => {
    const wb = s.workbench;
    await wb.openCloudPortal();
    await wb.runCommand('Cloud Portal: Add Account');
    await wb.pick('ElseCloud');
    await wb.type(ELSE, 'email');
    await wb.type(PASSWORD, `Password for ${ELSE}`);
    await wb.viewRows('Services').filter({ hasText: ELSE }).first().waitFor({ timeout: 20_000 });
    await wb.runCommand('Cloud Portal: Add Account');
    await wb.pick('ALTERNcloud');
    await wb.type('demo@alterncloud.test', 'email');
    await wb.pick('Token (JWT)');
    await wb.type(PASSWORD, 'Password for demo@alterncloud.test');
    // Only Services open: with six views in the side bar, the second account's row may be below a short pane.
    await wb.showOnly('Services');
    await wb.viewRows('Services').filter({ hasText: 'demo@alterncloud.test' }).first().waitFor({ timeout: 20_000 });
    // What must not appear anywhere: the password, the Basic credentials, every token issued so far.
    const secrets = () => {
      const tokens = s.portal.auth.issued;
      return [PASSWORD, Buffer.from(`demo@elsecloud.test:${PASSWORD}`).toString('base64'), ...tokens, ...tokens.map((t) => t.split('.')[2])];
    };
    const leaks: string[] = [];
    const scan = (where: string, text: string) => {
      for (const secret of secrets()) if (text.includes(secret)) leaks.push(`${where} holds ${secret.slice(0, 12)}…: ${text.slice(Math.max(0, text.indexOf(secret) - 150), text.indexOf(secret) + 40).replace(/\s+/g, ' ')}`);
    };
    // Hidden webviews are discarded, so each page is scanned while it is on screen.
    let webviews = 0;
    const scanWebviews = async (what: string) => {
      for (const frame of wb.page.frames()) {
        const html = await frame.content().catch(() => '');
        if (html.includes('Content-Security-Policy') && html.includes('<main id="app"')) {
          webviews++;
          scan(`${what} webview`, html);
          // And every page is under the strict policy: nothing but our nonce'd script runs.
          const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
          assert.match(csp, /default-src 'none'/, `${what}: ${csp}`);
          assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'(;|$)/, `${what}: ${csp}`);
          assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${what}: ${csp}`);
        }
      }
    };

    // The order form with a quote.
    await wb.runCommand('Cloud Portal: New Order…');
    await wb.pick(ELSE);
    await wb.waitForTitle(`New Order (${ELSE})`);
    await wb.pick('Cloud Servers');
    await wb.waitForTitle(`New Order (${ELSE}): Cloud Servers`);
    await wb.pick('Cloud VPS S');
    await wb.webview().locator('.totals dd.total').waitFor({ timeout: 20_000 });
    await scanWebviews('order form');
    // Views and a VM's details.
    await wb.showOnly('Services');
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'db-01' });
    await wb.contextMenu(wb.row('Services', 'db-01'), 'Show Details');
    await wb.webview().locator('h1', { hasText: 'db-01' }).waitFor({ timeout: 20_000 });
    await scanWebviews('VM details');
    // A ticket conversation.
    await wb.showOnly('Tickets');
    await wb.clickRow(wb.row('Tickets', 'VPS web-01 unreachable').first());
    await wb.webview().locator('h1', { hasText: 'VPS web-01 unreachable' }).waitFor({ timeout: 20_000 });
    await scanWebviews('ticket');
    // An invoice, from the status bar.
    await wb.page.locator('.statusbar-item', { hasText: `${ELSE}:` }).first().click();
    await wb.pick('2026/11/3');
    await wb.webview().locator('h1', { hasText: 'Invoice 2026/11/3' }).waitFor({ timeout: 20_000 });
    await scanWebviews('invoice');
    // A zone as a file.
    await wb.showOnly('DNS Zones');
    await wb.contextMenu(wb.row('DNS Zones', /^example\.com/), 'Open Zone as File');
    await wb.page.locator('.tab[aria-label*="example.com.zone"]').first().waitFor({ timeout: 20_000 });
    // Renewed tokens: every JWT access token expires; the next loads refresh them.
    await trustedFetch(`${s.portal.url}/__mock/expire-tokens`, { method: 'POST' });
    await wb.runCommand('Cloud Portal: Refresh All Views');
    await eventually(() => s.portal.received({ path: 'token' }).some((r) => r.status === 200), 'a token was refreshed', 30_000);
    // An error message carrying the portal's words.
    s.portal.fault({ kind: 'errorBody', method: 'POST', path: 'label$', message: 'Labels are locked', times: 1 });
    await wb.showOnly('Services');
    await wb.contextMenu(wb.row('Services', 'examplename.com'), 'Change Service Label…');
    await wb.type('Shop', 'Label for Starter Hosting');
    await wb.notifications().filter({ hasText: 'Labels are locked' }).first().waitFor({ timeout: 15_000 });

    // Settings, globalState and workspace state (SQLite files hold text as it is), and every log.
    const files = filesUnder(s.server.userDataDir);
    for (const file of files) scan(file.slice(s.server.userDataDir.length), readFileSync(file).toString('latin1'));
    const ourLog = files.find((f) => f.endsWith('Cloud Portal.log'));
    assert.ok(ourLog, 'the extension log was written');
    const log = readFileSync(ourLog, 'utf8');
    assert.match(log, /→ GET \/elsecloud\/api\/service .*"authorization":"Basic <redacted>"/i, `requests are logged, with the Authorization header redacted:\n${log.slice(0, 1500)}`);
    assert.match(log, /"authorization":"Bearer <redacted>"/i);
    assert.ok(files.some((f) => /User[\\/]settings\.json$/.test(f)), 'settings were scanned');

    // In the web workbench, globalState and workspace state live in the browser's IndexedDB (and
    // some in localStorage); SecretStorage keeps its (encrypted) entries there too, under `secret://` keys.
    const browserState = await wb.page.evaluate(async () => {
      const rows: { where: string; key: string; value: string }[] = [];
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(info.name!);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const entries = await new Promise<[IDBValidKey[], unknown[]]>((resolve, reject) => {
            const tx = db.transaction(store, 'readonly');
            const keys = tx.objectStore(store).getAllKeys();
            const values = tx.objectStore(store).getAll();
            tx.oncomplete = () => resolve([keys.result, values.result]);
            tx.onerror = () => reject(tx.error);
          });
          entries[0].forEach((key, i) => {
            const value = entries[1][i];
            const text = typeof value === 'string' ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : JSON.stringify(value);
            rows.push({ where: `${info.name}/${store}`, key: String(key), value: text ?? '' });
          });
        }
        db.close();
      }
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i)!;
        rows.push({ where: 'localStorage', key, value: localStorage.getItem(key) ?? '' });
      }
      return rows;
    });
    const ours = browserState.filter((r) => r.value.includes('cloudPortal') || r.key.includes('cloud-portal'));
    assert.ok(ours.length > 0, `our globalState was found in the browser: ${[...new Set(browserState.map((r) => r.where))].join(', ')}`);
    for (const row of browserState.filter((r) => !r.key.startsWith('secret://'))) scan(`${row.where} ${row.key}`, `${row.key}\n${row.value}`);

    assert.ok(s.portal.auth.issued.length >= 4, `JWT sign-in and refresh issued tokens (${s.portal.auth.issued.length})`);
    assert.ok(webviews >= 4, `every webview was scanned (${webviews})`);

    // Messages shown to the user.
    await wb.runCommand('Notifications: Show Notifications');
    scan('notifications', (await wb.page.locator('.notifications-center').innerText().catch(() => '')) + (await wb.notifications().allInnerTexts()).join('\n'));

    assert.deepEqual(leaks, []);
  });
});
