// SSL certificates: open or save the issued certificate (PEM), and order a new one with a CSR made here
// (the private key written only to a file the user picks, 0600) or read from a file or the editor.
// Loaded on first use (see extension.ts). The order is confirmed in a modal with its price and sent once.
import * as vscode from 'vscode';
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { Ctx } from '../ctx';
import { formatMoney } from '../billing/money';
import { paymentMethodLabel } from '../billing/paymentFees';
import { orderFailureMessage } from '../ordering/orderOutcome';
import { csrCommonName, CsrKeyType, generateCsr, isCertificateName } from '../certificates/csr';
import { accountHas, certificatesView } from '../views/viewSpecs';
import { nodeFor } from '../ui/pickNode';
import { accountFor } from '../ui/pickAccount';
import { CommandFactory } from './command';

/** What names a certificate: a tree row, a Needs Attention row, or `{accountId, certificateId}` from a panel. */
interface CertificateRef {
  accountId: string;
  certificateId: string;
  name: string;
}

function refOf(arg: unknown): CertificateRef | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as Record<string, unknown>;
  if (a.kind === 'certificate' && typeof a.accountId === 'string' && typeof a.certificateId === 'string') {
    const c = a.certificate as { domain?: string; name?: string } | undefined;
    return { accountId: a.accountId, certificateId: a.certificateId, name: c?.domain || c?.name || a.certificateId };
  }
  const item = a.item as { kind?: string; accountId?: string; id?: string; title?: string } | undefined;
  if (item?.kind === 'certificate' && item.accountId && item.id) return { accountId: item.accountId, certificateId: item.id, name: item.title ?? item.id };
  return undefined;
}

async function certificateRef(services: Ctx, arg: unknown, placeHolder: string): Promise<CertificateRef | undefined> {
  const known = refOf(arg);
  if (known) return known;
  const node = await nodeFor(services, arg, 'certificate', [certificatesView], placeHolder);
  return node && refOf(node);
}

/** Where save dialogs start: the first workspace folder, else the home folder. */
const startFolder = () => vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir());

/** The issued certificate's PEM, or undefined (said to the user) when the portal has none yet. */
async function downloadPem(services: Ctx, ref: CertificateRef): Promise<string | undefined> {
  const pem = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Downloading the certificate of {0}…', ref.name) }, () =>
    services.model.certificates.pem(ref.accountId, ref.certificateId),
  );
  if (!/-----BEGIN CERTIFICATE-----/.test(pem)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The portal has no certificate for {0} yet.', ref.name));
    return undefined;
  }
  return pem.endsWith('\n') ? pem : `${pem}\n`;
}

const openCertificate: CommandFactory = (services) => ({
  id: 'cloudPortal.certificate.open',
  async run(arg?: unknown) {
    const ref = await certificateRef(services, arg, vscode.l10n.t('Open which certificate?'));
    const pem = ref && (await downloadPem(services, ref));
    if (!pem) return;
    // An untitled editor: nothing is written to disk unless the user saves it.
    const doc = await vscode.workspace.openTextDocument({ content: pem, language: 'plaintext' });
    await vscode.window.showTextDocument(doc);
  },
});

const saveCertificate: CommandFactory = (services) => ({
  id: 'cloudPortal.certificate.save',
  async run(arg?: unknown) {
    const ref = await certificateRef(services, arg, vscode.l10n.t('Save which certificate?'));
    const pem = ref && (await downloadPem(services, ref));
    if (!ref || !pem) return;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the certificate of {0}', ref.name),
      defaultUri: vscode.Uri.joinPath(startFolder(), `${ref.name.replace(/^\*\./, 'wildcard.')}.crt`),
      filters: { [vscode.l10n.t('Certificates')]: ['crt', 'pem', 'cer'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(pem, 'utf8'));
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Saved {0}', target.fsPath), 5_000);
  },
});

/** The CSR for a new certificate: made here (key saved where the user says), or read from a file or the editor. */
async function askCsr(title: string): Promise<{ csr: string; commonName: string } | undefined> {
  const active = vscode.window.activeTextEditor?.document.getText();
  const inEditor = active && csrCommonName(active);
  const how = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('$(key) Generate a New Key and CSR…'), detail: vscode.l10n.t('Made on this machine. The private key is saved only where you choose; it is never sent or kept by Cloud Portal.'), how: 'generate' as const },
      { label: vscode.l10n.t('$(file) Use a CSR from a File…'), how: 'file' as const },
      ...(inEditor ? [{ label: vscode.l10n.t('$(edit) Use the CSR in the Editor'), description: inEditor, how: 'editor' as const }] : []),
    ],
    { title, placeHolder: vscode.l10n.t('Certificate signing request (CSR)'), ignoreFocusOut: true },
  );
  if (!how) return undefined;
  if (how.how === 'editor') return { csr: active!, commonName: inEditor! };
  if (how.how === 'file') {
    const [file] = (await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: { CSR: ['csr', 'pem', 'req', 'txt'] } })) ?? [];
    if (!file) return undefined;
    const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
    const commonName = csrCommonName(text);
    if (commonName === undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} holds no certificate signing request (PEM “BEGIN CERTIFICATE REQUEST”).', file.fsPath));
      return undefined;
    }
    return { csr: text.trim(), commonName };
  }
  const commonName = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The host name the certificate is for (e.g. shop.example.com or *.example.com)'),
    ignoreFocusOut: true,
    validateInput: (v) => (isCertificateName(v.trim()) ? undefined : vscode.l10n.t('Enter a host name such as shop.example.com')),
  });
  if (!commonName) return undefined;
  const name = commonName.trim().toLowerCase();
  const keyType = await vscode.window.showQuickPick(
    [
      { label: 'RSA 2048', description: vscode.l10n.t('works everywhere'), keyType: 'rsa2048' as CsrKeyType },
      { label: 'ECDSA P-256', description: vscode.l10n.t('smaller and faster; all current servers and browsers'), keyType: 'ecdsaP256' as CsrKeyType },
    ],
    { title, placeHolder: vscode.l10n.t('Key type'), ignoreFocusOut: true },
  );
  if (!keyType) return undefined;
  const keyFile = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save the private key of {0} (only there, readable only by you)', name),
    defaultUri: vscode.Uri.joinPath(startFolder(), `${name.replace(/^\*\./, 'wildcard.')}.key`),
    filters: { [vscode.l10n.t('Private keys')]: ['key', 'pem'] },
  });
  if (!keyFile) return undefined;
  const made = await generateCsr({ commonName: name, keyType: keyType.keyType });
  // The key is written before anything is ordered, readable by its owner only; then the CSR beside it.
  await writeFile(keyFile.fsPath, made.privateKeyPem, { mode: 0o600 });
  await writeFile(keyFile.fsPath.replace(/(\.key|\.pem)?$/, '.csr'), made.csrPem, { mode: 0o644 });
  return { csr: made.csrPem.trim(), commonName: name };
}

const orderCertificate: CommandFactory = (services) => ({
  id: 'cloudPortal.certificate.order',
  async run(arg?: unknown) {
    const account = await accountFor(services, arg, vscode.l10n.t('Order a certificate on which account?'), (a) => a.state === 'signedIn' && accountHas(a, 'certificates'));
    if (!account) return;
    const accountId = account.record.id;
    const title = vscode.l10n.t('Order Certificate ({0})', account.record.label);
    const { model } = services;
    const [products, methods, balance] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Certificate products…') }, () =>
      Promise.all([model.certificates.products(accountId), model.billing.paymentMethods(accountId), model.billing.balance(accountId).catch(() => undefined)]),
    );
    const currency = balance?.currency ?? '';
    const offers = products.flatMap((p) => p.periods.filter((o) => o.price !== undefined).map((o) => ({ product: p, years: o.years, price: o.price! })));
    if (offers.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} offers no certificates with a stated price.', account.record.label));
      return;
    }
    const offer = await vscode.window.showQuickPick(
      offers.map((o) => ({ label: o.product.name, description: `${o.years === 1 ? vscode.l10n.t('1 year') : vscode.l10n.t('{0} years', o.years)} · ${formatMoney(o.price, currency)}`, detail: o.product.description, offer: o })),
      { title, placeHolder: vscode.l10n.t('Which certificate, for how long? (prices as the portal states them)'), ignoreFocusOut: true },
    );
    if (!offer) return;
    const request = await askCsr(title);
    if (!request) return;
    const software = await model.certificates.software(accountId, offer.offer.product.id);
    const server = software.length
      ? await vscode.window.showQuickPick(software.map((s) => ({ label: s.name, id: s.id })), { title, placeHolder: vscode.l10n.t('Server software the certificate is for'), ignoreFocusOut: true })
      : { label: '', id: '' };
    if (!server) return;
    const domain = request.commonName.replace(/^\*\./, '');
    const approver = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('E-mail address that approves the certificate (domain validation)'),
      value: `admin@${domain}`,
      ignoreFocusOut: true,
      validateInput: (v) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter an e-mail address')),
    });
    if (!approver) return;
    const method =
      methods.length === 1
        ? methods[0]
        : (await vscode.window.showQuickPick(methods.map((m) => ({ label: paymentMethodLabel(m, currency), method: m })), { title, placeHolder: vscode.l10n.t('Payment method'), ignoreFocusOut: true }))?.method;
    if (!method) return;
    const price = formatMoney(offer.offer.price, currency);
    const button = vscode.l10n.t('Order for {0}', price);
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Order “{0}” for {1} on “{2}” for {3}?', offer.offer.product.name, request.commonName, account.record.label, price),
      { modal: true, detail: vscode.l10n.t('{0}, paid by {1}. The portal creates an invoice; the certificate is issued after {2} approves it.', offer.description ?? '', method.name, approver.trim()) },
      button,
    );
    if (answer !== button) return;
    let placed;
    try {
      placed = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Ordering a certificate for {0}…', request.commonName) }, () =>
        model.certificates.order(accountId, { product_id: offer.offer.product.id, csr: request.csr, years: offer.offer.years, pay_method: method.id, approver_email: approver.trim(), software: server.id }),
      );
    } catch (e) {
      // Never sent again by us: money may have been spent.
      void vscode.window.showErrorMessage(orderFailureMessage(e));
      return;
    }
    const open = await vscode.window.showInformationMessage(
      vscode.l10n.t('Certificate for {0} ordered{1}: invoice {2}.', request.commonName, placed.order_num ? vscode.l10n.t(' (order {0})', placed.order_num) : '', placed.invoice_id || '—'),
      ...(placed.invoice_id ? [vscode.l10n.t('Open Invoice')] : []),
    );
    if (open && placed.invoice_id) await vscode.commands.executeCommand('cloudPortal.billing.openInvoice', { accountId, invoiceId: placed.invoice_id });
  },
});

export const certificateCommands: CommandFactory[] = [openCertificate, saveCertificate, orderCertificate];
