import { AccountRegistry } from '../../src/accounts/accountRegistry';
import { PortalModel } from '../../src/model/portalModel';
import { TreeNode } from '../../src/views/nodes';
import { accountHas, accountNodeFor, ViewSpec } from '../../src/views/viewSpecs';

/** Expands a view completely the way the tree does, concurrently per level; collects every node. */
export async function collectAll(registry: AccountRegistry, model: PortalModel, spec: ViewSpec, failures: string[] = []): Promise<TreeNode[]> {
  const out: TreeNode[] = [];
  const walk = async (node: TreeNode): Promise<void> => {
    let children: TreeNode[];
    try {
      children = (await spec.children?.(model, node)) ?? [];
    } catch (e) {
      failures.push(String(e));
      return;
    }
    out.push(...children);
    // A VM's address rows are opened by the user, one VM at a time: not part of expanding a view.
    await Promise.all(children.filter((c) => (c.kind !== 'service' || c.hasVms) && c.kind !== 'vm').map(walk));
  };
  const accounts = registry.list().filter((a) => !spec.requires || accountHas(a, spec.requires));
  await Promise.all(accounts.map((a) => walk(accountNodeFor(spec, a.record.id))));
  return out;
}
