import * as vscode from 'vscode';
import { formatMoney } from '../billing/money';
import { paymentMethodLabel } from '../billing/paymentFees';
import { renewalOptions } from '../ordering/renewalPrices';
import { isHostName } from '../model/dnsRecordRules';
import { Ctx } from '../ctx';
import { DomainNode } from '../views/nodes';
import { domainsView } from '../views/viewSpecs';
import { CommandFactory } from './command';
import { fresh, nodeFor } from '../ui/pickNode';

const pickDomain = (services: Ctx, arg: unknown, placeHolder: string, accept?: (n: DomainNode) => boolean) =>
  nodeFor(services, arg, 'domain', [domainsView], placeHolder, accept);

export function checkNameservers(text: string): string | undefined {
  const list = text.split(/[\s,]+/).filter(Boolean);
  if (list.length < 2 || list.length > 4) {
    return vscode.l10n.t('Enter 2 to 4 name servers, separated by commas');
  }
  const bad = list.find((ns) => !isHostName(ns));
  return bad ? vscode.l10n.t('“{0}” is not a host name', bad) : undefined;
}

export const editNameservers: CommandFactory = (services) => ({
  id: 'cloudPortal.domain.editNameservers',
  async run(arg?: unknown) {
    const node = await fresh(services, await pickDomain(services, arg, vscode.l10n.t('Name servers of which domain?')));
    if (!node) {
      return;
    }
    const details = await services.model.domains.details(node);
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Name servers of {0}', node.domain.name),
      prompt: vscode.l10n.t('2 to 4 host names, separated by commas'),
      value: details.nameservers.join(', '),
      ignoreFocusOut: true,
      validateInput: checkNameservers,
    });
    if (typed === undefined) {
      return;
    }
    const list = typed.split(/[\s,]+/).filter(Boolean).map((ns) => ns.replace(/\.$/, '').toLowerCase());
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating name servers of {0}…', node.domain.name) }, () =>
      services.model.domains.setNameservers(node, list),
    );
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} now uses {1}.', node.domain.name, list.join(', ')));
  },
});

function autorenewCommand(enable: boolean): CommandFactory {
  return (services) => ({
    id: enable ? 'cloudPortal.domain.enableAutorenew' : 'cloudPortal.domain.disableAutorenew',
    async run(arg?: unknown) {
      const node = await fresh(services, await pickDomain(services, arg, enable ? vscode.l10n.t('Enable autorenew for which domain?') : vscode.l10n.t('Disable autorenew for which domain?'), (n) => n.domain.autorenew !== enable));
      if (node) {
        await services.model.domains.setAutorenew(node, enable);
      }
    },
  });
}

function lockCommand(lock: boolean): CommandFactory {
  return (services) => ({
    id: lock ? 'cloudPortal.domain.lock' : 'cloudPortal.domain.unlock',
    async run(arg?: unknown) {
      const node = await fresh(services, await pickDomain(services, arg, vscode.l10n.t('{0} which domain?', lock ? 'Lock' : 'Unlock')));
      if (!node) {
        return;
      }
      if (!lock) {
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Remove the registrar lock from “{0}”?', node.domain.name),
          { modal: true, detail: vscode.l10n.t('An unlocked domain can be transferred to another registrar with its EPP code.') },
          vscode.l10n.t('Unlock Domain'),
        );
        if (answer !== vscode.l10n.t('Unlock Domain')) {
          return;
        }
      }
      await services.model.domains.setRegistrarLock(node, lock);
      // What the registry says now, as the model read it back after the change (no second request).
      const now = services.model.domains.peekLock(node) ?? lock;
      vscode.window.setStatusBarMessage(`$(${now ? 'lock' : 'unlock'}) ${node.domain.name} is ${now ? 'locked' : 'unlocked'}`, 8_000);
    },
  });
}

export const showEppCode: CommandFactory = (services) => ({
  id: 'cloudPortal.domain.showEppCode',
  async run(arg?: unknown) {
    const node = await pickDomain(services, arg, vscode.l10n.t('EPP code of which domain?'));
    if (!node) {
      return;
    }
    const code = await (await services.model.api(node.accountId)).domains.eppCode(node.domainId);
    if (!code) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The portal returned no EPP code for {0}.', node.domain.name));
      return;
    }
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('EPP code of {0}: {1}', node.domain.name, code), vscode.l10n.t('Copy'));
    if (choice === vscode.l10n.t('Copy')) {
      await vscode.env.clipboard.writeText(code);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) EPP code copied'), 5_000);
    }
  },
});

export const renewDomain: CommandFactory = (services) => ({
  id: 'cloudPortal.domain.renew',
  async run(arg?: unknown) {
    const node = await fresh(services, await pickDomain(services, arg, vscode.l10n.t('Renew which domain?')));
    if (!node) {
      return;
    }
    const api = await services.model.api(node.accountId);
    const [methods, balance, options] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Renewal prices for {0}…', node.domain.name) }, () =>
      Promise.all([services.model.billing.paymentMethods(node.accountId), api.billing.balance().catch(() => undefined), renewalOptions(api, node.domain.name)]),
    );
    const currency = balance?.currency ?? '';
    if (options.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The portal states no renewal price for {0}, so it cannot be renewed from here. Renew it in the portal\'s client area.', node.domain.name));
      return;
    }
    const years = await vscode.window.showQuickPick(
      options.map((o) => ({ label: `${o.years} year${o.years > 1 ? 's' : ''}`, description: formatMoney(o.price, currency), years: o.years, price: o.price })),
      { title: vscode.l10n.t('Renew {0}', node.domain.name), placeHolder: vscode.l10n.t('Expires {0}. Renew for how long? (prices as the portal states them)', node.domain.expires), ignoreFocusOut: true },
    );
    if (!years) {
      return;
    }
    const method =
      methods.length === 1
        ? methods[0]
        : (await vscode.window.showQuickPick(methods.map((m) => ({ label: paymentMethodLabel(m, currency), method: m })), { title: vscode.l10n.t('Renew {0}', node.domain.name), placeHolder: vscode.l10n.t('Payment method'), ignoreFocusOut: true }))?.method;
    if (!method) {
      return;
    }
    const price = formatMoney(years.price, currency);
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Renew “{0}” for {1} for {2}?', node.domain.name, years.label, price),
      { modal: true, detail: vscode.l10n.t('An invoice for {0} is created, to be paid by {1}. The portal\'s invoice is final.', price, method.name) },
      vscode.l10n.t('Renew for {0}', price),
    );
    if (answer !== `Renew for ${price}`) {
      return;
    }
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Renewing {0}…', node.domain.name) }, () =>
      services.model.domains.renew(node, years.years, method.id),
    );
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Renewal ordered{0}: invoice {1} for {2} {3}.', result.order_num ? ` (order ${result.order_num})` : '', result.invoice_id || '—', result.total.toFixed(2), currency),
    );
  },
});

export const domainCommands = [editNameservers, autorenewCommand(true), autorenewCommand(false), lockCommand(true), lockCommand(false), showEppCode, renewDomain];
