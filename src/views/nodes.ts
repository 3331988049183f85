/**
 * What a tree row is: plain data, no I/O and no vscode types. Providers map nodes to TreeItems;
 * the model loads children. Every node carries a stable `id` so expansion and selection survive
 * refreshes.
 */
export interface AccountNode {
  kind: 'account';
  id: string;
  accountId: string;
}

/** A row that explains an empty list, a failure (with Retry) or an ended session (with Sign In). */
export interface MessageNode {
  kind: 'message';
  id: string;
  accountId: string;
  text: string;
  severity: 'info' | 'error' | 'signIn';
  detail?: string;
  /** The node whose children failed to load; Retry reloads it. */
  parent?: TreeNode;
}

export type TreeNode = AccountNode | MessageNode;

export function accountNode(viewId: string, accountId: string): AccountNode {
  return { kind: 'account', id: `${viewId}/${accountId}`, accountId };
}
