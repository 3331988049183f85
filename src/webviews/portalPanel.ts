import * as vscode from 'vscode';
import { describeError } from '../api/errors';
import { OwnedPanel } from './panelRegistry';
import { configureWebview } from './webviewHtml';

/** The page a panel shows: its script, stylesheet and the title before anything has loaded. */
export interface PanelPage {
  script: string;
  style: string;
  title: string;
}

/** What every page understands besides its own messages: the load failed, with Retry. */
export interface FailedMessage {
  type: 'failed';
  message: string;
}

/**
 * What every Cloud Portal editor panel shares: the page with its strict CSP, typed messages from the
 * page (anything else is ignored), subscriptions released with the panel, and `show()` that loads and
 * posts a view where the newest load wins and a failure reaches the page as a message with Retry.
 */
export abstract class PortalPanel<Target, ToPage extends { type: string }, FromPage> implements OwnedPanel {
  protected readonly subscriptions: vscode.Disposable[] = [];
  private loads = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly target: Target,
    extensionUri: vscode.Uri,
    page: PanelPage,
    isMessage: (message: unknown) => message is FromPage,
    onDispose: () => void,
  ) {
    configureWebview(panel.webview, extensionUri, page);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isMessage(message)) void this.onMessage(message);
      }),
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
  }

  protected abstract onMessage(message: FromPage): Promise<void>;

  protected post(message: ToPage | FailedMessage): void {
    void this.panel.webview.postMessage(message);
  }

  /** Loads and posts what `present` makes of it, unless a newer load started meanwhile. */
  protected async show<V>(load: () => Promise<V>, present: (value: V) => ToPage): Promise<void> {
    const mine = ++this.loads;
    try {
      const value = await load();
      if (mine === this.loads) this.post(present(value));
    } catch (e) {
      if (mine === this.loads) this.post({ type: 'failed', message: describeError(e) });
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
