import * as assert from 'node:assert/strict';
import { TestProxy } from '../proxy/testProxy';
import { eventually, useWorkbench } from './harness/session';

// The portal's host name resolves only inside the proxy: the extension host cannot reach it
// directly, as on a corporate network whose only way out is the proxy in `http.proxy`.
const HOST = 'elsecloud.portal.test';

describe('Networks in a real VS Code: an HTTPS portal behind a forward proxy', function () {
  this.timeout(180_000);
  const proxy = new TestProxy({ hosts: { [HOST]: '127.0.0.1' } });
  before(() => proxy.start());
  after(() => proxy.stop());
  const s = useWorkbench({ portal: { publicHost: HOST }, settings: () => ({ 'http.proxy': proxy.url }) });

  it('signs in through the UI, loads Services and stops a VM, every request through the proxy tunnel', async () => {
    const wb = s.workbench;
    assert.match(s.portal.apiRoot('elsecloud'), /^https:\/\/elsecloud\.portal\.test:\d+\//);
    await wb.openCloudPortal();
    await wb.runCommand('Cloud Portal: Add Account');
    await wb.pick('ElseCloud');
    await wb.type('demo@elsecloud.test', 'email');
    await wb.type('demo-password', 'Password for demo@elsecloud.test');
    await wb.showOnly('Services');
    await wb.row('Services', 'Production').waitFor({ timeout: 30_000 });
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'web-01' });
    await wb.contextMenu(wb.row('Services', 'web-01'), 'Stop VM…');
    await wb.dialog().waitFor();
    await wb.pressDialogButton('Stop VM');
    await wb.row('Services', /web-01.*stopped/).waitFor({ timeout: 30_000 });
    await eventually(() => s.portal.received({ path: /vms\/1001\/stop$/ }).length > 0, 'the portal saw the stop');

    assert.deepEqual(s.portal.received({ path: /\/stop$/ }).map((r) => `${r.method} ${r.path}`), ['POST service/301/vms/1001/stop'], 'one stop');
    const tunnels = proxy.tunnels();
    const port = new URL(s.portal.url).port;
    assert.ok(tunnels.length >= 1, 'the proxy opened tunnels');
    assert.ok(tunnels.every((t) => t.request === `CONNECT ${HOST}:${port}`), tunnels.map((t) => t.request).join(', '));
    assert.equal(s.portal.connectionsOpened, tunnels.length, 'every connection the portal accepted came through the proxy');
    assert.ok(tunnels.length < s.portal.requests.length, `kept alive: ${tunnels.length} tunnels for ${s.portal.requests.length} requests`);
  });
});
