// Form controls built from @vscode-elements, shared by the pages: values in, changes out, labels
// for screen readers. Text goes in as text only.
export { textfield } from './textfield';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';

/** One choice among `options` (a radio group named after the field). */
export function radios<O extends { id: string }>(field: { id: string; label: string; options: O[] }, current: string, onPick: (id: string) => void, label: (o: O) => string): HTMLElement {
  const group = document.createElement('vscode-radio-group');
  group.setAttribute('variant', 'vertical');
  group.setAttribute('aria-label', field.label);
  for (const option of field.options) {
    const radio = document.createElement('vscode-radio') as HTMLElement & { checked: boolean };
    radio.setAttribute('name', `field-${field.id}`);
    radio.setAttribute('value', option.id);
    radio.dataset.option = option.id;
    radio.textContent = label(option);
    radio.checked = option.id === current;
    radio.addEventListener('change', () => radio.checked && onPick(option.id));
    group.append(radio);
  }
  return group;
}

/** A drop-down of `options`. */
export function select(label: string, options: { id: string; text: string }[], current: string, onPick: (id: string) => void): HTMLElement {
  const s = document.createElement('vscode-single-select') as HTMLElement & { value: string };
  s.setAttribute('aria-label', label);
  for (const o of options) {
    const option = document.createElement('vscode-option');
    option.setAttribute('value', o.id);
    option.textContent = o.text;
    if (o.id === current) option.setAttribute('selected', '');
    s.append(option);
  }
  s.addEventListener('change', () => onPick(s.value));
  return s;
}
