import { createServer as createHttpServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { ServerCertificate, testPki } from '../pki/testPki';
import { AddressInfo, Socket } from 'node:net';
import { MockAuth } from './auth';
import { FaultInjector, FaultRule } from './faults';
import { PortalState, ProviderName } from './model';
import { PortalFailure, Reply, Router } from './router';
import { accountRoutes } from './routes/account';
import { billingRoutes } from './routes/billing';
import { catalogueRoutes } from './routes/catalogue';
import { dnsRoutes } from './routes/dns';
import { domainRoutes } from './routes/domains';
import { serviceRoutes } from './routes/services';
import { ticketRoutes } from './routes/tickets';
import { seedPortal, SeedSize } from './seed';

export interface MockPortalOptions {
  port?: number;
  host?: string;
  /** Added to every answer (benchmarks). */
  latencyMs?: number;
  /** How long a VM stays in a transitional state after a power action. */
  transitionMs?: number;
  tokenTtlMs?: number;
  /** Extra bulk data (benchmarks). */
  size?: SeedSize;
  /** Adjusts a provider's seeded state (a test's own dates or data), after every reset. */
  seeded?: (state: PortalState) => void;
  /**
   * HTTPS with this certificate (default: the run's test PKI server certificate, issued by its
   * private CA); `false` serves plain HTTP.
   */
  tls?: ServerCertificate | false;
  /** The host name in `url` and `apiRoot` (default 127.0.0.1), e.g. a name only a proxy can resolve. */
  publicHost?: string;
}

export interface LoggedRequest {
  provider: ProviderName;
  method: string;
  /** Relative to the API root, without a leading slash. */
  path: string;
  query: string;
  body: unknown;
  authScheme: 'basic' | 'bearer' | 'none';
  status: number;
  /** When the request arrived, and when its answer was fully sent (ms since the epoch). */
  at: number;
  doneAt?: number;
  /** Which TCP connection carried it (numbered as they were opened). */
  connection: number;
}

const PROVIDERS: ProviderName[] = ['elsecloud', 'alterncloud'];
const OPEN_PATHS = new Set(['login', 'token', 'revoke']);

/**
 * A stateful HTTP implementation of both providers' documented client-area APIs, served on
 * 127.0.0.1 under `/elsecloud/api/` and `/alterncloud/api/`, with fault injection, a request log
 * and control endpoints under `/__mock/`. Test fixture and demo backend; never shipped.
 */
export class MockPortal {
  readonly faults = new FaultInjector();
  readonly auth: MockAuth;
  readonly requests: LoggedRequest[] = [];
  readonly states = new Map<ProviderName, PortalState>();
  private readonly router = new Router();
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<ServerResponse>();
  latencyMs: number;
  transitionMs: number;
  /** Requests being handled now, and the most seen at once since the last reset. */
  inFlight = 0;
  maxInFlight = 0;
  /** TCP connections accepted since the last reset (keep-alive checks). */
  connectionsOpened = 0;
  private readonly connectionIds = new WeakMap<Socket, number>();
  private port = 0;
  private secure = false;
  /** What `GET /certificate/@id/crt` answers: a real X.509 certificate (the test PKI's), PEM. */
  private certificatePem = '';

  constructor(private readonly options: MockPortalOptions = {}) {
    this.auth = new MockAuth(options.tokenTtlMs ?? 15 * 60_000);
    this.latencyMs = options.latencyMs ?? 0;
    this.transitionMs = options.transitionMs ?? 1500;
    this.reset();
    accountRoutes(this.router, this.auth);
    billingRoutes(this.router);
    serviceRoutes(this.router);
    domainRoutes(this.router);
    dnsRoutes(this.router);
    ticketRoutes(this.router);
    catalogueRoutes(this.router);
  }

  async start(): Promise<this> {
    const tls = this.options.tls ?? (this.options.tls === false ? false : (await testPki()).server);
    this.certificatePem = (tls || (await testPki()).server).cert;
    for (const state of this.states.values()) for (const c of state.certificates) c.crt = this.certificatePem;
    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
      this.handle(req, res).catch((e) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
        }
        res.end(JSON.stringify({ error: [`mock portal failure: ${(e as Error).message}`] }));
      });
    };
    const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, onRequest) : createHttpServer(onRequest);
    this.secure = !!tls;
    this.server = server;
    server.keepAliveTimeout = 5_000;
    server.on('connection', (socket: Socket) => {
      this.connectionsOpened++;
      this.connectionIds.set(socket, this.connectionsOpened);
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // A refused handshake is the client's business; keep the server quiet and running.
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `${this.secure ? 'https' : 'http'}://${this.options.publicHost ?? '127.0.0.1'}:${this.port}`;
  }

  apiRoot(provider: ProviderName): string {
    return `${this.url}/${provider}/api/`;
  }

  state(provider: ProviderName): PortalState {
    return this.states.get(provider)!;
  }

  /** Fresh seeded data, no faults, an empty request log. */
  reset(): void {
    for (const provider of PROVIDERS) {
      const state = seedPortal(provider, this.options.size);
      for (const c of state.certificates) c.crt = this.certificatePem;
      this.options.seeded?.(state);
      this.states.set(provider, state);
    }
    this.faults.clear();
    this.requests.length = 0;
    this.maxInFlight = this.inFlight;
    this.connectionsOpened = 0;
  }

  fault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  /** Requests the portal received, optionally filtered. */
  received(filter: { provider?: ProviderName; method?: string; path?: string | RegExp } = {}): LoggedRequest[] {
    return this.requests.filter(
      (r) =>
        (!filter.provider || r.provider === filter.provider) &&
        (!filter.method || r.method === filter.method) &&
        (!filter.path || (typeof filter.path === 'string' ? r.path === filter.path : filter.path.test(r.path))),
    );
  }

  openConnections(): number {
    return this.sockets.size;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) {
      res.destroy();
    }
    for (const socket of this.sockets) {
      socket.destroy();
    }
    const server = this.server;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/__mock/')) {
      return this.control(url, req, res);
    }
    const match = /^\/(elsecloud|alterncloud)\/api\/(.*)$/.exec(url.pathname);
    if (!match) {
      return send(res, 404, { error: ['Unknown portal; use /elsecloud/api/ or /alterncloud/api/'] });
    }
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.once('close', () => this.inFlight--);
    const provider = match[1] as ProviderName;
    const path = match[2].replace(/\/+$/, '');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const body = parseBody(raw, req.headers['content-type']);
    const authHeader = req.headers.authorization ?? '';
    const entry: LoggedRequest = {
      provider,
      method,
      path,
      query: url.search,
      body,
      authScheme: /^basic /i.test(authHeader) ? 'basic' : /^bearer /i.test(authHeader) ? 'bearer' : 'none',
      status: 0,
      at: Date.now(),
      connection: this.connectionIds.get(req.socket) ?? this.connectionIds.get((req.socket as unknown as { _parent?: Socket })._parent as Socket) ?? 0,
    };
    this.requests.push(entry);
    // Done when the portal ends its answer: the client cannot send its next request on this
    // connection before that. ('finish' comes later over TLS, once the encrypted bytes are flushed,
    // which would make requests on one connection appear to overlap.)
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      entry.doneAt ??= Date.now();
      return end(...args);
    }) as typeof res.end;

    if (this.latencyMs > 0) {
      await delay(this.latencyMs);
    }
    const fault = this.faults.take(method, path, provider);
    if (fault) {
      const handled = await this.applyFaultBefore(fault, res, entry);
      if (handled) {
        return;
      }
    }

    const state = this.states.get(provider)!;
    let status = 200;
    let answer: unknown;
    let headers: Record<string, string> = {};
    try {
      if (!OPEN_PATHS.has(path)) {
        this.auth.check(req, state);
      }
      const route = this.router.match(method, path, provider);
      if (!route) {
        throw new PortalFailure(404, ['invalid method']);
      }
      const result = await route.handler({
        provider,
        state,
        params: route.params,
        query: url.searchParams,
        body,
        req,
        now: Date.now(),
        transitionMs: this.transitionMs,
      });
      if (result instanceof Reply) {
        status = result.status;
        answer = result.body;
        headers = result.headers;
      } else {
        answer = result;
      }
    } catch (e) {
      if (!(e instanceof PortalFailure)) {
        throw e;
      }
      status = e.status;
      answer = { error: e.messages };
    }
    entry.status = status;

    if (fault?.kind === 'resetAfter') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'truncated') {
      const text = JSON.stringify(answer);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      return;
    }
    if (fault?.kind === 'wrongShape') {
      return send(res, 200, Array.isArray(answer) ? { unexpected: true } : [{ unexpected: 'shape' }]);
    }
    if (Buffer.isBuffer(answer)) {
      res.writeHead(status, { 'content-length': String(answer.length), ...headers });
      res.end(answer);
      return;
    }
    send(res, status, answer, headers);
  }

  /** Faults that answer instead of the portal. Returns true when the request is finished. */
  private async applyFaultBefore(fault: FaultRule, res: ServerResponse, entry: LoggedRequest): Promise<boolean> {
    switch (fault.kind) {
      case 'latency':
        await delay(fault.delayMs ?? 1000);
        return false;
      case 'status':
        entry.status = fault.status ?? 503;
        send(res, entry.status, { error: [fault.message ?? 'Service temporarily unavailable'] });
        return true;
      case 'rateLimit':
        entry.status = 429;
        send(res, 429, { error: ['Too many requests'] }, { 'retry-after': String(fault.retryAfter ?? 1) });
        return true;
      case 'html': {
        entry.status = fault.status ?? 502;
        const page = `<!DOCTYPE html><html><head><title>${entry.status} Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>`;
        res.writeHead(entry.status, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
        return true;
      }
      case 'redirect':
        entry.status = fault.status ?? 302;
        res.writeHead(entry.status, { location: fault.message ?? 'http://127.0.0.2:9/stolen' });
        res.end();
        return true;
      case 'errorBody':
        entry.status = 200;
        send(res, 200, { error: [fault.message ?? 'Internal portal error'] });
        return true;
      case 'reset':
        entry.status = -1;
        res.socket?.destroy();
        return true;
      case 'hang':
        entry.status = -1;
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return true;
      default:
        return false;
    }
  }

  private async control(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseBody(await readBody(req), req.headers['content-type']);
    const action = `${req.method} ${url.pathname.slice('/__mock/'.length)}`;
    switch (action) {
      case 'GET health':
        return send(res, 200, { ok: true, providers: PROVIDERS.map((p) => ({ provider: p, apiRoot: this.apiRoot(p) })) });
      case 'GET requests':
        return send(res, 200, { requests: this.requests });
      case 'DELETE requests':
        this.requests.length = 0;
        return send(res, 200, { ok: true });
      case 'GET faults':
        return send(res, 200, { faults: this.faults.list() });
      case 'POST faults':
        this.faults.add(body as unknown as FaultRule);
        return send(res, 200, { ok: true });
      case 'DELETE faults':
        this.faults.clear();
        return send(res, 200, { ok: true });
      case 'POST expire-tokens':
        this.auth.expireAll();
        return send(res, 200, { ok: true });
      case 'POST revoke-refresh':
        this.auth.revokeAllRefresh();
        return send(res, 200, { ok: true });
      case 'POST latency':
        this.latencyMs = Number(body.ms ?? 0);
        return send(res, 200, { ok: true });
      case 'POST service-label': {
        // A change made on the portal meanwhile (the bench's Refresh figure looks for it).
        const provider = (String(body.provider ?? 'elsecloud')) as ProviderName;
        const service = this.states.get(provider)?.services.find((s) => s.id === String(body.id));
        if (!service) return send(res, 404, { error: ['no such service'] });
        service.label = String(body.label ?? '');
        return send(res, 200, { ok: true });
      }
      case 'POST reset':
        this.reset();
        return send(res, 200, { ok: true });
      case 'GET state': {
        const provider = (url.searchParams.get('provider') ?? 'elsecloud') as ProviderName;
        return send(res, 200, this.states.get(provider) ?? {});
      }
      default:
        return send(res, 404, { error: [`unknown control ${action}`] });
    }
  }
}

export async function startMockPortal(options: MockPortalOptions = {}): Promise<MockPortal> {
  return new MockPortal(options).start();
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) {
    return {};
  }
  if (/json/i.test(contentType ?? '')) {
    try {
      const parsed = JSON.parse(raw);
      return parsed && typeof parsed === 'object' ? parsed : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}
