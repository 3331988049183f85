// The window's floor for the gestures the bench times: a tree view shaped like Cloud Portal's Services
// view (accounts that open into 300 service rows) whose only work is a timer standing in for each portal
// request. What a gesture takes here is what VS Code and the window take for it, whatever an extension
// does; the bench puts it beside Cloud Portal's figure for the same gesture.
const vscode = require('vscode');
const fs = require('fs');

const LATENCY_MS = Number(process.env.WINDOW_FLOOR_LATENCY_MS || 50);
const ROWS = 300;
const { Collapsed, Expanded } = vscode.TreeItemCollapsibleState;

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

exports.activate = function activate(context) {
  let round = 0;
  /** Signed-in accounts' rows: a list in flight after a sign-in; at once after a reload (as from a snapshot). */
  const lists = new Map();
  const changed = new vscode.EventEmitter();
  const signedIn = () => context.globalState.get('signedIn', []);

  const account = (id, expanded) => ({
    id,
    item: Object.assign(new vscode.TreeItem(`account-${id}`, expanded ? Expanded : Collapsed), {
      id,
      description: 'Window Floor',
      iconPath: new vscode.ThemeIcon('account'),
      contextValue: 'account',
    }),
  });
  const rows = (accountId) =>
    Array.from({ length: ROWS }, (_, i) => ({
      item: Object.assign(new vscode.TreeItem(`s${i}.bulk.example${i === 0 ? ` r${round}` : ''}`, Collapsed), {
        id: `${accountId}/${i}`,
        description: 'Cloud VPS S · Active · due 2027-01-01',
        iconPath: new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('charts.green')),
        contextValue: 'service',
      }),
    }));

  const provider = {
    onDidChangeTreeData: changed.event,
    getTreeItem: (node) => node.item,
    async getChildren(node) {
      if (!node) {
        // "waiting": its rows after one request; "instant": its rows at once; then the signed-in ones, open.
        return [account('waiting', false), account('instant', false), ...signedIn().map((id) => account(id, true))];
      }
      if (!node.id) return [];
      if (node.id === 'waiting') await wait(LATENCY_MS);
      else if (node.id !== 'instant') await lists.get(node.id);
      return rows(node.id);
    },
  };

  const signIn = () => {
    const box = vscode.window.createInputBox();
    box.title = 'Password';
    box.password = true;
    box.onDidAccept(async () => {
      box.hide();
      await wait(LATENCY_MS); // the credentials checked
      const id = `signed-${Date.now()}`;
      lists.set(id, wait(LATENCY_MS)); // the list asked for at once, the account shown beside it
      // Kept for the reload (in memory at once, stored by the window meanwhile).
      void context.globalState.update('signedIn', [...signedIn(), id]);
      changed.fire();
    });
    box.onDidHide(() => box.dispose());
    box.show();
  };

  context.subscriptions.push(
    vscode.window.createTreeView('windowFloor.tree', { treeDataProvider: provider }),
    vscode.commands.registerCommand('windowFloor.signIn', signIn),
    vscode.commands.registerCommand('windowFloor.signOut', () => {
      void context.globalState.update('signedIn', []);
      changed.fire();
    }),
    vscode.commands.registerCommand('windowFloor.refresh', () => {
      round++;
      changed.fire();
    }),
  );
  // When activate() ended, for the reload figure.
  if (process.env.WINDOW_FLOOR_MARKS) fs.appendFileSync(process.env.WINDOW_FLOOR_MARKS, `${Date.now()}\n`);
};

exports.deactivate = function deactivate() {};
