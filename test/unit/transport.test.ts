import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  CancelledError,
  InvalidResponseError,
  NetworkError,
  PortalError,
  TimeoutError,
} from '../../src/api/errors';
import { parseRetryAfter } from '../../src/api/response';
import { HttpTransport } from '../../src/api/transport';
import { basicHeader } from '../../src/api/auth';
import { EMAIL, PASSWORD, RecordingLogger, rejects, useMockPortal } from './helpers';

describe('HttpTransport against the mock portal', () => {
  const ctx = useMockPortal();
  const auth = basicHeader(EMAIL.elsecloud, PASSWORD);
  let transport: HttpTransport;
  let logger: RecordingLogger;

  beforeEach(() => {
    logger = new RecordingLogger();
    transport = new HttpTransport({ apiRoot: ctx.portal.apiRoot('elsecloud'), logger, timeoutMs: 400, maxConnections: 6 });
  });
  afterEach(() => transport.close());

  it('sends JSON to the API root path and parses JSON answers', async () => {
    const res = await transport.send({ method: 'POST', path: 'service/301/label', body: { label: 'edge' }, authorization: auth });
    assert.equal(res.status, 200);
    assert.deepEqual((res.json as { info: string[] }).info, ['label_updated']);
    const [req] = ctx.portal.received({ path: 'service/301/label' });
    assert.deepEqual(req.body, { label: 'edge' });
    assert.equal(req.authScheme, 'basic');
  });

  it('gives up on a request that never answers, with a TimeoutError', async () => {
    ctx.portal.fault({ kind: 'hang', path: '^service$' });
    const started = Date.now();
    const error = await rejects(transport.send({ method: 'GET', path: 'service', authorization: auth }));
    assert.ok(error instanceof TimeoutError, `got ${error}`);
    assert.ok(Date.now() - started < 2_000);
  });

  it('cancels through an AbortSignal', async () => {
    ctx.portal.fault({ kind: 'hang', path: '^service$' });
    const controller = new AbortController();
    const sent = transport.send({ method: 'GET', path: 'service', authorization: auth, signal: controller.signal });
    // The user cancels once the portal has the request (and is not answering).
    while (ctx.portal.received({ path: 'service' }).length === 0) await new Promise((r) => setImmediate(r));
    controller.abort();
    const error = await rejects(sent);
    assert.ok(error instanceof CancelledError, `got ${error}`);
  });

  it('refuses a request whose signal is already aborted without sending it', async () => {
    const controller = new AbortController();
    controller.abort();
    await rejects(transport.send({ method: 'GET', path: 'service', authorization: auth, signal: controller.signal }));
    assert.equal(ctx.portal.requests.length, 0);
  });

  it('reports an HTML error page as a portal error naming the page', async () => {
    ctx.portal.fault({ kind: 'html', status: 502 });
    const error = await rejects(transport.send({ method: 'GET', path: 'service', authorization: auth }));
    assert.ok(error instanceof PortalError);
    assert.equal(error.status, 502);
    assert.match(error.message, /502 Bad Gateway.*HTML page/);
  });

  it('reports an HTML page with status 200 as an invalid response', async () => {
    const server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><head><title>Client Area Login</title></head></html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const t = new HttpTransport({ apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, logger });
    try {
      const error = await rejects(t.send({ method: 'GET', path: 'details' }));
      assert.ok(error instanceof InvalidResponseError);
      assert.match(error.message, /HTML page \(“Client Area Login”\)/);
    } finally {
      await t.close();
      server.close();
    }
  });

  it('reports truncated JSON as an invalid response', async () => {
    ctx.portal.fault({ kind: 'truncated', path: '^service$' });
    const error = await rejects(transport.send({ method: 'GET', path: 'service', authorization: auth }));
    assert.ok(error instanceof InvalidResponseError);
    assert.match(error.message, /malformed JSON/);
  });

  it('reports a dropped connection as a network error the server may have seen', async () => {
    ctx.portal.fault({ kind: 'reset' });
    const error = await rejects(transport.send({ method: 'GET', path: 'service', authorization: auth }));
    assert.ok(error instanceof NetworkError, `got ${error}`);
    assert.equal(error.maybeSeenByServer, true);
  });

  it('reports a refused connection as a network error the server never saw', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const t = new HttpTransport({ apiRoot: `http://127.0.0.1:${port}/api/`, logger });
    try {
      const error = await rejects(t.send({ method: 'POST', path: 'order', body: {} }));
      assert.ok(error instanceof NetworkError);
      assert.equal(error.maybeSeenByServer, false);
    } finally {
      await t.close();
    }
  });

  it('does not follow a redirect, so the Authorization header never reaches another host', async () => {
    let stolen = 0;
    const other = createServer((_, res) => {
      stolen++;
      res.end('{}');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    ctx.portal.fault({ kind: 'redirect', message: `http://127.0.0.1:${(other.address() as AddressInfo).port}/api/service` });
    try {
      const error = await rejects(transport.send({ method: 'GET', path: 'service', authorization: auth }));
      assert.ok(error instanceof PortalError);
      assert.match(error.message, /redirected/);
      assert.equal(stolen, 0);
    } finally {
      other.close();
    }
  });

  it('keeps connections alive and never has more than maxConnections requests in flight', async () => {
    ctx.portal.latencyMs = 60;
    try {
      await Promise.all(Array.from({ length: 20 }, () => transport.send({ method: 'GET', path: 'details', authorization: auth })));
      assert.equal(ctx.portal.received({ path: 'details' }).length, 20);
      assert.ok(ctx.portal.maxInFlight <= 6, `max in flight ${ctx.portal.maxInFlight}`);
      assert.ok(ctx.portal.maxInFlight >= 2, 'requests should run concurrently');
      assert.ok(ctx.portal.openConnections() <= 6, `open connections ${ctx.portal.openConnections()}`);
    } finally {
      ctx.portal.latencyMs = 0;
    }
  });

  it('never writes the Authorization header or login bodies to the log', async () => {
    const secretLogger = new RecordingLogger();
    const t = new HttpTransport({ apiRoot: ctx.portal.apiRoot('alterncloud'), logger: secretLogger });
    const altAuth = basicHeader(EMAIL.alterncloud, PASSWORD);
    try {
      const login = await t.send({ method: 'POST', path: 'login', body: { username: EMAIL.alterncloud, password: PASSWORD } });
      const token = (login.json as { token: string }).token;
      await t.send({ method: 'GET', path: 'details', authorization: altAuth });
      await t.send({ method: 'GET', path: 'details', authorization: `Bearer ${token}` });
      await t.send({ method: 'POST', path: 'service/501/label', body: { label: 'x', password: 'hunter2' }, authorization: altAuth });
      assert.ok(!secretLogger.text().includes(token), 'the bearer token must not be logged');
    } finally {
      await t.close();
    }
    const text = secretLogger.text();
    assert.ok(text.includes('GET /alterncloud/api/details'), 'requests are logged');
    assert.ok(text.includes('Basic <redacted>'));
    assert.ok(text.includes('Bearer <redacted>'));
    assert.ok(!text.includes(altAuth.split(' ')[1]), 'the Basic credentials must not be logged');
    assert.ok(!text.includes(PASSWORD), 'the password must not be logged');
    assert.ok(!text.includes('hunter2'), 'password-like fields must be redacted');
    assert.match(text, /→ POST \/alterncloud\/api\/login[^\n]*\ntrace {3}body <not logged>/, 'the login body is not logged at all');
    assert.ok(!text.includes(EMAIL.alterncloud), 'not even the email of a sign-in');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6_000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });
});
