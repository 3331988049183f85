import { AccountState } from '../accounts/accountRegistry';
import { VmAction } from '../api/capabilities';
import { VmState } from '../api/resources/vms';
import { canRequestCancellation } from '../model/serviceFeatures';
import type { VmManagement } from '../model/vmActions';
import { MessageNode } from './nodes';

/**
 * The `contextValue` of every kind of row: the words the `view/item/context` and `view/item/inline`
 * menus in package.json match (`viewItem =~ /^vm\b.*\bcan-stop\b/`). One function per row kind, so
 * a menu's regular expression and the code that feeds it are read side by side; a unit test checks
 * that every menu matches a value produced here and that each row gets the menus it should.
 */
export const contextValues = {
  /** `noAffiliate`: the portal said the account has no affiliate programme (its entry is hidden). */
  account: (state: AccountState, noAffiliate = false) => `account.${state}${noAffiliate ? ' noAffiliate' : ''}`,
  /** `vmPool`: an active cloud-server service, whose pool new VMs are created in. */
  service: (status: string, hasVms = false) => `service status-${status.toLowerCase()}${canRequestCancellation(status) ? ' canCancel' : ''}${hasVms && /^active$/i.test(status) ? ' vmPool' : ''}`,
  /** `sshOutdated`: our SSH config entry for the VM names an address it no longer has. */
  vm: (state: VmState, busy: boolean, actions: readonly VmAction[], hasIp: boolean, sshOutdated = false, manage: readonly VmManagement[] = []) =>
    ['vm', `state-${busy ? 'busy' : state}`, ...actions.map((a) => `can-${a}`), ...manage.map((m) => `can-${m}`), hasIp ? 'hasIp' : '', sshOutdated ? 'sshOutdated' : ''].filter(Boolean).join(' '),
  /** A VM's address; `canRdns` where its reverse DNS can be edited. */
  address: (canRdns: boolean) => `address${canRdns ? ' can-rdns' : ''}`,
  /** `lock-on` / `lock-off` once the registrar lock is known (`lock-unknown` before): only the action that applies. */
  domain: (autorenew: boolean, status: string, locked?: boolean) =>
    `domain ${autorenew ? 'autorenew-on' : 'autorenew-off'} status-${status.toLowerCase()} ${locked === undefined ? 'lock-unknown' : locked ? 'lock-on' : 'lock-off'}`,
  /** `issued`: the portal has the certificate itself (it can be opened and saved). */
  certificate: (issued: boolean) => `certificate${issued ? ' issued' : ''}`,
  zone: () => 'zone',
  /** `address`: an A or AAAA record, whose content may be one of the user's VMs (Go to VM). */
  record: (inZone: boolean, editable: boolean, address = false) => `record ${inZone ? 'zoneRecord' : 'domainRecord'}${editable ? ' editable' : ''}${address ? ' address' : ''}`,
  ticketGroup: () => 'ticketGroup',
  ticket: (closed: boolean, unread: boolean) => `ticket ${closed ? 'closed' : 'open'}${unread ? ' unread' : ''}`,
  /** A Needs Attention row: its kind (the action it gets), and a domain whose autorenew is off. */
  attention: (kind: 'domain' | 'certificate' | 'invoice' | 'service', autorenewOff = false) => `attention kind-${kind}${autorenewOff ? ' autorenewOff' : ''}`,
  message: (severity: MessageNode['severity']) => `message ${severity}`,
};
