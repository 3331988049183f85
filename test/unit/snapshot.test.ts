import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountStore } from '../../src/accounts/accountStore';
import { keys } from '../../src/model/cacheKeys';
import { keptInSnapshot, SNAPSHOT_VERSION, SnapshotStore, withoutOrphans } from '../../src/model/snapshotStore';
import { eventually, PASSWORD, RecordingLogger, useMockPortal } from './helpers';
import { MemorySecrets, MemoryState } from './memoryStore';
import { modelWithAccounts } from './modelHelpers';

/** The offline snapshot: what is kept on disk, how it is bounded, written, read back and forgotten. */
describe('Offline snapshot', () => {
  const ctx = useMockPortal();
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'cloud-portal-snapshots-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const store = (logger = new RecordingLogger(), maxBytes = 4 * 1024 * 1024) => new SnapshotStore(folder, logger, { enabled: () => true, maxBytes: () => maxBytes, debounceMs: 0 });

  it('keeps the lists the views show, and after every feature was used holds no password, token or ticket conversation', async () => {
    const secrets = new MemorySecrets();
    const snapshots = store();
    const { model, registry, ids } = await modelWithAccounts(ctx.portal, 60_000, undefined, { snapshots, store: new AccountStore(new MemoryState(), secrets) });
    for (const id of Object.values(ids)) {
      const services = await model.services.list(id);
      for (const s of services.slice(0, 3)) {
        await model.services.vms({ accountId: id, serviceId: s.id }).catch(() => undefined);
        await model.services.details({ accountId: id, serviceId: s.id }).catch(() => undefined);
      }
      for (const d of await model.domains.list(id).catch(() => [])) {
        await model.domains.records({ accountId: id, domainId: d.id }).catch(() => undefined);
        await model.domains.details({ accountId: id, domainId: d.id }).catch(() => undefined);
      }
      const index = await model.zones.index(id).catch(() => undefined);
      for (const z of index?.zones ?? []) await model.zones.zone({ accountId: id, serviceId: z.service_id, zoneId: z.id }).catch(() => undefined);
      for (const t of await model.tickets.list(id)) await model.tickets.thread({ accountId: id, number: t.ticket_number });
      await model.billing.balance(id);
      for (const i of await model.billing.invoices(id)) await model.billing.invoice({ accountId: id, invoiceId: i.id }).catch(() => undefined);
      await model.notifications.list(id).catch(() => undefined);
      await model.catalogue.categories(id).catch(() => undefined);
    }
    await model.flushSnapshots();
    const files = readdirSync(folder);
    assert.deepEqual(files.sort(), Object.values(ids).map((id) => `${id}.json`).sort(), 'one file per account, no temporary file left');
    const text = files.map((f) => readFileSync(join(folder, f), 'utf8')).join('\n');
    const secretsKept = [...secrets.data.values()].flatMap((v) => Object.values(JSON.parse(v) as Record<string, unknown>).flatMap((x) => (typeof x === 'object' && x ? Object.values(x) : [x])));
    for (const secret of [PASSWORD, ...secretsKept.filter((x): x is string => typeof x === 'string' && x.length > 20)]) {
      assert.ok(!text.includes(secret), `the snapshot holds a secret (${secret.slice(0, 8)}…)`);
    }
    const bodies = ctx.portal.state('elsecloud').tickets.flatMap((t) => [t.body, ...t.replies.map((r) => r.body)]).map((b) => JSON.stringify(b).slice(1, 40));
    assert.ok(bodies.length > 3 && bodies.every((b) => !text.includes(b)), 'no ticket conversation is kept');
    const kept = files.flatMap((f) => (JSON.parse(readFileSync(join(folder, f), 'utf8')) as { entries: { key: string }[] }).entries.map((e) => e.key));
    assert.ok(kept.includes(keys.services(ids.elsecloud)) && kept.includes(keys.tickets(ids.elsecloud)) && kept.includes(keys.balance(ids.elsecloud)), kept.join(' '));
    assert.ok(kept.every(keptInSnapshot), `only the views' lists: ${kept.filter((k) => !keptInSnapshot(k)).join(' ')}`);
    assert.ok(kept.some((k) => k.endsWith('/vms')) && kept.some((k) => /\/dns\/[^/]+\/[^/]+$/.test(k)) && kept.some((k) => k.endsWith('/records')));
    model.dispose();
    await registry.dispose();
  });

  it('after a reload, the first read answers at once from the snapshot, marked, while the portal’s answer is on its way; the answer replaces it', async () => {
    const accounts = new AccountStore(new MemoryState(), new MemorySecrets());
    const first = await modelWithAccounts(ctx.portal, 60_000, undefined, { snapshots: store(), store: accounts });
    const id = first.ids.elsecloud;
    const before = await first.model.services.list(id);
    await first.model.flushSnapshots();
    first.model.dispose();
    await first.registry.dispose();

    // The next session (same accounts): the portal takes its time.
    const next = await modelWithAccounts(ctx.portal, 60_000, undefined, { snapshots: store(), store: accounts });
    assert.equal(next.ids.elsecloud, id);
    ctx.portal.latencyMs = 400;
    try {
      const refreshed = new Promise<void>((resolve) => {
        const subscription = next.model.cache.onDidRefresh((key) => key === keys.services(id) && (subscription.dispose(), resolve()));
      });
      const shown = await next.model.services.list(id);
      assert.ok(next.model.cache.loading(keys.services(id)), 'answered while the portal’s answer is still on its way');
      assert.deepEqual(shown.map((s) => s.id), before.map((s) => s.id), 'the last session’s list');
      assert.ok(next.model.cache.staleSince(keys.services(id)) !== undefined, 'marked as not fresh');
      await refreshed;
      assert.equal(next.model.cache.staleSince(keys.services(id)), undefined, 'fresh once the answer is in');
      assert.equal(ctx.portal.received({ path: 'service' }).length, 1, 'one request refreshed it');
    } finally {
      ctx.portal.latencyMs = 0;
      next.model.dispose();
      await next.registry.dispose();
    }
  });

  it('after a reload, every account’s snapshot is read into the cache before a view asks for its rows, asking the portal nothing', async () => {
    const accounts = new AccountStore(new MemoryState(), new MemorySecrets());
    const first = await modelWithAccounts(ctx.portal, 60_000, undefined, { snapshots: store(), store: accounts });
    const lists = new Map<string, string[]>();
    for (const id of Object.values(first.ids)) lists.set(id, (await first.model.services.list(id)).map((s) => s.id));
    await first.model.flushSnapshots();
    first.model.dispose();
    await first.registry.dispose();

    const next = await modelWithAccounts(ctx.portal, 60_000, undefined, { snapshots: store(), store: accounts });
    const asked = ctx.portal.received().length;
    try {
      await next.model.preloadSnapshots();
      for (const [id, ids] of lists) {
        assert.deepEqual(next.model.cache.peek<{ id: string }[]>(keys.services(id))?.map((s) => s.id), ids, `account ${id}'s last-known services are in the cache`);
      }
      assert.equal(ctx.portal.received().length, asked, 'reading the snapshots asked the portal nothing');
    } finally {
      next.model.dispose();
      await next.registry.dispose();
    }
  });

  it('when the portal cannot be reached, the last-known list stands in, marked offline, without asking again on every read', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal, 60_000);
    const key = keys.services(ids.elsecloud);
    const known = await model.services.list(ids.elsecloud);
    ctx.portal.fault({ kind: 'status', status: 503, path: '^service$' });
    model.invalidate(key);
    await assert.rejects(model.services.list(ids.elsecloud));
    const asked = ctx.portal.received({ path: 'service' }).length;
    assert.ok(model.cache.fallBack(key));
    for (let i = 0; i < 5; i++) assert.equal((await model.services.list(ids.elsecloud)).length, known.length);
    // Whatever those reads started has finished.
    await eventually(() => !model.cache.loading(key), 'the reads it started have finished');
    assert.ok(model.cache.staleBecause(key) !== undefined && model.cache.staleSince(key) !== undefined, 'marked offline, with the time of the last answer');
    assert.equal(ctx.portal.received({ path: 'service' }).length, asked, 'redraws do not hammer the portal');
    // Retry: the portal is back.
    ctx.portal.faults.clear();
    model.invalidate(key);
    assert.equal((await model.services.list(ids.elsecloud)).length, known.length);
    assert.equal(model.cache.staleSince(key), undefined);
    model.dispose();
    await registry.dispose();
  });

  it('leaves out what its list no longer has: the VMs of a cancelled service, a deleted zone', () => {
    const entries = [
      { key: 'a1/services', value: [{ id: '301' }], at: 2 },
      { key: 'a1/services/301/vms', value: [{ id: '1001' }], at: 2 },
      { key: 'a1/services/302/vms', value: [{ id: '1002' }], at: 1 },
      { key: 'a1/dns', value: { zones: [{ service_id: '9', id: '20' }] }, at: 2 },
      { key: 'a1/dns/9/20', value: { records: [] }, at: 2 },
      { key: 'a1/dns/9/21', value: { records: [] }, at: 1 },
      { key: 'a1/domains/47/records', value: [], at: 1 },
    ];
    assert.deepEqual(withoutOrphans(entries).map((e) => e.key), ['a1/services', 'a1/services/301/vms', 'a1/dns', 'a1/dns/9/20', 'a1/domains/47/records']);
  });

  it('stays within its size bound, leaving out the oldest answers first', async () => {
    const snapshots = store(new RecordingLogger(), 3_000);
    const entries = Array.from({ length: 40 }, (_, i) => ({ key: `a1/services/${i}/vms`, value: [{ id: String(i), label: 'x'.repeat(100) }], at: 1_000 + i }));
    snapshots.schedule('a1', () => entries);
    await snapshots.flush();
    const text = readFileSync(join(folder, 'a1.json'), 'utf8');
    assert.ok(Buffer.byteLength(text) <= 3_000, `${Buffer.byteLength(text)} bytes`);
    const kept = (JSON.parse(text) as { entries: { at: number }[] }).entries.map((e) => e.at);
    assert.ok(kept.length > 5 && kept.length < 40);
    assert.ok(Math.min(...kept) > 1_000 && kept.includes(1_039), 'the newest are kept');
  });

  it('writes atomically: a reader never sees half a file, and no temporary file is left', async () => {
    const snapshots = store();
    const big = Array.from({ length: 300 }, (_, i) => ({ key: `a1/services/${i}/vms`, value: [{ id: String(i), label: 'y'.repeat(200) }], at: i }));
    let reads = 0;
    for (let round = 0; round < 20; round++) {
      snapshots.schedule('a1', () => big.slice(round));
      let written = false;
      const writing = snapshots.flush().then(() => (written = true));
      // Read on every turn of the loop while the write is under way.
      while (!written) {
        try {
          JSON.parse(readFileSync(join(folder, 'a1.json'), 'utf8'));
          reads++;
        } catch (e) {
          assert.equal((e as NodeJS.ErrnoException).code, 'ENOENT', `a reader saw a partial file: ${(e as Error).message}`);
        }
        await new Promise((r) => setImmediate(r));
      }
      await writing;
    }
    assert.ok(reads > 0);
    assert.deepEqual(readdirSync(folder), ['a1.json']);
  });

  it('an older version is dropped and a corrupt file ignored, each with one log line; nothing crashes', async () => {
    const logger = new RecordingLogger();
    const snapshots = store(logger);
    writeFileSync(join(folder, 'old.json'), JSON.stringify({ version: SNAPSHOT_VERSION - 1, accountId: 'old', savedAt: 0, entries: [{ key: 'old/services', value: [], at: 0 }] }));
    writeFileSync(join(folder, 'bad.json'), '{"version": 1, "accountId": "bad", "entries": [');
    assert.deepEqual(await snapshots.load('old'), []);
    assert.deepEqual(readdirSync(folder).sort(), ['bad.json'], 'the old version is deleted');
    assert.deepEqual(await snapshots.load('bad'), []);
    assert.equal(logger.lines.filter((l) => /snapshot/i.test(l)).length, 2, logger.lines.join('\n'));
  });

  it('is deleted when its account signs out or is removed, and not written when the setting is off', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal, 60_000, undefined, { snapshots: store() });
    for (const id of Object.values(ids)) await model.services.list(id);
    await model.flushSnapshots();
    assert.equal(readdirSync(folder).length, 2);
    await registry.signOut(ids.elsecloud);
    await model.flushSnapshots();
    await waitFor(() => !readdirSync(folder).includes(`${ids.elsecloud}.json`));
    await registry.remove(ids.alterncloud);
    await waitFor(() => readdirSync(folder).length === 0);
    model.dispose();
    await registry.dispose();

    let enabled = false;
    const off = new SnapshotStore(folder, new RecordingLogger(), { enabled: () => enabled, maxBytes: () => 1e6, debounceMs: 0 });
    off.schedule('a1', () => [{ key: 'a1/services', value: [], at: 1 }]);
    await off.flush();
    assert.deepEqual(readdirSync(folder), [], 'off: nothing written');
    enabled = true;
    off.schedule('a1', () => [{ key: 'a1/services', value: [], at: 1 }]);
    await off.flush();
    await off.clear();
    assert.deepEqual(readdirSync(folder), [], 'Clear Offline Snapshots deletes them');
  });
});

/**
 * Deletion follows the registry's change event: wait for the file system to show it. A time limit, not a
 * number of event-loop turns: on a busy machine the file system's answer can take longer than 1,000 turns.
 */
async function waitFor(condition: () => boolean): Promise<void> {
  await eventually(condition, 'the snapshot file is gone');
}
