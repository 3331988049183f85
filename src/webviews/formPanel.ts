import * as vscode from 'vscode';
import { describeError } from '../api/errors';
import { Ctx } from '../ctx';
import { outcomeUnknown } from '../ordering/orderOutcome';
import { ExtensionToFormPage, FormPageToExtension, FormTarget, FormView, isFormPageMessage } from './formProtocol';
import { changedFields, formProblems, loadForm, saveForm } from './formView';
import { PortalPanel } from './portalPanel';

/**
 * A form in the editor (the account profile, a domain's contacts): the portal's values in text fields;
 * Save sends only what changed, in one request, after the same checks the page makes. A refused or lost
 * save keeps what was typed and says whether it may have been applied.
 */
export class FormPanel extends PortalPanel<FormTarget, ExtensionToFormPage, FormPageToExtension> {
  /** What the page was last given: changes are measured against it. */
  private shown: FormView | undefined;
  private saving = false;

  constructor(panel: vscode.WebviewPanel, target: FormTarget, private readonly services: Ctx, extensionUri: vscode.Uri, onDispose: () => void) {
    super(panel, target, extensionUri, { script: 'form.js', style: 'form.css', title: vscode.l10n.t('Form') }, isFormPageMessage, onDispose);
  }

  render(fresh = false): Promise<void> {
    return this.show(
      () => loadForm(this.services.model, this.services.registry, this.target, fresh),
      (view) => {
        this.shown = view;
        this.panel.title = view.title;
        return { type: 'show', view, target: this.target };
      },
    );
  }

  protected async onMessage(message: FormPageToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.render();
      case 'refresh':
        return this.render(true);
      case 'save':
        return this.save(message.changes);
    }
  }

  private async save(typed: Record<string, Record<string, string>>): Promise<void> {
    const view = this.shown;
    if (!view || this.saving) return;
    const changes = changedFields(view, typed);
    const problems = formProblems(view, changes);
    if (Object.keys(problems).length > 0) {
      this.post({ type: 'saveFailed', message: vscode.l10n.t('Not saved: correct the marked fields.'), problems });
      return;
    }
    if (Object.keys(changes).length === 0) {
      this.post({ type: 'saved', message: vscode.l10n.t('Nothing changed.'), view });
      return;
    }
    this.saving = true;
    this.post({ type: 'saving' });
    try {
      await saveForm(this.services.model, this.target, changes);
    } catch (e) {
      this.post({
        type: 'saveFailed',
        message: outcomeUnknown(e)
          ? vscode.l10n.t('No clear answer from the portal ({0}): the changes may have been saved. Refresh to see what the portal has.', describeError(e))
          : vscode.l10n.t('Not saved: {0}', describeError(e)),
        problems: {},
      });
      return;
    } finally {
      this.saving = false;
    }
    const count = Object.values(changes).reduce((n, fields) => n + Object.keys(fields).length, 0);
    const message = count === 1 ? vscode.l10n.t('Saved 1 change.') : vscode.l10n.t('Saved {0} changes.', count);
    try {
      const fresh = await loadForm(this.services.model, this.services.registry, this.target, true);
      this.shown = fresh;
      this.post({ type: 'saved', message, view: fresh });
    } catch (e) {
      this.shown = withChanges(view, changes);
      this.post({ type: 'saved', message: vscode.l10n.t('{0} The portal could not be read again: {1}', message, describeError(e)), view: this.shown });
    }
  }
}

/** The view as it is after `changes` (when the portal could not be read again). */
function withChanges(view: FormView, changes: Record<string, Record<string, string>>): FormView {
  return { ...view, sections: view.sections.map((s) => ({ ...s, fields: s.fields.map((f) => ({ ...f, value: changes[s.key]?.[f.key] ?? f.value })) })) };
}
