import * as vscode from 'vscode';
import { describeError } from '../api/errors';
import { keys } from '../model/cacheKeys';
import { Ctx } from '../ctx';
import { DomainNode, ServiceNode, TreeNode, VmNode } from '../views/nodes';
import { detailsKey } from './detailsTarget';
import { loadDetails } from './detailsView';
import { DetailsTarget, ExtensionToPage, isPageMessage } from './protocol';
import { OwnedPanel } from './panelRegistry';
import { configureWebview } from './webviewHtml';

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
  const domain = await services.model.domains.details(t);
  return { kind: 'domain', id: `cloudPortal.domains/${t.accountId}/domain/${t.domainId}`, accountId: t.accountId, domainId: t.domainId, domain } satisfies DomainNode;
}

/** One details panel: fields, resource gauges, IP addresses with copy buttons, and actions. */
export class DetailsPanel implements OwnedPanel {
  private readonly subscriptions: vscode.Disposable[] = [];
  private rendering = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly target: DetailsTarget,
    private readonly services: Ctx,
    extensionUri: vscode.Uri,
    onDispose: () => void,
  ) {
    configureWebview(panel.webview, extensionUri, { script: 'details.js', style: 'details.css', title: 'Details' });
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message)),
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
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

  private post(message: ExtensionToPage): void {
    void this.panel.webview.postMessage(message);
  }

  async render(): Promise<void> {
    const run = ++this.rendering;
    try {
      const view = await loadDetails(this.services.model, this.services.registry, this.target);
      if (run === this.rendering) {
        this.panel.title = view.title;
        this.post({ type: 'show', view, target: this.target });
      }
    } catch (e) {
      if (run === this.rendering) {
        this.post({ type: 'failed', message: describeError(e) });
      }
    }
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isPageMessage(message)) {
      return;
    }
    switch (message.type) {
      case 'ready':
        return this.render();
      case 'refresh':
        this.services.model.invalidate(this.target.kind === 'domain' ? keys.domainDetails(this.target) : keys.vms({ accountId: this.target.accountId, serviceId: this.target.serviceId }));
        this.services.model.invalidate(detailsKey(this.target));
        return this.render();
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        vscode.window.setStatusBarMessage(`$(check) Copied ${message.text}`, 4_000);
        return;
      case 'action': {
        const allowed = /^(vm\.(start|stop|shutdown|reboot|reset|rescue|unrescue|rebuild)|service\.(rename|cancel)|domain\.(editNameservers|enableAutorenew|disableAutorenew|showEppCode|renew))$/;
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

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
