import * as assert from 'node:assert/strict';
import { PortalClientError } from '../../src/api/errors';
import { signedIn, useMockPortal, eventually } from './helpers';

describe('Soak: 2,000 mixed operations with 5% injected faults', function () {
  this.timeout(120_000);
  const ctx = useMockPortal();

  it('finishes every operation, leaks no sockets, timers or listeners, and keeps memory bounded', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    const handlesBefore = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap').length;
    const { api } = await signedIn(ctx.portal, 'elsecloud', 'basic', { timeoutMs: 400 });
    for (const kind of ['status', 'reset', 'truncated', 'hang', 'rateLimit', 'html', 'wrongShape', 'errorBody'] as const) {
      ctx.portal.fault({ kind, rate: 0.05 / 8, status: kind === 'html' ? 502 : 503, retryAfter: 0 });
    }
    ctx.portal.fault({ kind: 'latency', rate: 0.05, delayMs: 30 });
    const heapBefore = process.memoryUsage().heapUsed;
    const operations = [
      () => api.services.list(),
      () => api.vms.list('301'),
      () => api.dns.zone('303', '60'),
      () => api.tickets.list(),
      () => api.domains.list(),
      () => api.billing.invoices(),
      () => api.services.setLabel('302', `soak ${Math.random().toString(36).slice(2, 6)}`),
      () => api.vms.power('301', '1002', 'start'),
    ];
    let done = 0;
    let failed = 0;
    const unexpected: unknown[] = [];
    const worker = async (offset: number) => {
      for (let i = offset; i < 2000; i += 16) {
        try {
          await operations[i % operations.length]();
        } catch (e) {
          failed++;
          if (!(e instanceof PortalClientError)) {
            unexpected.push(e);
          }
        }
        done++;
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, i) => worker(i)));
    assert.equal(done, 2000);
    assert.deepEqual(unexpected, [], 'every failure is a typed portal error');
    assert.ok(failed > 0 && failed < 600, `failures: ${failed}`);
    assert.ok(ctx.portal.maxInFlight <= 6, `in flight at once: ${ctx.portal.maxInFlight}`);
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    assert.ok(heapGrowth < 60 * 1024 * 1024, `heap grew ${(heapGrowth / 1048576).toFixed(1)} MB`);

    await api.close();
    ctx.portal.faults.clear();
    for (let i = 0; i < 50 && ctx.portal.openConnections() > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(ctx.portal.openConnections(), 0, 'all sockets closed');
    // Closed sockets leave the list of active handles a few turns of the loop later.
    const handles = () => process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap').length;
    await eventually(() => handles() <= handlesBefore + 1, 'closed sockets left the active handles').catch(() => undefined);
    const handlesAfter = handles();
    assert.ok(handlesAfter <= handlesBefore + 1, `active handles ${handlesBefore} → ${handlesAfter}: ${process.getActiveResourcesInfo().join(', ')}`);
    process.off('unhandledRejection', onUnhandled);
    assert.deepEqual(unhandled, []);
  });
});
