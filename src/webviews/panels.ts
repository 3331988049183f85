import * as vscode from 'vscode';
import { keys } from '../model/cacheKeys';
import { Ctx } from '../ctx';
import { isInvoiceTarget, InvoiceTarget } from './invoiceProtocol';
import { isOrderTarget, OrderTarget } from './orderProtocol';
import type { DetailsPanel } from './detailsPanel';
import type { FormPanel } from './formPanel';
import { FormTarget, isFormTarget } from './formProtocol';
import type { InvoicePanel } from './invoicePanel';
import type { OrderPanel } from './orderPanel';
import { PanelRegistry } from './panelRegistry';
import { detailsKey } from './detailsTarget';
import { DetailsTarget, isDetailsTarget } from './protocol';
import type { TicketPanel, TicketPanelDeps } from './ticketPanel';
import { isTicketTarget, TicketTarget } from './ticketProtocol';

// The kinds of editor panels. Each panel's code is imported when the first one of its kind opens.

/** Details panels (one per resource), brought back after a window reload. */
export class DetailsPanels extends PanelRegistry<DetailsTarget, DetailsPanel> {
  constructor(services: Ctx, extensionUri: vscode.Uri) {
    super({
      viewType: 'cloudPortal.details',
      isTarget: isDetailsTarget,
      canRestore: (t) => !!services.registry.get(t.accountId),
      key: detailsKey,
      title: () => 'Details',
      create: async (panel, target, onDispose) => new (await import('./detailsPanel')).DetailsPanel(panel, target, services, extensionUri, onDispose),
    });
  }
}

/** Ticket conversations in the editor area, one per ticket, restored after a window reload. */
export class TicketPanels extends PanelRegistry<TicketTarget, TicketPanel> {
  constructor(deps: TicketPanelDeps) {
    super({
      viewType: 'cloudPortal.ticket',
      isTarget: isTicketTarget,
      canRestore: (t) => !!deps.registry.get(t.accountId),
      key: (t) => keys.ticket(t),
      title: (t) => `Ticket #${t.number}`,
      create: async (panel, target, onDispose) => new (await import('./ticketPanel')).TicketPanel(panel, target, deps, onDispose),
    });
  }

  async open(target: TicketTarget): Promise<void> {
    const { panel, existed } = await this.show(target);
    if (existed) void panel.render(true);
  }

  /** Redraws an open conversation (after a reply was sent, or a draft changed). */
  refresh(target: TicketTarget, fresh = true): void {
    void this.get(target)?.then((p) => p.render(fresh));
  }

  busy(target: TicketTarget, what: string | undefined): void {
    void this.get(target)?.then((p) => p.post({ type: 'busy', what }));
  }
}

/** New Order pages, one per product. */
export class OrderPanels extends PanelRegistry<OrderTarget, OrderPanel> {
  constructor(services: Ctx, extensionUri: vscode.Uri) {
    super({
      viewType: 'cloudPortal.order',
      isTarget: isOrderTarget,
      canRestore: (t) => !!services.registry.get(t.accountId),
      key: (t) => `${t.accountId}/order/${t.productId}`,
      title: () => vscode.l10n.t('New Order'),
      create: async (panel, target, onDispose) => new (await import('./orderPanel')).OrderPanel(panel, target, services, extensionUri, onDispose),
      reusable: (panel) => !panel.placed,
    });
  }
}

/** Invoices, one panel each. */
export class InvoicePanels extends PanelRegistry<InvoiceTarget, InvoicePanel> {
  constructor(services: Ctx, extensionUri: vscode.Uri) {
    super({
      viewType: 'cloudPortal.invoice',
      isTarget: isInvoiceTarget,
      canRestore: (t) => !!services.registry.get(t.accountId),
      key: (t) => keys.invoice(t),
      title: (t) => `Invoice ${t.invoiceId}`,
      create: async (panel, target, onDispose) => new (await import('./invoicePanel')).InvoicePanel(panel, target, services, extensionUri, onDispose),
    });
  }

  async open(target: InvoiceTarget): Promise<void> {
    const { panel, existed } = await this.show(target);
    if (existed) void panel.render(true);
  }

  busy(target: InvoiceTarget, what: string | undefined): void {
    void this.get(target)?.then((p) => p.busy(what));
  }
}

/** Forms (the account profile, a domain's contacts), one per thing edited, restored after a window reload. */
export class FormPanels extends PanelRegistry<FormTarget, FormPanel> {
  constructor(services: Ctx, extensionUri: vscode.Uri) {
    super({
      viewType: 'cloudPortal.form',
      isTarget: isFormTarget,
      canRestore: (t) => !!services.registry.get(t.accountId),
      key: (t) => (t.kind === 'profile' ? `${t.accountId}/profile` : `${t.accountId}/domains/${t.domainId}/contacts`),
      title: (t) => (t.kind === 'profile' ? vscode.l10n.t('Account Profile') : vscode.l10n.t('Domain Contacts')),
      create: async (panel, target, onDispose) => new (await import('./formPanel')).FormPanel(panel, target, services, extensionUri, onDispose),
    });
  }

  async open(target: FormTarget): Promise<void> {
    const { panel, existed } = await this.show(target);
    if (existed) void panel.render(true);
  }
}
