import * as vscode from 'vscode';
import { keys } from '../model/cacheKeys';
import { Ctx } from '../ctx';
import { CertificateNode, DomainNode, ServiceNode, TreeNode, VmNode } from '../views/nodes';
import { detailsKey } from './detailsTarget';
import { loadDetails } from './detailsView';
import { DetailsTarget, ExtensionToPage, isPageMessage, PageToExtension } from './protocol';
import { PortalPanel } from './portalPanel';

/** A tree node for a target, so panel buttons run the very commands the tree runs. */
async function nodeOf(services: Ctx, t: DetailsTarget): Promise<TreeNode> {
  const base = `cloudPortal.services/${t.accountId}`;
  if (t.kind === 'vm') {
    return { kind: 'vm', id: `${base}/service/${t.serviceId}/vm/${t.vmId}`, accountId: t.accountId, serviceId: t.serviceId, vmId: t.vmId } satisfies VmNode;
  }
  if (t.kind === 'service') {
    const service = services.model.services.peek(t) ?? (await services.model.services.details(t));
    return { kind: 'service', id: `${base}/service/${t.serviceId}`, accountId: t.accountId, serviceId: t.serviceId, service, hasVms: false } satisfies ServiceNode;
  }
  if (t.kind === 'certificate') {
    const certificate = (await services.model.certificates.list(t.accountId)).find((c) => c.id === t.certificateId) ?? { id: t.certificateId, domain: '', name: '', status: '', cert_status: '', cert_expires: '', next_due: '' };
    return { kind: 'certificate', id: `cloudPortal.certificates/${t.accountId}/certificate/${t.certificateId}`, accountId: t.accountId, certificateId: t.certificateId, certificate } satisfies CertificateNode;
  }
  const domain = await services.model.domains.details(t);
  return { kind: 'domain', id: `cloudPortal.domains/${t.accountId}/domain/${t.domainId}`, accountId: t.accountId, domainId: t.domainId, domain } satisfies DomainNode;
}

/** One details panel: fields, resource gauges, IP addresses with copy buttons, and actions. */
export class DetailsPanel extends PortalPanel<DetailsTarget, ExtensionToPage, PageToExtension> {
  constructor(panel: vscode.WebviewPanel, target: DetailsTarget, private readonly services: Ctx, extensionUri: vscode.Uri, onDispose: () => void) {
    super(panel, target, extensionUri, { script: 'details.js', style: 'details.css', title: vscode.l10n.t('Details') }, isPageMessage, onDispose);
    this.subscriptions.push(
      services.model.vmActions.onDidChangeVm((ref) => {
        if (target.kind === 'vm' && ref.vmId === target.vmId && ref.serviceId === target.serviceId && ref.accountId === target.accountId) {
          void this.render();
        }
      }),
      services.model.cache.onDidInvalidate((key) => {
        if (key.startsWith(`${target.accountId}/`)) {
          void this.render();
        }
      }),
    );
  }

  render(): Promise<void> {
    return this.show(
      () => loadDetails(this.services.model, this.services.registry, this.target),
      (view) => {
        this.panel.title = view.title;
        return { type: 'show', view, target: this.target };
      },
    );
  }

  protected async onMessage(message: PageToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.render();
      case 'refresh':
        if (this.target.kind === 'domain') this.services.model.invalidate(keys.domainDetails(this.target));
        else if (this.target.kind === 'certificate') this.services.model.invalidate(keys.certificates(this.target.accountId));
        else this.services.model.invalidate(keys.vms({ accountId: this.target.accountId, serviceId: this.target.serviceId }));
        this.services.model.invalidate(detailsKey(this.target));
        return this.render();
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', message.text), 4_000);
        return;
      case 'action': {
        const allowed = /^(vm\.(start|stop|shutdown|reboot|reset|rescue|unrescue|rebuild|openSshTerminal|openRemoteSsh|copySshCommand|editReverseDns|networkInterfaces)|service\.(rename|cancel)|domain\.(editNameservers|enableAutorenew|disableAutorenew|showEppCode|renew|editContacts|manageDnssec|emailForwarding|idProtection)|certificate\.(open|save))$/;
        if (!allowed.test(message.id)) {
          return;
        }
        const node = await nodeOf(this.services, this.target);
        const running = vscode.commands.executeCommand(`cloudPortal.${message.id}`, node);
        void this.render();
        await running;
        return this.render();
      }
    }
  }
}
