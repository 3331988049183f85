// What lapses or is owed soon, across accounts: services and domains due or expiring within the window,
// certificates expiring, unpaid invoices (overdue first), domains with autorenew off. Plain data in and out;
// the view and the notifier are the VS Code side.
import * as l10n from '@vscode/l10n';
import { Service } from '../api/resources/services';
import { Domain } from '../api/resources/domains';
import { InvoiceSummary } from '../api/resources/billing';
import { Certificate } from '../api/resources/certificates';

export type AttentionKind = 'domain' | 'certificate' | 'invoice' | 'service';

export interface AttentionItem {
  /** Stable across loads: what a notification is remembered by (with the date it is about). */
  key: string;
  kind: AttentionKind;
  accountId: string;
  /** The resource's id on the portal. */
  id: string;
  title: string;
  detail: string;
  /** Days until the date (negative: past). */
  daysLeft: number;
  date: string;
  /** Domain with autorenew off, overdue invoice, expired certificate: the row says so. */
  urgent: boolean;
  autorenewOff?: boolean;
}

const DAY = 86_400_000;

/** Whole calendar days from today to the date (its day only: "expires in 10 days" whatever the hour). */
function daysUntil(date: string, now: number): number | undefined {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(date.trim())?.[1];
  const t = day ? Date.parse(`${day}T00:00:00Z`) : NaN;
  if (Number.isNaN(t)) return undefined;
  const today = Date.parse(`${new Date(now).toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.round((t - today) / DAY);
}

const when = (days: number) => (days < 0 ? l10n.t('{0} days ago', -days) : days === 0 ? l10n.t('today') : days === 1 ? l10n.t('tomorrow') : l10n.t('in {0} days', days));

export interface AttentionInput {
  accountId: string;
  services: readonly Service[];
  domains: readonly Domain[];
  certificates: readonly Certificate[];
  invoices: readonly InvoiceSummary[];
}

/** The items of one account within `windowDays`, soonest first. */
export function attentionItems(input: AttentionInput, windowDays: number, now = Date.now()): AttentionItem[] {
  const items: AttentionItem[] = [];
  const inWindow = (days: number | undefined): days is number => days !== undefined && days <= windowDays;
  for (const d of input.domains) {
    // The portal's own count when it gives one (the Domains view shows the same).
    const days = typeof d.daytoexpire === 'number' ? d.daytoexpire : daysUntil(d.expires, now);
    if (!inWindow(days) || /^(cancelled|transferred away|fraud)$/i.test(d.status)) continue;
    const autorenewOff = !d.autorenew;
    items.push({
      key: `${input.accountId}/domain/${d.id}/${d.expires}`,
      kind: 'domain',
      accountId: input.accountId,
      id: d.id,
      title: d.name,
      detail: days < 0 ? l10n.t('expired {0}', when(days)) : autorenewOff ? l10n.t('expires {0}, autorenew off', when(days)) : l10n.t('expires {0}', when(days)),
      daysLeft: days,
      date: d.expires,
      urgent: days < 0 || autorenewOff,
      autorenewOff,
    });
  }
  for (const c of input.certificates) {
    const days = daysUntil(c.cert_expires || c.next_due, now);
    if (!inWindow(days) || /^(cancelled|terminated)$/i.test(c.status)) continue;
    items.push({
      key: `${input.accountId}/certificate/${c.id}/${c.cert_expires || c.next_due}`,
      kind: 'certificate',
      accountId: input.accountId,
      id: c.id,
      title: c.domain || c.name,
      detail: days < 0 ? l10n.t('certificate expired {0}', when(days)) : l10n.t('certificate expires {0}', when(days)),
      daysLeft: days,
      date: c.cert_expires || c.next_due,
      urgent: days < 0,
    });
  }
  for (const i of input.invoices) {
    if (!/^unpaid$|overdue/i.test(i.status)) continue;
    const days = daysUntil(i.duedate, now) ?? 0;
    items.push({
      key: `${input.accountId}/invoice/${i.id}/${i.duedate}`,
      kind: 'invoice',
      accountId: input.accountId,
      id: i.id,
      title: l10n.t('Invoice {0}', i.number || i.id),
      detail: days < 0 ? l10n.t('{0} overdue since {1}', String(i.total), when(days)) : l10n.t('{0} due {1}', String(i.total), when(days)),
      daysLeft: days,
      date: i.duedate,
      urgent: days < 0,
    });
  }
  for (const s of input.services) {
    const days = daysUntil(s.next_due, now);
    // A monthly service is always due within a month, and its bill shows up as an unpaid invoice: only
    // longer cycles (the yearly renewal people forget) are listed on their own.
    if (!inWindow(days) || !/^active$/i.test(s.status) || /^(monthly|free|one ?time|)$/i.test(s.billingcycle.trim())) continue;
    items.push({
      key: `${input.accountId}/service/${s.id}/${s.next_due}`,
      kind: 'service',
      accountId: input.accountId,
      id: s.id,
      title: s.label || s.domain || s.name,
      detail: l10n.t('{0}: next due {1}', s.name, when(days)),
      daysLeft: days,
      date: s.next_due,
      urgent: days < 0,
    });
  }
  return items.sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.daysLeft - b.daysLeft);
}
