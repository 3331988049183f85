import * as vscode from 'vscode';
import { Ctx } from '../ctx';
import { canRequestCancellation } from '../model/serviceFeatures';
import { ServiceNode } from '../views/nodes';
import { servicesView } from '../views/viewSpecs';
import { CommandFactory } from './command';
import { fresh, nodeFor } from '../ui/pickNode';

function serviceName(node: ServiceNode): string {
  return node.service.label || node.service.domain || node.service.name;
}

const pickService = (services: Ctx, arg: unknown, placeHolder: string, accept?: (n: ServiceNode) => boolean) =>
  nodeFor(services, arg, 'service', [servicesView], placeHolder, accept);

export const renameService: CommandFactory = (services) => ({
  id: 'cloudPortal.service.rename',
  async run(arg?: unknown) {
    const node = await fresh(services, await pickService(services, arg, 'Which service to label?'));
    if (!node) {
      return;
    }
    const label = await vscode.window.showInputBox({
      title: `Label for ${node.service.name}${node.service.domain ? ` (${node.service.domain})` : ''}`,
      prompt: 'A name of your own for this service; leave empty to remove the label.',
      value: node.service.label,
      validateInput: (v) => (v.length > 200 ? 'At most 200 characters' : undefined),
      ignoreFocusOut: true,
    });
    if (label === undefined) {
      return;
    }
    await services.model.services.setLabel(node, label.trim());
  },
});

export const cancelService: CommandFactory = (services) => ({
  id: 'cloudPortal.service.cancel',
  async run(arg?: unknown) {
    const node = await fresh(services, await pickService(services, arg, 'Which service to cancel?', (n) => canRequestCancellation(n.service.status)));
    if (!node) {
      return;
    }
    const name = serviceName(node);
    const when = await vscode.window.showQuickPick(
      [
        { label: 'At the end of the billing period', description: node.service.next_due ? `service ends ${node.service.next_due}` : '', immediate: false },
        { label: 'Immediately', description: 'the service and its data are removed now', immediate: true },
      ],
      { title: `Cancel “${name}”`, placeHolder: 'When should the service end?', ignoreFocusOut: true },
    );
    if (!when) {
      return;
    }
    const reason = await vscode.window.showInputBox({
      title: `Cancel “${name}”: reason`,
      prompt: 'Tell the provider why (required by most portals)',
      validateInput: (v) => (v.trim() ? undefined : 'Enter a reason'),
      ignoreFocusOut: true,
    });
    if (reason === undefined) {
      return;
    }
    const answer = await vscode.window.showWarningMessage(
      `Request cancellation of “${name}” (${node.service.name}) ${when.immediate ? 'immediately' : 'at the end of the billing period'}?`,
      {
        modal: true,
        detail: when.immediate
          ? 'The service is terminated now. Its data cannot be recovered.'
          : `The service keeps running until ${node.service.next_due || 'its due date'} and is then terminated.`,
      },
      'Request Cancellation',
    );
    if (answer !== 'Request Cancellation') {
      return;
    }
    await services.model.services.cancel(node, { immediate: when.immediate, reason: reason.trim() });
    void vscode.window.showInformationMessage(`Cancellation of “${name}” requested.`);
  },
});

export const serviceCommands = [renameService, cancelService];
