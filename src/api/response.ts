import { AuthenticationError, InvalidResponseError, NotFoundError, PortalError, RateLimitedError } from './errors';
import * as l10n from '@vscode/l10n';

/** Response headers as undici gives them. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

// How a portal's answer is read: JSON or a typed error, whatever the status, content type and body.
// HTML pages (a login page, a proxy's error page), error envelopes and Retry-After are recognised here.

export function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) {
    return undefined;
  }
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) {
    return seconds * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function looksLikeHtml(text: string, contentType: string | undefined): boolean {
  return /html/i.test(contentType ?? '') || /^\s*</.test(text);
}

function htmlTitle(text: string): string | undefined {
  const match = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(text) ?? /<h1[^>]*>([^<]{1,200})<\/h1>/i.exec(text);
  return match?.[1].replace(/\s+/g, ' ').trim() || undefined;
}

/** Pulls the portal's `error` messages out of a JSON body, if it has any. */
export function portalMessages(json: unknown, key: 'error' | 'info' = 'error'): string[] {
  if (!json || typeof json !== 'object') {
    return [];
  }
  const value = (json as Record<string, unknown>)[key];
  if (Array.isArray(value)) {
    return value.filter((m) => m !== null && m !== undefined && m !== '').map((m) => String(m));
  }
  if (typeof value === 'string' && value) {
    return [value];
  }
  return [];
}

/**
 * Turns a status and body into JSON or a typed error. Exported for the mock-portal tests;
 * the transport is its only production caller.
 */
export function interpretResponse(
  status: number,
  headers: ResponseHeaders,
  text: string,
): unknown {
  const contentType = header(headers, 'content-type');
  let json: unknown;
  let parseError: string | undefined;
  if (text.trim() === '') {
    json = {};
  } else if (looksLikeHtml(text, contentType)) {
    parseError = 'html';
  } else {
    try {
      json = JSON.parse(text);
    } catch (e) {
      parseError = e instanceof Error ? e.message : String(e);
    }
  }

  if (status >= 300 && status < 400) {
    const location = header(headers, 'location') ?? l10n.t('another address');
    throw new PortalError([l10n.t('The portal redirected to {0}. Check the account\'s API root URL.', location)], status);
  }
  if (status >= 400) {
    const messages = json !== undefined ? portalMessages(json) : [];
    if (parseError === 'html') {
      const title = htmlTitle(text);
      messages.push(l10n.t('HTTP {0}{1}: the portal sent an HTML page instead of JSON', status, title ? ` “${title}”` : ''));
    }
    if (status === 401) {
      throw new AuthenticationError(messages[0] ?? l10n.t('The portal rejected the credentials.'), false, 401);
    }
    if (status === 404) {
      throw new NotFoundError(messages[0] ?? l10n.t('Not found on the portal.'), 404);
    }
    if (status === 429) {
      throw new RateLimitedError(parseRetryAfter(header(headers, 'retry-after')));
    }
    throw new PortalError(messages, status, l10n.t('The portal answered HTTP {0}.', status));
  }
  if (parseError === 'html') {
    const title = htmlTitle(text);
    throw new InvalidResponseError(
      l10n.t('The portal answered with an HTML page{0} instead of JSON. Check the account\'s API root URL.', title ? ` (“${title}”)` : ''),
      status,
    );
  }
  if (parseError !== undefined) {
    throw new InvalidResponseError(l10n.t('The portal sent malformed JSON ({0}).', parseError), status);
  }
  return json;
}
