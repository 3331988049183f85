// Go to Resource…: every service, VM, domain, zone and record the views can show, in one quick pick;
// a domain name that is not among them is looked up on the portals (`GET /domain/name/@name`).
// Loaded on first use.
import * as vscode from 'vscode';
import { describeError, NotFoundError } from '../api/errors';
import { isHostName } from '../model/dnsRecordRules';
import { DomainNode, TreeNode } from '../views/nodes';
import { accountHas, domainsView, VIEW_SPECS } from '../views/viewSpecs';
import { describeNode } from '../ui/pickNode';
import { collectNodes } from '../ui/resourceIndex';
import { CommandFactory } from './command';
import { Ctx } from '../ctx';
import { shownOverWebview } from '../ui/shownOverWebview';

type Item = vscode.QuickPickItem & { node?: TreeNode; lookUp?: string };

/** A domain by its name on the accounts whose portals register domains: the first that knows it. */
async function lookUpDomain(services: Ctx, name: string): Promise<DomainNode | undefined> {
  const accounts = services.registry.list().filter((a) => a.state === 'signedIn' && accountHas(a, 'domains'));
  let failure: unknown;
  for (const account of accounts) {
    const [domain] = await (await services.model.api(account.record.id)).domains.byName(name).catch((e: unknown) => {
      // A portal that answers "not found" does not have it; any other failure is said if no portal has it.
      if (!(e instanceof NotFoundError)) failure ??= e;
      return [];
    });
    if (domain) {
      const accountId = account.record.id;
      return { kind: 'domain', id: `${domainsView.id}/${accountId}/domain/${domain.id}`, accountId, domainId: domain.id, domain };
    }
  }
  if (failure) throw failure;
  return undefined;
}

export const goToResource: CommandFactory = (services) => ({
  id: 'cloudPortal.goToResource',
  async run() {
    const pick = vscode.window.createQuickPick<Item>();
    pick.placeholder = vscode.l10n.t('Go to a service, VM, domain, DNS zone or record (type to filter)');
    pick.matchOnDescription = true;
    pick.ignoreFocusOut = shownOverWebview();
    pick.busy = true;
    pick.show();
    const wanted = new Set(['service', 'vm', 'domain', 'zone', 'record']);
    const { nodes, failures } = await collectNodes(services, VIEW_SPECS, {
      wanted: (n) => wanted.has(n.kind),
      descend: (n) => n.kind !== 'record' && n.kind !== 'vm' && (n.kind !== 'service' || n.hasVms),
    });
    const listed: Item[] = nodes.map((node) => ({ ...describeNode(services, node), node }));
    const known = new Set(nodes.filter((n): n is DomainNode => n.kind === 'domain').map((n) => n.domain.name.toLowerCase()));
    const canLookUp = services.registry.list().some((a) => a.state === 'signedIn' && accountHas(a, 'domains'));
    // A typed domain name that no row has: offered as a lookup on the portals.
    const update = () => {
      const name = pick.value.trim().toLowerCase().replace(/\.$/, '');
      const lookUp = canLookUp && isHostName(name) && name.includes('.') && !known.has(name);
      pick.items = lookUp ? [...listed, { label: vscode.l10n.t('$(search) Look Up “{0}” on the Portals', name), alwaysShow: true, lookUp: name }] : listed;
    };
    pick.onDidChangeValue(update);
    update();
    pick.busy = false;
    if (failures.length) {
      pick.title = vscode.l10n.t('Some resources could not be loaded: {0}', failures[0]);
    }
    const chosen = await new Promise<Item | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]));
      pick.onDidHide(() => resolve(undefined));
    });
    pick.dispose();
    if (chosen?.node) {
      await services.views.reveal(chosen.node);
    } else if (chosen?.lookUp) {
      const name = chosen.lookUp;
      try {
        const found = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up {0}…', name) }, () => lookUpDomain(services, name));
        if (found) await vscode.commands.executeCommand('cloudPortal.showDetails', found);
        else void vscode.window.showInformationMessage(vscode.l10n.t('None of your accounts has the domain {0}.', name));
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be looked up: {1}', name, describeError(e)));
      }
    }
  },
});
