import * as assert from 'node:assert/strict';
import { AuthenticationError } from '../../src/api/errors';
import { signIn } from '../../src/api/portalApi';
import { EMAIL, FAST_RETRY, RecordingLogger, rejects, signedIn, useMockPortal } from './helpers';
import { trustedFetch } from '../pki/trustedFetch';

describe('Authentication', () => {
  const ctx = useMockPortal();

  for (const provider of ['elsecloud', 'alterncloud'] as const) {
    for (const mode of ['basic', 'jwt'] as const) {
      it(`${provider}: signs in with ${mode} and uses that scheme on every call`, async () => {
        const { api, credentials } = await signedIn(ctx.portal, provider, mode);
        try {
          assert.equal(credentials.mode, mode);
          const details = await api.account.details();
          assert.equal(details.email, EMAIL[provider]);
          const calls = ctx.portal.received({ provider, path: 'details' });
          assert.ok(calls.length >= 2);
          assert.ok(calls.every((c) => c.authScheme === (mode === 'jwt' ? 'bearer' : 'basic')));
          if (mode === 'jwt') {
            assert.equal(ctx.portal.received({ provider, path: 'login' }).length, 1);
          }
        } finally {
          await api.close();
        }
      });

      it(`${provider}: rejects a wrong password with ${mode} as AuthenticationError`, async () => {
        const error = await rejects(
          signIn({ apiRoot: ctx.portal.apiRoot(provider), profile: provider, logger: new RecordingLogger(), retry: FAST_RETRY }, EMAIL[provider], 'wrong', mode),
        );
        assert.ok(error instanceof AuthenticationError, `got ${error}`);
        assert.match(error.message, /Wrong email or password/);
      });
    }
  }

  it('refreshes an expired token exactly once for twenty concurrent requests, and all succeed', async () => {
    const { api, savedTokens } = await signedIn(ctx.portal, 'alterncloud', 'jwt');
    try {
      ctx.portal.auth.expireAll();
      ctx.portal.latencyMs = 20;
      const before = ctx.portal.auth.counts.refresh;
      const results = await Promise.all(Array.from({ length: 20 }, () => api.services.list()));
      assert.equal(ctx.portal.auth.counts.refresh - before, 1);
      assert.equal(ctx.portal.received({ path: 'token' }).length, 1);
      assert.ok(results.every((r) => r.length === 4));
      assert.equal(savedTokens.length, 1, 'the renewed pair is persisted once');
    } finally {
      ctx.portal.latencyMs = 0;
      await api.close();
    }
  });

  it('asks for a new sign-in once when the refresh token is refused, and stops calling the portal', async () => {
    const { api, savedTokens } = await signedIn(ctx.portal, 'alterncloud', 'jwt');
    let prompts = 0;
    api.client.auth.onSignInRequired = () => prompts++;
    try {
      ctx.portal.auth.expireAll();
      ctx.portal.auth.revokeAllRefresh();
      const errors = await Promise.all(Array.from({ length: 5 }, () => rejects(api.services.list())));
      assert.ok(errors.every((e) => e instanceof AuthenticationError && e.signInRequired), errors.map(String).join());
      assert.equal(prompts, 1);
      assert.equal(api.client.auth.state, 'signInRequired');
      assert.deepEqual(savedTokens, [undefined], 'the dead tokens are forgotten');
      const sent = ctx.portal.requests.length;
      await rejects(api.services.list());
      assert.equal(ctx.portal.requests.length, sent, 'no request is sent without credentials');
      assert.equal(prompts, 1);
    } finally {
      await api.close();
    }
  });

  it('Basic: a password changed on the portal leads to one sign-in prompt', async () => {
    const { api } = await signedIn(ctx.portal, 'elsecloud', 'basic');
    let prompts = 0;
    api.client.auth.onSignInRequired = () => prompts++;
    try {
      ctx.portal.state('elsecloud').password = 'changed-elsewhere';
      const error = await rejects(api.services.list());
      assert.ok(error instanceof AuthenticationError && error.signInRequired);
      await rejects(api.services.list());
      assert.equal(prompts, 1);
      assert.equal(ctx.portal.received({ path: 'service' }).length, 1);
    } finally {
      await api.close();
    }
  });

  it('sign-out revokes the refresh token on the portal', async () => {
    const { api, credentials } = await signedIn(ctx.portal, 'alterncloud', 'jwt');
    await api.client.auth.signOut();
    await api.close();
    const [revoke] = ctx.portal.received({ path: 'revoke' });
    assert.ok(credentials.mode === 'jwt');
    assert.deepEqual(revoke.body, { refresh_token: credentials.tokens.refresh });
    // The revoked refresh token no longer renews anything.
    const renewed = await trustedFetch(`${ctx.portal.apiRoot('alterncloud')}token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: credentials.tokens.refresh }),
    });
    assert.equal(renewed.status, 401);
  });
});
