import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

interface Protection {
  /** What keeps the user safe. */
  name: string;
  /** Compiled file (under out/) and the code that protects, replaced by code that does not. */
  file: string;
  edits: [find: string, replace: string][];
  /** The test that must catch its removal. */
  test: string;
  grep: string;
}

/**
 * Each security and reliability protection, and the test that guards it: with the protection taken
 * out of the compiled code (in a scratch copy), that test must fail. A protection whose removal no
 * test notices is a protection nobody checks.
 */
const PROTECTIONS: Protection[] = [
  { name: 'Authorization header redacted in the log', file: 'src/api/log.js', edits: [['SECRET_HEADERS.has(name.toLowerCase())', 'false']], test: 'transport.test.js', grep: 'never writes the Authorization header' },
  { name: 'login/token/revoke bodies never logged', file: 'src/api/log.js', edits: [['if (SECRET_PATHS.test(', 'if (false && SECRET_PATHS.test(']], test: 'transport.test.js', grep: 'never writes the Authorization header' },
  { name: 'state-changing requests retried only when never sent', file: 'src/api/retry.js', edits: [['return error instanceof errors_1.NetworkError && !error.maybeSeenByServer;', 'return true;']], test: 'retry.test.js', grep: 'never repeats' },
  { name: 'redirects refused (Authorization never follows to another host)', file: 'src/api/response.js', edits: [['if (status >= 300 && status < 400)', 'if (false)']], test: 'transport.test.js', grep: 'does not follow a redirect' },
  { name: 'plain http only for loopback', file: 'src/accounts/apiRootUrl.js', edits: [["url.protocol === 'http:' && !isLoopback(url.hostname)", 'false']], test: 'accounts.test.js', grep: 'accepts https and loopback http' },
  { name: 'token refresh single-flight', file: 'src/api/auth.js', edits: [['this.refreshing ??= this.refresh()', 'this.refreshing = this.refresh()']], test: 'auth.test.js', grep: 'exactly once for twenty' },
  { name: 'an order is placed once (double submit)', file: 'src/ordering/orderSession.js', edits: [['if (this.submitting || this.placedOrder || !this.spec)', 'if (!this.spec)']], test: 'ordering.test.js', grep: 'double submit sends one order' },
  { name: 'only the latest quote is shown', file: 'src/ordering/orderSession.js', edits: [['if (seq === this.seq) {', 'if (true) {'], ['this.inFlight?.abort();', '']], test: 'ordering.test.js', grep: 'drops a slow older quote' },
  { name: 'portal text cannot become a command link in a notification', file: 'src/util/plainText.js', edits: [[".replace(/\\]\\s*\\(/g, ']\\u2060(')", '']], test: 'billing.test.js', grep: 'makes portal text safe' },
  { name: 'portal error messages become plain one-line text', file: 'src/api/errors.js', edits: [["(0, plainText_1.inlineText)(messages.join('; '), 500)", "messages.join('; ')"]], test: 'billing.test.js', grep: 'portal error message reaches the user' },
  { name: 'an answer of the wrong shape is an error, not an empty list', file: 'src/api/client.js', edits: [['if (Array.isArray(response.json) && expectsObject(schema))', 'if (false)']], test: 'faultMatrix.test.js', grep: 'tickets' },
  { name: 'failed loads are not cached (the next refresh recovers)', file: 'src/model/resourceCache.js', edits: [['promise.then(clear, clear);', 'promise.then(clear, () => undefined);']], test: 'model.test.js', grep: 'a failed load is shared' },
  { name: 'a failed load is shared for a moment, not sent again by the next reader', file: 'src/model/resourceCache.js', edits: [['if (!options.force && entry.failure && ', 'if (false && ']], test: 'model.test.js', grep: 'a failed load is shared' },
  { name: 'the verified sign-in session serves the first lists', file: 'src/accounts/accountRegistry.js', edits: [['this.sessions.set(record.id, Promise.resolve(result.api));', 'void result.api.close();']], test: 'firstRows.test.js', grep: 'verified sign-in connection' },
  { name: 'a verified account is listed while its credentials are stored', file: 'src/accounts/accountRegistry.js', edits: [['this.storing.set(record.id, record);', '']], test: 'firstRows.test.js', grep: 'listed and serves rows while' },
  { name: 'polling after a VM action stops on abort and on dispose', file: 'src/model/vmActionRunner.js', edits: [['Date.now() < deadline && !stop.aborted', 'Date.now() < deadline'], ["signal.addEventListener('abort', done, { once: true });", ''], ['{ signal: stop }', '{}']], test: 'model.test.js', grep: 'stops polling when' },
  { name: 'row menus match the words rows are given', file: 'src/views/contextValues.js', edits: [["' canCancel'", "' cancellable'"]], test: 'menus.test.js', grep: 'every row menu entry matches' },
  { name: 'the offline snapshot holds no secret and no ticket conversation', file: 'src/model/snapshotStore.js', edits: [['return /^[^/]+\\/(services', 'return /^[^/]+\\/(tickets\\/[^/]+|services']], test: 'snapshot.test.js', grep: 'holds no password' },
  { name: 'the offline snapshot is written atomically', file: 'src/model/snapshotStore.js', edits: [['await (0, promises_1.writeFile)(temporary, text, { mode: 0o600 });', 'await (0, promises_1.writeFile)(file, text, { mode: 0o600 });'], ['await (0, promises_1.rename)(temporary, file);', '']], test: 'snapshot.test.js', grep: 'writes atomically' },
  { name: 'offline: redraws do not ask the portal again', file: 'src/model/resourceCache.js', edits: [['if (!entry.inflight && !backingOff)', 'if (!entry.inflight)']], test: 'snapshot.test.js', grep: 'without asking again on every read' },
  { name: 'a dependent request reuses the connection the answer came on', file: 'src/api/transport.js', edits: [['await new Promise((resolve) => setImmediate(resolve));', '']], test: 'firstRows.test.js', grep: 'each wait for the one before' },
  { name: 'a sign-in’s probes and writes wait until the views in sight have its first rows', file: 'src/accounts/accountRegistry.js', edits: [['await settledWithin(firstRows, this.firstRowsWaitMs);', '']], test: 'firstRows.test.js', grep: 'probes and stores only once' },
  { name: 'a sign-in draws the views once (a second redraw holds the first rows back)', file: 'src/accounts/accountRegistry.js', edits: [['if (redraw)', 'if (true)']], test: 'firstRows.test.js', grep: 'draws the views once' },
  { name: 'background work starts after the rows that asked for it', file: 'src/model/backgroundLane.js', edits: [['queue.push(start);', 'queue.push(start);\n            this.drain();']], test: 'firstRows.test.js', grep: 'starts after them' },
  { name: 'background learning leaves connections free for the user', file: 'src/model/backgroundLane.js', edits: [['Math.max(1, this.limit())', 'Infinity']], test: 'firstRows.test.js', grep: 'takes at most half the pool' },
  { name: 'an unknown portal is probed beside the first lists, not before them', file: 'src/accounts/accountRegistry.js', edits: [['this.connected.fire({ accountId: record.id, waitUntil: (work) => void firstRows.push(work) });', ''], ['const probed = await result.probeFeatures();', 'const probed = await result.probeFeatures();\n            this.connected.fire({ accountId: record.id, waitUntil: (work) => void firstRows.push(work) });']], test: 'firstRows.test.js', grep: 'no later than its first capability probe' },
  { name: 'the system store’s copies of Node’s roots are trusted once', file: 'src/api/network/trustStore.js', edits: [["return pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\\s+/g, '');", 'return pem.trim();']], test: 'network.test.js', grep: 'trusted once' },
  { name: 'certificate checks on (unless http.proxyStrictSSL is false)', file: 'src/api/network/dispatcher.js', edits: [['rejectUnauthorized: network.strictSSL', 'rejectUnauthorized: false']], test: 'network.test.js', grep: 'untrusted: the first sign-in fails' },
  { name: 'proxy credentials never logged', file: 'src/api/network/proxyRoute.js', edits: [['const proxy = new URL(`${url.protocol}//${url.host}`);', 'const proxy = url;']], test: 'network.test.js', grep: 'a proxy asking for credentials' },
  { name: 'certificate failures are their own kind, never retried', file: 'src/api/network/connectFailure.js', edits: [['if (certificateCode) {', 'if (false) {']], test: 'network.test.js', grep: 'each say what is wrong' },
  { name: 'the SSH config: an alias already used outside our block is refused', file: 'src/ssh/sshConfig.js', edits: [['const problem = aliasProblem(text, entry.alias, entry.vm);', 'const problem = undefined;']], test: 'ssh.test.js', grep: 'never takes an alias' },
  { name: 'the SSH config: our hosts go before the user’s first Host or Match', file: 'src/ssh/sshConfig.js', edits: [['            return offset;', '            return text.length;']], test: 'ssh.test.js', grep: 'typical: adds, updates' },
  { name: 'the SSH config is replaced atomically, through a symlink, keeping its mode', file: 'src/ssh/sshConfigFile.js', edits: [['target = await node_fs_1.promises.realpath(file);', ''], ['mode = (await node_fs_1.promises.stat(target)).mode & 0o777;', '']], test: 'ssh.test.js', grep: 'writing the config file' },
  { name: 'a zone save with no real change sends nothing', file: 'src/zones/zoneDiff.js', edits: [['const same = unmatched.get(key(w.record));', 'const same = undefined;']], test: 'zoneFile.test.js', grep: 'no-op' },
];

describe('Every protection is guarded by a test that fails without it', function () {
  this.timeout(5 * 60_000);
  let scratch: string;

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'cloud-portal-protections-'));
    cpSync(join(ROOT, 'out'), join(scratch, 'out'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(scratch, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  for (const p of PROTECTIONS) {
    it(`${p.name}: caught by “${p.grep}”`, () => {
      const file = join(scratch, 'out', p.file);
      const original = readFileSync(file, 'utf8');
      let mutated = original;
      for (const [find, replace] of p.edits) {
        assert.ok(mutated.includes(find), `the protected code changed; update this table: ${find}`);
        mutated = mutated.replace(find, replace);
      }
      writeFileSync(file, mutated);
      try {
        const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--timeout', '20000', '--grep', p.grep, join(scratch, 'out', 'test', 'unit', p.test)], {
          cwd: scratch,
          encoding: 'utf8',
          timeout: 120_000,
        });
        const summary = /(\d+) passing[\s\S]*?(?:(\d+) failing)?\s*$/.exec(run.stdout);
        assert.ok(/\d+ passing|\d+ failing/.test(run.stdout), `the guarding test did not run:\n${run.stdout}\n${run.stderr}`);
        assert.notEqual(run.status, 0, `with “${p.name}” removed, “${p.grep}” still passes:\n${summary?.[0] ?? run.stdout.slice(-500)}`);
      } finally {
        writeFileSync(file, original);
      }
    });
  }
});
