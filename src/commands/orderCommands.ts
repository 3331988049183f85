import * as vscode from 'vscode';
import { Account } from '../accounts/accountRegistry';
import { Category, Product } from '../api/resources/catalogue';
import { DomainAvailability } from '../api/resources/domains';
import { formatMoney } from '../billing/money';
import { cycleName } from '../ordering/orderForm';
import { ExtensionServices } from '../services';
import { accountHas } from '../views/viewSpecs';
import { OrderPanels } from '../webviews/panels';
import { CommandFactory } from './command';
import { accountFor } from './pickAccount';

const signedIn = (a: Account) => a.state === 'signedIn';

async function currencyOf(services: ExtensionServices, accountId: string): Promise<string> {
  return (await services.model.balance(accountId).catch(() => undefined))?.currency ?? '';
}

/** New Order…: account → category → product, then the product's order form in the editor. */
export function newOrder(panels: OrderPanels): CommandFactory {
  return (services) => ({
    id: 'cloudPortal.order.new',
    async run(arg?: unknown) {
      const account = await accountFor(services, arg, 'Order with which account?', signedIn);
      if (!account) return;
      const accountId = account.record.id;
      const title = `New Order (${account.record.label})`;
      // The quick pick shows its busy bar until the catalogue arrives.
      const categories = services.model.categories(accountId);
      const category = await vscode.window.showQuickPick<vscode.QuickPickItem & { category: Category }>(
        categories.then((list) => list.map((c) => ({ label: c.name, detail: c.description || undefined, category: c }))),
        { title, placeHolder: 'Category', matchOnDetail: true, ignoreFocusOut: true },
      );
      if (!category) return;
      const currency = currencyOf(services, accountId);
      const products = Promise.all([services.model.products(accountId, category.category.id), currency]).then(([list, cur]) =>
        list.map((p) => {
          const first = p.periods[0];
          return {
            label: p.name,
            description: first ? `from ${formatMoney(first.price, cur)} ${cycleName(String(first.value ?? first.title)).toLowerCase()}` : undefined,
            detail: p.description.replace(/\s+/g, ' ').trim() || undefined,
            product: p,
          };
        }),
      );
      const product = await vscode.window.showQuickPick<vscode.QuickPickItem & { product: Product }>(products, { title: `${title}: ${category.label}`, placeHolder: 'Product', matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
      if (!product) return;
      await panels.show({ accountId, productId: product.product.id });
    },
  });
}

/** The periods the portal states a price for (0.00 included: a free transfer is offered as free). */
function priceRows(result: DomainAvailability, action: 'register' | 'transfer', currency: string) {
  return result.periods
    .filter((p) => p[action] !== undefined && p.period > 0)
    .map((p) => ({ label: `${p.period} year${p.period === 1 ? '' : 's'}`, description: p[action] === 0 ? `free (${formatMoney(0, currency)})` : formatMoney(p[action]!, currency), years: p.period, price: p[action]!, tldId: p.id }));
}

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Register or Transfer Domain…: availability and prices from the portal, one order after a modal. */
export const orderDomain: CommandFactory = (services) => ({
  id: 'cloudPortal.domain.order',
  async run(arg?: unknown) {
    const account = await accountFor(services, arg, 'Register a domain with which account?', (a) => signedIn(a) && accountHas(a, 'domains'));
    if (!account) return;
    const accountId = account.record.id;
    const title = `Register or Transfer Domain (${account.record.label})`;
    const name = (
      await vscode.window.showInputBox({
        title,
        prompt: 'The domain to check, for example example.com',
        placeHolder: 'example.com',
        validateInput: (v) => (DOMAIN.test(v.trim().toLowerCase()) ? undefined : 'Enter a domain name such as example.com'),
        ignoreFocusOut: true,
      })
    )?.trim().toLowerCase();
    if (!name) return;
    const [result, currency] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Checking ${name}…` }, () =>
      Promise.all([services.model.lookupDomain(accountId, name), currencyOf(services, accountId)]),
    );
    let action: 'register' | 'transfer' = 'register';
    if (!result.available) {
      if (!priceRows(result, 'transfer', currency).length) {
        void vscode.window.showWarningMessage(`${name} is not available, and ${account.record.label} cannot transfer it.`);
        return;
      }
      const transfer = await vscode.window.showInformationMessage(`${name} is already registered. If it is yours, you can transfer it here.`, 'Transfer…');
      if (!transfer) return;
      action = 'transfer';
    }
    const period = await vscode.window.showQuickPick(priceRows(result, action, currency), {
      title: `${action === 'register' ? 'Register' : 'Transfer'} ${name}`,
      placeHolder: action === 'register' ? `${name} is available${result.premium ? ' (premium)' : ''}. For how long?` : 'Transfer with how many years added?',
      ignoreFocusOut: true,
    });
    if (!period) return;
    let epp: string | undefined;
    if (action === 'transfer') {
      epp = await vscode.window.showInputBox({ title: `Transfer ${name}`, prompt: 'The EPP (authorisation) code from the current registrar', password: true, validateInput: (v) => (v.trim() ? undefined : 'The transfer needs the EPP code'), ignoreFocusOut: true });
      if (!epp) return;
    }
    const nsText = await vscode.window.showInputBox({
      title: `${action === 'register' ? 'Register' : 'Transfer'} ${name}`,
      prompt: 'Name servers, separated by commas or spaces (leave empty for the portal’s defaults)',
      placeHolder: 'ns1.example.net, ns2.example.net',
      validateInput: (v) => (v.split(/[\s,]+/).filter(Boolean).every((ns) => DOMAIN.test(ns.toLowerCase())) ? undefined : 'Each name server is a host name such as ns1.example.net'),
      ignoreFocusOut: true,
    });
    if (nsText === undefined) return;
    const nameservers = nsText.split(/[\s,]+/).filter(Boolean).map((ns) => ns.toLowerCase());
    const methods = await services.model.paymentMethods(accountId);
    const method = methods.length === 1 ? methods[0] : (await vscode.window.showQuickPick(methods.map((m) => ({ label: m.name, method: m })), { title: `${name}: payment method`, ignoreFocusOut: true }))?.method;
    if (!method) return;
    const price = formatMoney(period.price, currency);
    const verb = action === 'register' ? 'Register' : 'Transfer';
    const answer = await vscode.window.showWarningMessage(
      `${verb} “${name}” for ${period.label} for ${price}?`,
      { modal: true, detail: `An invoice for ${price} is created on “${account.record.label}”, to be paid by ${method.name}.${nameservers.length ? ` Name servers: ${nameservers.join(', ')}.` : ''}` },
      `${verb} for ${price}`,
    );
    if (answer !== `${verb} for ${price}`) return;
    const order = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${verb === 'Register' ? 'Registering' : 'Transferring'} ${name}…` }, () =>
      services.model.orderDomain(accountId, { name, years: period.years, action, tld_id: period.tldId, pay_method: method.id, epp, nameservers: nameservers.length ? nameservers : undefined }),
    );
    const open = await vscode.window.showInformationMessage(`${verb} of ${name} ordered${order.order_num ? ` (order ${order.order_num})` : ''}: invoice ${order.invoice_id || '—'}.`, ...(order.invoice_id ? ['Open Invoice'] : []));
    if (open) await vscode.commands.executeCommand('cloudPortal.billing.openInvoice', { accountId, invoiceId: order.invoice_id });
  },
});

/** The ordering commands (imported on first use, see `extension.ts`). */
export const orderCommands = (panels: OrderPanels): CommandFactory[] => [newOrder(panels), orderDomain];
