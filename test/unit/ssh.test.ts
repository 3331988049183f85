import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BLOCK_BEGIN, BLOCK_END, managedEntries, proposeAlias, removeEntries, SshConfigError, SshHostEntry, upsertEntry, vmKey } from '../../src/ssh/sshConfig';
import { readTextIfAny, sshConfigPath, writeTextAtomically } from '../../src/ssh/sshConfigFile';
import { forgetHostKeys, knownHostsFiles, knownHostsNames } from '../../src/ssh/knownHosts';
import { findOnPath, remoteSshAuthority, remoteSshUri, sshArgs, sshCommandText } from '../../src/ssh/sshTarget';
import { proposedRecordName, relativeName } from '../../src/ssh/vmRecord';
import { ensureOpenSsh } from '../systemPackages';

const web: SshHostEntry = { alias: 'web1', hostName: '203.0.113.10', user: 'root', port: 22, vm: vmKey({ accountId: 'acc-1', serviceId: '301', vmId: '9001' }) };
const db: SshHostEntry = { alias: 'db', hostName: '2001:db8::10', user: 'admin', port: 2222, vm: vmKey({ accountId: 'acc-2', serviceId: '7', vmId: 'x/y' }) };

/** Real-world configs: global options, Include, Host *, Match, comments, CRLF, no final newline. */
const CONFIGS: Record<string, string> = {
  empty: '',
  typical: [
    '# my ssh config',
    'Include ~/.ssh/config.d/*',
    'ServerAliveInterval 60',
    '',
    'Host github.com',
    '    User git',
    '    IdentityFile ~/.ssh/id_github',
    '',
    'Host *',
    '    User me',
    '',
    'Match host *.corp exec "test -f ~/.corp"',
    '    ProxyJump bastion',
    '',
  ].join('\n'),
  crlf: 'Host old\r\n  HostName 198.51.100.1\r\n  User admin\r\n',
  noFinalNewline: 'ServerAliveInterval 30\nCompression yes',
  sameAliasOutside: 'Host web1 web1.example.com\n  HostName 192.0.2.44\n',
  matchFirst: 'Match all\n  ForwardAgent no\n# trailing comment',
};

function outside(text: string): string {
  const start = text.indexOf(BLOCK_BEGIN);
  if (start < 0) return text;
  const end = text.indexOf(BLOCK_END, start) + BLOCK_END.length;
  return text.slice(0, start) + text.slice(end).replace(/^\r?\n/, '');
}

describe('SSH: the config block we manage', () => {
  for (const [name, original] of Object.entries(CONFIGS)) {
    it(`${name}: adds, updates and removes our block; every byte outside it stays`, () => {
      const alias = proposeAlias(original, 'Web1', web.vm);
      const entry = { ...web, alias };
      const added = upsertEntry(original, entry);
      assert.ok(added.changed);
      // Outside the block: the original, with at most a line break added where the file had none at its end.
      const kept = outside(added.text);
      assert.ok(kept === original || kept === `${original}${original.includes('\r\n') ? '\r\n' : '\n'}`, JSON.stringify(kept));
      assert.deepEqual(managedEntries(added.text), [entry]);
      if (original.includes('\r\n')) assert.ok(!/[^\r]\n/.test(added.text), 'CRLF file gets CRLF lines');
      // Our hosts come before the user's first Host/Match, so `Host *` cannot override them; global options stay global.
      const firstHost = original.search(/^(Host|Match)\b/m);
      if (firstHost >= 0) assert.equal(added.text.indexOf(BLOCK_BEGIN), firstHost);
      // Adding the same entry again changes nothing.
      assert.equal(upsertEntry(added.text, entry).changed, false);
      // A second VM joins the same block; updating the first keeps its place.
      const two = upsertEntry(added.text, db).text;
      const moved = upsertEntry(two, { ...entry, hostName: '203.0.113.99' }).text;
      assert.deepEqual(managedEntries(moved).map((e) => [e.alias, e.hostName]), [[alias, '203.0.113.99'], ['db', '2001:db8::10']]);
      assert.equal(outside(moved), kept);
      // Removing both removes the block itself.
      const { text: gone, removed } = removeEntries(moved, () => true);
      assert.equal(removed.length, 2);
      assert.equal(gone, kept);
      assert.ok(!gone.includes(BLOCK_BEGIN));
    });
  }

  it('never takes an alias the file already uses outside our block (Host web1 web1.example.com)', () => {
    assert.equal(proposeAlias(CONFIGS.sameAliasOutside, 'web1', web.vm), 'web1-2');
    assert.throws(() => upsertEntry(CONFIGS.sameAliasOutside, web), (e: Error) => e instanceof SshConfigError && /already a Host/.test(e.message));
    assert.equal(proposeAlias('', 'My Server (prod)', web.vm), 'my-server-prod');
  });

  it('refuses to write into a block that lost its end line', () => {
    assert.throws(() => upsertEntry(`${BLOCK_BEGIN}\nHost x\n`, web), SshConfigError);
  });

  it('removes only the entries of one account', () => {
    const text = upsertEntry(upsertEntry('', web).text, db).text;
    const { text: left, removed } = removeEntries(text, (e) => e.vm.startsWith(`${encodeURIComponent('acc-2')}/`));
    assert.deepEqual(removed.map((e) => e.alias), ['db']);
    assert.deepEqual(managedEntries(left).map((e) => e.alias), ['web1']);
  });
});

describe('SSH: writing the config file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cloud-portal-ssh-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates ~/.ssh 0700 and the file 0600 when they are missing; keeps an existing mode; leaves no temp file', async () => {
    const file = sshConfigPath(undefined, dir);
    assert.equal(file, join(dir, '.ssh', 'config'));
    assert.equal(await readTextIfAny(file), '');
    await writeTextAtomically(file, 'Host a\n');
    assert.equal(statSync(join(dir, '.ssh')).mode & 0o777, 0o700);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    chmodSync(file, 0o644);
    await writeTextAtomically(file, 'Host b\n');
    assert.equal(statSync(file).mode & 0o777, 0o644);
    assert.equal(readFileSync(file, 'utf8'), 'Host b\n');
    assert.deepEqual(readdirSync(join(dir, '.ssh')), ['config']);
  });

  it('writes through a symlink to the real file (dotfile managers), by rename: a reader sees the old or the new file, never half', async () => {
    const real = join(dir, 'dotfiles-ssh-config');
    writeFileSync(real, 'Host old\n', { mode: 0o600 });
    const link = join(dir, 'config');
    symlinkSync(real, link);
    const inodeBefore = statSync(real).ino;
    await writeTextAtomically(link, 'Host new\n');
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link stays a link');
    assert.equal(readFileSync(real, 'utf8'), 'Host new\n');
    assert.notEqual(statSync(real).ino, inodeBefore, 'replaced by rename, not rewritten in place');
  });

  it('reads remote.SSH.configFile with ~ expanded', () => {
    assert.equal(sshConfigPath('~/work/ssh_config', '/home/u'), '/home/u/work/ssh_config');
    assert.equal(sshConfigPath('  ', '/home/u'), '/home/u/.ssh/config');
  });
});

describe('SSH: forgetting host keys (the system ssh-keygen on a real known_hosts)', function () {
  this.timeout(120_000);
  before(() => ensureOpenSsh());
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cloud-portal-kh-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const key = (name: string) => {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, name)]);
    return readFileSync(join(dir, `${name}.pub`), 'utf8').split(' ').slice(0, 2).join(' ');
  };

  it('removes every name and address of the VM, hashed and plain, and nothing else', async () => {
    const [vmKeyOld, other] = [key('vm'), key('other')];
    const file = join(dir, 'known_hosts');
    writeFileSync(file, [`203.0.113.10 ${vmKeyOld}`, `[203.0.113.10]:2222 ${vmKeyOld}`, `web1.example.com ${vmKeyOld}`, `keep.example.com ${other}`, ''].join('\n'));
    // Hash some of them, as HashKnownHosts does on Debian and Ubuntu.
    const hashed = join(dir, 'known_hosts_hashed');
    writeFileSync(hashed, [`2001:db8::10 ${vmKeyOld}`, `keep.example.com ${other}`, ''].join('\n'));
    execFileSync('ssh-keygen', ['-H', '-f', hashed], { stdio: 'ignore' });
    assert.ok(!readFileSync(hashed, 'utf8').includes('2001:db8::10'), 'hashed for real');

    const names = knownHostsNames(['203.0.113.10', '2001:db8::10', 'web1.example.com', ''], 22);
    assert.deepEqual(names, ['203.0.113.10', '2001:db8::10', 'web1.example.com']);
    const results = await forgetHostKeys(names, [file, hashed]);
    assert.equal(results.reduce((n, r) => n + r.removed, 0), 3);
    const left = readFileSync(file, 'utf8');
    assert.ok(!/^203\.0\.113\.10 /m.test(left) && !left.includes('web1.example.com'));
    assert.ok(left.includes('[203.0.113.10]:2222'), 'another port is another host');
    assert.ok(left.includes('keep.example.com'));
    assert.equal(readFileSync(hashed, 'utf8').trim().split('\n').length, 1, 'only the other host is left in the hashed file');
    assert.deepEqual(knownHostsNames(['203.0.113.10'], 2222), ['[203.0.113.10]:2222']);
  });

  it('asks ssh -G which known_hosts files ssh reads for the host (UserKnownHostsFile in the config)', async () => {
    const mine = join(dir, 'my_known_hosts');
    writeFileSync(mine, '');
    const config = join(dir, 'config');
    writeFileSync(config, `Host *\n  UserKnownHostsFile ${mine} ${join(dir, 'missing')}\n`);
    assert.deepEqual(await knownHostsFiles({ user: 'root', host: '203.0.113.10', port: 22 }, { configFile: config, home: dir }), [mine]);
  });
});

describe('SSH: command line and Remote-SSH URI', () => {
  before(function () {
    this.timeout(120_000);
    ensureOpenSsh();
  });
  it('spells the ssh command and its arguments', () => {
    assert.deepEqual(sshArgs({ user: 'root', host: '203.0.113.10', port: 22 }), ['-p', '22', 'root@203.0.113.10']);
    assert.deepEqual(sshArgs({ user: 'root', host: 'web1', port: 2222 }, '/home/u/cfg'), ['-F', '/home/u/cfg', '-p', '2222', 'root@web1']);
    assert.equal(sshCommandText({ user: 'root', host: '203.0.113.10', port: 22 }), 'ssh -p 22 root@203.0.113.10');
    assert.equal(sshCommandText({ user: 'admin', host: '2001:db8::10', port: 2222 }), 'ssh -p 2222 admin@2001:db8::10');
  });

  it('builds the vscode-remote URI for IPv4, IPv6 and non-default ports as Remote-SSH reads it', () => {
    const decode = (authority: string) => JSON.parse(Buffer.from(authority.slice('ssh-remote+'.length), 'hex').toString('utf8'));
    assert.equal(remoteSshAuthority({ host: 'web1' }), 'ssh-remote+web1');
    assert.equal(remoteSshUri({ host: 'web1' }, '/root'), 'vscode-remote://ssh-remote+web1/root');
    const v4 = remoteSshAuthority({ host: '203.0.113.10', user: 'root', port: 22 });
    assert.deepEqual(decode(v4), { hostName: '203.0.113.10', user: 'root' });
    const v6 = remoteSshUri({ host: '2001:db8::10', user: 'admin', port: 2222 }, '/var/www/my site');
    const [authority, path] = /^vscode-remote:\/\/([^/]+)(\/.*)$/.exec(v6)!.slice(1);
    assert.deepEqual(decode(authority), { hostName: '2001:db8::10', user: 'admin', port: 2222 });
    assert.equal(path, '/var/www/my%20site');
    assert.match(authority, /^ssh-remote\+[0-9a-f]+$/, 'lower-case hex survives VS Code lower-casing authorities');
    assert.deepEqual(decode(remoteSshAuthority({ host: '::1' })), { hostName: '::1' });
  });

  it('finds ssh on PATH, and says when it is not there', () => {
    assert.ok(findOnPath('ssh'));
    assert.equal(findOnPath('ssh', { PATH: join(tmpdir(), 'nowhere') }), undefined);
    assert.ok(existsSync(findOnPath('ssh-keygen')!));
  });

  it('proposes the record name from the VM’s host name, relative to the zone', () => {
    const vm = (hostname: string, label = 'x') => ({ hostname, label }) as Parameters<typeof proposedRecordName>[0];
    assert.equal(proposedRecordName(vm('web1.example.com'), 'example.com'), 'web1');
    assert.equal(proposedRecordName(vm('example.com'), 'example.com'), '@');
    assert.equal(proposedRecordName(vm('srv.other.net'), 'example.com'), 'srv');
    assert.equal(relativeName('www.example.com.', 'example.com'), 'www');
    assert.equal(relativeName('', 'example.com'), '@');
    assert.equal(relativeName('www', 'example.com'), 'www');
  });
});
