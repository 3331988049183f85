import * as assert from 'node:assert/strict';
import * as v from 'valibot';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DnsRecordSchema } from '../../src/api/resources/dnsRecord';
import { parseZone, printZone, recordKey } from '../../src/zones/zoneFile';
import { ELSE_DEMO, eventually, useWorkbench } from './harness/session';


describe('DNS zones as files', function () {
  this.timeout(180_000);
  const s = useWorkbench({ demoAccounts: ELSE_DEMO, settings: { 'cloudPortal.tickets.pollMinutes': 0 } });
  const zoneState = () => s.portal.state('elsecloud').zones.find((z) => z.id === '60')!;
  /** The portal's records as the client reads them (SRV arrays normalised and so on). */
  const portalRecords = () => zoneState().records.map((r) => v.parse(DnsRecordSchema, r));
  const editor = () => s.workbench.page.locator('.editor-group-container.active .monaco-editor').first();

  async function replaceEditorText(text: string): Promise<void> {
    const wb = s.workbench;
    await editor().locator('.view-lines').click();
    await wb.page.keyboard.press('ControlOrMeta+A');
    // insertText is one input event, like a paste: no auto-closed quotes or brackets.
    await wb.page.keyboard.insertText(text);
  }

  it('opens a zone as a BIND zone file, highlighted, from the zone\'s context menu', async () => {
    const wb = s.workbench;
    await wb.showOnly('DNS Zones');
    await wb.row('DNS Zones', /^example\.com/).waitFor({ timeout: 30_000 });
    await wb.contextMenu(wb.row('DNS Zones', /^example\.com/), 'Open Zone as File');
    await wb.page.locator('.tab[aria-label*="example.com.zone"]').first().waitFor({ timeout: 20_000 });
    await editor().locator('.view-line', { hasText: '$ORIGIN example.com.' }).waitFor({ timeout: 15_000 });
    // SRV as priority weight port target, with a relative target.
    await editor().locator('.view-line', { hasText: /_sip\._tcp\s+IN\s+SRV\s+10\s5\s5060\ssip/ }).waitFor({ timeout: 10_000 });
    await wb.page.locator('.statusbar-item', { hasText: 'DNS Zone File' }).first().waitFor({ timeout: 10_000 });
    // Highlighting: the record types get their own token colour class.
    const typeTokens = await editor().locator('.view-line span', { hasText: /^CNAME$/ }).first().getAttribute('class');
    const nameTokens = await editor().locator('.view-line span', { hasText: /^www$/ }).first().getAttribute('class');
    assert.notEqual(typeTokens, nameTokens, 'types and names are coloured differently');
    await wb.screenshot('zone-file');
  });

  it('marks a line that fails the record rules, and refuses to save it without sending anything', async () => {
    const wb = s.workbench;
    const text = printZone(portalRecords(), 'example.com').concat('bad IN A 300.1.1.1\n');
    await replaceEditorText(text);
    await editor().locator('.squiggly-error').first().waitFor({ timeout: 15_000 });
    await wb.page.keyboard.press('ControlOrMeta+S');
    await wb.notifications().filter({ hasText: /Not saved: 1 problem to fix first \(line \d+: Enter an IPv4 address/ }).first().waitFor({ timeout: 15_000 });
    assert.deepEqual(s.portal.received().filter((r) => r.method !== 'GET'), []);
  });

  it('edit, save, review the changes in a modal, apply: the portal ends up with the file\'s records', async () => {
    const wb = s.workbench;
    const before = portalRecords();
    const edited = printZone(before, 'example.com')
      .replace(/^www .*$/m, 'www 300 IN CNAME app.example.net.')
      .replace(/^.*CAA.*\n/m, '')
      .concat('api 600 IN A 203.0.113.77\n');
    await replaceEditorText(edited);
    await wb.page.keyboard.press('ControlOrMeta+S');
    await wb.dialog().waitFor({ timeout: 15_000 });
    const review = await wb.dialog().innerText();
    assert.match(review, /Apply 1 addition, 1 change, 1 deletion to “example\.com” on “Else”\?/);
    assert.match(review, /− delete @ 3600 CAA 0 issue "letsencrypt\.org"/);
    assert.match(review, /1 record will be DELETED/);
    await wb.screenshot('zone-review');
    await wb.pressDialogButton('Apply 3 Changes');
    await wb.notifications().filter({ hasText: 'Applied 1 addition, 1 change, 1 deletion to example.com.' }).first().waitFor({ timeout: 20_000 });
    const wanted = parseZone(edited, 'example.com').records.map((r) => recordKey(r.record, 'example.com', 3600)).sort();
    await eventually(() => JSON.stringify(portalRecords().map((r) => recordKey(r, 'example.com', 3600)).sort()) === JSON.stringify(wanted), 'the portal holds the file\'s records');
    assert.equal(s.portal.received({ method: 'POST', path: /records$/ }).length, 1);
    assert.equal(s.portal.received({ method: 'PUT', path: /records\/\d+$/ }).length, 1);
    assert.equal(s.portal.received({ method: 'DELETE', path: /records\/\d+$/ }).length, 1);
    await wb.page.locator('.tab.dirty[aria-label*="example.com.zone"]').waitFor({ state: 'detached', timeout: 10_000 });
    // The tree shows the new record.
    await wb.expand(wb.row('DNS Zones', /^example\.com/), { view: 'DNS Zones', text: /api.*203\.0\.113\.77/ });
  });

  it('a change made on the portal meanwhile is noticed at save; reviewing against it sends only what the file changes', async () => {
    const wb = s.workbench;
    const text = printZone(portalRecords(), 'example.com');
    await replaceEditorText(text.concat('ftp IN CNAME @\n'));
    zoneState().records.push({ id: '4242', name: 'remote', type: 'A', ttl: 3600, priority: 0, content: '198.51.100.9' });
    const mark = s.portal.requests.length;
    await wb.page.keyboard.press('ControlOrMeta+S');
    await wb.dialog().filter({ hasText: '“example.com” changed on the portal since you opened it.' }).waitFor({ timeout: 15_000 });
    await wb.pressDialogButton('Review Against Portal');
    await wb.dialog().filter({ hasText: 'Apply 1 addition, 1 deletion to “example.com”' }).waitFor({ timeout: 15_000 });
    await wb.pressDialogButton('Cancel');
    await wb.notifications().filter({ hasText: 'Not saved: nothing was sent to the portal.' }).first().waitFor({ timeout: 15_000 });
    assert.deepEqual(s.portal.requests.slice(mark).filter((r) => r.method !== 'GET'), []);
    assert.ok(zoneState().records.some((r) => r.id === '4242'), 'the remote record is untouched');
  });

  it('exports a zone to a .zone file, and imports an edited file through the same review', async () => {
    const wb = s.workbench;
    const file = join(s.server.folder, 'example.org.zone');
    await wb.contextMenu(wb.row('DNS Zones', /^example\.org/), 'Export Zone…');
    // The web workbench's file dialog is a quick input holding the suggested path.
    await wb.quickInput().waitFor({ state: 'visible', timeout: 15_000 });
    const input = wb.quickInput().locator('input').first();
    const deadline = Date.now() + 10_000;
    while (!(await input.inputValue()).endsWith('example.org.zone') && Date.now() < deadline) await wb.page.waitForTimeout(100);
    assert.equal(await input.inputValue(), file, 'the suggested file is the zone\'s name in the workspace');
    await wb.page.keyboard.press('Enter');
    await wb.notifications().filter({ hasText: /Exported \d+ records of example\.org/ }).first().waitFor({ timeout: 15_000 });
    const exported = readFileSync(file, 'utf8');
    assert.match(exported, /^\$ORIGIN example\.org\.$/m);

    writeFileSync(file, exported.replace(/^www .*$/m, 'www 3600 IN A 203.0.113.200').concat('new-host 900 IN AAAA 2001:db8::200\n'));
    const mark = s.portal.requests.length;
    await wb.contextMenu(wb.row('DNS Zones', /^example\.org/), 'Import Zone…');
    // Choosing the file in the dialog's list opens it.
    await wb.pick('example.org.zone');
    await wb.dialog().filter({ hasText: 'Apply 2 additions, 1 deletion to “example.org” on “Else”?' }).waitFor({ timeout: 15_000 });
    await wb.pressDialogButton('Apply 3 Changes');
    await wb.notifications().filter({ hasText: 'Imported into example.org: 2 additions, 1 deletion.' }).first().waitFor({ timeout: 15_000 });
    const records = s.portal.state('elsecloud').zones.find((z) => z.id === '61')!.records;
    assert.ok(records.some((r) => r.name === 'new-host' && r.type === 'AAAA' && r.ttl === 900));
    assert.ok(records.some((r) => r.name === 'www' && r.type === 'A' && r.content === '203.0.113.200'));
    assert.ok(!records.some((r) => r.name === 'www' && r.type === 'CNAME'), 'a record whose type changed is replaced');
    assert.deepEqual(s.portal.requests.slice(mark).filter((r) => r.method !== 'GET').map((r) => r.method), ['POST', 'POST', 'DELETE']);
  });
});
