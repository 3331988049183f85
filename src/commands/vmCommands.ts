import * as vscode from 'vscode';
import { VmAction } from '../api/capabilities';
import { Ctx } from '../ctx';
import { VmNode } from '../views/nodes';
import { VM_ACTION_TITLES, vmActionsFor } from '../model/vmActions';
import { servicesView } from '../views/viewSpecs';
import { Command, CommandFactory } from './command';
import { fresh, nodeFor } from '../ui/pickNode';

interface ActionText {
  doing: string;
  done: string;
  /** Asked in a modal that names the VM before anything is sent. */
  confirm?: { question: string; detail: string; button: string };
}

const ACTIONS: Record<VmAction, ActionText> = {
  start: { doing: 'Starting', done: 'is running' },
  stop: {
    doing: 'Stopping',
    done: 'is stopped',
    confirm: { question: 'Stop', detail: 'The VM is powered off at once, like pulling the plug. Unsaved data in memory is lost.', button: 'Stop VM' },
  },
  shutdown: {
    doing: 'Shutting down',
    done: 'is stopped',
    confirm: { question: 'Shut down', detail: 'The operating system is asked to shut down; services on the VM stop.', button: 'Shut Down' },
  },
  reboot: { doing: 'Rebooting', done: 'is running again' },
  reset: {
    doing: 'Resetting',
    done: 'was reset',
    confirm: { question: 'Reset', detail: 'The VM is hard-reset without shutting down. Unsaved data in memory is lost.', button: 'Reset VM' },
  },
  rescue: { doing: 'Entering rescue mode on', done: 'is in rescue mode' },
  unrescue: { doing: 'Leaving rescue mode on', done: 'left rescue mode' },
  rebuild: { doing: 'Rebuilding', done: 'was rebuilt' },
};

function vmName(services: Ctx, node: VmNode): string {
  return services.model.services.peekVm(node)?.label ?? node.vmId;
}

async function chooseTemplate(services: Ctx, node: VmNode): Promise<{ id: string; name: string } | undefined> {
  const templates = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Loading templates…' }, () =>
    services.model.services.templates({ accountId: node.accountId, serviceId: node.serviceId }),
  );
  if (templates.length === 0) {
    void vscode.window.showInformationMessage('The portal offers no templates for this service.');
    return undefined;
  }
  const current = services.model.services.peekVm(node)?.fields.template;
  const picked = await vscode.window.showQuickPick(
    templates.map((t) => ({ label: t.name, description: t.id === current ? `${t.id} (current)` : t.id, template: t })),
    { title: `Rebuild ${vmName(services, node)}`, placeHolder: 'Operating system template to install' },
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
        await nodeFor(services, arg, 'vm', [servicesView], `Which VM? (${text.title})`, (n) =>
          vmActionsFor(services.registry.get(n.accountId), services.model.services.peekVm(n), services.model.vmActions.busyWith(n)).includes(action),
        ),
      );
      if (!node) {
        return;
      }
      const api = await services.model.api(node.accountId);
      if (!api.vms.supports(action)) {
        void vscode.window.showInformationMessage(`This portal does not offer “${text.title}”.`);
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
          `Rebuild “${name}” from ${template.name}?`,
          { modal: true, detail: 'The VM is reinstalled from the template. Everything on its disks is erased.' },
          'Rebuild VM',
        );
        if (answer !== 'Rebuild VM') {
          return;
        }
      } else if (text.confirm) {
        const ip = services.model.services.peekVm(node)?.primaryIp;
        const answer = await vscode.window.showWarningMessage(
          `${text.confirm.question} “${name}”${ip ? ` (${ip})` : ''}?`,
          { modal: true, detail: text.confirm.detail },
          text.confirm.button,
        );
        if (answer !== text.confirm.button) {
          return;
        }
      }
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `${text.doing} ${name}…` },
        () => services.model.vmActions.run(node, action, template?.id),
      );
      if (outcome === 'busy') {
        void vscode.window.showInformationMessage(`An action is already running on “${name}”.`);
        return;
      }
      const vm = services.model.services.peekVm(node);
      vscode.window.setStatusBarMessage(`$(vm) ${name} ${vm && vm.state !== 'transitional' ? text.done : vm?.status ?? ''}`, 8_000);
    },
  });
}

export const vmCommands: CommandFactory[] = (Object.keys(ACTIONS) as VmAction[]).map(vmActionCommand);
