import * as vscode from 'vscode';
import { describeError, isPortalClientError } from '../api/errors';
import { Ctx } from '../ctx';

/** A command: its id and what it does. Factories take the shared services (rust-analyzer style). */
export interface Command {
  id: string;
  run(...args: unknown[]): unknown;
}

export type CommandFactory = (services: Ctx) => Command;

/** Registers every command, reporting failures the same way everywhere. */
export function registerCommands(services: Ctx, factories: CommandFactory[]): vscode.Disposable[] {
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

/**
 * Commands registered under their ids at activation whose code is imported on their first run (its
 * own chunk). `ids` must name exactly the commands `load` brings: a mismatch fails on first use.
 */
export function lazyCommands(ids: readonly string[], load: () => Promise<CommandFactory[]>): CommandFactory[] {
  let loaded: Promise<Map<string, Command>> | undefined;
  const commands = (services: Ctx) =>
    (loaded ??= load().then((factories) => {
      const byId = new Map(factories.map((f) => f(services)).map((c) => [c.id, c] as const));
      const wrong = [...ids.filter((id) => !byId.has(id)), ...[...byId.keys()].filter((id) => !ids.includes(id))];
      if (wrong.length > 0) throw new Error(vscode.l10n.t('Lazy commands do not match their module: {0}', wrong.join(', ')));
      return byId;
    }));
  return ids.map((id) => (services) => ({ id, run: async (...args: unknown[]) => (await commands(services)).get(id)!.run(...args) }));
}
