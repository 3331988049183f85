import { connectError, errorCodes } from './network/connectFailure';
import { createDispatcher, PortalDispatcher } from './network/dispatcher';
import { defaultNetworkOptions, NetworkOptions } from './network/networkOptions';
import {
  CancelledError,
  InvalidResponseError,
  NetworkError,
  PortalClientError,
  TimeoutError,
} from './errors';
import { Logger, redactBody, redactHeaders } from './log';
import { header, interpretResponse, ResponseHeaders } from './response';
import * as l10n from '@vscode/l10n';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface TransportOptions {
  /** The portal's API root, e.g. `https://portal.example.com/api/`. */
  apiRoot: string;
  /** Whole-request time limit (headers and body). */
  timeoutMs?: number;
  /** Connections kept per account; also the number of requests in flight at once. */
  maxConnections?: number;
  /** Refuse bodies larger than this. */
  maxBodyBytes?: number;
  logger: Logger;
  userAgent?: string;
  /** Proxy and certificate settings; VS Code's defaults and this process's environment when absent. */
  network?: NetworkOptions;
}

export interface TransportRequest {
  method: HttpMethod;
  /** Path relative to the API root, without a leading slash, e.g. `service/301/vms`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  authorization?: string;
  signal?: AbortSignal;
  /** `bytes` keeps a successful non-JSON body (attachments) instead of parsing it. */
  responseType?: 'json' | 'bytes';
}

export interface TransportResponse {
  status: number;
  /** Parsed JSON (an empty object for an empty body). */
  json: unknown;
  /** The raw body, for `responseType: 'bytes'` answers that are not JSON. */
  bytes?: Buffer;
  headers: ResponseHeaders;
}

/**
 * One account's HTTP connection to its portal: a pooled, keep-alive undici dispatcher,
 * a time limit on every request, cancellation through AbortSignal, and the mapping of
 * HTTP outcomes to typed errors. It knows nothing about auth or retries.
 */
export class HttpTransport {
  private readonly origin: URL;
  private readonly network: NetworkOptions;
  private readonly connections: number;
  private connection: Promise<PortalDispatcher> | undefined;
  private readonly basePath: string;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly logger: Logger;
  private readonly userAgent: string;
  private closed = false;

  constructor(options: TransportOptions) {
    const root = new URL(options.apiRoot);
    this.basePath = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 32 * 1024 * 1024;
    this.logger = options.logger;
    this.userAgent = options.userAgent ?? 'cloud-portal-vscode';
    this.origin = new URL(root.origin);
    this.network = options.network ?? defaultNetworkOptions();
    this.connections = options.maxConnections ?? 6;
  }

  /**
   * The pooled dispatcher, made on first use: choosing the route and loading the trust store
   * (the OS store can take a moment) wait for the first request, not for activation.
   */
  private dispatcher(): Promise<PortalDispatcher> {
    this.connection ??= createDispatcher({
      origin: this.origin,
      connections: this.connections,
      timeoutMs: this.timeoutMs,
      network: this.network,
      logger: this.logger,
    });
    return this.connection;
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    if (this.closed) {
      throw new CancelledError();
    }
    if (request.signal?.aborted) {
      throw new CancelledError();
    }
    const path = this.basePath + request.path.replace(/^\/+/, '') + queryString(request.query);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.userAgent,
    };
    if (request.authorization) {
      headers.authorization = request.authorization;
    }
    let payload: string | undefined;
    if (request.body !== undefined) {
      payload = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    this.logger.trace(`→ ${request.method} ${path} ${JSON.stringify(redactHeaders(headers))}`);
    if (payload !== undefined) {
      const shown = redactBody(path, request.body);
      this.logger.trace(`  body ${shown ?? '<not logged>'}`);
    }

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    const onCallerAbort = () => timeout.abort();
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const started = Date.now();
    let connection: PortalDispatcher | undefined;
    try {
      connection = await this.dispatcher();
      if (this.closed || request.signal?.aborted) {
        throw new CancelledError();
      }
      const response = await connection.dispatcher.request({
        origin: this.origin.origin,
        path,
        method: request.method,
        headers,
        body: payload,
        signal: timeout.signal,
      });
      const bytes = await this.readBody(response.body, response.headers['content-length']);
      // undici gives the connection back to the pool a turn of the event loop after the body ends.
      // Yielding that turn (no timer) lets the caller's next, dependent request reuse this connection
      // instead of opening another: a new TCP and TLS handshake is two round trips on its path.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const elapsed = Date.now() - started;
      this.logger.debug(`← ${response.statusCode} ${request.method} ${path} (${elapsed} ms, ${bytes.length} B)`);
      const contentType = header(response.headers, 'content-type') ?? '';
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      if (request.responseType === 'bytes' && ok && !/json/i.test(contentType)) {
        return { status: response.statusCode, headers: response.headers, json: undefined, bytes };
      }
      const text = bytes.toString('utf8');
      return {
        status: response.statusCode,
        headers: response.headers,
        json: interpretResponse(response.statusCode, response.headers, text),
      };
    } catch (e) {
      if (request.signal?.aborted) {
        throw new CancelledError();
      }
      if (timeout.signal.aborted) {
        this.logger.warn(`✗ ${request.method} ${path}: no answer within ${this.timeoutMs} ms`);
        throw new TimeoutError(this.timeoutMs);
      }
      throw this.mapFailure(e, request.method, path, connection);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** Closes idle connections and refuses new requests; requests in flight are aborted. */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    const connection = await this.connection?.catch(() => undefined);
    await connection?.dispatcher.destroy();
  }

  private async readBody(
    body: AsyncIterable<Buffer | Uint8Array>,
    contentLength: string | string[] | undefined,
  ): Promise<Buffer> {
    const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
    if (Number.isFinite(declared) && declared > this.maxBodyBytes) {
      throw new InvalidResponseError(l10n.t('The portal\'s answer is too large ({0} bytes).', declared));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > this.maxBodyBytes) {
        throw new InvalidResponseError(l10n.t('The portal\'s answer is too large (over {0} bytes).', this.maxBodyBytes));
      }
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  }

  private mapFailure(e: unknown, method: string, path: string, connection: PortalDispatcher | undefined): Error {
    if (e instanceof PortalClientError) {
      // Typed already: an answer we interpreted, or the dispatcher refusing its configuration.
      return e;
    }
    const refused = connection && connectError(e, this.origin, connection.route);
    if (refused) {
      // Failed while connecting: nothing of the request was written.
      this.logger.warn(`✗ ${method} ${path}: not sent: ${refused.message}`);
      return refused;
    }
    const codes = errorCodes(e);
    if (codes.includes('UND_ERR_HEADERS_TIMEOUT') || codes.includes('UND_ERR_BODY_TIMEOUT')) {
      return new TimeoutError(this.timeoutMs);
    }
    const reason = codes[0] ?? (e instanceof Error ? e.message : String(e));
    this.logger.warn(`✗ ${method} ${path}: ${reason}`);
    return new NetworkError(l10n.t('The connection to the portal failed ({0}).', reason), true, e);
  }
}

function queryString(query: TransportRequest['query']): string {
  if (!query) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
