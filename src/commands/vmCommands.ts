import * as vscode from 'vscode';
import { VmAction } from '../api/capabilities';
import { Ctx } from '../ctx';
import { VmNode } from '../views/nodes';
import { VM_ACTION_TITLES, vmActionsFor } from '../model/vmActions';
import { servicesView } from '../views/viewSpecs';
import { Command, CommandFactory } from './command';
import { fresh, nodeFor } from '../ui/pickNode';
import { shownOverWebview } from '../ui/shownOverWebview';

/** Whole sentences per action (a translator sees each one as it is shown), each given the VM's name. */
interface ActionText {
  doing(name: string): string;
  done(name: string): string;
  /** Asked in a modal that names the VM (and its address when known) before anything is sent. */
  confirm?: { question(name: string, ip: string | undefined): string; detail: string; button: string };
}

const named = (name: string, ip: string | undefined) => (ip ? `“${name}” (${ip})` : `“${name}”`);

const ACTIONS: Record<VmAction, ActionText> = {
  start: { doing: (n) => vscode.l10n.t('Starting {0}…', n), done: (n) => vscode.l10n.t('{0} is running', n) },
  stop: {
    doing: (n) => vscode.l10n.t('Stopping {0}…', n),
    done: (n) => vscode.l10n.t('{0} is stopped', n),
    confirm: {
      question: (n, ip) => vscode.l10n.t('Stop {0}?', named(n, ip)),
      detail: vscode.l10n.t('The VM is powered off at once, like pulling the plug. Unsaved data in memory is lost.'),
      button: vscode.l10n.t('Stop VM'),
    },
  },
  shutdown: {
    doing: (n) => vscode.l10n.t('Shutting down {0}…', n),
    done: (n) => vscode.l10n.t('{0} is stopped', n),
    confirm: {
      question: (n, ip) => vscode.l10n.t('Shut down {0}?', named(n, ip)),
      detail: vscode.l10n.t('The operating system is asked to shut down; services on the VM stop.'),
      button: vscode.l10n.t('Shut Down'),
    },
  },
  reboot: { doing: (n) => vscode.l10n.t('Rebooting {0}…', n), done: (n) => vscode.l10n.t('{0} is running again', n) },
  reset: {
    doing: (n) => vscode.l10n.t('Resetting {0}…', n),
    done: (n) => vscode.l10n.t('{0} was reset', n),
    confirm: {
      question: (n, ip) => vscode.l10n.t('Reset {0}?', named(n, ip)),
      detail: vscode.l10n.t('The VM is hard-reset without shutting down. Unsaved data in memory is lost.'),
      button: vscode.l10n.t('Reset VM'),
    },
  },
  rescue: { doing: (n) => vscode.l10n.t('Entering rescue mode on {0}…', n), done: (n) => vscode.l10n.t('{0} is in rescue mode', n) },
  unrescue: { doing: (n) => vscode.l10n.t('Leaving rescue mode on {0}…', n), done: (n) => vscode.l10n.t('{0} left rescue mode', n) },
  rebuild: { doing: (n) => vscode.l10n.t('Rebuilding {0}…', n), done: (n) => vscode.l10n.t('{0} was rebuilt', n) },
};

function vmName(services: Ctx, node: VmNode): string {
  return services.model.services.peekVm(node)?.label ?? node.vmId;
}

async function chooseTemplate(services: Ctx, node: VmNode): Promise<{ id: string; name: string } | undefined> {
  const templates = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading templates…') }, () =>
    services.model.services.templates({ accountId: node.accountId, serviceId: node.serviceId }),
  );
  if (templates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The portal offers no templates for this service.'));
    return undefined;
  }
  const current = services.model.services.peekVm(node)?.fields.template;
  const picked = await vscode.window.showQuickPick(
    templates.map((t) => ({ label: t.name, description: t.id === current ? `${t.id} (current)` : t.id, template: t })),
    { title: vscode.l10n.t('Rebuild {0}', vmName(services, node)), placeHolder: vscode.l10n.t('Operating system template to install'), ignoreFocusOut: shownOverWebview() },
  );
  return picked?.template;
}

function vmActionCommand(action: VmAction): CommandFactory {
  const text = { ...ACTIONS[action], title: VM_ACTION_TITLES[action] };
  return (services): Command => ({
    id: `cloudPortal.vm.${action}`,
    async run(arg?: unknown) {
      const node = await fresh(
        services,
        await nodeFor(services, arg, 'vm', [servicesView], vscode.l10n.t('Which VM? ({0})', text.title), (n) =>
          vmActionsFor(services.registry.get(n.accountId), services.model.services.peekVm(n), services.model.vmActions.busyWith(n)).includes(action),
        ),
      );
      if (!node) {
        return;
      }
      const api = await services.model.api(node.accountId);
      if (!api.vms.supports(action)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This portal does not offer “{0}”.', text.title));
        return;
      }
      const name = vmName(services, node);
      let template: { id: string; name: string } | undefined;
      if (action === 'rebuild') {
        template = await chooseTemplate(services, node);
        if (!template) {
          return;
        }
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Rebuild “{0}” from {1}?', name, template.name),
          { modal: true, detail: vscode.l10n.t('The VM is reinstalled from the template. Everything on its disks is erased.') },
          vscode.l10n.t('Rebuild VM'),
        );
        if (answer !== vscode.l10n.t('Rebuild VM')) {
          return;
        }
      } else if (text.confirm) {
        const ip = services.model.services.peekVm(node)?.primaryIp;
        const answer = await vscode.window.showWarningMessage(
          text.confirm.question(name, ip),
          { modal: true, detail: text.confirm.detail },
          text.confirm.button,
        );
        if (answer !== text.confirm.button) {
          return;
        }
      }
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: text.doing(name) },
        () => services.model.vmActions.run(node, action, template?.id),
      );
      if (outcome === 'busy') {
        void vscode.window.showInformationMessage(vscode.l10n.t('An action is already running on “{0}”.', name));
        return;
      }
      const vm = services.model.services.peekVm(node);
      if (action === 'rebuild' && vm?.ips.length) {
        // A reinstalled VM has a new host key: ssh would refuse it until the old one is forgotten.
        const forget = vscode.l10n.t('Forget Host Key…');
        void vscode.window
          .showInformationMessage(vscode.l10n.t('“{0}” was rebuilt and has a new SSH host key. Forget the old one, so that ssh asks about the new key instead of refusing it?', name), forget)
          .then((choice) => choice === forget && vscode.commands.executeCommand('cloudPortal.vm.forgetHostKey', node));
      }
      vscode.window.setStatusBarMessage(`$(vm) ${vm && vm.state !== 'transitional' ? text.done(name) : `${name} ${vm?.status ?? ''}`}`, 8_000);
    },
  });
}

export const vmCommands: CommandFactory[] = (Object.keys(ACTIONS) as VmAction[]).map(vmActionCommand);
