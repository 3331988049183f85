import * as vscode from 'vscode';
import { AccountRegistry } from './accounts/accountRegistry';
import { ProviderInfo } from './accounts/providers';
import { SignInPrompts } from './accounts/signInFlow';

/** What commands and views share: created once in `activate`, passed to every factory. */
export interface ExtensionServices {
  readonly registry: AccountRegistry;
  readonly logger: vscode.LogOutputChannel;
  readonly providers: () => ProviderInfo[];
  readonly prompts: SignInPrompts;
}
