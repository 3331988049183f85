// What the form pages show and send: the account profile (`GET/PUT /details`) and a domain's contacts
// (`GET/PUT /domain/@id/contact`) as sections of text fields; only fields that changed are sent, after
// the same checks the page makes. No vscode here.
import { DomainSettingsModel } from '../model/domainSettingsModel';
import { AccountModel } from '../model/accountModel';
import { PortalModel } from '../model/portalModel';
import { AccountRegistry } from '../accounts/accountRegistry';
import { FormChanges, FormField, FormSection, FormTarget, FormView, problemKey } from './formProtocol';
import * as l10n from '@vscode/l10n';

/** The fields a person can edit, in the order a form shows them; others the portal sends are left alone. */
const EDITABLE: Record<string, { label: string; type?: FormField['type']; required?: boolean }> = {
  firstname: { label: l10n.t('First name'), required: true },
  lastname: { label: l10n.t('Last name'), required: true },
  companyname: { label: l10n.t('Company') },
  email: { label: l10n.t('E-mail'), type: 'email', required: true },
  address1: { label: l10n.t('Address') },
  address2: { label: l10n.t('Address (line 2)') },
  city: { label: l10n.t('City') },
  state: { label: l10n.t('State or region') },
  postcode: { label: l10n.t('Postcode') },
  country: { label: l10n.t('Country (ISO code)') },
  phonenumber: { label: l10n.t('Phone'), type: 'tel' },
};

const ROLE_TITLES: Record<string, string> = {
  registrant: l10n.t('Registrant'),
  admin: l10n.t('Administrative contact'),
  tech: l10n.t('Technical contact'),
  billing: l10n.t('Billing contact'),
};

function fieldsOf(record: Record<string, unknown>): FormField[] {
  return Object.entries(EDITABLE)
    .filter(([key]) => typeof record[key] === 'string' || typeof record[key] === 'number')
    .map(([key, f]) => ({ key, label: f.label, value: String(record[key]), type: f.type ?? 'text', required: f.required ?? false }));
}

export async function loadForm(model: PortalModel, registry: AccountRegistry, target: FormTarget, fresh = false): Promise<FormView> {
  const account = registry.get(target.accountId)?.record.label ?? target.accountId;
  if (target.kind === 'profile') {
    const details = await model.area(AccountModel).profile(target.accountId, fresh);
    return { title: l10n.t('Account Profile'), subtitle: l10n.t('{0} · client {1}', account, details.id), sections: [{ key: 'client', title: l10n.t('Contact details'), fields: fieldsOf(details) }] };
  }
  const [domain, contacts] = await Promise.all([model.domains.details(target), model.area(DomainSettingsModel).contacts(target, fresh)]);
  const order = ['registrant', 'admin', 'tech', 'billing'];
  const sections: FormSection[] = Object.entries(contacts)
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
    .map(([role, fields]) => ({ key: role, title: ROLE_TITLES[role] ?? role, fields: fieldsOf(fields) }))
    .filter((s) => s.fields.length > 0);
  return { title: l10n.t('Contacts of {0}', domain.name), subtitle: l10n.t('{0} · domain {1}', account, domain.id), sections };
}

/** Only what differs from `view`, for fields the view has. */
export function changedFields(view: FormView, typed: FormChanges): FormChanges {
  const out: FormChanges = {};
  for (const section of view.sections) {
    for (const field of section.fields) {
      const value = typed[section.key]?.[field.key];
      if (value !== undefined && value.trim() !== field.value) (out[section.key] ??= {})[field.key] = value.trim();
    }
  }
  return out;
}

/** What is wrong with the changed values, by `section.field` (the page makes the same checks as you type). */
export function formProblems(view: FormView, changes: FormChanges): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const section of view.sections) {
    for (const field of section.fields) {
      const value = changes[section.key]?.[field.key];
      if (value === undefined) continue;
      if (field.required && value === '') problems[problemKey(section.key, field.key)] = l10n.t('{0} is required', field.label);
      else if (field.type === 'email' && value !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) problems[problemKey(section.key, field.key)] = l10n.t('Enter an e-mail address');
      else if (field.type === 'tel' && value !== '' && !/^\+?[\d .()-]{4,25}$/.test(value)) problems[problemKey(section.key, field.key)] = l10n.t('Enter a phone number (digits, spaces, + . - ( ))');
    }
  }
  return problems;
}

/** Sends the changes (one request). */
export async function saveForm(model: PortalModel, target: FormTarget, changes: FormChanges): Promise<void> {
  if (target.kind === 'profile') {
    await model.area(AccountModel).updateProfile(target.accountId, changes.client ?? {});
  } else {
    await model.area(DomainSettingsModel).updateContacts(target, changes);
  }
}
