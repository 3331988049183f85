import * as vscode from 'vscode';
import { providerById } from '../accounts/providers';
import { runSignInFlow } from '../accounts/signInFlow';
import { Ctx } from '../ctx';
import { connectionSettings } from '../config';
import { CommandFactory } from './command';
import { accountFor } from '../ui/pickAccount';
import { VscodeSignInPrompts } from '../ui/vscodeSignInPrompts';

/** The sign-in questions, asked in quick inputs (loaded with these commands, on first use). */
const prompts = new VscodeSignInPrompts();

function signInContext(services: Ctx) {
  return {
    registry: services.registry,
    providers: services.providers(),
    settings: () => ({ ...connectionSettings(), logger: services.logger }),
  };
}

export const addAccount: CommandFactory = (services) => ({
  id: 'cloudPortal.addAccount',
  async run() {
    const record = await runSignInFlow(prompts, signInContext(services));
    if (record) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to {0} as {1}.', providerById(record.providerId).name, record.username));
    }
    return record?.id;
  },
});

export const signIn: CommandFactory = (services) => ({
  id: 'cloudPortal.signIn',
  async run(arg?: unknown) {
    const account = await accountFor(services, arg, vscode.l10n.t('Sign in to which account?'), (a) => a.state !== 'signedIn');
    if (!account) {
      return undefined;
    }
    const { record } = account;
    const context = signInContext(services);
    const provider = context.providers.find((p) => p.id === record.providerId) ?? providerById(record.providerId);
    const result = await runSignInFlow(prompts, context, {
      provider,
      apiRoot: record.apiRoot,
      username: record.username,
      authMode: record.authMode,
    });
    return result?.id;
  },
});

export const signOut: CommandFactory = (services) => ({
  id: 'cloudPortal.signOut',
  async run(arg?: unknown) {
    const account = await accountFor(services, arg, vscode.l10n.t('Sign out of which account?'), (a) => a.state === 'signedIn');
    if (!account) {
      return;
    }
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Signing out of “{0}”…', account.record.label) },
      () => services.registry.signOut(account.record.id),
    );
  },
});

export const renameAccount: CommandFactory = (services) => ({
  id: 'cloudPortal.renameAccount',
  async run(arg?: unknown) {
    const account = await accountFor(services, arg, vscode.l10n.t('Rename which account?'));
    if (!account) {
      return;
    }
    const label = await vscode.window.showInputBox({
      title: vscode.l10n.t('Rename Account'),
      prompt: vscode.l10n.t('A name for {0} on {1}', account.record.username, providerById(account.record.providerId).name),
      value: account.record.label,
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The name cannot be empty')),
      ignoreFocusOut: true,
    });
    if (label !== undefined) {
      await services.registry.rename(account.record.id, label);
    }
  },
});

export const removeAccount: CommandFactory = (services) => ({
  id: 'cloudPortal.removeAccount',
  async run(arg?: unknown) {
    const account = await accountFor(services, arg, vscode.l10n.t('Remove which account?'));
    if (!account) {
      return;
    }
    const provider = providerById(account.record.providerId).name;
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Remove the account “{0}” ({1} on {2})?', account.record.label, account.record.username, provider),
      { modal: true, detail: vscode.l10n.t('You will be signed out and its stored credentials deleted. Nothing changes on the portal.') },
      vscode.l10n.t('Remove Account'),
    );
    if (answer === vscode.l10n.t('Remove Account')) {
      await services.registry.remove(account.record.id);
      // Hosts we wrote into the SSH config for its VMs are offered for removal too (the code is loaded only then).
      await (await import('./sshCommands')).offerToRemoveAccountHosts(services, account.record.id, account.record.label);
    }
  },
});

export const showLog: CommandFactory = (services) => ({
  id: 'cloudPortal.showLog',
  run() {
    services.logger.show();
  },
});

export const accountCommands = [addAccount, signIn, signOut, renameAccount, removeAccount, showLog];
