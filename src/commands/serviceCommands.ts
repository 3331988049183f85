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
    const node = await fresh(services, await pickService(services, arg, vscode.l10n.t('Which service to label?')));
    if (!node) {
      return;
    }
    const label = await vscode.window.showInputBox({
      title: vscode.l10n.t('Label for {0}{1}', node.service.name, node.service.domain ? ` (${node.service.domain})` : ''),
      prompt: vscode.l10n.t('A name of your own for this service; leave empty to remove the label.'),
      value: node.service.label,
      validateInput: (v) => (v.length > 200 ? vscode.l10n.t('At most 200 characters') : undefined),
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
    const node = await fresh(services, await pickService(services, arg, vscode.l10n.t('Which service to cancel?'), (n) => canRequestCancellation(n.service.status)));
    if (!node) {
      return;
    }
    const name = serviceName(node);
    const when = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('At the end of the billing period'), description: node.service.next_due ? `service ends ${node.service.next_due}` : '', immediate: false },
        { label: vscode.l10n.t('Immediately'), description: vscode.l10n.t('the service and its data are removed now'), immediate: true },
      ],
      { title: vscode.l10n.t('Cancel “{0}”', name), placeHolder: vscode.l10n.t('When should the service end?'), ignoreFocusOut: true },
    );
    if (!when) {
      return;
    }
    const reason = await vscode.window.showInputBox({
      title: vscode.l10n.t('Cancel “{0}”: reason', name),
      prompt: vscode.l10n.t('Tell the provider why (required by most portals)'),
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a reason')),
      ignoreFocusOut: true,
    });
    if (reason === undefined) {
      return;
    }
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Request cancellation of “{0}” ({1}) {2}?', name, node.service.name, when.immediate ? 'immediately' : 'at the end of the billing period'),
      {
        modal: true,
        detail: when.immediate
          ? vscode.l10n.t('The service is terminated now. Its data cannot be recovered.')
          : vscode.l10n.t('The service keeps running until {0} and is then terminated.', node.service.next_due || 'its due date'),
      },
      vscode.l10n.t('Request Cancellation'),
    );
    if (answer !== vscode.l10n.t('Request Cancellation')) {
      return;
    }
    await services.model.services.cancel(node, { immediate: when.immediate, reason: reason.trim() });
    void vscode.window.showInformationMessage(vscode.l10n.t('Cancellation of “{0}” requested.', name));
  },
});

export const serviceCommands = [renameService, cancelService];
