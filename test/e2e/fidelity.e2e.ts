import * as assert from 'node:assert/strict';
import { addMisleadingVps } from '../mock-portal/variants';
import { ELSE_DEMO, eventually, useWorkbench } from './harness/session';


describe('Fidelity: what real portals send, in a real VS Code', function () {
  this.timeout(120_000);
  const s = useWorkbench({ demoAccounts: ELSE_DEMO });

  it('a Services list with one entry it cannot read shows the others and one “could not be read” row', async () => {
    const wb = s.workbench;
    const services = s.portal.state('elsecloud').services;
    services.push({ ...services[0], id: '399', sparse: true, vms: [] });
    await wb.showOnly('Services');
    await wb.runCommand('Cloud Portal: Refresh All Views');
    await wb.row('Services', '1 service could not be read').waitFor({ timeout: 20_000 });
    const rows = await wb.rowTexts('Services');
    assert.ok(rows.some((r) => r.includes('Production')), rows.join(' | '));
    assert.ok(rows.some((r) => r.includes('Show Log')), rows.join(' | '));
    services.pop();
  });

  it('editing the second record of a domain whose portal sends no record ids changes exactly that record', async () => {
    const wb = s.workbench;
    const domain = s.portal.state('elsecloud').domains.find((d) => d.name === 'example.org')!;
    assert.equal(domain.omitRecordIds, true);
    await wb.showOnly('Domains');
    await wb.expand(wb.row('Domains', /^example\.org/), { view: 'Domains', text: 'www' });
    await wb.contextMenu(wb.row('Domains', /www.*CNAME/), 'Edit DNS Record…');
    await wb.pickExact('CNAME');
    await wb.type('www', 'name');
    await wb.type('cdn.example.net', 'content');
    await wb.row('Domains', /www.*cdn\.example\.net/).waitFor({ timeout: 15_000 });
    assert.deepEqual(s.portal.received({ method: 'PUT', path: /^domain\/48\/dns\// }).map((r) => r.path), ['domain/48/dns/2']);
    assert.deepEqual(
      domain.records.map((r) => `${r.name} ${r.type} ${r.content}`),
      ['@ A 203.0.113.80', 'www CNAME cdn.example.net', '@ MX mx.example.org', '@ TXT v=spf1 include:_spf.example-mail.net ~all'],
    );
  });

  it('a VPS whose name and category say “hosting” expands to its VMs (the portal’s /methods says so), and one is stopped', async () => {
    const wb = s.workbench;
    addMisleadingVps(s.portal.state('elsecloud'));
    await wb.showOnly('Services');
    await wb.runCommand('Cloud Portal: Refresh All Views');
    await wb.row('Services', 'Shop backend').waitFor({ timeout: 20_000 });
    await eventually(() => s.portal.received({ path: 'service/390/methods' }).length === 1, 'the portal was asked what the service offers');
    await wb.expand(wb.row('Services', 'Shop backend'), { view: 'Services', text: 'box-01' });
    await wb.contextMenu(wb.row('Services', 'box-01'), 'Stop VM…');
    await wb.dialog().waitFor();
    await wb.pressDialogButton('Stop VM');
    await wb.row('Services', /box-01.*stopped/).waitFor({ timeout: 30_000 });
    assert.deepEqual(s.portal.received({ path: /\/stop$/ }).map((r) => `${r.method} ${r.path}`), ['POST service/390/vms/1901/stop']);
  });
});
