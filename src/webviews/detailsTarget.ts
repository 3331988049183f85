import { keys } from '../model/cacheKeys';
import { TreeNode } from '../views/nodes';
import { DetailsTarget } from './protocol';

/** What a details panel shows, for a tree row that has details. */
export function detailsTargetOf(node: TreeNode): DetailsTarget | undefined {
  switch (node.kind) {
    case 'vm':
      return { kind: 'vm', accountId: node.accountId, serviceId: node.serviceId, vmId: node.vmId };
    case 'service':
      return { kind: 'service', accountId: node.accountId, serviceId: node.serviceId };
    case 'domain':
      return { kind: 'domain', accountId: node.accountId, domainId: node.domainId };
    case 'certificate':
      return { kind: 'certificate', accountId: node.accountId, certificateId: node.certificateId };
    default:
      return undefined;
  }
}

/** The cache key of what a details panel shows (also the panel's identity). */
export function detailsKey(t: DetailsTarget): string {
  switch (t.kind) {
    case 'vm':
      return keys.vm(t);
    case 'service':
      return keys.serviceDetails(t);
    case 'domain':
      return keys.domainDetails(t);
    case 'certificate':
      return keys.certificateDetails(t.accountId, t.certificateId);
  }
}
