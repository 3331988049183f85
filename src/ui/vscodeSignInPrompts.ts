import * as vscode from 'vscode';
import { AuthMode } from '../api/auth';
import { CancelledError } from '../api/errors';
import { ProviderInfo } from '../accounts/providers';
import { SignInPrompts } from '../accounts/signInFlow';

const AUTH_MODE_LABELS: Record<AuthMode, { label: string; detail: string }> = {
  jwt: { label: vscode.l10n.t('Token (JWT)'), detail: vscode.l10n.t('Signs in once; only a renewable session token is stored. Recommended.') },
  basic: { label: vscode.l10n.t('Password (HTTP Basic)'), detail: vscode.l10n.t('Sends the password with every request; the password is stored in the OS keychain.') },
};

/** How long a sign-in's check runs quietly before a notification offers to cancel it. */
const SLOW_CHECK_MS = 1_000;

/** The Add Account questions as VS Code quick picks and input boxes. */
export class VscodeSignInPrompts implements SignInPrompts {
  async pickProvider(providers: ProviderInfo[]): Promise<ProviderInfo | undefined> {
    const picked = await vscode.window.showQuickPick(
      providers.map((provider) => ({ label: provider.name, description: provider.description, provider })),
      { title: vscode.l10n.t('Add Account (1/4): Provider'), placeHolder: vscode.l10n.t('Which portal do you want to sign in to?'), ignoreFocusOut: true },
    );
    return picked?.provider;
  }

  askApiRoot(initial: string | undefined, validate: (value: string) => string | undefined): Thenable<string | undefined> {
    return vscode.window.showInputBox({
      title: vscode.l10n.t('Add Account: API root URL'),
      prompt: vscode.l10n.t('The portal’s API root, e.g. https://portal.example.com/api/'),
      value: initial ?? 'https://',
      ignoreFocusOut: true,
      validateInput: validate,
    });
  }

  askEmail(provider: ProviderInfo, initial: string | undefined): Thenable<string | undefined> {
    return vscode.window.showInputBox({
      title: vscode.l10n.t('Add Account (2/4): {0} email', provider.name),
      prompt: vscode.l10n.t('The email address you sign in to the client area with'),
      value: initial,
      placeHolder: vscode.l10n.t('you@example.com'),
      ignoreFocusOut: true,
      validateInput: (value) => (/^\S+@\S+$/.test(value.trim()) ? undefined : vscode.l10n.t('Enter an email address')),
    });
  }

  async pickAuthMode(modes: AuthMode[]): Promise<AuthMode | undefined> {
    const picked = await vscode.window.showQuickPick(
      modes.map((mode) => ({ ...AUTH_MODE_LABELS[mode], mode })),
      { title: vscode.l10n.t('Add Account (3/4): How to sign in'), ignoreFocusOut: true },
    );
    return picked?.mode;
  }

  /**
   * An input box of our own rather than `showInputBox`: after Enter, `showInputBox` has the window ask
   * the extension to validate the value once more (a round trip) before it answers, and the sign-in's
   * first request waited for that. Here Enter is checked in the extension and answered at once.
   */
  askPassword(email: string, problem: string | undefined): Promise<string | undefined> {
    return new Promise((resolve) => {
      const input = vscode.window.createInputBox();
      input.title = vscode.l10n.t('Add Account (4/4): Password for {0}', email);
      input.prompt = problem ?? vscode.l10n.t('Stored only in VS Code’s secret storage (the OS keychain).');
      input.password = true;
      input.ignoreFocusOut = true;
      let answered = false;
      const answer = (value: string | undefined) => {
        if (answered) return;
        answered = true;
        resolve(value);
        input.dispose();
      };
      input.onDidChangeValue(() => (input.validationMessage = undefined));
      input.onDidAccept(() => {
        if (input.value.length === 0) input.validationMessage = vscode.l10n.t('Enter the password');
        else answer(input.value);
      });
      input.onDidHide(() => answer(undefined));
      input.show();
    });
  }

  /**
   * The check of what was entered, in the status bar; a notification with Cancel only once it has
   * taken longer than a second. Most portals answer in a fraction of that, and a toast that comes and
   * goes within it is a flicker — drawn in the window while the first rows are on their way (sign-ins
   * alternately with a toast and without: medians 219 and 190 ms, 217 and 213 ms in a second run).
   */
  verifying<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
    const controller = new AbortController();
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const slow = setTimeout(() => {
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_, token) => {
        token.onCancellationRequested(() => controller.abort());
        return done;
      });
    }, SLOW_CHECK_MS);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, async () => {
      try {
        return await work(controller.signal);
      } catch (e) {
        throw controller.signal.aborted ? new CancelledError() : e;
      } finally {
        clearTimeout(slow);
        finished();
      }
    });
  }
}
