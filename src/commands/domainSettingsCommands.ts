// A registered domain's settings beyond records: contacts (a form), DNSSEC keys, e-mail and URL
// forwarding, ID protection, name servers registered under it (glue), and Sync with Registry.
// Loaded on first use (see extension.ts). Deletions and privacy changes are confirmed in a modal.
import * as vscode from 'vscode';
import { DomainSettingsModel } from '../model/domainSettingsModel';
import { describeError } from '../api/errors';
import { DnssecKey, EmailForward } from '../api/resources/domainSettings';
import { Ctx } from '../ctx';
import { isHostName } from '../model/dnsRecordRules';
import { DomainNode } from '../views/nodes';
import { domainsView } from '../views/viewSpecs';
import { FormPanels } from '../webviews/panels';
import { fresh, nodeFor } from '../ui/pickNode';
import { manageList } from '../ui/manageList';
import { sendChange } from '../ui/sendOnce';
import { CommandFactory } from './command';

const pickDomain = (services: Ctx, arg: unknown, placeHolder: string) => nodeFor(services, arg, 'domain', [domainsView], placeHolder);
const ref = (node: DomainNode) => ({ accountId: node.accountId, domainId: node.domainId });

function editContacts(forms: FormPanels): CommandFactory {
  return (services) => ({
    id: 'cloudPortal.domain.editContacts',
    async run(arg?: unknown) {
      const node = await pickDomain(services, arg, vscode.l10n.t('Contacts of which domain?'));
      if (node) await forms.open({ kind: 'domainContacts', accountId: node.accountId, domainId: node.domainId });
    },
  });
}

const DNSSEC_ALGORITHMS: { value: string; name: string }[] = [
  { value: '13', name: 'ECDSA P-256 with SHA-256 (13)' },
  { value: '14', name: 'ECDSA P-384 with SHA-384 (14)' },
  { value: '15', name: 'Ed25519 (15)' },
  { value: '8', name: 'RSA/SHA-256 (8)' },
  { value: '10', name: 'RSA/SHA-512 (10)' },
];

/** Asks for a new DNSSEC key: flags (from the portal), algorithm, public key. */
async function askDnssecKey(services: Ctx, node: DomainNode, title: string) {
  const flags = await services.model.area(DomainSettingsModel).dnssecFlags(ref(node));
  const flag = await vscode.window.showQuickPick(
    flags.map((f) => ({ label: f.name || f.value, description: f.value, value: f.value })),
    { title, placeHolder: vscode.l10n.t('Key flags'), ignoreFocusOut: true },
  );
  if (!flag) return undefined;
  const algorithm = await vscode.window.showQuickPick(
    DNSSEC_ALGORITHMS.map((a) => ({ label: a.name, value: a.value })),
    { title, placeHolder: vscode.l10n.t('Algorithm'), ignoreFocusOut: true },
  );
  if (!algorithm) return undefined;
  const publicKey = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Public key (base64, as in the DNSKEY record)'),
    ignoreFocusOut: true,
    validateInput: (v) => (/^[A-Za-z0-9+/\s]+=*\s*$/.test(v) && v.replace(/\s+/g, '').length >= 40 ? undefined : vscode.l10n.t('Paste the key\'s base64 data (at least 40 characters)')),
  });
  if (!publicKey) return undefined;
  return { flags: flag.value, protocol: '3', algorithm: algorithm.value, publicKey: publicKey.replace(/\s+/g, '') };
}

const keyLabel = (k: DnssecKey, flags: { value: string; name: string }[]) => `${flags.find((f) => f.value === k.flags)?.name || k.flags} · ${vscode.l10n.t('algorithm {0}', k.algorithm)} · ${vscode.l10n.t('key {0}', k.id)}`;

const manageDnssec: CommandFactory = (services) => ({
  id: 'cloudPortal.domain.manageDnssec',
  async run(arg?: unknown) {
    const node = await pickDomain(services, arg, vscode.l10n.t('DNSSEC keys of which domain?'));
    if (!node) return;
    const title = vscode.l10n.t('DNSSEC Keys of {0}', node.domain.name);
    const model = services.model.area(DomainSettingsModel);
    let flags: { value: string; name: string }[] = [];
    await manageList<DnssecKey>({
      title,
      load: async () => {
        const [keys, known] = await Promise.all([model.dnssecKeys(ref(node), true), model.dnssecFlags(ref(node))]);
        flags = known;
        return keys;
      },
      row: (key) => ({ label: `$(key) ${keyLabel(key, flags)}`, detail: `${key.publicKey.slice(0, 48)}…` }),
      placeholder: (keys) => (keys.length === 0 ? vscode.l10n.t('No DNSSEC keys: add one') : vscode.l10n.t('{0} key(s) at the registry. Delete one with its button.', keys.length)),
      addLabel: vscode.l10n.t('$(add) Add Key…'),
      removeTooltip: vscode.l10n.t('Delete Key…'),
      add: async () => {
        const key = await askDnssecKey(services, node, title);
        if (key) await sendChange(vscode.l10n.t('Adding a DNSSEC key to {0}…', node.domain.name), () => model.addDnssecKey(ref(node), key));
      },
      remove: async (key) => {
        const button = vscode.l10n.t('Delete Key');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Delete DNSSEC key {0} of “{1}”?', key.id, node.domain.name),
          { modal: true, detail: vscode.l10n.t('Resolvers that validate DNSSEC reject the domain if its zone is signed only with this key. Remove the DS record last when turning DNSSEC off.') },
          button,
        );
        if (answer === button) await sendChange(vscode.l10n.t('Deleting DNSSEC key {0}…', key.id), () => model.deleteDnssecKey(ref(node), key.id));
      },
    });
  },
});

const emailForwarding: CommandFactory = (services) => ({
  id: 'cloudPortal.domain.emailForwarding',
  async run(arg?: unknown) {
    const node = await pickDomain(services, arg, vscode.l10n.t('E-mail forwarding of which domain?'));
    if (!node) return;
    const title = vscode.l10n.t('E-mail Forwarding of {0}', node.domain.name);
    const model = services.model.area(DomainSettingsModel);
    const save = (rules: EmailForward[]) => sendChange(vscode.l10n.t('Saving e-mail forwarding of {0}…', node.domain.name), () => model.setEmailForwarding(ref(node), rules));
    await manageList<EmailForward>({
      title,
      load: () => model.emailForwarding(ref(node), true),
      row: (rule) => ({ label: `$(mail) ${rule.source}@${node.domain.name}`, description: `→ ${rule.destination}` }),
      placeholder: (rules) => (rules.length === 0 ? vscode.l10n.t('No forwarding: add a rule') : vscode.l10n.t('Mail to these addresses is forwarded. Remove one with its button.')),
      addLabel: vscode.l10n.t('$(add) Add Forwarding…'),
      removeTooltip: vscode.l10n.t('Remove Rule'),
      add: async (rules) => {
        const source = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Address at {0} (the part before @)', node.domain.name), ignoreFocusOut: true, validateInput: (v) => (/^[a-z0-9._+-]+$/i.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits and . _ + - only')) });
        if (!source) return;
        const destination = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Forward mail for {0}@{1} to', source.trim(), node.domain.name), ignoreFocusOut: true, validateInput: (v) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter an e-mail address')) });
        if (!destination) return;
        await save([...rules, { source: source.trim(), destination: destination.trim() }]);
      },
      remove: (rule, rules) => save(rules.filter((r) => r !== rule)),
    });
  },
});

const urlForwarding: CommandFactory = (services) => ({
  id: 'cloudPortal.domain.urlForwarding',
  async run(arg?: unknown) {
    const node = await pickDomain(services, arg, vscode.l10n.t('Forward which domain\'s web address?'));
    if (!node) return;
    const title = vscode.l10n.t('URL Forwarding of {0}', node.domain.name);
    const url = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Send visitors of {0} to this address (empty: turn forwarding off)', node.domain.name),
      placeHolder: vscode.l10n.t('https://www.example.com/'),
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v.trim()) ? undefined : vscode.l10n.t('Enter an address starting with https:// or http://')),
    });
    if (url === undefined) return;
    let type = '301';
    if (url.trim()) {
      const kind = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Permanent redirect (301)'), type: '301' },
          { label: vscode.l10n.t('Temporary redirect (302)'), type: '302' },
          { label: vscode.l10n.t('Frame (the address bar keeps {0})', node.domain.name), type: 'frame' },
        ],
        { title, placeHolder: vscode.l10n.t('How visitors are sent on'), ignoreFocusOut: true },
      );
      if (!kind) return;
      type = kind.type;
    }
    if (await sendChange(vscode.l10n.t('Saving URL forwarding of {0}…', node.domain.name), () => services.model.area(DomainSettingsModel).setUrlForwarding(ref(node), url.trim(), type))) {
      void vscode.window.showInformationMessage(url.trim() ? vscode.l10n.t('{0} now forwards to {1}.', node.domain.name, url.trim()) : vscode.l10n.t('URL forwarding of {0} is off.', node.domain.name));
    }
  },
});

const idProtection: CommandFactory = (services) => ({
  id: 'cloudPortal.domain.idProtection',
  async run(arg?: unknown) {
    const node = await fresh(services, await pickDomain(services, arg, vscode.l10n.t('ID protection of which domain?')));
    if (!node) return;
    const details = await services.model.domains.details(ref(node));
    const on = Boolean(details.idprotection);
    const button = on ? vscode.l10n.t('Turn Off') : vscode.l10n.t('Turn On');
    const answer = await vscode.window.showWarningMessage(
      on ? vscode.l10n.t('Turn ID protection off for “{0}”?', node.domain.name) : vscode.l10n.t('Turn ID protection on for “{0}”?', node.domain.name),
      { modal: true, detail: on ? vscode.l10n.t('The registrant\'s name, address and e-mail become public in WHOIS.') : vscode.l10n.t('WHOIS then shows the privacy service instead of the registrant\'s details. The portal may charge for it.') },
      button,
    );
    if (answer !== button) return;
    if (await sendChange(vscode.l10n.t('Changing ID protection of {0}…', node.domain.name), () => services.model.domains.setIdProtection(ref(node), !on))) {
      vscode.window.setStatusBarMessage(on ? vscode.l10n.t('$(unlock) ID protection of {0} is off', node.domain.name) : vscode.l10n.t('$(shield) ID protection of {0} is on', node.domain.name), 8_000);
    }
  },
});

const registerNameserver: CommandFactory = (services) => ({
  id: 'cloudPortal.domain.registerNameserver',
  async run(arg?: unknown) {
    const node = await pickDomain(services, arg, vscode.l10n.t('Register a name server under which domain?'));
    if (!node) return;
    const title = vscode.l10n.t('Register Name Server under {0}', node.domain.name);
    const host = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Host name of the name server, under {0}', node.domain.name),
      value: `ns1.${node.domain.name}`,
      valueSelection: [0, 3],
      ignoreFocusOut: true,
      validateInput: (v) => (isHostName(v.trim()) && v.trim().toLowerCase().endsWith(`.${node.domain.name.toLowerCase()}`) ? undefined : vscode.l10n.t('A host name ending in .{0}', node.domain.name)),
    });
    if (!host) return;
    const ip = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('IP address of {0} (the glue record)', host.trim()),
      ignoreFocusOut: true,
      validateInput: (v) => (/^(\d{1,3}\.){3}\d{1,3}$/.test(v.trim()) && v.trim().split('.').every((n) => Number(n) <= 255)) || /^[0-9a-f:]+$/i.test(v.trim()) && v.includes(':') ? undefined : vscode.l10n.t('An IPv4 or IPv6 address'),
    });
    if (!ip) return;
    if (await sendChange(vscode.l10n.t('Registering {0}…', host.trim()), () => services.model.area(DomainSettingsModel).registerNameserver(ref(node), host.trim().toLowerCase(), ip.trim()))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is registered at {1}.', host.trim().toLowerCase(), ip.trim()));
    }
  },
});

const syncWithRegistry: CommandFactory = (services) => ({
  id: 'cloudPortal.domain.sync',
  async run(arg?: unknown) {
    const node = await pickDomain(services, arg, vscode.l10n.t('Sync which domain with its registry?'));
    if (!node) return;
    try {
      const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Syncing {0} with its registry…', node.domain.name) }, () =>
        services.model.domains.syncWithRegistry(ref(node)),
      );
      const status = typeof answer.status === 'string' ? answer.status : typeof answer.expires === 'string' ? answer.expires : '';
      void vscode.window.showInformationMessage(status ? vscode.l10n.t('{0} is in sync with its registry: {1}.', node.domain.name, status) : vscode.l10n.t('{0} is in sync with its registry.', node.domain.name));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be synced: {1}', node.domain.name, describeError(e)));
    }
  },
});

export function domainSettingsCommands(forms: FormPanels): CommandFactory[] {
  return [editContacts(forms), manageDnssec, emailForwarding, urlForwarding, idProtection, registerNameserver, syncWithRegistry];
}
