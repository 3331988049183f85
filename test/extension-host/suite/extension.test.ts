// Extension-host tests: they run inside VS Code (code-server here, or @vscode/test-electron) and see
// Cloud Portal only through the `vscode` API and the mock portal it talks to, as another extension
// or a user would. CLOUD_PORTAL_MOCK_URL names the mock portal; one demo account is signed in.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { mockControl } from '../mockControl';

const EXTENSION_ID = 'cloud-portal.cloud-portal';
const MOCK = process.env.CLOUD_PORTAL_MOCK_URL ?? '';

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  provider: string;
  /** Which TCP connection carried it (numbered as the portal accepted them). */
  connection: number;
}

async function portalRequests(): Promise<LoggedRequest[]> {
  return (await mockControl<{ requests: LoggedRequest[] }>(`${MOCK}/__mock/requests`)).requests;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Enter on the quick pick that is open. No API shows another extension what a quick pick lists, but
 * VS Code's Enter takes only an item that is there: while the pick still waits for its items it does
 * nothing. So Enter is pressed until `taken` says it took, checked before each press: the next pick
 * cannot be entered early, since its items come from the very request `taken` looks for.
 */
async function enterUntil(what: string, taken: () => Promise<boolean>): Promise<void> {
  await until(what, async () => {
    if (await taken()) return true;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return false;
  });
}

const received = (method: string, path: string | RegExp) => async () =>
  (await portalRequests()).filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));

function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

describe('Cloud Portal in the extension host', () => {
  const extension = () => vscode.extensions.getExtension(EXTENSION_ID)!;

  it('is installed and activates lazily: not at start-up, but on its first command', async () => {
    assert.ok(extension(), `${EXTENSION_ID} is installed`);
    assert.equal(extension().isActive, false, 'nothing activated Cloud Portal at start-up');
    await vscode.commands.executeCommand('cloudPortal.services.refresh');
    assert.equal(extension().isActive, true);
    assert.equal(extension().exports, undefined, 'no API is exported to other extensions');
  });

  it('registers every command it contributes', async () => {
    const contributed: string[] = extension().packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
    assert.ok(contributed.length > 40);
  });

  it('contributes its settings under cloudPortal with their documented defaults', () => {
    const properties: Record<string, { default: unknown }> = extension().packageJSON.contributes.configuration.properties;
    const config = vscode.workspace.getConfiguration();
    for (const [key, schema] of Object.entries(properties)) {
      assert.ok(key.startsWith('cloudPortal.'), key);
      assert.deepEqual(config.inspect(key)?.defaultValue, schema.default, key);
    }
  });

  it('signs the demo account in and loads the Services view through the portal client when the view opens', async () => {
    await until('the demo account is signed in', async () => (await received('GET', 'details')()).some((r) => r.status === 200));
    await vscode.commands.executeCommand('workbench.view.extension.cloudPortal');
    let asked = Date.now();
    const lists = await until('the Services view asked for the services', async () => {
      const found = await received('GET', 'service')();
      if (found.length === 0 && Date.now() - asked > 5_000) {
        // The container can open with the Services pane collapsed (a layout restored from an earlier
        // window); focusing the view itself expands it, as a user's click on it would.
        await vscode.commands.executeCommand('cloudPortal.services.focus');
        asked = Date.now();
      }
      return found.length > 0 && found;
    });
    assert.ok(lists.every((r) => r.status === 200));
  });

  it('follows a connection setting changed while it runs: the next requests keep to the new number of connections', async () => {
    const setting = vscode.workspace.getConfiguration('cloudPortal');
    await setting.update('maxConcurrentRequestsPerAccount', 1, vscode.ConfigurationTarget.Global);
    try {
      const before = (await portalRequests()).length;
      // Go to Resource reads every service's VMs at once: with 6 connections they go over several.
      const picking = vscode.commands.executeCommand('cloudPortal.goToResource');
      const vmLists = await until('Go to Resource read two VM lists', async () => {
        const lists = (await portalRequests()).slice(before).filter((r) => /^service\/[^/]+\/vms$/.test(r.path) && r.status === 200);
        return lists.length >= 2 && lists;
      });
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await picking;
      // (Background requests sent before the change may still finish on the old connections: only the lists count.)
      const connections = [...new Set(vmLists.map((r) => r.connection))];
      assert.equal(connections.length, 1, `${vmLists.length} VM lists read after the change went over connections ${connections.join(', ')}`);
    } finally {
      await setting.update('maxConcurrentRequestsPerAccount', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('New Order: the palette flow opens the chosen product\'s order form, which asks the portal for a quote', async () => {
    const before = (await received('POST', 'quote')()).length;
    const products = received('GET', /^category\/\d+\/product$/);
    const productForms = received('GET', /^order\/\d+$/);
    const [productsBefore, formsBefore] = [(await products()).length, (await productForms()).length];
    const running = vscode.commands.executeCommand('cloudPortal.order.new');
    await enterUntil('the first category was taken: its products were read', async () => (await products()).length > productsBefore);
    await enterUntil('the first product was taken: its order form asked for the product', async () => (await productForms()).length > formsBefore);
    await running;
    const tab = await until('an order form tab is open', () => webviewTabs('cloudPortal.order')[0]);
    await until('the form asked for a quote', async () => (await received('POST', 'quote')()).length > before);
    await until('the tab is titled by the product', () => /^Order: /.test(tab.label) || /^Order: /.test(webviewTabs('cloudPortal.order')[0]?.label ?? ''));
    await vscode.window.tabGroups.close(webviewTabs('cloudPortal.order'));
  });

  it('keeps secrets out of settings', async () => {
    const everything = JSON.stringify(vscode.workspace.getConfiguration('cloudPortal'));
    assert.doesNotMatch(everything, /demo-password|Basic |Bearer |eyJ/);
  });
});
