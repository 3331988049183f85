import * as vscode from 'vscode';
import { Account } from '../accounts/accountRegistry';
import { Category, Product } from '../api/resources/catalogue';
import { DomainAvailability, DomainOrder } from '../api/resources/domains';
import { isPortalClientError } from '../api/errors';
import { formatMoney } from '../billing/money';
import { paymentMethodLabel } from '../billing/paymentFees';
import { customAnswers, customField, cycleName, OrderChoices, OrderOption } from '../ordering/orderForm';
import { Ctx } from '../ctx';
import { accountHas } from '../views/viewSpecs';
import { OrderPanels } from '../webviews/panels';
import { CommandFactory } from './command';
import { accountFor } from '../ui/pickAccount';

const signedIn = (a: Account) => a.state === 'signedIn';

/** New Order…: account → category → product, then the product's order form in the editor. */
export function newOrder(panels: OrderPanels): CommandFactory {
  return (services) => ({
    id: 'cloudPortal.order.new',
    async run(arg?: unknown) {
      const account = await accountFor(services, arg, vscode.l10n.t('Order with which account?'), signedIn);
      if (!account) return;
      const accountId = account.record.id;
      const title = vscode.l10n.t('New Order ({0})', account.record.label);
      // The quick pick shows its busy bar until the catalogue arrives.
      const categories = services.model.catalogue.categories(accountId);
      const category = await vscode.window.showQuickPick<vscode.QuickPickItem & { category: Category }>(
        categories.then((list) => list.map((c) => ({ label: c.name, detail: c.description || undefined, category: c }))),
        { title, placeHolder: vscode.l10n.t('Category'), matchOnDetail: true, ignoreFocusOut: true },
      );
      if (!category) return;
      const currency = services.model.billing.currency(accountId);
      const products = Promise.all([services.model.catalogue.products(accountId, category.category.id), currency]).then(([list, cur]) =>
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
      const product = await vscode.window.showQuickPick<vscode.QuickPickItem & { product: Product }>(products, { title: vscode.l10n.t('{0}: {1}', title, category.label), placeHolder: vscode.l10n.t('Product'), matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
      if (!product) return;
      await panels.show({ accountId, productId: product.product.id });
    },
  });
}

/** The periods the portal states a price for (0.00 included: a free transfer is offered as free). */
function priceRows(result: DomainAvailability, action: 'register' | 'transfer', currency: string) {
  return result.periods
    .filter((p) => p[action] !== undefined && p.period > 0)
    .map((p) => ({ label: p.period === 1 ? vscode.l10n.t('1 year') : vscode.l10n.t('{0} years', p.period), description: p[action] === 0 ? `free (${formatMoney(0, currency)})` : formatMoney(p[action]!, currency), years: p.period, price: p[action]!, tldId: p.id }));
}

type Answers = OrderChoices['custom'];

/**
 * The extra fields a TLD's registry needs (`GET /domain/order/@id/form`, ccTLDs), asked one by one;
 * the answers in the portal's `data` shape, with the paid options named. `undefined` when cancelled.
 */
async function askTldForm(services: Ctx, accountId: string, tldId: string, title: string, currency: string): Promise<{ data: DomainOrder['data']; paid: string[] } | undefined> {
  const api = await services.model.api(accountId);
  const forms = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('What the registry needs…') }, () =>
    api.domains.orderForm(tldId).catch((e: unknown) => {
      // A portal without per-TLD forms answers 404: nothing extra to ask.
      if (isPortalClientError(e) && e.kind === 'notFound') return [];
      throw e;
    }),
  );
  const fields = forms.map(customField);
  const unsupported = fields.filter((f) => f.kind === 'unsupported' && forms.find((x) => x.id === f.id)?.required);
  if (unsupported.length > 0) {
    throw new Error(vscode.l10n.t('This domain needs {0}, which Cloud Portal cannot ask for yet: register it on the portal’s website.', unsupported.map((f) => `“${f.label}”`).join(', ')));
  }
  const answers: Answers = {};
  const paid: string[] = [];
  const priced = (o: OrderOption) => (o.price > 0 ? formatMoney(o.price, currency) : undefined);
  for (const field of fields) {
    const step = `${title}: ${field.label}`;
    if (field.kind === 'select' || field.kind === 'radio') {
      const options = [...(field.required ? [] : [{ label: vscode.l10n.t('None'), option: undefined as OrderOption | undefined }]), ...field.options.map((o) => ({ label: o.label, description: priced(o), option: o as OrderOption | undefined }))];
      const chosen = await vscode.window.showQuickPick(options, { title: step, placeHolder: field.required ? vscode.l10n.t('{0} (required by the registry)', field.label) : field.label, ignoreFocusOut: true });
      if (!chosen) return undefined;
      answers[field.id] = chosen.option?.id ?? '';
      if (chosen.option && chosen.option.price > 0) paid.push(`${field.label}: ${chosen.option.label} ${priced(chosen.option)}`);
    } else if (field.kind === 'checkbox') {
      const chosen = await vscode.window.showQuickPick(
        field.options.map((o) => ({ label: o.label || field.label, description: priced(o), option: o })),
        { title: step, placeHolder: vscode.l10n.t('{0}: tick what you want (optional)', field.label), canPickMany: true, ignoreFocusOut: true },
      );
      if (!chosen) return undefined;
      answers[field.id] = chosen.map((c) => c.option.id);
      paid.push(...chosen.filter((c) => c.option.price > 0).map((c) => `${c.label} ${priced(c.option)}`));
    } else if (field.kind === 'text' || field.kind === 'quantity') {
      const text = await vscode.window.showInputBox({
        title: step,
        prompt: field.description || field.label,
        validateInput: (v) => (field.kind === 'text' ? (field.required && !v.trim() ? vscode.l10n.t('{0} is required by the registry', field.label) : undefined) : /^\d+$/.test(v.trim()) ? undefined : vscode.l10n.t('A whole number')),
        ignoreFocusOut: true,
      });
      if (text === undefined) return undefined;
      answers[field.id] = field.kind === 'quantity' ? Number(text.trim()) : text.trim();
    }
  }
  const data = customAnswers(fields, answers);
  return { data: Object.keys(data).length ? data : undefined, paid };
}

/** Who the domain is registered to: the account's own details (the portal's default) or one of its contacts. */
async function askContact(services: Ctx, accountId: string, title: string): Promise<{ id?: string; label: string } | undefined> {
  const contacts = await (await services.model.api(accountId)).account.contacts().catch(() => []);
  if (contacts.length === 0) return { label: '' };
  const chosen = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('$(account) My account details'), description: vscode.l10n.t('the portal’s default'), id: undefined as string | undefined },
      ...contacts.map((c) => ({ label: [c.firstname, c.lastname].filter(Boolean).join(' ') || c.email || vscode.l10n.t('Contact {0}', c.id), description: [c.companyname, c.email].filter(Boolean).join(' · '), id: c.id as string | undefined })),
    ],
    { title: vscode.l10n.t('{0}: contact', title), placeHolder: vscode.l10n.t('Registrant, admin, tech and billing contact of the domain'), ignoreFocusOut: true },
  );
  return chosen && { id: chosen.id, label: chosen.id ? chosen.label : '' };
}

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Register or Transfer Domain…: availability and prices from the portal, one order after a modal. */
export const orderDomain: CommandFactory = (services) => ({
  id: 'cloudPortal.domain.order',
  async run(arg?: unknown) {
    const account = await accountFor(services, arg, vscode.l10n.t('Register a domain with which account?'), (a) => signedIn(a) && accountHas(a, 'domains'));
    if (!account) return;
    const accountId = account.record.id;
    const title = vscode.l10n.t('Register or Transfer Domain ({0})', account.record.label);
    const name = (
      await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t('The domain to check, for example example.com'),
        placeHolder: vscode.l10n.t('example.com'),
        validateInput: (v) => (DOMAIN.test(v.trim().toLowerCase()) ? undefined : vscode.l10n.t('Enter a domain name such as example.com')),
        ignoreFocusOut: true,
      })
    )?.trim().toLowerCase();
    if (!name) return;
    const [result, currency] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking {0}…', name) }, () =>
      Promise.all([services.model.domains.lookup(accountId, name), services.model.billing.currency(accountId)]),
    );
    let action: 'register' | 'transfer' = 'register';
    if (!result.available) {
      if (!priceRows(result, 'transfer', currency).length) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not available, and {1} cannot transfer it.', name, account.record.label));
        return;
      }
      const transfer = await vscode.window.showInformationMessage(vscode.l10n.t('{0} is already registered. If it is yours, you can transfer it here.', name), vscode.l10n.t('Transfer…'));
      if (!transfer) return;
      action = 'transfer';
    }
    // Whole sentences per action, so that each reads right in a translation.
    const words =
      action === 'register'
        ? {
            title: vscode.l10n.t('Register {0}', name),
            question: (period: string, price: string) => vscode.l10n.t('Register “{0}” for {1} for {2}?', name, period, price),
            button: (price: string) => vscode.l10n.t('Register for {0}', price),
            progress: vscode.l10n.t('Registering {0}…', name),
            ordered: (order: string, invoice: string) => vscode.l10n.t('Register of {0} ordered{1}: invoice {2}.', name, order, invoice),
          }
        : {
            title: vscode.l10n.t('Transfer {0}', name),
            question: (period: string, price: string) => vscode.l10n.t('Transfer “{0}” for {1} for {2}?', name, period, price),
            button: (price: string) => vscode.l10n.t('Transfer for {0}', price),
            progress: vscode.l10n.t('Transferring {0}…', name),
            ordered: (order: string, invoice: string) => vscode.l10n.t('Transfer of {0} ordered{1}: invoice {2}.', name, order, invoice),
          };
    const period = await vscode.window.showQuickPick(priceRows(result, action, currency), {
      title: words.title,
      placeHolder: action === 'register' ? vscode.l10n.t('{0} is available{1}. For how long?', name, result.premium ? ' (premium)' : '') : vscode.l10n.t('Transfer with how many years added?'),
      ignoreFocusOut: true,
    });
    if (!period) return;
    let epp: string | undefined;
    if (action === 'transfer') {
      epp = await vscode.window.showInputBox({ title: words.title, prompt: vscode.l10n.t('The EPP (authorisation) code from the current registrar'), password: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The transfer needs the EPP code')), ignoreFocusOut: true });
      if (!epp) return;
    }
    const extras = action === 'register' ? await askTldForm(services, accountId, period.tldId, words.title, currency) : { data: undefined, paid: [] };
    if (!extras) return;
    const contact = action === 'register' ? await askContact(services, accountId, words.title) : { label: '' };
    if (!contact) return;
    const nsText = await vscode.window.showInputBox({
      title: words.title,
      prompt: vscode.l10n.t('Name servers, separated by commas or spaces (leave empty for the portal’s defaults)'),
      placeHolder: vscode.l10n.t('ns1.example.net, ns2.example.net'),
      validateInput: (v) => (v.split(/[\s,]+/).filter(Boolean).every((ns) => DOMAIN.test(ns.toLowerCase())) ? undefined : vscode.l10n.t('Each name server is a host name such as ns1.example.net')),
      ignoreFocusOut: true,
    });
    if (nsText === undefined) return;
    const nameservers = nsText.split(/[\s,]+/).filter(Boolean).map((ns) => ns.toLowerCase());
    const methods = await services.model.billing.paymentMethods(accountId);
    const method = methods.length === 1 ? methods[0] : (await vscode.window.showQuickPick(methods.map((m) => ({ label: paymentMethodLabel(m, currency), method: m })), { title: vscode.l10n.t('{0}: payment method', name), ignoreFocusOut: true }))?.method;
    if (!method) return;
    const price = formatMoney(period.price, currency);
    const roles = contact.id ? { registrant: contact.id, admin: contact.id, tech: contact.id, billing: contact.id } : {};
    const order: DomainOrder = { name, years: period.years, action, tld_id: period.tldId, pay_method: method.id, epp, nameservers: nameservers.length ? nameservers : undefined, data: extras.data, ...roles };
    // The portal's prices as it states them, side by side: the period's, then each paid option's.
    const priceText = [price, ...extras.paid].join(' + ');
    const details = [
      vscode.l10n.t('An invoice for {0} is created on “{1}”, to be paid by {2}.', priceText, account.record.label, paymentMethodLabel(method, currency)),
      nameservers.length ? vscode.l10n.t('Name servers: {0}.', nameservers.join(', ')) : '',
      contact.label ? vscode.l10n.t('Contact: {0}.', contact.label) : '',
      vscode.l10n.t('Add to Cart instead to order it together with other items on one invoice.'),
    ];
    const answer = await vscode.window.showWarningMessage(
      words.question(period.label, priceText),
      { modal: true, detail: details.filter(Boolean).join(' ') },
      words.button(priceText),
      vscode.l10n.t('Add to Cart'),
    );
    if (answer === vscode.l10n.t('Add to Cart')) {
      const { pay_method: _method, ...rest } = order;
      const count = services.carts.add(accountId, { label: words.title, detail: [period.label, ...extras.paid].join(' · '), item: { type: 'domain', ...rest, years: String(order.years) } });
      const show = await vscode.window.showInformationMessage(count === 1 ? vscode.l10n.t('{0} is in the cart (1 item).', name) : vscode.l10n.t('{0} is in the cart ({1} items).', name, count), vscode.l10n.t('Show Cart'));
      if (show) await vscode.commands.executeCommand('cloudPortal.cart.show', { accountId });
      return;
    }
    if (answer !== words.button(priceText)) return;
    const placed = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: words.progress }, () => services.model.domains.order(accountId, order));
    const open = await vscode.window.showInformationMessage(words.ordered(placed.order_num ? vscode.l10n.t(' (order {0})', placed.order_num) : '', placed.invoice_id || '—'), ...(placed.invoice_id ? [vscode.l10n.t('Open Invoice')] : []));
    if (open) await vscode.commands.executeCommand('cloudPortal.billing.openInvoice', { accountId, invoiceId: placed.invoice_id });
  },
});

/** The ordering commands (imported on first use, see `extension.ts`). */
export const orderCommands = (panels: OrderPanels): CommandFactory[] => [newOrder(panels), orderDomain];
