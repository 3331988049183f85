import * as assert from 'node:assert/strict';
import { PortalError } from '../../src/api/errors';
import { keys } from '../../src/model/cacheKeys';
import { AuthenticationError } from '../../src/api/errors';
import { ResourceCache } from '../../src/model/resourceCache';
import { rejects, useMockPortal } from './helpers';
import { modelWithAccounts } from './modelHelpers';

describe('Resource model', () => {
  const ctx = useMockPortal();

  it('shares one request among concurrent readers and reuses the answer within the TTL', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    ctx.portal.latencyMs = 30;
    try {
      const lists = await Promise.all(Array.from({ length: 20 }, () => model.services.list(ids.elsecloud)));
      assert.ok(lists.every((l) => l === lists[0]));
      await model.services.list(ids.elsecloud);
      assert.equal(ctx.portal.received({ path: 'service' }).length, 1);
    } finally {
      ctx.portal.latencyMs = 0;
      await registry.dispose();
    }
  });

  it('asks again after the TTL', async () => {
    let now = 1_000;
    const { model, registry, ids } = await modelWithAccounts(ctx.portal, 50, undefined, { now: () => now });
    await model.services.list(ids.elsecloud);
    now += 49;
    await model.services.list(ids.elsecloud);
    assert.equal(ctx.portal.received({ path: 'service' }).length, 1, 'within the TTL: from the cache');
    now += 31;
    await model.services.list(ids.elsecloud);
    assert.equal(ctx.portal.received({ path: 'service' }).length, 2, 'after the TTL: asked again');
    await registry.dispose();
  });

  it('does not keep a failure as an answer: a reader right after it shares it, Refresh reads again', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    ctx.portal.fault({ kind: 'errorBody', path: '^service$', times: 1, message: 'Maintenance' });
    const error = await rejects(model.services.list(ids.elsecloud));
    assert.ok(error instanceof PortalError);
    assert.ok((await rejects(model.services.list(ids.elsecloud))) === error, 'a second reader at once gets the same failure');
    assert.equal(ctx.portal.received({ path: 'service' }).length, 1, 'not sent again');
    model.invalidate(keys.services(ids.elsecloud));
    assert.equal((await model.services.list(ids.elsecloud)).length, 5, 'Refresh (an invalidation) reads again');
    await registry.dispose();
  });

  it('a mutation invalidates exactly what it changed', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    const ref = { accountId: ids.elsecloud, serviceId: '301' };
    await model.services.list(ids.elsecloud);
    await model.services.vms(ref);
    const invalidated: string[] = [];
    model.cache.onDidInvalidate((prefix) => invalidated.push(prefix));
    await model.services.setLabel({ accountId: ids.elsecloud, serviceId: '302' }, 'Shop');
    assert.deepEqual(invalidated, [keys.services(ids.elsecloud)]);
    const services = await model.services.list(ids.elsecloud);
    assert.equal(services.find((s) => s.id === '302')?.label, 'Shop');
    assert.ok(model.cache.peek(keys.vms(ref)), 'the VM list was not thrown away');
    await registry.dispose();
  });

  it('an answer that was in flight during an invalidation is not kept as fresh', async () => {
    let now = 0;
    const cache = new ResourceCache(() => 1_000, () => now);
    let release!: (v: string) => void;
    const first = cache.get('k', () => new Promise<string>((r) => (release = r)));
    cache.invalidate('k');
    const second = cache.get('k', async () => 'new');
    release('old');
    assert.equal(await first, 'old');
    assert.equal(await second, 'new');
    now = 10;
    assert.equal(await cache.get('k', async () => 'third'), 'new');
  });

  it('a failed load is shared with readers that come within the failure window, not sent again; Refresh and later readers load anew', async () => {
    let now = 0;
    const cache = new ResourceCache(() => 1_000, () => now, 2_000);
    let loads = 0;
    const failing = async () => {
      loads++;
      throw new Error('malformed answer');
    };
    await assert.rejects(cache.get('k', failing), /malformed/);
    now = 1_999;
    await assert.rejects(cache.get('k', failing), /malformed/, 'the status bar asking right after the view gets the same failure');
    assert.equal(loads, 1, 'one request for both readers');
    await assert.rejects(cache.get('k', failing, { force: true }));
    assert.equal(loads, 2, 'force (Refresh) loads anew');
    cache.invalidate('k');
    assert.equal(await cache.get('k', async () => 'ok'), 'ok', 'Retry invalidates: loads anew');
    now = 10_000;
    cache.invalidate('k');
    await assert.rejects(cache.get('k', failing));
    now = 12_000;
    assert.equal(await cache.get('k', async () => 'later'), 'later', 'after the window, the next reader loads again');
  });

  it('a read refused for the session’s state (signed out) is not shared: the reader after a sign-in loads', async () => {
    const cache = new ResourceCache(() => 1_000, () => 0, 2_000);
    await assert.rejects(cache.get('a/tickets', async () => {
      throw new AuthenticationError('This account is signed out. Sign in to continue.', true);
    }));
    assert.equal(await cache.get('a/tickets', async () => 'after sign-in'), 'after sign-in');
    await assert.rejects(cache.get('a/services', async () => {
      throw new Error('unreachable');
    }));
    cache.forgetFailures('a/');
    assert.equal(await cache.get('a/services', async () => 'after sign-in'), 'after sign-in', 'a sign-in forgets the account’s failures');
  });

  it('runs a VM action once, refuses a second click without a request, and follows the VM until it settles', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    const ref = { accountId: ids.elsecloud, serviceId: '301', vmId: '1001' };
    await model.services.vms(ref);
    const states: string[] = [];
    model.vmActions.onDidChangeVm(() => states.push(`${model.vmActions.busyWith(ref) ?? '-'}:${model.services.peekVm(ref)?.state}`));
    const first = model.vmActions.run(ref, 'stop');
    const second = await model.vmActions.run(ref, 'stop');
    assert.equal(second, 'busy');
    assert.equal(await first, 'done');
    assert.equal(ctx.portal.received({ path: 'service/301/vms/1001/stop' }).length, 1);
    assert.equal(model.services.peekVm(ref)?.state, 'stopped');
    assert.ok(states.includes('stop:transitional'), states.join(' '));
    assert.equal(states[states.length - 1], '-:stopped');
    assert.ok(states.length >= 3 && states.every((s, i) => i === 0 || s !== states[i - 1]), `a poll that finds nothing new redraws nothing: ${states.join(' ')}`);
    assert.ok(ctx.portal.received({ path: 'service/301/vms/1001' }).length > states.length - 2, 'it did poll more often than it redrew');
    assert.equal(model.vmActions.busyWith(ref), undefined);
    await registry.dispose();
  });

  it('a failed VM action is reported and not repeated', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    const ref = { accountId: ids.elsecloud, serviceId: '301', vmId: '1001' };
    ctx.portal.fault({ kind: 'status', status: 503, path: 'reboot$' });
    await rejects(model.vmActions.run(ref, 'reboot'));
    assert.equal(ctx.portal.received({ path: /reboot$/ }).length, 1);
    assert.equal(model.vmActions.busyWith(ref), undefined, 'the VM is free again');
    await registry.dispose();
  });

  it('deleting a registered-domain record re-reads the list (indexes shift)', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    const ref = { accountId: ids.elsecloud, domainId: '47' };
    const before = await model.domains.records(ref);
    await model.domains.deleteRecord(ref, before[0].id);
    const after = await model.domains.records(ref);
    assert.equal(after.length, before.length - 1);
    assert.equal(after[0].id, '1');
    assert.equal(after[0].content, before[1].content);
    await registry.dispose();
  });
});

describe('Following a VM after a power action', () => {
  // The VM stays transitional for a minute: without a stop, the model would poll it until its 5 s limit.
  const slow = useMockPortal({ transitionMs: 60_000 });

  async function startedStop() {
    const { model, registry, ids } = await modelWithAccounts(slow.portal);
    const ref = { accountId: ids.elsecloud, serviceId: '301', vmId: '1001' };
    await model.services.vms(ref);
    const polled = new Promise<void>((resolve) => {
      const subscription = model.vmActions.onDidChangeVm(() => model.services.peekVm(ref)?.state === 'transitional' && (subscription.dispose(), resolve()));
    });
    return { model, registry, ref, polled, polls: () => slow.portal.received({ path: 'service/301/vms/1001' }).length };
  }

  it('stops polling when the caller’s signal aborts: the action stays sent, the list is read again next time', async () => {
    const { model, registry, ref, polled, polls } = await startedStop();
    const stop = new AbortController();
    const running = model.vmActions.run(ref, 'stop', undefined, stop.signal);
    await polled;
    const atAbort = polls();
    stop.abort();
    assert.equal(await running, 'done');
    assert.ok(polls() <= atAbort + 1, `${polls() - atAbort} polls after the stop`);
    assert.equal(model.vmActions.busyWith(ref), undefined, 'the VM is free for the next action');
    assert.equal(slow.portal.received({ path: 'service/301/vms/1001/stop' }).length, 1);
    assert.equal(model.cache.peek(keys.vms(ref)), undefined, 'the VM list is asked again (its state was still changing)');
    model.dispose();
    await registry.dispose();
  });

  it('stops polling when the model is disposed (the window closes)', async () => {
    const { model, registry, ref, polled, polls } = await startedStop();
    const running = model.vmActions.run(ref, 'stop');
    await polled;
    const atDispose = polls();
    model.dispose();
    assert.equal(await running, 'done');
    assert.ok(polls() <= atDispose + 1, `${polls() - atDispose} polls after dispose`);
    await registry.dispose();
  });
});
