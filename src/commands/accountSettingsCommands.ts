// The account itself: its profile (a form), contacts (sub-users) with their privileges, and the activity
// log in a read-only editor, newest first (the editor's Find filters it). Loaded on first use.
import * as vscode from 'vscode';
import { AccountModel } from '../model/accountModel';
import { keys } from '../model/cacheKeys';
import { describeError } from '../api/errors';
import { Contact } from '../api/resources/account';
import { AffiliateReport } from '../api/resources/accountSettings';
import { Ctx } from '../ctx';
import { FormPanels } from '../webviews/panels';
import { accountFor } from '../ui/pickAccount';
import { sendChange } from '../ui/sendOnce';
import { CommandFactory } from './command';

const signedIn = (a: { state: string }) => a.state === 'signedIn';

function editProfile(forms: FormPanels): CommandFactory {
  return (services) => ({
    id: 'cloudPortal.account.editProfile',
    async run(arg?: unknown) {
      const account = await accountFor(services, arg, vscode.l10n.t('Profile of which account?'), signedIn);
      if (account) await forms.open({ kind: 'profile', accountId: account.record.id });
    },
  });
}

/** `cloudportal-account:/<accountId>/<log|affiliate>/<title>`: a read-only report, read from the portal when opened. */
export const ACCOUNT_REPORT_SCHEME = 'cloudportal-account';

type ReportKind = 'log' | 'affiliate';

/** `key: value` lines, then each list as one line per entry. */
function affiliateText(report: AffiliateReport): string[] {
  const entry = (r: Record<string, string>) => Object.entries(r).map(([k, v]) => `${k}: ${v}`).join(' · ');
  const section = (title: string, rows: Record<string, string>[]) => ['', `${title} (${rows.length})`, ...(rows.length ? rows.map((r) => `  ${entry(r)}`) : [vscode.l10n.t('  (none)')])];
  return [
    ...Object.entries(report.summary).map(([k, v]) => `${k}: ${v}`),
    ...section(vscode.l10n.t('Commissions'), report.commissions),
    ...section(vscode.l10n.t('Payouts'), report.payouts),
    ...section(vscode.l10n.t('Vouchers'), report.vouchers),
  ];
}

class AccountReports implements vscode.TextDocumentContentProvider {
  constructor(private readonly services: Ctx) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const [, accountId, kind] = uri.path.split('/') as [string, string, ReportKind];
    const account = this.services.registry.get(accountId);
    const who = `${account?.record.label ?? accountId} (${account?.record.username ?? ''})`;
    const model = this.services.model.area(AccountModel);
    if (kind === 'affiliate') {
      const report = await model.affiliate(accountId);
      // None: the account's row no longer offers it.
      if (report === false) this.services.views.providers.forEach((p) => p.refresh());
      const header = vscode.l10n.t('Affiliate programme of {0}, read {1}.', who, new Date().toLocaleString());
      return [header, '', ...(report ? affiliateText(report) : [vscode.l10n.t('The portal says this account has no affiliate programme.')]), ''].join('\n');
    }
    const entries = await model.activityLog(accountId);
    const header = vscode.l10n.t('Activity log of {0}, newest first, read {1}. Use Find (Ctrl+F) to filter.', who, new Date().toLocaleString());
    const width = Math.max(10, ...entries.map((e) => e.date.length));
    const lines = entries.map((e) => `${e.date.padEnd(width)}  ${e.description.replace(/[\r\n]+/g, ' ')}${e.ip ? `  [${e.ip}]` : ''}${e.user ? `  (${e.user})` : ''}`);
    return [header, '', ...(lines.length ? lines : [vscode.l10n.t('(no entries)')]), ''].join('\n');
  }
}

let reports: vscode.Disposable | undefined;

function reportCommand(id: string, kind: ReportKind, question: string, title: (label: string) => string, subscriptions: vscode.Disposable[]): CommandFactory {
  return (services) => ({
    id,
    async run(arg?: unknown) {
      // Accounts whose portal said they have no affiliate programme are not offered it again.
      const offered = (a: { state: string; record: { id: string } }) => signedIn(a) && (kind !== 'affiliate' || services.model.cache.peek(keys.affiliate(a.record.id)) !== false);
      const account = await accountFor(services, arg, question, offered);
      if (!account) return;
      if (!reports) {
        reports = vscode.workspace.registerTextDocumentContentProvider(ACCOUNT_REPORT_SCHEME, new AccountReports(services));
        subscriptions.push(reports);
      }
      // A new query each time: the report is read again, not served from the last opening.
      const uri = vscode.Uri.from({ scheme: ACCOUNT_REPORT_SCHEME, path: `/${account.record.id}/${kind}/${title(account.record.label)}`, query: String(Date.now()) });
      try {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be read: {1}', title(account.record.label), describeError(e)));
      }
    },
  });
}

/** Privileges as pick items, grouped by area (`billing: invoices`). */
async function pickPrivileges(services: Ctx, accountId: string, title: string, granted: Record<string, string[]>): Promise<Record<string, string[]> | undefined> {
  const all = await services.model.area(AccountModel).privileges(accountId);
  const items = Object.entries(all).flatMap(([area, names]) => names.map((name) => ({ label: name, description: area, area, picked: granted[area]?.includes(name) ?? false })));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The portal lists no privileges for contacts.'));
    return {};
  }
  const chosen = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('What may this contact do? (check all that apply)'), canPickMany: true, ignoreFocusOut: true });
  if (!chosen) return undefined;
  const out: Record<string, string[]> = {};
  for (const c of chosen) (out[c.area] ??= []).push(c.label);
  return out;
}

const personName = (c: Contact) => [c.firstname, c.lastname].filter(Boolean).join(' ') || c.email;

const contacts: CommandFactory = (services) => ({
  id: 'cloudPortal.account.contacts',
  async run(arg?: unknown) {
    const account = await accountFor(services, arg, vscode.l10n.t('Contacts of which account?'), signedIn);
    if (!account) return;
    const accountId = account.record.id;
    const title = vscode.l10n.t('Contacts ({0})', account.record.label);
    const model = services.model.area(AccountModel);
    const list = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, () => model.contacts(accountId, true));
    const picked = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('$(add) Add Contact…'), contact: undefined as Contact | undefined },
        ...list.map((c) => ({ label: `$(person) ${personName(c)}`, description: c.email, detail: c.companyname || undefined, contact: c as Contact | undefined })),
      ],
      { title, placeHolder: vscode.l10n.t('Contacts can be domain contacts and, with privileges, sign in to the portal'), ignoreFocusOut: true },
    );
    if (!picked) return;
    if (picked.contact) {
      const details = await model.contact(accountId, picked.contact.id);
      const privileges = await pickPrivileges(services, accountId, vscode.l10n.t('Privileges of {0}', personName(picked.contact)), details.privileges);
      if (privileges === undefined) return;
      if (await sendChange(vscode.l10n.t('Saving the privileges of {0}…', personName(picked.contact)), () => model.updateContact(accountId, picked.contact!.id, { privileges }))) {
        vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Privileges of {0} saved', personName(picked.contact)), 5_000);
      }
      return;
    }
    const email = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('E-mail address of the new contact'), ignoreFocusOut: true, validateInput: (v) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter an e-mail address')) });
    if (!email) return;
    const firstname = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('First name'), ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Required')) });
    if (!firstname) return;
    const lastname = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Last name'), ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Required')) });
    if (!lastname) return;
    const privileges = await pickPrivileges(services, accountId, vscode.l10n.t('Privileges of {0} {1}', firstname.trim(), lastname.trim()), {});
    if (privileges === undefined) return;
    if (await sendChange(vscode.l10n.t('Adding {0}…', email.trim()), () => model.addContact(accountId, { email: email.trim(), firstname: firstname.trim(), lastname: lastname.trim(), privileges }))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} {1} ({2}) was added to {3}.', firstname.trim(), lastname.trim(), email.trim(), account.record.label));
    }
  },
});

export function accountSettingsCommands(forms: FormPanels, subscriptions: vscode.Disposable[]): CommandFactory[] {
  return [
    editProfile(forms),
    reportCommand('cloudPortal.account.activityLog', 'log', vscode.l10n.t('Activity log of which account?'), (label) => vscode.l10n.t('Activity Log ({0})', label), subscriptions),
    reportCommand('cloudPortal.account.affiliate', 'affiliate', vscode.l10n.t('Affiliate programme of which account?'), (label) => vscode.l10n.t('Affiliate Programme ({0})', label), subscriptions),
    contacts,
  ];
}
