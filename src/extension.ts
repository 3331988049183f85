import * as vscode from 'vscode';
import { AccountRegistry } from './accounts/accountRegistry';
import { AccountStore } from './accounts/accountStore';
import { signInDemoAccounts } from './accounts/demoAccounts';
import { providerCatalogue } from './accounts/providers';
import { VscodeSignInPrompts } from './accounts/vscodeSignInPrompts';
import { accountCommands } from './commands/accountCommands';
import { registerCommands } from './commands/command';
import { connectionSettings } from './config';
import { ExtensionServices } from './services';
import { registerViews } from './views/registerViews';

let services: ExtensionServices | undefined;

/** Wires the parts together. Nothing here does network I/O. */
export function activate(context: vscode.ExtensionContext): ExtensionServices {
  const started = performance.now();
  const logger = vscode.window.createOutputChannel('Cloud Portal', { log: true });
  const registry = new AccountRegistry(new AccountStore(context.globalState, context.secrets), logger, connectionSettings);
  services = { registry, logger, providers: () => providerCatalogue(), prompts: new VscodeSignInPrompts() };

  context.subscriptions.push(
    logger,
    { dispose: () => void registry.dispose() },
    ...registerCommands(services, accountCommands),
    ...registerViews(services),
    registry.onDidRequireSignIn(async (account) => {
      const choice = await vscode.window.showWarningMessage(
        `Your session for “${account.record.label}” has ended. Sign in again to keep using it.`,
        'Sign In Again',
      );
      if (choice) {
        await vscode.commands.executeCommand('cloudPortal.signIn', { accountId: account.record.id });
      }
    }),
  );
  void registry
    .restore()
    .then(() => signInDemoAccounts(registry, services!.providers(), () => ({ ...connectionSettings(), logger })))
    .catch((e) => logger.error(`Demo sign-in failed: ${e instanceof Error ? e.message : String(e)}`));
  logger.info(`Activated in ${(performance.now() - started).toFixed(1)} ms.`);
  return services;
}

export function deactivate(): Promise<void> | undefined {
  return services?.registry.dispose();
}
