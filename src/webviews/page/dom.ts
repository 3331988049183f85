import * as l10n from '@vscode/l10n';
// DOM helpers shared by the webview pages. Text always goes in with textContent.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A `<vscode-button>` with a codicon. */
export function button(label: string, icon: string, onClick: () => void, secondary = false): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  b.setAttribute('icon', icon);
  if (secondary) b.setAttribute('secondary', '');
  b.addEventListener('click', onClick);
  return b;
}

/** A small icon-only button (copy, download), labelled for screen readers. */
export function iconButton(icon: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', 'icon-button');
  b.title = label;
  b.setAttribute('aria-label', label);
  b.append(el('span', `codicon codicon-${icon}`));
  b.addEventListener('click', onClick);
  return b;
}

/** The standard failure box with a Retry button. */
export function failureBox(message: string, retry: () => void): HTMLElement {
  const box = el('div', 'error');
  box.append(el('p', undefined, message), button(l10n.t('Retry'), 'refresh', retry));
  return box;
}
