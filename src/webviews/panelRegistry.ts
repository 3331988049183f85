import * as vscode from 'vscode';

/** What every Cloud Portal panel is: a webview panel with something to let go of. */
export interface OwnedPanel extends vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
}

export interface PanelKind<T, P extends OwnedPanel> {
  viewType: string;
  /** Whether state that VS Code kept across a reload is one of ours, still usable. */
  isTarget(state: unknown): state is T;
  canRestore(target: T): boolean;
  key(target: T): string;
  title(target: T): string;
  /**
   * Fills `panel`. The implementation is loaded here, on first use (`import()` of its own chunk), so
   * that activation does not parse the code of pages the user may never open.
   */
  create(panel: vscode.WebviewPanel, target: T, onDispose: () => void): Promise<P>;
  /** Whether an open panel serves a new request for its target (default yes); a finished order page does not. */
  reusable?(panel: P): boolean;
}

/**
 * Panels of one kind: one per resource (showing it again reveals the open one), and brought back
 * after a window reload by a serializer from the ids the page saved with `setState`.
 */
export class PanelRegistry<T, P extends OwnedPanel> implements vscode.Disposable {
  /** Open panels by key; a promise while the panel's code loads, so a second click reveals, never duplicates. */
  private readonly panels = new Map<string, Promise<P>>();
  private readonly serializer: vscode.Disposable;

  constructor(private readonly kind: PanelKind<T, P>) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(kind.viewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        if (!kind.isTarget(state) || !kind.canRestore(state)) {
          panel.dispose();
          return;
        }
        await this.attach(panel, state);
      },
    });
  }

  /** Opens the panel for `target`, or reveals it; returns it and whether it was already open. */
  async show(target: T): Promise<{ panel: P; existed: boolean }> {
    const existing = this.panels.get(this.kind.key(target));
    if (existing) {
      const panel = await existing;
      if (this.kind.reusable?.(panel) ?? true) {
        panel.panel.reveal();
        return { panel, existed: true };
      }
      // Its work is done (an order placed): a new request gets a new panel; the old one stays open.
      this.panels.delete(this.kind.key(target));
    }
    const panel = vscode.window.createWebviewPanel(this.kind.viewType, this.kind.title(target), vscode.ViewColumn.Active, { enableFindWidget: true });
    return { panel: await this.attach(panel, target), existed: false };
  }

  /** The open panel for `target`, if any (once its code has loaded). */
  get(target: T): Promise<P> | undefined {
    return this.panels.get(this.kind.key(target));
  }

  private attach(panel: vscode.WebviewPanel, target: T): Promise<P> {
    const key = this.kind.key(target);
    // Closing a panel forgets it only if it is still the one for its key (a finished one may have been replaced).
    const owned: Promise<P> = this.kind.create(panel, target, () => this.panels.get(key) === owned && this.panels.delete(key));
    this.panels.set(key, owned);
    owned.catch(() => {
      this.panels.delete(key);
      panel.dispose();
    });
    return owned;
  }

  dispose(): void {
    this.serializer.dispose();
    for (const p of this.panels.values()) {
      void p.then((owned) => owned.panel.dispose(), () => undefined);
    }
  }
}
