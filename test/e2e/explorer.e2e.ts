import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness/session';

const DEMO = [
  { providerId: 'elsecloud', username: 'demo@elsecloud.test', password: 'demo-password', authMode: 'basic', label: 'Else' },
  { providerId: 'alterncloud', username: 'demo@alterncloud.test', password: 'demo-password', authMode: 'jwt', label: 'Altern' },
];

describe('Resource explorer in a real VS Code', function () {
  this.timeout(120_000);
  const s = useWorkbench({ demoAccounts: DEMO });

  it('lists services under each account and VMs under a server', async () => {
    const wb = s.workbench;
    await wb.openCloudPortal();
    await wb.viewRows('Services').filter({ hasText: 'Production' }).first().waitFor({ timeout: 30_000 });
    await wb.viewRows('Services').filter({ hasText: 'Production' }).first().click();
    await wb.page.keyboard.press('ArrowRight');
    await wb.viewRows('Services').filter({ hasText: 'web-01' }).first().waitFor({ timeout: 15_000 });
    const rows = await wb.rowTexts('Services');
    assert.ok(rows.some((r) => /web-01.*running.*203\.0\.113\.10/.test(r)), rows.join('\n'));
    await wb.screenshot('services');
  });
});
