import * as assert from 'node:assert/strict';
import { ELSE_DEMO, eventually, useWorkbench } from './harness/session';

const DAY = 86_400_000;
const day = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

/**
 * Needs Attention in the real VS Code: a domain expiring in 5 days (autorenew off), a certificate in 10
 * and an unpaid invoice are rows with working actions, and they arrive as one summary notification.
 */
describe('Needs Attention in a real VS Code', function () {
  this.timeout(240_000);
  const s = useWorkbench({
    demoAccounts: ELSE_DEMO,
    settings: { 'cloudPortal.attention.days': 30 },
    // Before the extension looks: example.org expires in 5 days with autorenew off (the seed has the
    // certificate at 10 days and one unpaid invoice).
    portal: {
      seeded: (state) => {
        const domain = state.domains.find((d) => d.name === 'example.org');
        if (domain) domain.expires = day(5);
      },
    },
  });

  it('lists the domain, the certificate and the invoice; one summary notification, not one each', async () => {
    const wb = s.workbench;
    await wb.openCloudPortal();
    const view = (text: string | RegExp) => wb.viewRows('Needs Attention').filter({ hasText: text }).first();
    await view(/example\.org.*expires in [45] days, autorenew off/).waitFor({ timeout: 30_000 });
    await view(/shop\.example\.com.*certificate expires in 10 days/).waitFor();
    await view(/Invoice .*due/).waitFor();
    const summaries = wb.notifications().filter({ hasText: /things need attention/ });
    await summaries.first().waitFor({ timeout: 15_000 });
    assert.equal(await summaries.count(), 1);
    assert.equal(await wb.notifications().filter({ hasText: 'example.org: expires' }).count(), 0, 'no notification of its own');
  });

  it('each row’s action works: the certificate opens as PEM, autorenew is turned on, the invoice opens', async () => {
    const wb = s.workbench;
    const view = (text: string | RegExp) => wb.viewRows('Needs Attention').filter({ hasText: text }).first();
    await wb.contextMenu(view(/shop\.example\.com/), 'Open Certificate (PEM)');
    await wb.page.locator('.monaco-editor .view-lines', { hasText: '-----BEGIN CERTIFICATE-----' }).first().waitFor({ timeout: 15_000 });

    await wb.contextMenu(view(/example\.org/), 'Enable Autorenew');
    await eventually(() => s.portal.state('elsecloud').domains.find((d) => d.name === 'example.org')!.autorenew, 'autorenew is on');
    await view(/example\.org.*expires in [45] days$/).waitFor({ timeout: 15_000 });

    const invoice = s.portal.state('elsecloud').invoices.find((i) => i.status === 'Unpaid')!;
    await wb.contextMenu(view(/Invoice/), 'Open Invoice to Pay');
    await wb.webview().locator('body', { hasText: invoice.number }).first().waitFor({ timeout: 20_000 });
  });
});
