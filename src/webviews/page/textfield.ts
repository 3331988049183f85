// A text field from @vscode-elements on its own, so a page with only text fields does not carry the other controls.
import '@vscode-elements/elements/dist/vscode-textfield/index.js';

/** A text field with `attrs` (placeholder, aria-label, maxlength …). */
export function textfield(value: string, attrs: Record<string, string>, onInput: (value: string) => void): HTMLElement {
  const t = document.createElement('vscode-textfield') as HTMLElement & { value: string };
  for (const [k, v] of Object.entries(attrs)) t.setAttribute(k, v);
  t.value = value;
  t.addEventListener('input', () => onInput(t.value));
  return t;
}
