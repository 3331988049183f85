import * as assert from 'node:assert/strict';
import { isPortalClientError } from '../../src/api/errors';
import { FaultRule } from '../mock-portal/faults';
import { dnsZonesView, domainsView, servicesView, ticketsView, ViewSpec } from '../../src/views/viewSpecs';
import { accountNodeFor } from '../../src/views/viewSpecs';
import { useMockPortal } from './helpers';
import { modelWithAccounts } from './modelHelpers';

/** The first request each view makes for an account, as a fault path. */
const VIEWS: { spec: ViewSpec; path: string }[] = [
  { spec: servicesView, path: '^service$' },
  { spec: domainsView, path: '^domain$' },
  { spec: dnsZonesView, path: '^dns$' },
  { spec: ticketsView, path: '^tickets$' },
];

/** Every fault kind the mock portal injects, and what the user must be told. */
const FAULTS: { name: string; rule: Omit<FaultRule, 'path'>; kind: string; says: RegExp }[] = [
  { name: 'latency spike past the time limit', rule: { kind: 'latency', delayMs: 1_500 }, kind: 'timeout', says: /did not answer within/ },
  { name: 'connection reset', rule: { kind: 'reset' }, kind: 'network', says: /connection|reset|closed/i },
  { name: '500', rule: { kind: 'status', status: 500, message: 'Internal error' }, kind: 'portal', says: /Internal error|500/ },
  { name: '502', rule: { kind: 'status', status: 502, message: 'Bad gateway' }, kind: 'portal', says: /Bad gateway|502/ },
  { name: '503', rule: { kind: 'status', status: 503, message: 'Maintenance' }, kind: 'portal', says: /Maintenance|503/ },
  { name: '429 with Retry-After', rule: { kind: 'rateLimit', retryAfter: 30 }, kind: 'rateLimited', says: /30 s|too many|rate/i },
  { name: 'HTML error page', rule: { kind: 'html', status: 502 }, kind: 'portal', says: /502|page/i },
  { name: 'truncated JSON', rule: { kind: 'truncated' }, kind: 'invalidResponse', says: /JSON|cut short|invalid/i },
  { name: 'JSON of the wrong shape', rule: { kind: 'wrongShape' }, kind: 'invalidResponse', says: /unexpected|shape|expected/i },
  { name: 'a request that never answers', rule: { kind: 'hang' }, kind: 'timeout', says: /did not answer within/ },
];

describe('Fault matrix: every view against every fault kind', function () {
  this.timeout(120_000);
  const ctx = useMockPortal();
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => process.off('unhandledRejection', onUnhandled));

  for (const { spec, path } of VIEWS) {
    it(`${spec.id.replace('cloudPortal.', '')}: a clear typed error for each fault, and the next refresh recovers`, async () => {
      const { model, registry, ids } = await modelWithAccounts(ctx.portal, 60_000, 1_000);
      const account = accountNodeFor(spec, ids.elsecloud);
      try {
        const healthy = await spec.children!(model, account);
        assert.ok(healthy.length > 0);
        for (const fault of FAULTS) {
          model.invalidate(ids.elsecloud);
          ctx.portal.faults.clear();
          // Every attempt fails (retries included), so the view sees the failure.
          ctx.portal.fault({ ...fault.rule, path, provider: 'elsecloud' });
          let error: unknown;
          try {
            await spec.children!(model, account);
          } catch (e) {
            error = e;
          }
          assert.ok(isPortalClientError(error), `${fault.name}: a typed error, not ${String(error)}`);
          assert.equal(error.kind, fault.kind, `${fault.name}: ${error.message}`);
          assert.match(error.message, fault.says, `${fault.name}: “${error.message}”`);
          assert.ok(error.message.length < 300 && !/<html|<body|\n\s+at /i.test(error.message), `${fault.name}: the message is fit to show: ${error.message}`);
          // Refresh after the fault is gone: the same view loads again (failures are not cached).
          ctx.portal.faults.clear();
          model.invalidate(ids.elsecloud);
          const again = await spec.children!(model, account);
          assert.equal(again.length, healthy.length, `${fault.name}: recovers`);
        }
        // Node reports an unhandled rejection once the microtasks after it have run: one turn of the loop.
        await new Promise((r) => setImmediate(r));
        assert.deepEqual(unhandled, [], 'no unhandled rejection');
      } finally {
        ctx.portal.faults.clear();
        await registry.dispose();
      }
    });
  }
});
