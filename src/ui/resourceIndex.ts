import { TreeNode } from '../views/nodes';
import { accountHas, accountNodeFor, childrenOrLastKnown, ViewSpec } from '../views/viewSpecs';
import { Ctx } from '../ctx';

/**
 * Walks views below their accounts through the model (cached, de-duplicated), collecting the
 * nodes `wanted` keeps. Siblings load concurrently; the per-account connection pool bounds how many
 * requests are in flight. Branches that fail are skipped and reported in `failures`.
 */
export async function collectNodes(
  services: Ctx,
  specs: ViewSpec[],
  options: { wanted: (node: TreeNode) => boolean; descend: (node: TreeNode) => boolean },
): Promise<{ nodes: TreeNode[]; failures: string[] }> {
  const nodes: TreeNode[] = [];
  const failures: string[] = [];
  const walk = async (spec: ViewSpec, node: TreeNode): Promise<void> => {
    if (!spec.children) {
      return;
    }
    let children: TreeNode[];
    try {
      // Offline, what was last loaded is found too (Go to Resource, Copy IP from the palette).
      children = await childrenOrLastKnown(spec, services.model, node);
    } catch (e) {
      failures.push(e instanceof Error ? e.message : String(e));
      return;
    }
    await Promise.all(
      children.map(async (child) => {
        if (options.wanted(child)) {
          nodes.push(child);
        }
        if (options.descend(child)) {
          await walk(spec, child);
        }
      }),
    );
  };
  const accounts = services.registry.list().filter((a) => a.state === 'signedIn');
  await Promise.all(
    specs.flatMap((spec) =>
      accounts
        .filter((a) => !spec.requires || accountHas(a, spec.requires))
        .map((a) => walk(spec, accountNodeFor(spec, a.record.id))),
    ),
  );
  return { nodes, failures };
}
