import * as vscode from 'vscode';
import { describeError, isPortalClientError } from '../api/errors';
import { ExtensionServices } from '../services';

/** A command: its id and what it does. Factories take the shared services (rust-analyzer style). */
export interface Command {
  id: string;
  run(...args: unknown[]): unknown;
}

export type CommandFactory = (services: ExtensionServices) => Command;

/** Registers every command, reporting failures the same way everywhere. */
export function registerCommands(services: ExtensionServices, factories: CommandFactory[]): vscode.Disposable[] {
  return factories.map((factory) => {
    const command = factory(services);
    return vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      try {
        return await command.run(...args);
      } catch (e) {
        services.logger.error(`${command.id} failed: ${describeError(e)}`);
        if (!(isPortalClientError(e) && e.kind === 'cancelled')) {
          void vscode.window.showErrorMessage(describeError(e));
        }
        return undefined;
      }
    });
  });
}
