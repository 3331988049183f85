// Hands VS Code's translation bundle to `@vscode/l10n`, which the plain-Node layers (api, model, parsers) and
// the webview pages use for their strings. Imported first by extension.ts, before any module that builds a
// string table at load time. English needs no bundle: then this does nothing.
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';

if (vscode.l10n.bundle) {
  l10n.config({ contents: vscode.l10n.bundle });
}

/** The bundle for a webview page, as JSON safe to put inside a `<script type="application/json">`. */
export function pageBundleJson(): string | undefined {
  return vscode.l10n.bundle ? JSON.stringify(vscode.l10n.bundle).replace(/</g, '\\u003c') : undefined;
}
