import * as assert from 'node:assert/strict';
import { NetworkError, PortalError, RateLimitedError, TimeoutError } from '../../src/api/errors';
import { defaultRetryPolicy, mayRetry, retryDelay } from '../../src/api/retry';
import { rejects, signedIn, useMockPortal } from './helpers';

describe('Retries', () => {
  const ctx = useMockPortal();

  it('repeats an idempotent GET after 503s and succeeds', async () => {
    const { api } = await signedIn(ctx.portal, 'elsecloud', 'basic');
    try {
      ctx.portal.fault({ kind: 'status', status: 503, path: '^service$', times: 2 });
      const services = await api.services.list();
      assert.equal(services.length, 5);
      assert.deepEqual(ctx.portal.received({ path: 'service' }).map((r) => r.status), [503, 503, 200]);
    } finally {
      await api.close();
    }
  });

  it('gives up after the bounded number of attempts', async () => {
    const { api } = await signedIn(ctx.portal, 'elsecloud', 'basic');
    try {
      ctx.portal.fault({ kind: 'status', status: 502, path: '^service$' });
      const error = await rejects(api.services.list());
      assert.ok(error instanceof PortalError && error.status === 502);
      assert.equal(ctx.portal.received({ path: 'service' }).length, 3);
    } finally {
      await api.close();
    }
  });

  it('honours Retry-After on 429', async () => {
    const { api } = await signedIn(ctx.portal, 'elsecloud', 'basic');
    try {
      ctx.portal.fault({ kind: 'rateLimit', retryAfter: 1, path: '^service$', times: 1 });
      const started = Date.now();
      await api.services.list();
      const [first, second] = ctx.portal.received({ path: 'service' });
      assert.equal(first.status, 429);
      assert.ok(second.at - first.at >= 950, `waited ${second.at - first.at} ms`);
      assert.ok(Date.now() - started >= 950);
    } finally {
      await api.close();
    }
  });

  it('does not wait out a long Retry-After: the user gets a rate-limit error with the delay', async () => {
    const { api } = await signedIn(ctx.portal, 'elsecloud', 'basic');
    try {
      ctx.portal.fault({ kind: 'rateLimit', retryAfter: 120, path: '^service$' });
      const error = await rejects(api.services.list());
      assert.ok(error instanceof RateLimitedError);
      assert.equal(error.retryAfterMs, 120_000);
      assert.match(error.message, /120 s/);
      assert.equal(ctx.portal.received({ path: 'service' }).length, 1);
    } finally {
      await api.close();
    }
  });

  it('never repeats a power action that failed with 503', async () => {
    const { api } = await signedIn(ctx.portal, 'elsecloud', 'basic');
    try {
      ctx.portal.fault({ kind: 'status', status: 503, path: 'stop$' });
      await rejects(api.vms.power('301', '1001', 'stop'));
      assert.equal(ctx.portal.received({ path: 'service/301/vms/1001/stop' }).length, 1);
    } finally {
      await api.close();
    }
  });

  it('never repeats a ticket reply whose connection dropped after the portal acted', async () => {
    const { api } = await signedIn(ctx.portal, 'elsecloud', 'basic');
    try {
      ctx.portal.fault({ kind: 'resetAfter', path: '^tickets/736633$', method: 'POST' });
      const error = await rejects(api.tickets.reply('736633', 'Any news?'));
      assert.ok(error instanceof NetworkError && error.maybeSeenByServer);
      assert.equal(ctx.portal.received({ path: 'tickets/736633', method: 'POST' }).length, 1);
      const replies = ctx.portal.state('elsecloud').tickets.find((t) => t.number === '736633')!.replies;
      assert.equal(replies.filter((r) => r.body === 'Any news?').length, 1);
    } finally {
      await api.close();
    }
  });

  it('never repeats an order that timed out', async () => {
    const { api } = await signedIn(ctx.portal, 'elsecloud', 'basic', { timeoutMs: 300 });
    try {
      ctx.portal.fault({ kind: 'hang', path: '^order/333$' });
      const error = await rejects(api.catalogue.orderProduct('333', { domain: 'a.example.com', cycle: 'm', pay_method: '10' }));
      assert.ok(error instanceof TimeoutError);
      assert.equal(ctx.portal.received({ path: 'order/333' }).length, 1);
    } finally {
      await api.close();
    }
  });

  it('does not repeat a request the portal refused with an error body', async () => {
    const { api } = await signedIn(ctx.portal, 'elsecloud', 'basic');
    try {
      ctx.portal.fault({ kind: 'errorBody', message: 'Maintenance in progress', path: '^service$' });
      const error = await rejects(api.services.list());
      assert.ok(error instanceof PortalError);
      assert.equal(error.message, 'Maintenance in progress');
      assert.equal(ctx.portal.received({ path: 'service' }).length, 1);
    } finally {
      await api.close();
    }
  });
});

describe('Retry policy', () => {
  it('retries state-changing requests only when the server cannot have seen them', () => {
    assert.equal(mayRetry(new NetworkError('refused', false), false, defaultRetryPolicy), true);
    assert.equal(mayRetry(new NetworkError('reset', true), false, defaultRetryPolicy), false);
    assert.equal(mayRetry(new TimeoutError(1000), false, defaultRetryPolicy), false);
    assert.equal(mayRetry(new PortalError([], 503), false, defaultRetryPolicy), false);
    assert.equal(mayRetry(new TimeoutError(1000), true, defaultRetryPolicy), true);
    assert.equal(mayRetry(new PortalError(['bad'], 400), true, defaultRetryPolicy), false);
  });

  it('backs off exponentially with full jitter, capped', () => {
    const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 0 };
    assert.equal(retryDelay(new TimeoutError(1), 0, policy, () => 0.999), 100);
    assert.equal(retryDelay(new TimeoutError(1), 2, policy, () => 0.999), 400);
    assert.equal(retryDelay(new TimeoutError(1), 8, policy, () => 0.999), 999);
    assert.equal(retryDelay(new TimeoutError(1), 2, policy, () => 0), 0);
    assert.equal(retryDelay(new RateLimitedError(1500), 0, policy), 1500);
  });
});
