import * as vscode from 'vscode';
import { AccountRegistry } from './accounts/accountRegistry';
import { ProviderInfo } from './accounts/providers';
import { PortalModel } from './model/portalModel';
import { Carts } from './ordering/cart';
import { PortalViews } from './views/portalViews';
import { SshHostIndex } from './ssh/sshHostIndex';

/** What commands and views share: created once in `activate`, passed to every factory. */
export interface Ctx {
  readonly registry: AccountRegistry;
  readonly model: PortalModel;
  readonly views: PortalViews;
  readonly logger: vscode.LogOutputChannel;
  readonly providers: () => ProviderInfo[];
  /** Items waiting to be ordered together, per account. */
  readonly carts: Carts;
  /** The extension's global state: small, non-secret choices remembered across windows (SSH user and port per VM). */
  readonly globalState: vscode.Memento;
  /** The Host entries Cloud Portal wrote into the SSH config, by VM. */
  readonly sshHosts: SshHostIndex;
}
