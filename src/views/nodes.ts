import { DnsRecord } from '../api/resources/dnsRecord';
import { Domain } from '../api/resources/domains';
import { Certificate } from '../api/resources/certificates';
import { Service } from '../api/resources/services';
import { TicketSummary } from '../api/resources/tickets';

/**
 * What a tree row is: plain data, no I/O and no vscode types. Providers map nodes to TreeItems;
 * the model loads children. Every node has a stable `id` (view/account/kind/ids) so expansion and
 * selection survive refreshes, and a `parent` so rows can be revealed.
 */
interface NodeBase {
  id: string;
  accountId: string;
  parent?: TreeNode;
}

export interface AccountNode extends NodeBase {
  kind: 'account';
}

export interface ServiceNode extends NodeBase {
  kind: 'service';
  serviceId: string;
  service: Service;
  hasVms: boolean;
}

/** A VM row reads the VM's latest state from the model when drawn, so only ids are kept. */
export interface VmNode extends NodeBase {
  kind: 'vm';
  serviceId: string;
  vmId: string;
}

/** One address of a VM, with its reverse DNS name when the portal has one. */
export interface AddressNode extends NodeBase {
  kind: 'address';
  serviceId: string;
  vmId: string;
  address: string;
  ptr: string;
}

export interface DomainNode extends NodeBase {
  kind: 'domain';
  domainId: string;
  domain: Domain;
}

/** An SSL certificate (its service) of an account whose portal sells them. */
export interface CertificateNode extends NodeBase {
  kind: 'certificate';
  certificateId: string;
  certificate: Certificate;
}

export interface ZoneNode extends NodeBase {
  kind: 'zone';
  serviceId: string;
  zoneId: string;
  name: string;
}

/** A DNS record in a zone (`zoneId` set, addressed by id) or on a registered domain (by index). */
export interface RecordNode extends NodeBase {
  kind: 'record';
  record: DnsRecord;
  /** The zone or domain name, for labels and confirmations. */
  origin: string;
  zone?: { serviceId: string; zoneId: string };
  domainId?: string;
}

/** Tickets of one status under an account. */
export interface TicketGroupNode extends NodeBase {
  kind: 'ticketGroup';
  status: string;
  count: number;
}

export interface TicketNode extends NodeBase {
  kind: 'ticket';
  number: string;
  ticket: TicketSummary;
}

/**
 * A row that explains an empty list, a failure (with Retry), an ended session (with Sign In), a
 * long list's first page (Show All) or entries the portal sent in a shape we cannot read (Show Log).
 */
export interface MessageNode extends NodeBase {
  kind: 'message';
  text: string;
  severity: 'info' | 'error' | 'signIn' | 'more' | 'unreadable';
  detail?: string;
}

export type TreeNode = AccountNode | ServiceNode | VmNode | AddressNode | DomainNode | CertificateNode | ZoneNode | RecordNode | TicketGroupNode | TicketNode | MessageNode;

export function childId(parent: TreeNode | undefined, viewId: string, accountId: string, part: string): string {
  return `${parent ? parent.id : `${viewId}/${accountId}`}/${part}`;
}
