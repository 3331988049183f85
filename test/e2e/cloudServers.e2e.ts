import * as assert from 'node:assert/strict';
import { ELSE_DEMO, eventually, useWorkbench } from './harness/session';

/**
 * A cloud-server service's pool from the tree: create a VM within what is left (the form refuses more
 * before anything is sent), resize it, set its reverse DNS and the matching forward record, grow the plan,
 * delete the VM after typing its name. The mock portal's log shows one request per change.
 */
describe('Cloud servers in a real VS Code: create, resize, reverse DNS, plan, delete', function () {
  this.timeout(240_000);
  const s = useWorkbench({ demoAccounts: ELSE_DEMO });
  const production = () => s.portal.state('elsecloud').services.find((x) => x.id === '301')!;
  const sent = (method: string, path: RegExp) => s.portal.received({ method, path }).length;

  it('creates a VM within the pool: one GB more disk than is left is refused without a request; it appears and settles', async () => {
    const wb = s.workbench;
    await wb.showOnly('Services');
    await wb.expand(wb.row('Services', 'Production'), { view: 'Services', text: 'web-01' });
    const before = sent('POST', /^service\/301\/vms$/);
    await wb.contextMenu(wb.row('Services', 'Production'), 'Create VM…');
    await wb.type('web-02', 'Host name');
    await wb.pick('Debian 12');
    await wb.type('1', 'CPU cores');
    await wb.type('1024', 'Memory in MB');
    // The plan has 320 GB of disk, its two VMs use 120: 200 are left.
    assert.match(await wb.typeAndReadValidation('201', /Only 200 GB/, 'Disk in GB'), /Only 200 GB of disk is left in this plan/);
    await wb.screenshot('create-vm');
    await wb.page.keyboard.press('Enter'); // refused: the form stays
    assert.equal(sent('POST', /^service\/301\/vms$/), before, 'nothing was sent');
    await wb.type('20', 'Create VM in Production'); // the same box, showing the refusal instead of its prompt
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Create the VM “web-02” in “Production”\?[\s\S]*1 CPU cores, 1024 MB memory, 20 GB disk/);
    await wb.pressDialogButton('Create VM');
    await wb.row('Services', /web-02.*running/).waitFor({ timeout: 30_000 });
    assert.equal(sent('POST', /^service\/301\/vms$/) - before, 1, 'one request');
    assert.deepEqual(production().vms.filter((v) => v.label === 'web-02').map((v) => [v.cpu, v.memory, v.disk]), [[1, 1024, 20]]);
  });

  it('resizes the running VM after stopping it (the modal says so): one stop, one resize', async () => {
    const wb = s.workbench;
    await wb.contextMenu(wb.row('Services', 'web-02'), 'Resize VM…');
    await wb.type('2', 'CPU cores');
    await wb.type('2048', 'Memory in MB');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /“web-02” is running\. Stop it and resize it to 2 CPU cores and 2048 MB memory\?/);
    await wb.pressDialogButton('Stop VM and Resize');
    const vm = () => production().vms.find((v) => v.label === 'web-02')!;
    await eventually(() => vm().memory === 2048, 'the portal resized the VM', 30_000);
    assert.equal(vm().cpu, 2);
    assert.equal(sent('PUT', new RegExp(`^service/301/vms/${vm().id}$`)), 1);
    assert.equal(sent('POST', new RegExp(`^service/301/vms/${vm().id}/stop$`)), 1);
  });

  it('lists the VM’s addresses as rows; sets the reverse DNS of one and creates the forward A record from the offer', async () => {
    const wb = s.workbench;
    const vm = production().vms.find((v) => v.label === 'web-02')!;
    const address = vm.ips[0].ipaddress;
    await wb.expand(wb.row('Services', 'web-02'), { view: 'Services', text: address });
    await wb.contextMenu(wb.row('Services', address), 'Copy IP Address');
    await wb.page.locator('.statusbar', { hasText: `Copied ${address}` }).waitFor({ timeout: 10_000 });
    await wb.contextMenu(wb.row('Services', address), 'Edit Reverse DNS…');
    await wb.type('web-02.example.com', 'Reverse DNS');
    const offer = wb.page.locator('.notification-toast', { hasText: 'has no A record in the zone example.com' });
    await offer.first().waitFor({ timeout: 15_000 });
    assert.equal(vm.ips[0].rdns, 'web-02.example.com');
    await wb.row('Services', new RegExp(`${address.replace(/\./g, '\\.')}.*web-02\\.example\\.com`)).waitFor({ timeout: 15_000 });
    assert.equal(sent('POST', /^service\/301\/rdns$/), 1);
    const recordsBefore = sent('POST', /^service\/303\/dns\/60\/records$/);
    await offer.locator('.monaco-button', { hasText: 'Create A Record' }).first().click();
    const zone = () => s.portal.state('elsecloud').zones.find((z) => z.name === 'example.com')!;
    await eventually(() => zone().records.some((r) => r.name === 'web-02'), 'the forward record is on the portal');
    assert.deepEqual(zone().records.filter((r) => r.name === 'web-02').map((r) => [r.type, r.content]), [['A', address]]);
    assert.equal(sent('POST', /^service\/303\/dns\/60\/records$/) - recordsBefore, 1);
  });

  it('assigns an address from the IP pool (modal, one request): it appears under the VM', async () => {
    const wb = s.workbench;
    const vm = production().vms.find((v) => v.label === 'web-02')!;
    await wb.contextMenu(wb.row('Services', 'web-02'), 'Assign Address from IP Pool…');
    await wb.pick('IPv4');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Assign a new IPv4 address from “Public AMS1” to “web-02”\?/);
    await wb.pressDialogButton('Assign Address');
    await wb.row('Services', '192.0.2.201').waitFor({ timeout: 15_000 });
    assert.equal(sent('POST', new RegExp(`^service/301/vms/${vm.id}/ippool/1$`)), 1);
  });

  it('adds a network interface, turns its firewall off and removes it, each confirmed and sent once', async () => {
    const wb = s.workbench;
    const vm = () => production().vms.find((v) => v.label === 'web-01')!;
    await wb.contextMenu(wb.row('Services', 'web-01'), 'Network Interfaces…');
    await wb.pick('Add Network Interface');
    await wb.pressDialogButton('Add Interface');
    await eventually(() => vm().interfaces.length === 2, 'the interface was added');
    await wb.contextMenu(wb.row('Services', 'web-01'), 'Network Interfaces…');
    await wb.pick('net1');
    await wb.pick('Turn Firewall Off');
    await eventually(() => vm().interfaces[1].firewall === 0, 'the firewall is off');
    await wb.contextMenu(wb.row('Services', 'web-01'), 'Network Interfaces…');
    await wb.pick('net1');
    await wb.pick('Remove Interface');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Remove the network interface net1 \(52:54:00:ab:cd:01\) from “web-01”\?/);
    await wb.pressDialogButton('Remove Interface');
    await eventually(() => vm().interfaces.length === 1, 'the interface was removed');
    assert.deepEqual([sent('POST', /^service\/301\/vms\/1001\/interfaces$/), sent('PUT', /^service\/301\/vms\/1001\/interfaces\/1$/), sent('DELETE', /^service\/301\/vms\/1001\/interfaces\/1$/)], [1, 1, 1]);
  });

  it('grows the plan: the portal’s estimate in the modal, one request for the change, the pool is bigger', async () => {
    const wb = s.workbench;
    const requests = () => s.portal.received({ method: 'POST', path: /^service\/301\/upgrade$/ });
    await wb.contextMenu(wb.row('Services', 'Production'), 'Upgrade or Downgrade Plan…');
    await wb.pick('Memory pool');
    await wb.pick('16 GB');
    await wb.dialog().waitFor();
    assert.match(await wb.dialog().innerText(), /Change Memory pool of “Production” from 8 GB to 16 GB\?[\s\S]*12\.00/);
    const estimates = requests().length;
    await wb.pressDialogButton('Request Change');
    await wb.notifications().filter({ hasText: 'Change requested' }).first().waitFor({ timeout: 15_000 });
    assert.equal(requests().length - estimates, 1, 'the change was sent once');
    assert.equal(production().pool!.memory, 16384);

  });

  it('deletes the VM after its name is typed: one request, the row goes', async () => {
    const wb = s.workbench;
    const vm = production().vms.find((v) => v.label === 'web-02')!;
    await wb.contextMenu(wb.row('Services', 'web-02'), 'Delete VM…');
    assert.match(await wb.typeAndReadValidation('web-0', /Type web-02 exactly/, 'Delete web-02'), /Type web-02 exactly/);
    await wb.type('web-02', 'Delete web-02');
    await wb.row('Services', 'web-02').waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(sent('DELETE', new RegExp(`^service/301/vms/${vm.id}$`)), 1);
    assert.ok(!production().vms.some((v) => v.label === 'web-02'));
  });

  it('the next Create VM offers the bigger pool the plan change made', async () => {
    const wb = s.workbench;
    await wb.contextMenu(wb.row('Services', 'Production'), 'Create VM…');
    await wb.type('web-03', 'Host name');
    await wb.pick('Debian 12');
    await wb.type('1', 'CPU cores');
    // web-01 and db-01 use 6144 MB of the 16384 the plan now has.
    await wb.waitForTitle('6144 MB used of 16384, 10240 left');
    await wb.page.keyboard.press('Escape');
    assert.ok(!production().vms.some((v) => v.label === 'web-03'), 'nothing was created');
  });

  it('a service without VMs opens into its own addresses (GET /service/@id/ip), each with Copy', async () => {
    const wb = s.workbench;
    await wb.expand(wb.row('Services', 'examplename.com'), { view: 'Services', text: '198.51.100.20' });
    await wb.contextMenu(wb.row('Services', '198.51.100.20'), 'Copy IP Address');
    await wb.page.locator('.statusbar', { hasText: 'Copied 198.51.100.20' }).waitFor({ timeout: 10_000 });
    assert.equal(sent('GET', /^service\/302\/ip$/), 1);
  });
});
