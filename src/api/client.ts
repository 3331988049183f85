import * as v from 'valibot';
import { Authenticator } from './auth';
import { Feature } from './capabilities';
import { AuthenticationError, InvalidResponseError, UnsupportedError } from './errors';
import { assertNoPortalError } from './envelope';
import { Logger } from './log';
import { unreadableItems } from './schema';
import { defaultRetryPolicy, RetryPolicy, withRetry } from './retry';
import { HttpMethod, HttpTransport, TransportRequest } from './transport';
import * as l10n from '@vscode/l10n';

const OBJECT_TYPES = new Set(['object', 'loose_object', 'strict_object', 'object_with_rest']);

/** Whether a schema describes a JSON object at its top (directly, or as the first step of a pipe). */
export function expectsObject(schema: { type?: string; pipe?: readonly { type?: string; kind?: string }[] }): boolean {
  if (OBJECT_TYPES.has(schema.type ?? '')) return true;
  const first = schema.type === 'pipe' ? schema.pipe?.[0] : undefined;
  return !!first && first.kind === 'schema' && expectsObject(first as typeof schema);
}

export interface RequestOptions {
  query?: TransportRequest['query'];
  signal?: AbortSignal;
}

export type Schema<T> = v.GenericSchema<unknown, T>;

export interface Download {
  bytes: Buffer;
  contentType: string;
  fileName?: string;
}

function headerText(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * The authenticated, validating portal client for one account. Every answer passes the
 * `error`-array check and a schema before it reaches a caller; GETs are retried on transient
 * failures, other methods only when the request provably never left.
 */
export class PortalClient {
  constructor(
    readonly transport: HttpTransport,
    readonly auth: Authenticator,
    readonly features: ReadonlySet<Feature>,
    readonly logger: Logger,
    private readonly retryPolicy: RetryPolicy = defaultRetryPolicy,
  ) {}

  supports(feature: Feature): boolean {
    return this.features.has(feature);
  }

  /** Throws before anything is sent when the portal does not have `feature`. */
  require(feature: Feature, what: string): void {
    if (!this.features.has(feature)) {
      throw new UnsupportedError(l10n.t('This portal does not offer {0}.', what));
    }
  }

  get<T>(path: string, schema: Schema<T>, options: RequestOptions = {}): Promise<T> {
    return this.call('GET', path, schema, undefined, options);
  }

  post<T>(path: string, schema: Schema<T>, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.call('POST', path, schema, body ?? {}, options);
  }

  put<T>(path: string, schema: Schema<T>, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.call('PUT', path, schema, body ?? {}, options);
  }

  delete<T>(path: string, schema: Schema<T>, options: RequestOptions = {}): Promise<T> {
    return this.call('DELETE', path, schema, undefined, options);
  }

  /** Fetches a file (a ticket attachment). The body is returned as it came. */
  async download(path: string, options: RequestOptions = {}): Promise<Download> {
    const request: TransportRequest = { method: 'GET', path, signal: options.signal, responseType: 'bytes' };
    const response = await withRetry(() => this.sendAuthorised(request), {
      idempotent: true,
      policy: this.retryPolicy,
      signal: options.signal,
    });
    if (!response.bytes) {
      assertNoPortalError(response.json, response.status);
      throw new InvalidResponseError(l10n.t('The portal answered /{0} with JSON instead of a file.', path), response.status);
    }
    const disposition = headerText(response.headers['content-disposition']);
    const fileName = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
    return {
      bytes: response.bytes,
      contentType: headerText(response.headers['content-type']) || 'application/octet-stream',
      fileName: fileName ? decodeURIComponent(fileName) : undefined,
    };
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private async call<T>(
    method: HttpMethod,
    path: string,
    schema: Schema<T>,
    body: unknown,
    options: RequestOptions,
  ): Promise<T> {
    const request: TransportRequest = { method, path, body, query: options.query, signal: options.signal };
    const response = await withRetry(() => this.sendAuthorised(request), {
      idempotent: method === 'GET',
      policy: this.retryPolicy,
      signal: options.signal,
      onRetry: (error, delay) =>
        this.logger.info(`Retrying ${method} ${path} in ${delay} ms after: ${(error as Error).message}`),
    });
    assertNoPortalError(response.json, response.status);
    if (Array.isArray(response.json) && expectsObject(schema)) {
      // valibot's object schemas accept arrays; an object answer that arrives as a list is a wrong shape.
      this.logger.warn(`Unexpected answer to ${method} ${path}: a list where an object was expected`);
      throw new InvalidResponseError(l10n.t('The portal\'s answer to {0} /{1} has an unexpected shape (a list where an object was expected).', method, path), response.status);
    }
    const parsed = v.safeParse(schema, response.json);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = v.getDotPath(issue) ?? l10n.t('(top level)');
      this.logger.warn(`Unexpected answer to ${method} ${path} at ${where}: ${issue.message}`);
      throw new InvalidResponseError(
        l10n.t('The portal\'s answer to {0} /{1} has an unexpected shape (at {2}: {3}).', method, path, where, issue.message),
        response.status,
      );
    }
    this.reportUnreadable(method, path, parsed.output);
    return parsed.output;
  }

  /** Logs the items a tolerant list left out (the answer itself, or a list one level inside it). */
  private reportUnreadable(method: string, path: string, output: unknown): void {
    const lists = Array.isArray(output) ? [output] : output && typeof output === 'object' ? Object.values(output).filter(Array.isArray) : [];
    for (const items of lists.map(unreadableItems).filter((u) => u.length > 0)) {
      const what = items.map((u) => `#${u.index + 1}${u.id ? ` (${u.id})` : ''}: ${u.reason}`).join('; ');
      this.logger.warn(`${items.length} item(s) of ${method} /${path} could not be read and are left out: ${what}`);
    }
  }

  private async sendAuthorised(request: TransportRequest) {
    const used = this.auth.authorization();
    try {
      return await this.transport.send({ ...request, authorization: used });
    } catch (e) {
      if (!(e instanceof AuthenticationError) || e.signInRequired) {
        throw e;
      }
      // A 401 means the portal did not act on the request, so sending it again is safe.
      if (await this.auth.recover(used)) {
        try {
          return await this.transport.send({ ...request, authorization: this.auth.authorization() });
        } catch (again) {
          if (again instanceof AuthenticationError) {
            // Rejected even with fresh credentials: no second refresh, the user has to act.
            throw new AuthenticationError(again.message, true, again.status);
          }
          throw again;
        }
      }
      throw new AuthenticationError(l10n.t('Your session has ended. Sign in again to continue.'), true, 401);
    }
  }
}
