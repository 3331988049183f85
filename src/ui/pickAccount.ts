import * as vscode from 'vscode';
import { Account, ACCOUNT_STATE_TEXT } from '../accounts/accountRegistry';
import { providerById } from '../accounts/providers';
import { Ctx } from '../ctx';
import { shownOverWebview } from './shownOverWebview';

/** Anything from a tree that names an account (account nodes and every resource node below them). */
export interface AccountRef {
  accountId: string;
}

export function isAccountRef(value: unknown): value is AccountRef {
  return !!value && typeof value === 'object' && typeof (value as AccountRef).accountId === 'string';
}

/** The account a command acts on: from the tree node it was run on, or asked with a quick pick. */
export async function accountFor(
  services: Ctx,
  arg: unknown,
  placeHolder: string,
  filter: (account: Account) => boolean = () => true,
): Promise<Account | undefined> {
  if (isAccountRef(arg)) {
    return services.registry.get(arg.accountId);
  }
  const accounts = services.registry.list().filter(filter);
  if (accounts.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No matching Cloud Portal account.'));
    return undefined;
  }
  if (accounts.length === 1) {
    return accounts[0];
  }
  const picked = await vscode.window.showQuickPick(
    accounts.map((account) => ({
      label: account.record.label,
      description: `${providerById(account.record.providerId).name} · ${ACCOUNT_STATE_TEXT[account.state]}`,
      detail: account.record.username,
      account,
    })),
    { placeHolder, ignoreFocusOut: shownOverWebview() },
  );
  return picked?.account;
}
