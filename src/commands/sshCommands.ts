// From a VM to work on it: an SSH terminal (the system ssh), a Remote-SSH window, the VM's entry in the SSH
// config, forgetting its host keys after a rebuild, the ssh command to copy, and DNS records that point at
// it. Loaded on first use (see extension.ts).
import * as vscode from 'vscode';
import { Ctx } from '../ctx';
import { Vm } from '../api/resources/vms';
import { vmActionsFor } from '../model/vmActions';
import { settings } from '../config';
import { DomainNode, RecordNode, VmNode, ZoneNode } from '../views/nodes';
import { dnsZonesView, domainsView, servicesView } from '../views/viewSpecs';
import { collectNodes } from '../ui/resourceIndex';
import { describeNode, fresh, nodeFor } from '../ui/pickNode';
import { editUntilSaved, RecordTarget } from './dnsCommands';
import { CommandFactory } from './command';
import { aliasProblem, managedEntries, proposeAlias, removeEntries, SshHostEntry, upsertEntry, vmKey } from '../ssh/sshConfig';
import { readTextIfAny, sshConfigPath, writeTextAtomically } from '../ssh/sshConfigFile';
import { forgetHostKeys, knownHostsFiles, knownHostsNames } from '../ssh/knownHosts';
import { SshChoice, SshPreferences } from '../ssh/sshPreferences';
import { proposedRecordName, relativeName } from '../ssh/vmRecord';
import { defaultRemoteFolder, findOnPath, isIpv6, remoteSshUri, sshArgs, sshCommandText, SshTarget } from '../ssh/sshTarget';
import { shownOverWebview } from '../ui/shownOverWebview';

/** Microsoft's Remote-SSH, and the open-source one VSCodium and code-server use. */
export const REMOTE_SSH_EXTENSIONS = ['ms-vscode-remote.remote-ssh', 'jeanp413.open-remote-ssh'];

const remoteSshConfigFile = settings.remoteSshConfigFile.get;
const configPath = () => sshConfigPath(remoteSshConfigFile());

const vmOf = (services: Ctx, node: VmNode) => services.model.services.peekVm(node);
const nameOf = (services: Ctx, node: VmNode) => vmOf(services, node)?.label ?? node.vmId;

async function pickVm(services: Ctx, arg: unknown, placeHolder: string): Promise<VmNode | undefined> {
  const node = await nodeFor(services, arg, 'vm', [servicesView], placeHolder, (n) => (vmOf(services, n)?.ips.length ?? 0) > 0);
  if (node && !vmOf(services, node)?.ips.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” has no address on the portal.', nameOf(services, node)));
    return undefined;
  }
  return node;
}

async function chooseAddress(vm: Vm, remembered: string | undefined): Promise<string | undefined> {
  if (remembered && vm.ips.includes(remembered)) return remembered;
  if (vm.ips.length === 1) return vm.ips[0];
  // IPv4 first: it works from more networks.
  const ordered = [...vm.ips.filter((ip) => !isIpv6(ip)), ...vm.ips.filter(isIpv6)];
  const picked = await vscode.window.showQuickPick(
    ordered.map((ip) => ({ label: ip, description: isIpv6(ip) ? 'IPv6' : 'IPv4' })),
    { title: vscode.l10n.t('Connect to {0}', vm.label), placeHolder: vscode.l10n.t('Which address?'), ignoreFocusOut: true },
  );
  return picked?.label;
}

/**
 * User, port and address for a VM: what the user answered last time, else asked (defaults from
 * `cloudPortal.ssh.defaultUser` and `.defaultPort`) and remembered. `ask` asks again with the last answers.
 */
async function connectionFor(services: Ctx, node: VmNode, ask = false): Promise<(SshTarget & { choice: SshChoice }) | undefined> {
  const vm = vmOf(services, node);
  if (!vm?.ips.length) return undefined;
  const preferences = new SshPreferences(services.globalState);
  const saved = preferences.get(node);
  const host = await chooseAddress(vm, saved?.host);
  if (!host) return undefined;
  let user = saved?.user;
  let port = saved?.port;
  if (!user || !port || ask) {
    user = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('SSH to {0} ({1})', vm.label, host),
        prompt: vscode.l10n.t('User name on the VM'),
        value: user ?? settings.sshDefaultUser.get(),
        validateInput: (v) => (/^[A-Za-z0-9._][A-Za-z0-9._@-]*$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter a user name such as root')),
        ignoreFocusOut: true,
      })
    )?.trim();
    if (!user) return undefined;
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('SSH to {0} ({1})', vm.label, host),
      prompt: vscode.l10n.t('SSH port'),
      value: String(port ?? settings.sshDefaultPort.get()),
      validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 65535 ? undefined : vscode.l10n.t('A port is a whole number from 1 to 65535')),
      ignoreFocusOut: true,
    });
    if (!typed) return undefined;
    port = Number(typed.trim());
  }
  const choice: SshChoice = { ...saved, user, port, host };
  await preferences.set(node, choice);
  return { user, port, host, choice };
}

/** A stopped VM is started first, if the user wants (the Start action, followed until it settles). */
async function readyToConnect(services: Ctx, shown: VmNode): Promise<boolean> {
  if (vmOf(services, shown)?.state !== 'stopped') return true;
  // Starting changes the VM: a row shown from last-known data is read from the portal first.
  const node = await fresh(services, shown);
  if (!node) return false;
  const vm = vmOf(services, node);
  if (vm?.state !== 'stopped') return true;
  const canStart = vmActionsFor(services.registry.get(node.accountId), vm, services.model.vmActions.busyWith(node)).includes('start');
  if (!canStart) {
    void vscode.window.showWarningMessage(vscode.l10n.t('“{0}” is stopped, and this portal cannot start it from here.', vm.label));
    return false;
  }
  const start = vscode.l10n.t('Start VM');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('“{0}” is stopped. Start it first?', vm.label),
    { modal: true, detail: vscode.l10n.t('The VM is started, and the connection opens once the portal says it is running.') },
    start,
  );
  if (answer !== start) return false;
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting {0}…', vm.label) }, () =>
    services.model.vmActions.run(node, 'start'),
  );
  if (outcome === 'busy') {
    void vscode.window.showInformationMessage(vscode.l10n.t('An action is already running on “{0}”.', vm.label));
    return false;
  }
  const after = vmOf(services, node);
  if (after?.state !== 'running') {
    void vscode.window.showWarningMessage(vscode.l10n.t('“{0}” is {1}, not running yet. Try again when it is.', vm.label, after?.status || vscode.l10n.t('in an unknown state')));
    return false;
  }
  return true;
}

function sshProgram(): string | undefined {
  const ssh = findOnPath('ssh');
  if (!ssh) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The ssh program was not found on PATH.'),
      {
        modal: true,
        detail:
          process.platform === 'win32'
            ? vscode.l10n.t('Install the OpenSSH client (Settings → System → Optional features → OpenSSH Client), then restart VS Code.')
            : vscode.l10n.t('Install the OpenSSH client (for example: sudo apt install openssh-client, or brew install openssh), then restart VS Code.'),
      },
    );
  }
  return ssh;
}

export const openSshTerminal: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.openSshTerminal',
  async run(arg?: unknown) {
    // Works from the last-known address too (offline, or before the first answer): nothing is changed on the portal.
    const node = await pickVm(services, arg, vscode.l10n.t('Open an SSH terminal to which VM?'));
    if (!node) return;
    const ssh = sshProgram();
    if (!ssh || !(await readyToConnect(services, node))) return;
    const target = await connectionFor(services, node);
    if (!target) return;
    const args = sshArgs(target, remoteSshConfigFile());
    services.logger.info(`SSH terminal: ${ssh} ${args.join(' ')}`);
    const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('SSH: {0}', nameOf(services, node)), shellPath: ssh, shellArgs: args, iconPath: new vscode.ThemeIcon('remote') });
    terminal.show();
  },
});

export const openRemoteSshWindow: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.openRemoteSsh',
  async run(arg?: unknown) {
    const node = await pickVm(services, arg, vscode.l10n.t('Open a Remote-SSH window on which VM?'));
    if (!node) return;
    if (!REMOTE_SSH_EXTENSIONS.some((id) => vscode.extensions.getExtension(id))) {
      const terminal = vscode.l10n.t('Open SSH Terminal');
      const install = vscode.l10n.t('Show Remote-SSH');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Remote-SSH is not installed. Open an SSH terminal to “{0}” instead, or install Remote-SSH to open a window on it.', nameOf(services, node)),
        terminal,
        install,
      );
      if (choice === terminal) await vscode.commands.executeCommand('cloudPortal.vm.openSshTerminal', node);
      if (choice === install) await vscode.commands.executeCommand('workbench.extensions.search', `@id:${REMOTE_SSH_EXTENSIONS[0]}`);
      return;
    }
    if (!(await readyToConnect(services, node))) return;
    const target = await connectionFor(services, node);
    if (!target) return;
    const entry = managedEntries(await readTextIfAny(configPath())).find((e) => e.vm === vmKey(node) && e.hostName === target.host);
    const folder = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Open {0} in Remote-SSH', nameOf(services, node)),
        prompt: vscode.l10n.t('Folder on the VM'),
        value: target.choice.folder ?? defaultRemoteFolder(target.user),
        validateInput: (v) => (v.trim().startsWith('/') ? undefined : vscode.l10n.t('An absolute path such as /root or /var/www')),
        ignoreFocusOut: true,
      })
    )?.trim();
    if (!folder) return;
    await new SshPreferences(services.globalState).set(node, { ...target.choice, folder });
    // A host of the SSH config is opened by its alias, so Remote-SSH applies the whole entry.
    const uri = remoteSshUri(entry ? { host: entry.alias } : target, folder);
    services.logger.info(`Remote-SSH window: ${uri}`);
    await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.parse(uri), { forceNewWindow: true });
  },
});

export const copySshCommand: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.copySshCommand',
  async run(arg?: unknown) {
    const node = await pickVm(services, arg, vscode.l10n.t('Copy the SSH command of which VM?'));
    const target = node && (await connectionFor(services, node));
    if (!target) return;
    const text = sshCommandText(target);
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', text), 5_000);
  },
});

export const changeSshSettings: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.changeSshSettings',
  async run(arg?: unknown) {
    const node = await pickVm(services, arg, vscode.l10n.t('Change the SSH user and port of which VM?'));
    if (node) await connectionFor(services, node, true);
  },
});

const addOrUpdateSshConfig = (id: string): CommandFactory => (services) => ({
  id,
  async run(arg?: unknown) {
    const node = await pickVm(services, arg, vscode.l10n.t('Add which VM to the SSH config?'));
    if (!node) return;
    const target = await connectionFor(services, node);
    if (!target) return;
    const file = configPath();
    const text = await readTextIfAny(file);
    const key = vmKey(node);
    const existing = managedEntries(text).find((e) => e.vm === key);
    const alias = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Add {0} to the SSH config', nameOf(services, node)),
        prompt: vscode.l10n.t('Host alias in {0}', file),
        value: existing?.alias ?? proposeAlias(text, nameOf(services, node), key),
        validateInput: (v) => aliasProblem(text, v.trim(), key),
        ignoreFocusOut: true,
      })
    )?.trim();
    if (!alias) return;
    const entry: SshHostEntry = { alias, hostName: target.host, user: target.user, port: target.port, vm: key };
    const { text: next, changed } = upsertEntry(text, entry);
    if (!changed) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} already has Host {1} with these settings; nothing was written.', file, alias));
      return;
    }
    await writeTextAtomically(file, next);
    await services.sshHosts.reload();
    services.logger.info(`SSH config: Host ${alias} (${target.user}@${target.host}:${target.port}) written to ${file}`);
    const open = vscode.l10n.t('Open File');
    if ((await vscode.window.showInformationMessage(vscode.l10n.t('Host {0} is in {1}.', alias, file), open)) === open) {
      await vscode.window.showTextDocument(vscode.Uri.file(file));
    }
  },
});

export const addToSshConfig = addOrUpdateSshConfig('cloudPortal.vm.addToSshConfig');
/** The same, offered on a row whose entry names an old address: the VM's current address is asked for or taken. */
export const updateSshConfig = addOrUpdateSshConfig('cloudPortal.vm.updateSshConfig');

export const removeFromSshConfig: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.removeFromSshConfig',
  async run(arg?: unknown) {
    const node = await pickVm(services, arg, vscode.l10n.t('Remove which VM from the SSH config?'));
    if (!node) return;
    const file = configPath();
    const text = await readTextIfAny(file);
    const { text: next, removed } = removeEntries(text, (e) => e.vm === vmKey(node));
    if (!removed.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no Host for “{1}” written by Cloud Portal.', file, nameOf(services, node)));
      return;
    }
    await writeTextAtomically(file, next);
    await services.sshHosts.reload();
    services.logger.info(`SSH config: Host ${removed.map((e) => e.alias).join(', ')} removed from ${file}`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Host {0} removed from {1}', removed.map((e) => e.alias).join(', '), file), 5_000);
  },
});

/** Offers to remove the SSH config hosts of an account being removed. */
export async function offerToRemoveAccountHosts(services: Ctx, accountId: string, accountLabel: string): Promise<void> {
  const file = configPath();
  const text = await readTextIfAny(file);
  const prefix = `${encodeURIComponent(accountId)}/`;
  const ours = managedEntries(text).filter((e) => e.vm.startsWith(prefix));
  if (!ours.length) return;
  const remove = vscode.l10n.t('Remove Hosts');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('{0} has {1} Host entries for VMs of “{2}” ({3}). Remove them too?', file, ours.length, accountLabel, ours.map((e) => e.alias).join(', ')),
    remove,
  );
  if (answer !== remove) return;
  await writeTextAtomically(file, removeEntries(text, (e) => e.vm.startsWith(prefix)).text);
  await services.sshHosts.reload();
}

export const forgetHostKey: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.forgetHostKey',
  async run(arg?: unknown) {
    const node = await pickVm(services, arg, vscode.l10n.t('Forget the SSH host keys of which VM?'));
    if (!node) return;
    const vm = vmOf(services, node)!;
    const saved = new SshPreferences(services.globalState).get(node);
    const port = saved?.port ?? settings.sshDefaultPort.get();
    const entry = managedEntries(await readTextIfAny(configPath())).find((e) => e.vm === vmKey(node));
    // Every name and address ssh may have stored the key under.
    const names = knownHostsNames([...vm.ips, vm.hostname, saved?.host ?? '', entry?.alias ?? '', entry?.hostName ?? ''], entry?.port ?? port);
    const files = await knownHostsFiles({ user: saved?.user ?? settings.sshDefaultUser.get(), host: entry?.alias ?? saved?.host ?? vm.primaryIp, port }, { configFile: remoteSshConfigFile() });
    if (!files.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no known_hosts file yet: nothing to forget for “{0}”.', vm.label));
      return;
    }
    const forget = vscode.l10n.t('Forget Host Keys');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Forget the SSH host keys of “{0}”?', vm.label),
      { modal: true, detail: vscode.l10n.t('ssh-keygen -R removes the keys stored for {0} from {1} (a copy is kept as .old). The next connection asks you to accept the VM’s new key.', names.join(', '), files.join(', ')) },
      forget,
    );
    if (answer !== forget) return;
    const results = await forgetHostKeys(names, files);
    const removed = results.reduce((n, r) => n + r.removed, 0);
    services.logger.info(`known_hosts: ${removed} key(s) of ${names.join(', ')} removed from ${files.join(', ')}`);
    void vscode.window.showInformationMessage(
      removed ? vscode.l10n.t('Removed {0} stored key(s) of “{1}”. The next connection asks you to accept the new key.', removed, vm.label) : vscode.l10n.t('No stored key of “{0}” was found.', vm.label),
    );
  },
});

async function recordsOf(services: Ctx, target: RecordTarget) {
  return target.kind === 'zone' ? (await services.model.zones.zone(target)).records : await services.model.domains.records(target);
}

export const pointDnsRecordAtVm: CommandFactory = (services) => ({
  id: 'cloudPortal.vm.pointDnsRecord',
  async run(arg?: unknown) {
    const node = await fresh(services, await pickVm(services, arg, vscode.l10n.t('Point a DNS record at which VM?')));
    if (!node) return;
    const vm = vmOf(services, node)!;
    const found = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading zones…') }, () =>
      collectNodes(services, [dnsZonesView, domainsView], {
        wanted: (n) => (n.kind === 'zone' || n.kind === 'domain') && n.accountId === node.accountId,
        descend: (n) => n.kind === 'account' && n.accountId === node.accountId,
      }),
    );
    const targets = found.nodes as (ZoneNode | DomainNode)[];
    if (!targets.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This account has no DNS zone or registered domain to add the record to.'));
      return;
    }
    const picked = await vscode.window.showQuickPick(
      targets.map((t) => ({ ...describeNode(services, t), target: t })),
      { title: vscode.l10n.t('Point a DNS record at {0}', vm.label), placeHolder: vscode.l10n.t('In which zone or domain?'), matchOnDescription: true, ignoreFocusOut: shownOverWebview() },
    );
    if (!picked) return;
    const target = picked.target;
    const zoneName = target.kind === 'zone' ? target.name : target.domain.name;
    const address = await chooseAddress(vm, new SshPreferences(services.globalState).get(node)?.host);
    if (!address) return;
    const type = isIpv6(address) ? 'AAAA' : 'A';
    const name = proposedRecordName(vm, zoneName);
    // The record of that name and type is updated when there is one; else a new one is added.
    const existing = (await recordsOf(services, target)).find((r) => r.type === type && relativeName(r.name, zoneName) === name);
    const saved = await editUntilSaved(
      services,
      target,
      { type, name, content: address, priority: '', ttl: existing?.ttl ? String(existing.ttl) : '3600' },
      existing?.id || undefined,
    );
    if (saved) vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0}.{1} → {2}', name, zoneName, address), 5_000);
  },
});

export const goToVm: CommandFactory = (services) => ({
  id: 'cloudPortal.dns.goToVm',
  async run(arg?: unknown) {
    const record = await nodeFor(services, arg, 'record', [dnsZonesView, domainsView], vscode.l10n.t('Go to the VM of which record?'), (n) => n.record.type === 'A' || n.record.type === 'AAAA');
    if (!record) return;
    const address = (record as RecordNode).record.content.trim();
    const found = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Looking for {0}…', address) }, () =>
      collectNodes(services, [servicesView], {
        wanted: (n) => n.kind === 'vm' && (vmOf(services, n)?.ips.includes(address) ?? false),
        descend: (n) => n.kind === 'account' || (n.kind === 'service' && n.hasVms),
      }),
    );
    const vm = found.nodes[0];
    if (!vm) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No VM with the address {0} is in your Cloud Portal accounts.', address));
      return;
    }
    await services.views.reveal(vm);
  },
});

export const sshCommands: CommandFactory[] = [openSshTerminal, openRemoteSshWindow, copySshCommand, changeSshSettings, addToSshConfig, updateSshConfig, removeFromSshConfig, forgetHostKey, pointDnsRecordAtVm, goToVm];
