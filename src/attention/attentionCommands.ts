// The actions of Needs Attention rows: each hands the row's resource to the command that already does the
// job (renew, enable autorenew, the invoice with Apply Credit, the service's details), or opens the
// certificate's PEM (Open Certificate); then the view looks again.
import * as vscode from 'vscode';
import { CommandFactory } from '../commands/command';
import { Ctx } from '../ctx';
import { AttentionRow, AttentionView } from './attentionView';

const rowOf = (arg: unknown): AttentionRow | undefined => (arg && typeof arg === 'object' && 'item' in arg ? (arg as AttentionRow) : undefined);

/** A row's resource as the tree node the existing commands take (no parent: it is not read again first). */
function nodeOf(row: AttentionRow) {
  const { item } = row;
  if (item.kind === 'domain' && row.domain) return { kind: 'domain' as const, id: `cloudPortal.domains/${item.accountId}/domain/${item.id}`, accountId: item.accountId, domainId: item.id, domain: row.domain };
  if (item.kind === 'service' && row.service) return { kind: 'service' as const, id: `cloudPortal.services/${item.accountId}/service/${item.id}`, accountId: item.accountId, serviceId: item.id, service: row.service, hasVms: false };
  return undefined;
}

export function attentionCommands(view: AttentionView): CommandFactory[] {
  const act = (id: string, run: (services: Ctx, row: AttentionRow) => Thenable<unknown>): CommandFactory => (services) => ({
    id,
    async run(arg?: unknown) {
      const row = rowOf(arg);
      if (!row) return;
      await run(services, row);
      // What the action changed is read again (the lists it touched).
      await view.refresh(true);
    },
  });
  return [
    () => ({ id: 'cloudPortal.attention.refresh', run: () => view.refresh(true) }),
    act('cloudPortal.attention.renew', (_s, row) => vscode.commands.executeCommand('cloudPortal.domain.renew', nodeOf(row))),
    act('cloudPortal.attention.enableAutorenew', (_s, row) => vscode.commands.executeCommand('cloudPortal.domain.enableAutorenew', nodeOf(row))),
    act('cloudPortal.attention.pay', (_s, row) => vscode.commands.executeCommand('cloudPortal.billing.openInvoice', { accountId: row.item.accountId, invoiceId: row.item.id })),
    act('cloudPortal.attention.open', (_s, row) => vscode.commands.executeCommand('cloudPortal.showDetails', nodeOf(row))),
  ];
}
