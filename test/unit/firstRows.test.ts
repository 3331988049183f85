import * as assert from 'node:assert/strict';
import { AccountRegistry } from '../../src/accounts/accountRegistry';
import { AccountStore } from '../../src/accounts/accountStore';
import { signIn } from '../../src/api/portalApi';
import { PortalModel } from '../../src/model/portalModel';
import { EMAIL, FAST_RETRY, PASSWORD, RecordingLogger, useMockPortal } from './helpers';
import { MemorySecrets, MemoryState } from './memoryStore';

/**
 * Nothing the first rows do not need is on their path: from the sign-in's answer to the first list,
 * no extra round trip of ours (probes run with the credential check; the verified connection is kept).
 */
describe('The path to the first rows', () => {
  const ctx = useMockPortal();

  it('an unknown portal’s capability probes go out with the credential check, not after it', async () => {
    ctx.portal.fault({ kind: 'latency', path: '^details$', delayMs: 150, times: 1 });
    const result = await signIn({ apiRoot: ctx.portal.apiRoot('elsecloud'), profile: 'generic', logger: new RecordingLogger(), retry: FAST_RETRY }, EMAIL.elsecloud, PASSWORD, 'basic');
    const details = ctx.portal.received({ path: 'details' })[0];
    const probes = ctx.portal.received().filter((r) => r.path === 'domain' || r.path === 'certificate');
    assert.equal(probes.length, 2);
    for (const probe of probes) {
      assert.ok(probe.at < details.doneAt!, `${probe.path} was asked ${probe.at - details.doneAt!} ms after the credential check answered`);
    }
    assert.deepEqual([...result.probedFeatures].sort(), ['certificates', 'domains']);
    await result.api.close();
  });

  it('the verified sign-in connection serves the first lists: no new connection, no new handshake', async () => {
    const registry = new AccountRegistry(new AccountStore(new MemoryState(), new MemorySecrets()), new RecordingLogger(), () => ({ retry: FAST_RETRY }));
    const result = await signIn({ apiRoot: ctx.portal.apiRoot('elsecloud'), profile: 'elsecloud', logger: new RecordingLogger(), retry: FAST_RETRY }, EMAIL.elsecloud, PASSWORD, 'basic');
    const record = await registry.saveSignIn({ providerId: 'elsecloud', apiRoot: ctx.portal.apiRoot('elsecloud'), username: EMAIL.elsecloud }, result);
    const model = new PortalModel(registry, { ttlMs: () => 60_000 });
    assert.ok((await model.services(record.id)).length > 0);
    const [details] = ctx.portal.received({ path: 'details' });
    const [list] = ctx.portal.received({ path: 'service' });
    assert.ok(details.connection > 0, JSON.stringify(ctx.portal.received().map((r) => [r.path, r.connection, r.at, r.doneAt])));
    assert.equal(list.connection, details.connection, 'the service list went over the connection the sign-in opened');
    model.dispose();
    await registry.dispose();
  });
});
