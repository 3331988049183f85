import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VmAction } from '../../src/api/capabilities';
import { VmState } from '../../src/api/resources/vms';
import { contextValues } from '../../src/views/contextValues';

/**
 * The menus in package.json depend on the words of each row's `contextValue` through regular
 * expressions nothing else checks: a renamed word would silently empty a menu. Every menu entry must
 * match some value the code produces, and each row must get the entries it should.
 */
interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuEntry[]> } };
const rowMenus = ['view/item/context', 'view/item/inline'].flatMap((where) => (manifest.contributes.menus[where] ?? []).map((m) => ({ ...m, where })));

/** Evaluates the `when` forms the manifest uses: clauses joined by `&&`, each `key == value` or `key =~ /re/`. */
function holds(when: string | undefined, context: { view: string; viewItem: string }): boolean {
  if (!when) return true;
  return when.split('&&').every((clause) => {
    const m = /^\s*(view|viewItem)\s*(==|=~)\s*(.+?)\s*$/.exec(clause);
    assert.ok(m, `a when clause this test cannot read: “${clause}” (extend holds())`);
    const [, key, op, operand] = m;
    const value = context[key as 'view' | 'viewItem'];
    if (op === '==') return value === operand;
    const re = /^\/(.*)\/([a-z]*)$/.exec(operand);
    assert.ok(re, `not a regular expression: ${operand}`);
    return new RegExp(re[1], re[2]).test(value);
  });
}

const VM_STATES: VmState[] = ['running', 'stopped', 'rescue', 'suspended', 'transitional', 'unknown'];
const VM_ACTIONS: VmAction[] = ['start', 'stop', 'shutdown', 'reboot', 'reset', 'rescue', 'unrescue', 'rebuild'];
const STATUSES = ['Active', 'Pending', 'Suspended', 'Cancelled', 'Terminated', 'Fraud'];

/** Every value the code can produce, with the view its row is in. */
const produced: { view: string; viewItem: string }[] = [
  ...(['signedIn', 'signedOut', 'signInRequired'] as const).flatMap((s) =>
    ['cloudPortal.services', 'cloudPortal.domains', 'cloudPortal.certificates', 'cloudPortal.dnsZones', 'cloudPortal.tickets'].flatMap((view) => [false, true].map((none) => ({ view, viewItem: contextValues.account(s, none) }))),
  ),
  ...STATUSES.flatMap((s) => [false, true].map((pool) => ({ view: 'cloudPortal.services', viewItem: contextValues.service(s, pool) }))),
  ...VM_STATES.flatMap((state) => [false, true].flatMap((busy) => [false, true].flatMap((ip) => [false, true].map((outdated) => ({ view: 'cloudPortal.services', viewItem: contextValues.vm(state, busy, busy ? [] : VM_ACTIONS, ip, ip && outdated, busy ? [] : ip ? ['resize', 'destroy', 'rdns', 'network'] : ['resize', 'destroy', 'network']) }))))),
  ...[false, true].flatMap((on) => STATUSES.flatMap((s) => [undefined, false, true].map((locked) => ({ view: 'cloudPortal.domains', viewItem: contextValues.domain(on, s, locked) })))),
  ...[false, true].map((issued) => ({ view: 'cloudPortal.certificates', viewItem: contextValues.certificate(issued) })),
  ...[false, true].map((rdns) => ({ view: 'cloudPortal.services', viewItem: contextValues.address(rdns) })),
  ...(['domain', 'certificate', 'invoice', 'service'] as const).flatMap((kind) => [false, true].map((off) => ({ view: 'cloudPortal.attention', viewItem: contextValues.attention(kind, kind === 'domain' && off) }))),
  { view: 'cloudPortal.dnsZones', viewItem: contextValues.zone() },
  ...[false, true].flatMap((editable) =>
    [false, true].flatMap((address) => [
      { view: 'cloudPortal.dnsZones', viewItem: contextValues.record(true, editable, address) },
      { view: 'cloudPortal.domains', viewItem: contextValues.record(false, editable, address) },
    ]),
  ),
  { view: 'cloudPortal.tickets', viewItem: contextValues.ticketGroup() },
  ...[false, true].flatMap((closed) => [false, true].map((unread) => ({ view: 'cloudPortal.tickets', viewItem: contextValues.ticket(closed, unread) }))),
  ...(['info', 'error', 'signIn', 'more', 'unreadable'] as const).map((s) => ({ view: 'cloudPortal.services', viewItem: contextValues.message(s) })),
];

function commandsFor(context: { view: string; viewItem: string }): Set<string> {
  return new Set(rowMenus.filter((m) => holds(m.when, context)).map((m) => m.command));
}

describe('Row menus and the contextValues that feed them', () => {
  it('every row menu entry matches a value the code produces', () => {
    const dead = rowMenus.filter((m) => m.when?.includes('viewItem') && !produced.some((p) => holds(m.when, p)));
    assert.deepEqual(dead.map((m) => `${m.where} ${m.command}: ${m.when}`), []);
  });

  it('each row gets the entries it should, and not the ones it should not', () => {
    const expect = (context: { view: string; viewItem: string }, has: string[], lacks: string[] = []) => {
      const commands = commandsFor(context);
      for (const c of has) assert.ok(commands.has(c), `${context.viewItem} in ${context.view} lacks ${c}`);
      for (const c of lacks) assert.ok(!commands.has(c), `${context.viewItem} in ${context.view} offers ${c}`);
    };
    const services = 'cloudPortal.services';
    expect({ view: services, viewItem: contextValues.account('signedIn') }, ['cloudPortal.signOut', 'cloudPortal.refreshNode', 'cloudPortal.order.new'], ['cloudPortal.signIn']);
    expect({ view: services, viewItem: contextValues.account('signedOut') }, ['cloudPortal.signIn', 'cloudPortal.removeAccount'], ['cloudPortal.signOut', 'cloudPortal.refreshNode']);
    expect({ view: services, viewItem: contextValues.account('signInRequired') }, ['cloudPortal.signIn'], ['cloudPortal.signOut']);
    expect({ view: services, viewItem: contextValues.service('Active') }, ['cloudPortal.service.cancel', 'cloudPortal.service.rename', 'cloudPortal.showDetails', 'cloudPortal.copyId']);
    for (const status of ['Cancelled', 'Terminated', 'Fraud']) {
      expect({ view: services, viewItem: contextValues.service(status) }, ['cloudPortal.showDetails'], ['cloudPortal.service.cancel']);
    }
    // A VM row offers exactly the actions the code allows it, and Copy IP only with an address.
    for (const action of VM_ACTIONS) {
      const others = VM_ACTIONS.filter((a) => a !== action).map((a) => `cloudPortal.vm.${a}`);
      expect({ view: services, viewItem: contextValues.vm('running', false, [action], true) }, [`cloudPortal.vm.${action}`, 'cloudPortal.copyIp', 'cloudPortal.showDetails'], others);
    }
    expect({ view: services, viewItem: contextValues.vm('running', true, [], false) }, ['cloudPortal.showDetails'], [...VM_ACTIONS.map((a) => `cloudPortal.vm.${a}`), 'cloudPortal.copyIp']);
    // From a VM with an address to work on it (even while an action runs); none without an address.
    const ssh = ['cloudPortal.vm.openSshTerminal', 'cloudPortal.vm.openRemoteSsh', 'cloudPortal.vm.copySshCommand', 'cloudPortal.vm.addToSshConfig', 'cloudPortal.vm.removeFromSshConfig', 'cloudPortal.vm.forgetHostKey', 'cloudPortal.vm.changeSshSettings', 'cloudPortal.vm.pointDnsRecord'];
    expect({ view: services, viewItem: contextValues.vm('stopped', true, [], true) }, ssh);
    expect({ view: services, viewItem: contextValues.vm('running', false, VM_ACTIONS, false) }, [], ssh);
    // Cloud servers: Create VM on a pool, plan changes on an active service, resize/delete/reverse DNS where the provider has them.
    expect({ view: services, viewItem: contextValues.service('Active', true) }, ['cloudPortal.service.createVm', 'cloudPortal.service.upgrade']);
    expect({ view: services, viewItem: contextValues.service('Active', false) }, ['cloudPortal.service.upgrade'], ['cloudPortal.service.createVm']);
    expect({ view: services, viewItem: contextValues.service('Suspended', true) }, [], ['cloudPortal.service.createVm', 'cloudPortal.service.upgrade']);
    expect({ view: services, viewItem: contextValues.vm('running', false, [], true, false, ['resize', 'destroy', 'rdns', 'network']) }, ['cloudPortal.vm.resize', 'cloudPortal.vm.delete', 'cloudPortal.vm.editReverseDns', 'cloudPortal.vm.assignAddress', 'cloudPortal.vm.networkInterfaces']);
    expect({ view: services, viewItem: contextValues.vm('running', false, ['stop'], true, false, []) }, [], ['cloudPortal.vm.resize', 'cloudPortal.vm.delete', 'cloudPortal.vm.editReverseDns', 'cloudPortal.vm.assignAddress', 'cloudPortal.vm.networkInterfaces']);
    // Needs Attention: each row its action; Enable Autorenew only for a domain with autorenew off.
    const attention = 'cloudPortal.attention';
    expect({ view: attention, viewItem: contextValues.attention('domain', true) }, ['cloudPortal.attention.renew', 'cloudPortal.attention.enableAutorenew'], ['cloudPortal.attention.pay']);
    expect({ view: attention, viewItem: contextValues.attention('domain', false) }, ['cloudPortal.attention.renew'], ['cloudPortal.attention.enableAutorenew']);
    expect({ view: attention, viewItem: contextValues.attention('invoice') }, ['cloudPortal.attention.pay'], ['cloudPortal.attention.renew']);
    expect({ view: attention, viewItem: contextValues.attention('certificate') }, ['cloudPortal.certificate.open']);
    expect({ view: attention, viewItem: contextValues.attention('service') }, ['cloudPortal.attention.open']);
    // An address row: copy it; edit its reverse DNS where the provider has that.
    expect({ view: services, viewItem: contextValues.address(true) }, ['cloudPortal.copyIp', 'cloudPortal.vm.editReverseDns'], ['cloudPortal.vm.resize', 'cloudPortal.copyId']);
    expect({ view: services, viewItem: contextValues.address(false) }, ['cloudPortal.copyIp'], ['cloudPortal.vm.editReverseDns']);
    // An entry of ours with an old address offers its update; an up-to-date one does not.
    expect({ view: services, viewItem: contextValues.vm('running', false, [], true, true) }, ['cloudPortal.vm.updateSshConfig']);
    expect({ view: services, viewItem: contextValues.vm('running', false, [], true, false) }, [], ['cloudPortal.vm.updateSshConfig']);
    expect({ view: 'cloudPortal.dnsZones', viewItem: contextValues.record(true, true, true) }, ['cloudPortal.dns.goToVm']);
    expect({ view: 'cloudPortal.domains', viewItem: contextValues.record(false, true, true) }, ['cloudPortal.dns.goToVm']);
    expect({ view: 'cloudPortal.dnsZones', viewItem: contextValues.record(true, true, false) }, [], ['cloudPortal.dns.goToVm']);
    const domains = 'cloudPortal.domains';
    // Lock or Unlock: only the one that applies once the lock is known; both while it is not.
    expect({ view: domains, viewItem: contextValues.domain(true, 'Active', true) }, ['cloudPortal.domain.unlock'], ['cloudPortal.domain.lock']);
    expect({ view: domains, viewItem: contextValues.domain(true, 'Active', false) }, ['cloudPortal.domain.lock'], ['cloudPortal.domain.unlock']);
    expect({ view: domains, viewItem: contextValues.domain(true, 'Active') }, ['cloudPortal.domain.lock', 'cloudPortal.domain.unlock']);
    expect({ view: domains, viewItem: contextValues.domain(true, 'Active', true) }, ['cloudPortal.domain.editContacts', 'cloudPortal.domain.manageDnssec', 'cloudPortal.domain.emailForwarding', 'cloudPortal.domain.urlForwarding', 'cloudPortal.domain.idProtection', 'cloudPortal.domain.registerNameserver', 'cloudPortal.domain.sync']);
    // Affiliate Programme: offered until the portal says the account has none; the rest of its menu stays.
    expect({ view: services, viewItem: contextValues.account('signedIn') }, ['cloudPortal.account.affiliate']);
    expect({ view: services, viewItem: contextValues.account('signedIn', true) }, ['cloudPortal.signOut', 'cloudPortal.order.new', 'cloudPortal.account.editProfile'], ['cloudPortal.account.affiliate']);
    expect({ view: services, viewItem: contextValues.account('signedOut', true) }, ['cloudPortal.signIn'], ['cloudPortal.signOut', 'cloudPortal.account.affiliate']);
    // A certificate: open and save only once issued; details always; Order from the account row.
    const certificates = 'cloudPortal.certificates';
    expect({ view: certificates, viewItem: contextValues.certificate(true) }, ['cloudPortal.certificate.open', 'cloudPortal.certificate.save', 'cloudPortal.showDetails']);
    expect({ view: certificates, viewItem: contextValues.certificate(false) }, ['cloudPortal.showDetails'], ['cloudPortal.certificate.open', 'cloudPortal.certificate.save']);
    expect({ view: certificates, viewItem: contextValues.account('signedIn') }, ['cloudPortal.certificate.order', 'cloudPortal.account.editProfile', 'cloudPortal.account.contacts', 'cloudPortal.account.activityLog']);
    expect({ view: domains, viewItem: contextValues.domain(false, 'Active') }, ['cloudPortal.domain.enableAutorenew', 'cloudPortal.domain.editNameservers', 'cloudPortal.domain.renew', 'cloudPortal.dns.addRecord'], ['cloudPortal.domain.disableAutorenew']);
    expect({ view: domains, viewItem: contextValues.domain(true, 'Active') }, ['cloudPortal.domain.disableAutorenew'], ['cloudPortal.domain.enableAutorenew']);
    expect({ view: domains, viewItem: contextValues.account('signedIn') }, ['cloudPortal.domain.order'], ['cloudPortal.order.new']);
    expect({ view: domains, viewItem: contextValues.record(false, true) }, ['cloudPortal.dns.editRecord', 'cloudPortal.dns.deleteRecord']);
    expect({ view: 'cloudPortal.dnsZones', viewItem: contextValues.record(true, false) }, ['cloudPortal.copyId'], ['cloudPortal.dns.editRecord', 'cloudPortal.dns.deleteRecord']);
    expect({ view: 'cloudPortal.dnsZones', viewItem: contextValues.zone() }, ['cloudPortal.dns.deleteZone', 'cloudPortal.dns.addRecord', 'cloudPortal.dns.openZoneAsFile']);
    expect({ view: 'cloudPortal.dnsZones', viewItem: contextValues.account('signedIn') }, ['cloudPortal.dns.createZone']);
    const tickets = 'cloudPortal.tickets';
    expect({ view: tickets, viewItem: contextValues.ticket(false, true) }, ['cloudPortal.ticket.reply', 'cloudPortal.ticket.close', 'cloudPortal.ticket.open'], ['cloudPortal.ticket.reopen']);
    expect({ view: tickets, viewItem: contextValues.ticket(true, false) }, ['cloudPortal.ticket.reopen', 'cloudPortal.ticket.open'], ['cloudPortal.ticket.reply', 'cloudPortal.ticket.close']);
    expect({ view: tickets, viewItem: contextValues.account('signedIn') }, ['cloudPortal.ticket.new']);
    // Message rows act by their own click (Retry, Show All, Sign In Again), not through menus.
    for (const severity of ['info', 'error', 'signIn', 'more', 'unreadable'] as const) {
      assert.deepEqual([...commandsFor({ view: services, viewItem: contextValues.message(severity) })].filter((c) => rowMenus.find((m) => m.command === c)?.when?.includes('viewItem')), []);
    }
  });
});
