import { isIPv4, isIPv6 } from 'node:net';
import { DnsRecordInput } from '../api/resources/dnsRecord';
import * as l10n from '@vscode/l10n';

/** A record as the user typed it: every field text, so a rejected edit can be shown again as it was. */
export interface RecordDraft {
  type: string;
  name: string;
  content: string;
  priority: string;
  ttl: string;
}

export const COMMON_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA', 'PTR'];

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;

export function isHostName(value: string, allowWildcard = false): boolean {
  const host = value.endsWith('.') ? value.slice(0, -1) : value;
  if (!host || host.length > 253) {
    return false;
  }
  return host.split('.').every((label, i) => (allowWildcard && i === 0 && label === '*') || LABEL.test(label));
}

function integer(value: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(value.trim())) {
    return undefined;
  }
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

export function needsPriority(type: string): boolean {
  return type === 'MX' || type === 'SRV';
}

/** What the content field asks for, by type. */
export function contentHint(type: string): string {
  switch (type) {
    case 'A':
      return l10n.t('IPv4 address, e.g. 203.0.113.10');
    case 'AAAA':
      return l10n.t('IPv6 address, e.g. 2001:db8::10');
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return l10n.t('Host name, e.g. target.example.com');
    case 'MX':
      return l10n.t('Mail server host name, e.g. mail.example.com');
    case 'SRV':
      return l10n.t('weight port target, e.g. 5 5060 sip.example.com');
    case 'TXT':
      return l10n.t('Text; long values as several "quoted" "strings" of up to 255 characters');
    case 'CAA':
      return l10n.t('flags tag "value", e.g. 0 issue "letsencrypt.org"');
    default:
      return l10n.t('Record content');
  }
}

export function validateName(name: string): string | undefined {
  const value = name.trim();
  if (value === '' || value === '@') {
    return value === '' ? l10n.t('Enter a name, or @ for the zone apex') : undefined;
  }
  return isHostName(value, true) ? undefined : l10n.t('Names are letters, digits, hyphens and underscores, separated by dots (a leading * is allowed)');
}

function validateTxt(content: string): string | undefined {
  const text = content.trim();
  if (!text) {
    return l10n.t('Enter the text');
  }
  if (text.startsWith('"')) {
    const strings = text.match(/"((?:[^"\\]|\\.)*)"/g);
    const rest = text.replace(/"((?:[^"\\]|\\.)*)"/g, '').trim();
    if (!strings || rest !== '') {
      return l10n.t('Quoted text must be one or more complete "strings" separated by spaces');
    }
    if (strings.some((s) => s.length - 2 > 255)) {
      return l10n.t('Each quoted string can hold at most 255 characters; split the text into several strings');
    }
    return undefined;
  }
  if (text.includes('"')) {
    return l10n.t('Unquoted text cannot contain a double quote; put the whole value in "quotes"');
  }
  return text.length > 255 ? l10n.t('Text over 255 characters must be split into several "quoted" "strings"') : undefined;
}

export function validateContent(type: string, content: string): string | undefined {
  const value = content.trim();
  switch (type) {
    case 'A':
      return isIPv4(value) ? undefined : l10n.t('Enter an IPv4 address, e.g. 203.0.113.10');
    case 'AAAA':
      return isIPv6(value) ? undefined : l10n.t('Enter an IPv6 address, e.g. 2001:db8::10');
    case 'CNAME':
    case 'NS':
    case 'MX':
    case 'PTR':
      return isHostName(value) ? undefined : l10n.t('Enter a host name, e.g. target.example.com');
    case 'SRV': {
      const parts = value.split(/\s+/);
      if (parts.length !== 3) return l10n.t('Enter weight, port and target, e.g. 5 5060 sip.example.com');
      if (integer(parts[0], 0, 65535) === undefined) return l10n.t('The weight is a whole number from 0 to 65535');
      if (integer(parts[1], 1, 65535) === undefined) return l10n.t('The port is a whole number from 1 to 65535');
      if (parts[2] !== '.' && !isHostName(parts[2])) return l10n.t('The target is a host name (or . for "no service")');
      return undefined;
    }
    case 'TXT':
      return validateTxt(value);
    case 'CAA':
      return /^\d{1,3}\s+(issue|issuewild|iodef)\s+"[^"]*"$/i.test(value) ? undefined : l10n.t('Enter flags, tag and "value", e.g. 0 issue "letsencrypt.org"');
    default:
      return value ? undefined : l10n.t('Enter the content');
  }
}

export function validatePriority(type: string, priority: string): string | undefined {
  if (!needsPriority(type)) {
    return undefined;
  }
  return integer(priority, 0, 65535) === undefined ? l10n.t('The priority is a whole number from 0 to 65535') : undefined;
}

export function validateTtl(ttl: string): string | undefined {
  if (ttl.trim() === '') {
    return undefined;
  }
  return integer(ttl, 1, 2_147_483_647) === undefined ? l10n.t('The TTL is a positive whole number of seconds') : undefined;
}

/** Every problem of a draft, by field; empty when it can be sent. */
export function validateDraft(draft: RecordDraft): Partial<Record<keyof RecordDraft, string>> {
  const problems: Partial<Record<keyof RecordDraft, string>> = {};
  const put = (field: keyof RecordDraft, problem: string | undefined) => {
    if (problem) problems[field] = problem;
  };
  put('type', /^[A-Z0-9]+$/.test(draft.type) ? undefined : l10n.t('Choose a record type'));
  put('name', validateName(draft.name));
  put('content', validateContent(draft.type, draft.content));
  put('priority', validatePriority(draft.type, draft.priority));
  put('ttl', validateTtl(draft.ttl));
  return problems;
}

/** The API input for a valid draft. */
export function draftToInput(draft: RecordDraft): DnsRecordInput {
  return {
    type: draft.type,
    name: draft.name.trim(),
    content: draft.content.trim(),
    priority: needsPriority(draft.type) ? Number(draft.priority) : 0,
    ttl: draft.ttl.trim() === '' ? undefined : Number(draft.ttl),
  };
}
