import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startSshServer, SshServer } from '../ssh/sshServer';
import { ELSE_DEMO, eventually, useWorkbench } from './harness/session';
import { Workbench } from './harness/workbench';

/**
 * From a VM row to a shell on it, with a real OpenSSH server on loopback standing in for the VM: the
 * mock portal's web-01 carries 127.0.0.1, the test's sshd listens on a free port with its own host key,
 * and Remote-SSH's `remote.SSH.configFile` names a config with the run's client key and known_hosts (ssh
 * reads the user's home from the password database, so the test cannot move ~/.ssh).
 */
describe('From a VM to work on it: SSH in a real VS Code with a real sshd', function () {
  this.timeout(240_000);
  let sshd: SshServer;
  before(async () => {
    sshd = await startSshServer();
  });
  after(async () => {
    await sshd?.stop();
  });
  const s = useWorkbench({
    demoAccounts: ELSE_DEMO,
    settings: () => ({ 'remote.SSH.configFile': sshd.clientConfig, 'terminal.integrated.gpuAcceleration': 'off', 'terminal.integrated.enablePersistentSessions': false }),
  });

  const marker = (n: number) => join(sshd.dir, `marker-${n}`);

  /** Waits for text in the visible terminal (the DOM renderer: GPU acceleration is off). */
  async function waitForTerminal(wb: Workbench, text: RegExp): Promise<void> {
    await wb.page.locator('.terminal-wrapper.active .xterm-rows', { hasText: text }).waitFor({ timeout: 30_000 });
  }

  /** Types into the terminal (it has focus once shown) and presses Enter. */
  async function typeInTerminal(wb: Workbench, line: string): Promise<void> {
    await wb.page.locator('.terminal-wrapper.active .xterm').click();
    await wb.page.keyboard.type(line);
    await wb.page.keyboard.press('Enter');
  }

  /** Logs in (accepting the host key after ssh's prompt), runs a command that leaves a marker on the "VM", exits. */
  async function shellLeavesMarker(wb: Workbench, n: number): Promise<void> {
    await waitForTerminal(wb, /continue connecting \(yes\/no/);
    await typeInTerminal(wb, 'yes');
    await typeInTerminal(wb, `touch ${marker(n)} && exit`);
    await eventually(() => existsSync(marker(n)), `the ssh session created ${marker(n)}`, 30_000);
    await terminalClosed(wb);
  }

  /** ssh exited and VS Code closed its terminal (the panel closing moves focus: the next step waits for it). */
  async function terminalClosed(wb: Workbench): Promise<void> {
    await wb.page.locator('.terminal-wrapper.active').waitFor({ state: 'detached', timeout: 30_000 });
    await wb.page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 30_000 });
  }

  it('Open SSH Terminal: asks user and port once, the terminal’s ssh session runs what is typed on the VM', async () => {
    const wb = s.workbench;
    const web = s.portal.state('elsecloud').services.find((x) => x.id === '301')!.vms.find((v) => v.id === '1001')!;
    web.ips = [{ ipaddress: '127.0.0.1', type: 'ipv4' }];
    await wb.showOnly('Services');
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'web-01' });
    await wb.contextMenu(wb.row('Services', 'web-01'), 'Open SSH Terminal');
    assert.equal(await wb.inputValue('User name'), 'root', 'the default user from cloudPortal.ssh.defaultUser');
    await wb.type(sshd.user, 'User name');
    assert.equal(await wb.inputValue('SSH port'), '22');
    await wb.type(String(sshd.port), 'SSH port');
    await waitForTerminal(wb, /continue connecting \(yes\/no/);
    await typeInTerminal(wb, 'yes');
    // The shell on the "VM" answers (and the README's screenshot shows it).
    await typeInTerminal(wb, 'echo "logged in as $(whoami), answer $((6*7))"');
    await waitForTerminal(wb, /answer 42/);
    await wb.screenshot('ssh-terminal');
    await typeInTerminal(wb, `touch ${marker(1)} && exit`);
    await eventually(() => existsSync(marker(1)), 'the ssh session created the marker', 30_000);
    await terminalClosed(wb);
    assert.match(readFileSync(sshd.knownHosts, 'utf8'), new RegExp(sshd.hostKey().split(' ')[1].replace(/[+/]/g, '\\$&')), 'the key accepted at the prompt is stored');
  });

  it('Copy SSH Command uses the remembered user and port without asking again', async () => {
    const wb = s.workbench;
    await wb.contextMenu(wb.row('Services', 'web-01'), 'Copy SSH Command');
    await wb.page.locator('.statusbar', { hasText: `Copied ssh -p ${sshd.port} ${sshd.user}@127.0.0.1` }).waitFor({ timeout: 10_000 });
  });

  it('after Rebuild: Forget Host Key removes the old key, and the new key is accepted after ssh’s prompt', async () => {
    const wb = s.workbench;
    const oldKey = sshd.hostKey().split(' ')[1];
    await wb.contextMenu(wb.row('Services', 'web-01'), 'Rebuild VM from Template…');
    await wb.pick('Ubuntu 24.04 LTS');
    await wb.pressDialogButton('Rebuild VM');
    await sshd.rebuild(); // the reinstalled "VM" comes back with a new host key
    const offer = wb.notifications().filter({ hasText: 'has a new SSH host key' }).first();
    await offer.waitFor({ timeout: 30_000 });
    await wb.page.locator('.notification-toast', { hasText: 'has a new SSH host key' }).locator('.monaco-button', { hasText: 'Forget Host Key' }).first().click();
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Forget the SSH host keys of “web-01”\?[\s\S]*\[127\.0\.0\.1\]:\d+[\s\S]*known_hosts/);
    await wb.pressDialogButton('Forget Host Keys');
    await wb.notifications().filter({ hasText: 'Removed 1 stored key(s) of “web-01”' }).first().waitFor({ timeout: 15_000 });
    assert.ok(!readFileSync(sshd.knownHosts, 'utf8').includes(oldKey), 'the old key is gone from known_hosts');

    await wb.contextMenu(wb.row('Services', 'web-01'), 'Open SSH Terminal');
    await shellLeavesMarker(wb, 2);
    assert.ok(readFileSync(sshd.knownHosts, 'utf8').includes(sshd.hostKey().split(' ')[1]), 'the new key is stored');
  });

  it('Add to SSH Config writes one Host entry in our block of Remote-SSH’s config file; a second run changes nothing', async () => {
    const wb = s.workbench;
    const before = readFileSync(sshd.clientConfig, 'utf8');
    const mode = statSync(sshd.clientConfig).mode & 0o777;
    await wb.contextMenu(wb.row('Services', 'web-01'), 'Add to SSH Config…');
    assert.equal(await wb.inputValue('Host alias'), 'web-01');
    await wb.page.keyboard.press('Enter');
    await wb.notifications().filter({ hasText: 'Host web-01 is in' }).first().waitFor({ timeout: 15_000 });
    const written = readFileSync(sshd.clientConfig, 'utf8');
    assert.match(written, new RegExp(`# >>> Cloud Portal[^\\n]*\\n# cloud-portal-vm [^\\n]+\\nHost web-01\\n    HostName 127\\.0\\.0\\.1\\n    User ${sshd.user}\\n    Port ${sshd.port}\\n# <<< Cloud Portal <<<\\n`));
    assert.ok(written.endsWith(before), 'the user’s lines are untouched (our block goes before the first Host)');
    assert.equal(statSync(sshd.clientConfig).mode & 0o777, mode, 'the file keeps its mode');
    const mtime = statSync(sshd.clientConfig).mtimeMs;

    await wb.contextMenu(wb.row('Services', 'web-01'), 'Add to SSH Config…');
    assert.equal(await wb.inputValue('Host alias'), 'web-01', 'the entry’s alias is proposed again');
    await wb.page.keyboard.press('Enter');
    await wb.notifications().filter({ hasText: 'nothing was written' }).first().waitFor({ timeout: 15_000 });
    assert.equal(readFileSync(sshd.clientConfig, 'utf8'), written);
    assert.equal(statSync(sshd.clientConfig).mtimeMs, mtime);
  });

  it('Open in Remote-SSH Window without Remote-SSH installed offers the SSH terminal instead', async () => {
    const wb = s.workbench;
    rmSync(marker(3), { force: true });
    await wb.contextMenu(wb.row('Services', 'web-01'), 'Open in Remote-SSH Window…');
    const offer = wb.notifications().filter({ hasText: 'Remote-SSH is not installed' }).first();
    await offer.waitFor({ timeout: 15_000 });
    await wb.page.locator('.notification-toast', { hasText: 'Remote-SSH is not installed' }).locator('.monaco-button', { hasText: 'Open SSH Terminal' }).first().click();
    await typeInTerminal(wb, `touch ${marker(3)} && exit`);
    await eventually(() => existsSync(marker(3)), 'the offered terminal reached the VM', 30_000);
    await terminalClosed(wb);
  });

  it('when the portal gives the VM another address, its row says the SSH config entry is old, and Update rewrites it', async () => {
    const wb = s.workbench;
    const web = s.portal.state('elsecloud').services.find((x) => x.id === '301')!.vms.find((v) => v.id === '1001')!;
    web.ips = [{ ipaddress: '127.0.0.2', type: 'ipv4' }];
    await wb.page.locator('.pane-header[aria-label^="Services"]').hover();
    await wb.page.locator('.pane-header[aria-label^="Services"] .action-label[aria-label="Refresh"]').click();
    const row = wb.row('Services', /web-01.*127\.0\.0\.2.*SSH config: old address/);
    await row.waitFor({ timeout: 20_000 });
    await wb.inlineAction(row, 'Update SSH Config Entry');
    assert.equal(await wb.inputValue('Host alias'), 'web-01');
    await wb.page.keyboard.press('Enter');
    // (The toast of the first Add may still be up: the file itself says when the update landed.)
    await eventually(() => /Host web-01\n {4}HostName 127\.0\.0\.2\n/.test(readFileSync(sshd.clientConfig, 'utf8')), 'the entry names the new address');
    assert.equal(readFileSync(sshd.clientConfig, 'utf8').match(/^Host web-01$/gm)?.length, 1, 'updated in place, not added twice');
    await wb.viewRows('Services').filter({ hasText: /web-01.*127\.0\.0\.2/ }).filter({ hasNotText: 'SSH config' }).first().waitFor({ timeout: 15_000 });
  });

  it('Point a DNS Record at This VM: the record form proposes the VM’s name and address; the portal gets exactly that record, in one request', async () => {
    const wb = s.workbench;
    const zone = () => s.portal.state('elsecloud').zones.find((z) => z.name === 'example.org')!;
    const before = zone().records.length;
    const posts = () => s.portal.received({ method: 'POST', path: /\/dns\/61\/records/ }).length;
    const postsBefore = posts();
    await wb.contextMenu(wb.row('Services', 'web-01'), 'Point a DNS Record at This VM…');
    // The zone example.org, not the registered domain of the same name (both are offered).
    await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'example.org' }).filter({ hasText: 'DNS zone' }).first().click();
    await wb.pickExact('A');
    assert.equal(await wb.inputValue('name'), 'web-01');
    await wb.page.keyboard.press('Enter');
    assert.equal(await wb.inputValue('content'), '127.0.0.2');
    await wb.page.keyboard.press('Enter');
    await wb.type('3600', 'TTL');
    await eventually(() => zone().records.length === before + 1, 'the record is on the portal');
    const added = zone().records.filter((r) => r.name === 'web-01');
    assert.deepEqual(added.map((r) => [r.type, r.content, r.ttl]), [['A', '127.0.0.2', 3600]]);
    assert.equal(posts() - postsBefore, 1, 'one request');

    // And back: from the record to the VM.
    await wb.showOnly('DNS Zones');
    await wb.expand(wb.row('DNS Zones', 'example.org'), { view: 'DNS Zones', text: /web-01/ });
    await wb.contextMenu(wb.row('DNS Zones', /web-01.*127\.0\.0\.2/), 'Go to VM');
    await wb.page.locator('.monaco-list-row.selected', { hasText: 'web-01' }).first().waitFor({ timeout: 20_000 });
  });

  it('a stopped VM is offered a start first; the connection goes on once the portal says it runs', async () => {
    const wb = s.workbench;
    const db = () => s.portal.state('elsecloud').services.find((x) => x.id === '301')!.vms.find((v) => v.id === '1002')!;
    assert.equal(db().status, 'stopped');
    await wb.contextMenu(wb.row('Services', 'db-01'), 'Open SSH Terminal');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /“db-01” is stopped\. Start it first\?/);
    await wb.pressDialogButton('Start VM');
    // Started and followed until it runs; then the connection asks which of its two addresses.
    await wb.waitForTitle('Connect to db-01');
    assert.equal(db().status, 'running');
    assert.equal(s.portal.received({ method: 'POST', path: 'service/301/vms/1002/start' }).length, 1);
    await wb.page.keyboard.press('Escape');
  });

  it('offline, the last-known address still opens an SSH terminal (nothing is asked of the portal)', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    s.portal.fault({ kind: 'reset' }); // every connection to the portal is dropped
    try {
      await wb.page.locator('.pane-header[aria-label^="Services"]').hover();
      await wb.page.locator('.pane-header[aria-label^="Services"] .action-label[aria-label="Refresh"]').click();
      await wb.row('Services', /Offline — showing what was loaded/).waitFor({ timeout: 60_000 });
      const requests = s.portal.received().length;
      await wb.contextMenu(wb.row('Services', 'web-01'), 'Open SSH Terminal');
      await shellLeavesMarker(wb, 4); // 127.0.0.2 is a new host to ssh: its key is accepted at the prompt
      assert.equal(s.portal.received().length, requests, 'the terminal did not need the portal');
    } finally {
      s.portal.faults.clear();
    }
  });

  it('removing the account offers to remove its Host entries from the SSH config', async () => {
    const wb = s.workbench;
    assert.ok(readFileSync(sshd.clientConfig, 'utf8').includes('Host web-01'));
    await wb.contextMenu(wb.viewRows('Services').filter({ hasText: 'ElseCloud' }).first(), 'Remove Account…');
    await wb.pressDialogButton('Remove Account');
    await wb.page.locator('.notification-toast', { hasText: 'Remove them too?' }).locator('.monaco-button', { hasText: 'Remove Hosts' }).first().click();
    await eventually(() => !readFileSync(sshd.clientConfig, 'utf8').includes('Cloud Portal'), 'our block is gone');
    assert.ok(readFileSync(sshd.clientConfig, 'utf8').startsWith('Host *\n'), 'the user’s own lines stay');
  });
});
