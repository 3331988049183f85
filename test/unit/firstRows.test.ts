import * as assert from 'node:assert/strict';
import { AccountRegistry } from '../../src/accounts/accountRegistry';
import { AccountStore } from '../../src/accounts/accountStore';
import { signIn } from '../../src/api/portalApi';
import { BackgroundLane } from '../../src/model/backgroundLane';
import { PortalModel } from '../../src/model/portalModel';
import { EMAIL, FAST_RETRY, PASSWORD, RecordingLogger, useMockPortal } from './helpers';
import { MemorySecrets, MemoryState } from './memoryStore';

/**
 * Nothing the first rows do not need is on their path: from the sign-in's answer to the first list,
 * no extra round trip of ours (probes run with the credential check; the verified connection is kept).
 */
describe('The path to the first rows', () => {
  const ctx = useMockPortal();

  it('sign-in to an “Other portal…” account asks for the service list no later than its first capability probe', async () => {
    const registry = new AccountRegistry(new AccountStore(new MemoryState(), new MemorySecrets()), new RecordingLogger(), () => ({ retry: FAST_RETRY }));
    const model = new PortalModel(registry, { ttlMs: () => 60_000 });
    // As the views in sight do (PortalViews): their first level is asked as soon as the sign-in is verified.
    registry.onDidConnect(({ accountId }) => void model.services.list(accountId).catch(() => undefined));
    const result = await signIn({ apiRoot: ctx.portal.apiRoot('elsecloud'), profile: 'generic', logger: new RecordingLogger(), retry: FAST_RETRY }, EMAIL.elsecloud, PASSWORD, 'basic');
    assert.deepEqual(ctx.portal.received().map((r) => r.path), ['details'], 'the credential check alone: no probe on its way');
    const record = await registry.saveSignIn({ providerId: 'other', apiRoot: ctx.portal.apiRoot('elsecloud'), username: EMAIL.elsecloud }, result);
    const [list] = ctx.portal.received({ path: 'service' });
    const probes = ctx.portal.received().filter((r) => r.path === 'domain' || r.path === 'certificate');
    assert.equal(probes.length, 2);
    assert.ok(list && probes.every((p) => list.at <= p.at), `service list at ${list?.at}, probes at ${probes.map((p) => p.at).join(', ')}`);
    assert.deepEqual([...record.probedFeatures].sort(), ['certificates', 'domains']);
    assert.ok((await registry.api(record.id)).client.supports('domains'), 'the kept session uses what the probes found');
    model.dispose();
    await registry.dispose();
  });

  it('a sign-in probes and stores only once the views have its first rows, or when they have waited long enough', async () => {
    const secrets = new MemorySecrets();
    const LIMIT_MS = 300;
    const registry = new AccountRegistry(new AccountStore(new MemoryState(), secrets), new RecordingLogger(), () => ({ retry: FAST_RETRY }), LIMIT_MS);
    const model = new PortalModel(registry, { ttlMs: () => 60_000 });
    // As the views in sight do (PortalViews): they load the first level and hold the rest back until the tree has it.
    let shown!: () => void;
    const firstRows = new Promise<unknown>((loaded) => {
      const subscription = registry.onDidConnect((e) => {
        subscription.dispose();
        loaded(model.services.list(e.accountId));
        e.waitUntil(new Promise<void>((resolve) => (shown = resolve)));
      });
    });
    const options = { apiRoot: ctx.portal.apiRoot('elsecloud'), logger: new RecordingLogger(), retry: FAST_RETRY };
    const account = { providerId: 'other' as const, apiRoot: options.apiRoot, username: EMAIL.elsecloud };
    const saving = registry.saveSignIn(account, await signIn({ ...options, profile: 'generic' }, EMAIL.elsecloud, PASSWORD, 'basic'));
    let saved = false;
    void saving.then(() => (saved = true));
    await firstRows;
    const probes = () => ctx.portal.received().filter((r) => r.path === 'domain' || r.path === 'certificate');
    assert.deepEqual(probes(), [], 'probed while the first rows were on their way');
    assert.equal(secrets.data.size, 0, 'the credentials were stored while the first rows were on their way');
    assert.equal(saved, false);
    shown();
    const record = await saving;
    assert.equal(probes().length, 2);
    assert.ok(secrets.data.size > 0, 'stored once the rows were shown');
    await registry.remove(record.id);

    // A view that never gets to ask (closed meanwhile) holds the sign-in back no longer than the limit.
    registry.onDidConnect((e) => e.waitUntil(new Promise(() => undefined)));
    const started = Date.now();
    const again = await registry.saveSignIn({ ...account, providerId: 'elsecloud' }, await signIn({ ...options, profile: 'elsecloud' }, EMAIL.elsecloud, PASSWORD, 'basic'));
    assert.ok(Date.now() - started >= LIMIT_MS - 5, `stored after ${Date.now() - started} ms`);
    assert.ok(secrets.data.size > 0 && registry.get(again.id)?.state === 'signedIn');
    model.dispose();
    await registry.dispose();
  });

  it('the verified sign-in connection serves the first lists: no new connection, no new handshake', async () => {
    const registry = new AccountRegistry(new AccountStore(new MemoryState(), new MemorySecrets()), new RecordingLogger(), () => ({ retry: FAST_RETRY }));
    const result = await signIn({ apiRoot: ctx.portal.apiRoot('elsecloud'), profile: 'elsecloud', logger: new RecordingLogger(), retry: FAST_RETRY }, EMAIL.elsecloud, PASSWORD, 'basic');
    const record = await registry.saveSignIn({ providerId: 'elsecloud', apiRoot: ctx.portal.apiRoot('elsecloud'), username: EMAIL.elsecloud }, result);
    const model = new PortalModel(registry, { ttlMs: () => 60_000 });
    assert.ok((await model.services.list(record.id)).length > 0);
    const [details] = ctx.portal.received({ path: 'details' });
    const [list] = ctx.portal.received({ path: 'service' });
    assert.ok(details.connection > 0, JSON.stringify(ctx.portal.received().map((r) => [r.path, r.connection, r.at, r.doneAt])));
    assert.equal(list.connection, details.connection, 'the service list went over the connection the sign-in opened');
    model.dispose();
    await registry.dispose();
  });

  it('a sign-in draws the views once; again only when its probes changed what the account offers', async () => {
    const registry = new AccountRegistry(new AccountStore(new MemoryState(), new MemorySecrets()), new RecordingLogger(), () => ({ retry: FAST_RETRY }));
    let redraws = 0;
    registry.onDidChange(() => redraws++);
    const options = { apiRoot: ctx.portal.apiRoot('elsecloud'), logger: new RecordingLogger(), retry: FAST_RETRY };
    // A provider we know: nothing to probe, the account is listed once, with everything it offers.
    const known = await signIn({ ...options, profile: 'elsecloud' }, EMAIL.elsecloud, PASSWORD, 'basic');
    const first = await registry.saveSignIn({ providerId: 'elsecloud', apiRoot: options.apiRoot, username: EMAIL.elsecloud }, known);
    assert.equal(redraws, 1, 'a second redraw while the first rows are on their way holds them back');
    await registry.remove(first.id);
    // An unknown portal: listed at once, drawn again when the probes found domains and certificates.
    redraws = 0;
    const other = await signIn({ ...options, profile: 'generic' }, EMAIL.elsecloud, PASSWORD, 'basic');
    await registry.saveSignIn({ providerId: 'other', apiRoot: options.apiRoot, username: EMAIL.elsecloud }, other);
    assert.equal(redraws, 2, 'the Domains and Certificates views learn that this account has them');
    await registry.dispose();
  });

  it('a verified account is listed and serves rows while its credentials are stored; a failed store lists nothing', async () => {
    // The keychain answers when the test says so (an OS keychain can take 50–150 ms).
    class SlowSecrets extends MemorySecrets {
      private open!: (error?: Error) => void;
      private gate = this.closed();
      private closed(): Promise<void> {
        const gate = new Promise<void>((resolve, reject) => (this.open = (error) => (error ? reject(error) : resolve())));
        gate.catch(() => undefined); // refused before anyone stores: the store call sees it
        return gate;
      }
      release(error?: Error): void {
        this.open(error);
      }
      closeAgain(): void {
        this.gate = this.closed();
      }
      override async store(key: string, value: string): Promise<void> {
        await this.gate;
        return super.store(key, value);
      }
    }
    const secrets = new SlowSecrets();
    const registry = new AccountRegistry(new AccountStore(new MemoryState(), secrets), new RecordingLogger(), () => ({ retry: FAST_RETRY }));
    const model = new PortalModel(registry, { ttlMs: () => 60_000 });
    const account = { providerId: 'elsecloud' as const, apiRoot: ctx.portal.apiRoot('elsecloud'), username: EMAIL.elsecloud };
    const first = await signIn({ apiRoot: account.apiRoot, profile: 'elsecloud', logger: new RecordingLogger(), retry: FAST_RETRY }, EMAIL.elsecloud, PASSWORD, 'basic');
    // As the views do: they list the accounts when the registry says something changed.
    const changed = new Promise<void>((resolve) => {
      const subscription = registry.onDidChange(() => (subscription.dispose(), resolve()));
    });
    const saving = registry.saveSignIn(account, first);
    await changed;
    const listed = registry.list();
    assert.deepEqual(listed.map((a) => [a.record.username, a.state]), [[EMAIL.elsecloud, 'signedIn']], 'listed before the keychain answered');
    assert.ok((await model.services.list(listed[0].record.id)).length > 0, 'its rows load while the credentials are being stored');
    secrets.release();
    const record = await saving;
    assert.deepEqual(registry.list().map((a) => [a.record.id, a.state]), [[record.id, 'signedIn']]);
    await registry.remove(record.id);
    secrets.closeAgain();

    const second = await signIn({ apiRoot: account.apiRoot, profile: 'elsecloud', logger: new RecordingLogger(), retry: FAST_RETRY }, EMAIL.elsecloud, PASSWORD, 'basic');
    const listedAgain = new Promise<void>((resolve) => {
      const subscription = registry.onDidChange(() => (subscription.dispose(), resolve()));
    });
    const failing = registry.saveSignIn(account, second);
    await listedAgain;
    assert.equal(registry.list().length, 1);
    const refused = assert.rejects(failing, /keychain locked/);
    secrets.release(new Error('keychain locked'));
    await refused;
    assert.deepEqual(registry.list(), [], 'an account whose credentials could not be stored is not listed');
    model.dispose();
    await registry.dispose();
  });

  it('requests that each wait for the one before go over one connection: no handshake between them', async () => {
    const result = await signIn({ apiRoot: ctx.portal.apiRoot('elsecloud'), profile: 'elsecloud', logger: new RecordingLogger(), retry: FAST_RETRY }, EMAIL.elsecloud, PASSWORD, 'basic');
    await result.api.services.list();
    await result.api.billing.balance();
    await result.api.services.list();
    const connections = new Set(ctx.portal.received().map((r) => r.connection));
    assert.equal(connections.size, 1, JSON.stringify(ctx.portal.received().map((r) => [r.path, r.connection])));
    await result.api.close();
  });

  it('background work asked for while rows are built starts after them, not inside their turn', async () => {
    const lane = new BackgroundLane(() => 3);
    const started: string[] = [];
    const work = ['a', 'b'].map((name) => lane.run('account', async () => void started.push(name)));
    // A tree's rows are answered in the turn that built them; work started inside it delays them.
    assert.deepEqual(started, [], 'background work started inside the turn that asked for it');
    await Promise.all(work);
    assert.deepEqual(started, ['a', 'b']);
  });

  describe('with background work under way', () => {
    const LATENCY = 100;
    const large = useMockPortal({ size: { services: 60, vmsPerServer: 1, zones: 0, recordsPerZone: 0, tickets: 0, repliesPerTicket: 0 }, latencyMs: LATENCY });

    it('learning what each service offers takes at most half the pool; a user’s read is sent at once, not queued behind it', async () => {
      const registry = new AccountRegistry(new AccountStore(new MemoryState(), new MemorySecrets()), new RecordingLogger(), () => ({ retry: FAST_RETRY }));
      const model = new PortalModel(registry, { ttlMs: () => 60_000, backgroundRequests: () => 3 });
      const result = await signIn({ apiRoot: large.portal.apiRoot('elsecloud'), profile: 'elsecloud', logger: new RecordingLogger(), retry: FAST_RETRY }, EMAIL.elsecloud, PASSWORD, 'basic');
      const { id } = await registry.saveSignIn({ providerId: 'elsecloud', apiRoot: large.portal.apiRoot('elsecloud'), username: EMAIL.elsecloud }, result);
      const services = await model.services.list(id);
      for (const s of services) model.services.learnFeatures({ accountId: id, serviceId: s.id });
      const asked = Date.now();
      await model.billing.balance(id);
      const [balance] = large.portal.received({ path: 'balance' });
      // Queued behind background work, it would leave only when a background request ended: a full latency later.
      assert.ok(balance.at - asked < LATENCY, `the user's read waited ${balance.at - asked} ms for a connection (a background request takes ${LATENCY} ms)`);
      await model.services.backgroundSettled();
      const methods = large.portal.received().filter((r) => r.path.endsWith('/methods'));
      assert.ok(methods.length > 10, `${methods.length} services learned`);
      const most = Math.max(...methods.map((m) => methods.filter((o) => o.at <= m.at && (o.doneAt ?? Infinity) > m.at).length));
      assert.ok(most <= 3, `${most} background requests in flight at once`);
      model.dispose();
      await registry.dispose();
    });
  });
});
