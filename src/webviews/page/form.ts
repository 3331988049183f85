// A form page (the account profile, a domain's contacts): the portal's values in text fields, changed
// fields marked, Save sends only what changed. A failed save keeps everything as typed. Portal text
// goes in as text only.
import './l10nSetup';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import type { ExtensionToFormPage, FormChanges, FormPageToExtension, FormTarget, FormView } from '../formProtocol';
import { problemKey } from '../formProtocol';
import { textfield } from './textfield';
import { button, el } from './dom';
import { connectPage } from './host';
import * as l10n from '@vscode/l10n';

const app = document.getElementById('app')!;
const vscode = connectPage<FormPageToExtension, ExtensionToFormPage, FormTarget>(app, (message) => onMessage(message), { type: 'refresh' });

let view: FormView | undefined;
/** What the user typed, by section and field (kept across a redraw and a failed save). */
let typed: FormChanges = {};
let problems: Record<string, string> = {};
let note: { text: string; tone: 'ok' | 'bad' } | undefined;
let saving = false;

/** The same checks the extension makes before it sends anything. */
function check(field: FormView['sections'][number]['fields'][number], value: string): string | undefined {
  if (field.required && value.trim() === '') return l10n.t('{0} is required', field.label);
  if (field.type === 'email' && value.trim() !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim())) return l10n.t('Enter an e-mail address');
  return undefined;
}

function changedCount(): number {
  if (!view) return 0;
  let n = 0;
  for (const s of view.sections) for (const f of s.fields) if (typed[s.key]?.[f.key] !== undefined && typed[s.key][f.key].trim() !== f.value) n++;
  return n;
}

function render(): void {
  if (!view) return;
  const header = el('header');
  const titleRow = el('div', 'title-row');
  titleRow.append(el('h1', undefined, view.title));
  if (saving) {
    const ring = document.createElement('vscode-progress-ring');
    ring.setAttribute('aria-label', l10n.t('Saving…'));
    titleRow.append(ring);
  }
  header.append(titleRow, el('p', 'subtitle', view.subtitle));
  const form = el('form');
  form.noValidate = true;
  for (const section of view.sections) {
    const fieldset = el('fieldset');
    fieldset.dataset.section = section.key;
    fieldset.append(el('legend', undefined, section.title));
    for (const field of section.fields) {
      const id = `f-${section.key}-${field.key}`;
      const value = typed[section.key]?.[field.key] ?? field.value;
      const row = el('div', `field${value.trim() !== field.value ? ' changed' : ''}`);
      const label = document.createElement('vscode-label');
      label.setAttribute('for', id);
      label.textContent = field.label + (field.required ? ' *' : '');
      const input = textfield(value, { id, type: field.type, 'aria-label': field.label, 'data-field': `${section.key}.${field.key}`, maxlength: '200' }, (v) => {
        (typed[section.key] ??= {})[field.key] = v;
        const problem = check(field, v);
        if (problem) problems[problemKey(section.key, field.key)] = problem;
        else delete problems[problemKey(section.key, field.key)];
        row.classList.toggle('changed', v.trim() !== field.value);
        message.textContent = problems[problemKey(section.key, field.key)] ?? '';
        input.toggleAttribute('invalid', !!problem);
        updateSave();
      });
      const problem = problems[problemKey(section.key, field.key)];
      if (problem) input.setAttribute('invalid', '');
      const message = el('span', 'problem', problem ?? '');
      message.setAttribute('role', 'alert');
      row.append(label, input, message);
      fieldset.append(row);
    }
    form.append(fieldset);
  }
  const actions = el('div', 'actions');
  const save = button('', 'save', () => submit());
  save.classList.add('save');
  const revert = button(l10n.t('Discard Changes'), 'discard', () => {
    typed = {};
    problems = {};
    note = undefined;
    render();
  }, true);
  revert.classList.add('discard');
  actions.append(save, revert, button(l10n.t('Refresh'), 'refresh', () => vscode.post({ type: 'refresh' }), true));
  const status = el('p', `note${note ? ` tone-${note.tone}` : ''}`, note?.text ?? '');
  status.setAttribute('role', 'status');
  app.replaceChildren(header, form, actions, status);
  function updateSave(): void {
    const n = changedCount();
    save.textContent = n === 0 ? l10n.t('Save') : n === 1 ? l10n.t('Save 1 Change') : l10n.t('Save {0} Changes', n);
    save.toggleAttribute('disabled', saving || n === 0 || Object.keys(problems).length > 0);
  }
  updateSave();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
}

function submit(): void {
  if (saving || changedCount() === 0 || Object.keys(problems).length > 0) return;
  vscode.post({ type: 'save', changes: typed });
}

function onMessage(message: ExtensionToFormPage): void {
  switch (message.type) {
    case 'show':
      vscode.remember(message.target);
      view = message.view;
      // A refresh keeps what was typed; fields now equal to the portal's value are no longer changes.
      render();
      break;
    case 'saving':
      saving = true;
      note = { text: l10n.t('Saving…'), tone: 'ok' };
      render();
      break;
    case 'saved':
      saving = false;
      view = message.view;
      typed = {};
      problems = {};
      note = { text: message.message, tone: 'ok' };
      render();
      break;
    case 'saveFailed':
      saving = false;
      problems = message.problems;
      note = { text: message.message, tone: 'bad' };
      render();
      break;
  }
}
