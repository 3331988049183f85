// The page side of localisation: the extension writes VS Code's translation bundle into the page as a JSON
// data block (not a script; the CSP runs only our nonce'd bundle); `@vscode/l10n` reads it before any page
// string is built. Imported first by every page.
import * as l10n from '@vscode/l10n';

const block = document.getElementById('l10n-bundle');
if (block?.textContent) {
  l10n.config({ contents: JSON.parse(block.textContent) as l10n.l10nJsonFormat });
}
