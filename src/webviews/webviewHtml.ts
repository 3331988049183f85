import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { pageBundleJson } from '../l10nSetup';

/** A fresh nonce for each render: the only scripts that run are ours. */
export function nonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The HTML shell of every Cloud Portal webview: a strict Content-Security-Policy (no inline script,
 * scripts only with this render's nonce, styles and fonts only from the extension), our stylesheet,
 * the codicons, the translation bundle when VS Code runs in another language (a JSON data block, never
 * executed), and the page script. No portal data is ever written into this HTML.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: { script: string; style: string; title: string }): string {
  const n = nonce();
  const translations = pageBundleJson();
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'webview', 'codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset('media', 'common.css')}">
<link rel="stylesheet" href="${asset('media', page.style)}">
<title>${page.title.replace(/[<>&"']/g, '')}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
${translations ? `<script type="application/json" id="l10n-bundle">${translations}</script>\n` : ''}<script nonce="${n}" src="${asset('dist', 'webview', page.script)}"></script>
</body>
</html>`;
}

/** Sets up a Cloud Portal panel: scripts on, resources only from our bundles and media, the shell HTML. */
export function configureWebview(webview: vscode.Webview, extensionUri: vscode.Uri, page: { script: string; style: string; title: string }): void {
  webview.options = {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
  webview.html = webviewHtml(webview, extensionUri, page);
}
