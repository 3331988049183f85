/** Messages between the extension and a form page: the account profile, a domain's contacts (see protocol.ts for the rules). */

export type FormTarget = { kind: 'profile'; accountId: string } | { kind: 'domainContacts'; accountId: string; domainId: string };

export interface FormField {
  key: string;
  label: string;
  value: string;
  /** `email` and `tel` get the matching keyboard and a check. */
  type: 'text' | 'email' | 'tel';
  required: boolean;
}

/** A group of fields (a contact role; the profile has one). */
export interface FormSection {
  key: string;
  title: string;
  fields: FormField[];
}

export interface FormView {
  title: string;
  subtitle: string;
  sections: FormSection[];
}

/** Changed values only, by section and field. */
export type FormChanges = Record<string, Record<string, string>>;

export type ExtensionToFormPage =
  | { type: 'show'; view: FormView; target: FormTarget }
  | { type: 'saving' }
  /** Saved: the page shows the portal's values now and says so. */
  | { type: 'saved'; message: string; view: FormView }
  /** Not saved (or not known to be): the form stays as typed, with the reason and any field problems. */
  | { type: 'saveFailed'; message: string; problems: Record<string, string> };

export type FormPageToExtension = { type: 'ready' } | { type: 'refresh' } | { type: 'save'; changes: FormChanges };

const id = (v: unknown) => typeof v === 'string' && /^[\w-]{1,60}$/.test(v);

export function isFormTarget(value: unknown): value is FormTarget {
  const t = value as Record<string, unknown> | null;
  if (!t || typeof t !== 'object' || !id(t.accountId)) return false;
  return t.kind === 'profile' || (t.kind === 'domainContacts' && id(t.domainId));
}

function isChanges(value: unknown): value is FormChanges {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(([k, fields]) => id(k) && !!fields && typeof fields === 'object' && !Array.isArray(fields) && Object.entries(fields).every(([f, v]) => id(f) && typeof v === 'string' && v.length <= 1000));
}

export function isFormPageMessage(value: unknown): value is FormPageToExtension {
  const m = value as Record<string, unknown> | null;
  if (!m || typeof m !== 'object') return false;
  return m.type === 'ready' || m.type === 'refresh' || (m.type === 'save' && isChanges(m.changes));
}

/** The field's key in `problems`: `section.field`. */
export const problemKey = (section: string, field: string) => `${section}.${field}`;
