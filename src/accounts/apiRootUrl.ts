import { isIP } from 'node:net';
import * as l10n from '@vscode/l10n';

export type ApiRootCheck = { ok: true; url: string } | { ok: false; problem: string };

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return true;
  }
  if (isIP(host) === 4) {
    return host.startsWith('127.');
  }
  return host === '::1';
}

/**
 * Checks a portal API root typed by the user: `https:` only (plain `http:` only for loopback
 * hosts, such as the mock portal), no credentials, query or fragment. Returns it normalised with
 * a trailing slash.
 */
export function checkApiRoot(input: string): ApiRootCheck {
  const text = input.trim();
  if (!text) {
    return { ok: false, problem: l10n.t('Enter the portal’s API root URL, e.g. https://portal.example.com/api/') };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: l10n.t('This is not a valid URL. Enter it with https://') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: l10n.t('Only https:// URLs are allowed.') };
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return { ok: false, problem: l10n.t('Plain http:// would send your password unencrypted; use https:// (http is allowed only for localhost).') };
  }
  if (url.username || url.password) {
    return { ok: false, problem: l10n.t('Do not put credentials in the URL; you will be asked for them next.') };
  }
  if (url.search || url.hash) {
    return { ok: false, problem: l10n.t('The API root URL cannot have a query (?…) or fragment (#…).') };
  }
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { ok: true, url: `${url.origin}${path}` };
}
