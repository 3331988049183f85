import * as assert from 'node:assert/strict';
import { AuthMode } from '../../src/api/auth';
import { AuthenticationError } from '../../src/api/errors';
import { AccountRegistry } from '../../src/accounts/accountRegistry';
import { AccountStore } from '../../src/accounts/accountStore';
import { MemorySecrets, MemoryState } from './memoryStore';
import { checkApiRoot } from '../../src/accounts/apiRootUrl';
import { providerCatalogue, ProviderInfo } from '../../src/accounts/providers';
import { runSignInFlow, SignInPrompts } from '../../src/accounts/signInFlow';
import { EMAIL, FAST_RETRY, PASSWORD, RecordingLogger, rejects, useMockPortal } from './helpers';

/** Answers the flow's questions from a script and records what was asked. */
class ScriptedPrompts implements SignInPrompts {
  readonly asked: string[] = [];
  constructor(private readonly answers: Record<string, (string | undefined)[]>) {}
  private next(kind: string, detail = ''): string | undefined {
    this.asked.push(detail ? `${kind}: ${detail}` : kind);
    const queue = this.answers[kind] ?? [];
    if (queue.length === 0) {
      throw new Error(`unexpected question ${kind}`);
    }
    return queue.shift();
  }
  async pickProvider(providers: ProviderInfo[]) {
    const id = this.next('provider');
    return providers.find((p) => p.id === id);
  }
  async askApiRoot(initial: string | undefined, validate: (v: string) => string | undefined): Promise<string | undefined> {
    const value = this.next('apiRoot', initial ?? '');
    const problem = value === undefined ? undefined : validate(value);
    if (problem) {
      this.asked.push(`invalid: ${problem}`);
      return this.askApiRoot(value, validate);
    }
    return value;
  }
  async askEmail(_: ProviderInfo, initial: string | undefined) {
    return this.next('email', initial ?? '');
  }
  async pickAuthMode(modes: AuthMode[]) {
    return this.next('authMode', modes.join(',')) as AuthMode | undefined;
  }
  async askPassword(email: string, problem: string | undefined) {
    return this.next('password', `${email}${problem ? ` — ${problem}` : ''}`);
  }
  async verifying<T>(_: string, work: (signal: AbortSignal) => Promise<T>) {
    return work(new AbortController().signal);
  }
}

describe('Accounts', () => {
  const ctx = useMockPortal();
  let state: MemoryState;
  let secrets: MemorySecrets;
  let registry: AccountRegistry;
  let logger: RecordingLogger;
  let providers: ProviderInfo[];

  beforeEach(() => {
    state = new MemoryState();
    secrets = new MemorySecrets();
    logger = new RecordingLogger();
    registry = new AccountRegistry(new AccountStore(state, secrets), logger, () => ({ retry: FAST_RETRY, timeoutMs: 3000 }));
    providers = providerCatalogue(
      JSON.stringify({ elsecloud: ctx.portal.apiRoot('elsecloud'), alterncloud: ctx.portal.apiRoot('alterncloud') }),
    );
  });
  afterEach(() => registry.dispose());

  const context = () => ({ registry, providers, settings: () => ({ logger, retry: FAST_RETRY, timeoutMs: 3000 }) });

  it('adds an ElseCloud account with Basic auth, checking it with GET /details before saving', async () => {
    const prompts = new ScriptedPrompts({ provider: ['elsecloud'], email: [EMAIL.elsecloud], password: [PASSWORD] });
    const record = await runSignInFlow(prompts, context());
    assert.ok(record);
    assert.deepEqual(prompts.asked, ['provider', 'email', `password: ${EMAIL.elsecloud}`], 'ElseCloud offers Basic only: no auth-mode question');
    assert.equal(record.authMode, 'basic');
    assert.equal(ctx.portal.received({ provider: 'elsecloud', path: 'details' }).length, 1);
    const [account] = registry.list();
    assert.equal(account.state, 'signedIn');
    assert.equal(account.record.label, EMAIL.elsecloud);
    const services = await (await registry.api(record.id)).services.list();
    assert.equal(services.length, 5);
  });

  it('keeps passwords and tokens only in SecretStorage', async () => {
    await runSignInFlow(new ScriptedPrompts({ provider: ['elsecloud'], email: [EMAIL.elsecloud], password: [PASSWORD] }), context());
    await runSignInFlow(new ScriptedPrompts({ provider: ['alterncloud'], email: [EMAIL.alterncloud], authMode: ['jwt'], password: [PASSWORD] }), context());
    const stateText = JSON.stringify([...state.data]);
    assert.ok(!stateText.includes(PASSWORD), 'no password in globalState');
    assert.ok(!/token|refresh/i.test(stateText), 'no tokens in globalState');
    const secretText = [...secrets.data.values()].join('\n');
    assert.ok(secretText.includes(PASSWORD), 'the Basic password is in SecretStorage');
    assert.ok(secretText.includes('"refresh"'), 'the JWT pair is in SecretStorage');
    assert.ok(!logger.text().includes(PASSWORD));
  });

  it('asks again for the password only after a wrong one, and saves nothing until it is right', async () => {
    const prompts = new ScriptedPrompts({ provider: ['alterncloud'], email: [EMAIL.alterncloud], authMode: ['jwt'], password: ['nope', PASSWORD] });
    const record = await runSignInFlow(prompts, context());
    assert.ok(record);
    assert.equal(prompts.asked.filter((q) => q.startsWith('email')).length, 1, 'the email is not asked again');
    assert.match(prompts.asked[4], /password: demo@alterncloud.test — Wrong email or password\. Try again/);
    assert.equal(registry.list().length, 1);
  });

  it('a wrong password then Escape goes back to the email, pre-filled', async () => {
    const prompts = new ScriptedPrompts({
      provider: ['elsecloud'],
      email: ['typo@elsecloud.test', EMAIL.elsecloud],
      password: [PASSWORD, undefined, PASSWORD],
    });
    const record = await runSignInFlow(prompts, context());
    assert.equal(record?.username, EMAIL.elsecloud);
    assert.ok(prompts.asked.includes('email: typo@elsecloud.test'), prompts.asked.join(' | '));
  });

  it('a wrong password followed by Escape twice saves nothing', async () => {
    const prompts = new ScriptedPrompts({ provider: ['elsecloud', undefined], email: [EMAIL.elsecloud, undefined], password: ['bad', undefined] });
    assert.equal(await runSignInFlow(prompts, context()), undefined);
    assert.equal(registry.list().length, 0);
    assert.equal(secrets.data.size, 0);
  });

  it('“Other portal…” refuses plain http to a remote host and accepts a loopback API root', async () => {
    const prompts = new ScriptedPrompts({
      provider: ['other'],
      apiRoot: ['http://portal.example.com/api/', ctx.portal.apiRoot('elsecloud')],
      email: [EMAIL.elsecloud],
      authMode: ['basic'],
      password: [PASSWORD],
    });
    const record = await runSignInFlow(prompts, context());
    assert.ok(prompts.asked.some((q) => q.startsWith('invalid: Plain http://')));
    assert.equal(record?.providerId, 'other');
    assert.deepEqual(record?.probedFeatures, ['domains', 'certificates']);
  });

  it('holds several accounts across providers; rename, sign out (revoking the token) and remove', async () => {
    const a = (await runSignInFlow(new ScriptedPrompts({ provider: ['elsecloud'], email: [EMAIL.elsecloud], password: [PASSWORD] }), context()))!;
    const b = (await runSignInFlow(new ScriptedPrompts({ provider: ['alterncloud'], email: [EMAIL.alterncloud], authMode: ['jwt'], password: [PASSWORD] }), context()))!;
    assert.equal(registry.list().length, 2);
    await registry.rename(b.id, 'Client X');
    assert.equal(registry.get(b.id)?.record.label, 'Client X');

    await (await registry.api(b.id)).services.list();
    await registry.signOut(b.id);
    assert.equal(ctx.portal.received({ provider: 'alterncloud', path: 'revoke' }).length, 1);
    assert.equal(registry.get(b.id)?.state, 'signedOut');
    const error = await rejects(registry.api(b.id));
    assert.ok(error instanceof AuthenticationError && error.signInRequired);
    assert.equal(registry.get(a.id)?.state, 'signedIn', 'the other account is untouched');

    await registry.remove(a.id);
    assert.deepEqual(registry.list().map((x) => x.record.label), ['Client X']);
    assert.equal([...secrets.data.keys()].some((k) => k.includes(a.id)), false);
  });

  it('sign-out right after sign-in (no client open yet) still revokes the refresh token', async () => {
    const record = (await runSignInFlow(new ScriptedPrompts({ provider: ['alterncloud'], email: [EMAIL.alterncloud], authMode: ['jwt'], password: [PASSWORD] }), context()))!;
    await registry.signOut(record.id);
    const [revoke] = ctx.portal.received({ provider: 'alterncloud', path: 'revoke' });
    assert.ok(revoke, 'POST /revoke was sent');
    assert.equal(typeof (revoke.body as { refresh_token?: unknown }).refresh_token, 'string');
    assert.equal(secrets.data.size, 0);
  });

  it('signing in again to the same portal and email updates the account instead of adding one', async () => {
    const first = (await runSignInFlow(new ScriptedPrompts({ provider: ['elsecloud'], email: [EMAIL.elsecloud], password: [PASSWORD] }), context()))!;
    await registry.rename(first.id, 'Main');
    await registry.signOut(first.id);
    const again = await runSignInFlow(new ScriptedPrompts({ password: [PASSWORD] }), context(), {
      provider: providers[0],
      apiRoot: first.apiRoot,
      username: first.username,
      authMode: 'basic',
    });
    assert.equal(again?.id, first.id);
    assert.equal(registry.list().length, 1);
    assert.equal(registry.get(first.id)?.record.label, 'Main');
    assert.equal(registry.get(first.id)?.state, 'signedIn');
  });

  it('persists renewed tokens, and reports an ended session once', async () => {
    const record = (await runSignInFlow(new ScriptedPrompts({ provider: ['alterncloud'], email: [EMAIL.alterncloud], authMode: ['jwt'], password: [PASSWORD] }), context()))!;
    const api = await registry.api(record.id);
    const before = [...secrets.data.values()][0];
    ctx.portal.auth.expireAll();
    await api.services.list();
    const after = [...secrets.data.values()][0];
    assert.notEqual(after, before, 'the renewed pair replaced the old one');

    let prompts = 0;
    registry.onDidRequireSignIn(() => prompts++);
    ctx.portal.auth.expireAll();
    ctx.portal.auth.revokeAllRefresh();
    await Promise.all([rejects(api.services.list()), rejects(api.tickets.list()), rejects(api.dns.index())]);
    assert.equal(prompts, 1);
    assert.equal(registry.get(record.id)?.state, 'signInRequired');
    assert.equal(secrets.data.size, 0, 'dead tokens are deleted');
  });

  it('restores which accounts are signed in from SecretStorage after a reload', async () => {
    const record = (await runSignInFlow(new ScriptedPrompts({ provider: ['elsecloud'], email: [EMAIL.elsecloud], password: [PASSWORD] }), context()))!;
    const reloaded = new AccountRegistry(new AccountStore(state, secrets), logger);
    await reloaded.restore();
    assert.equal(reloaded.get(record.id)?.state, 'signedIn');
    await secrets.delete([...secrets.data.keys()][0]);
    const reloadedAgain = new AccountRegistry(new AccountStore(state, secrets), logger);
    await reloadedAgain.restore();
    assert.equal(reloadedAgain.get(record.id)?.state, 'signedOut');
    await reloaded.dispose();
    await reloadedAgain.dispose();
  });
});

describe('API root URLs', () => {
  it('accepts https and loopback http, refuses the rest', () => {
    assert.deepEqual(checkApiRoot('https://portal.example.com/api'), { ok: true, url: 'https://portal.example.com/api/' });
    assert.equal(checkApiRoot('http://127.0.0.1:8787/elsecloud/api/').ok, true);
    assert.equal(checkApiRoot('http://localhost:8787/api/').ok, true);
    assert.equal(checkApiRoot('http://[::1]:8787/api/').ok, true);
    for (const bad of ['http://portal.example.com/api/', 'http://10.0.0.1/api/', 'ftp://x/api', 'https://user:pw@portal.example.com/api/', 'https://portal.example.com/api/?token=1', 'not a url', '']) {
      assert.equal(checkApiRoot(bad).ok, false, bad);
    }
  });

  it('the provider catalogue only takes overrides that pass the same check', () => {
    const catalogue = providerCatalogue(JSON.stringify({ elsecloud: 'http://evil.example.com/api/', alterncloud: 'http://127.0.0.1:9/api/' }));
    assert.equal(catalogue[0].apiRoot, 'https://portal.elsecloud.com/api/');
    assert.equal(catalogue[1].apiRoot, 'http://127.0.0.1:9/api/');
  });
});
