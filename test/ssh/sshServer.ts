// A real OpenSSH server for the tests: Debian's sshd started as a child process on 127.0.0.1 and a free
// port, with its own host key, config and authorized key (a client key generated for the run), and stopped
// by the test — no system service, nothing left running. `.ci/run` installs openssh-server when missing.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { ensureOpenSsh } from '../systemPackages';
import { join } from 'node:path';

export interface SshServer {
  port: number;
  /** The user the tests log in as (the one running them). */
  user: string;
  dir: string;
  /** A client config (IdentityFile, UserKnownHostsFile in `dir`) for `ssh -F` / `remote.SSH.configFile`. */
  clientConfig: string;
  knownHosts: string;
  /** The server's public host key line (`ssh-ed25519 AAAA…`). */
  hostKey(): string;
  /** Stops sshd, makes a new host key (as a rebuilt VM has), starts it again on the same port. */
  rebuild(): Promise<void>;
  stop(): Promise<void>;
}

function sshdPath(): string {
  ensureOpenSsh();
  for (const candidate of ['/usr/sbin/sshd', '/usr/bin/sshd', '/usr/local/sbin/sshd']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('sshd is not installed: apt-get install openssh-server (.ci/run does this)');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const keygen = (file: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'cloud-portal-test', '-f', file]);

export async function startSshServer(): Promise<SshServer> {
  const program = sshdPath();
  const dir = mkdtempSync(join(tmpdir(), 'cloud-portal-sshd-'));
  const port = await freePort();
  const user = userInfo().username;
  const hostKeyFile = join(dir, 'host_ed25519');
  const clientKey = join(dir, 'client_ed25519');
  keygen(hostKeyFile);
  keygen(clientKey);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${clientKey}.pub`));
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      // A second loopback address: a VM whose address changes on the portal is still this server.
      'ListenAddress 127.0.0.2',
      `HostKey ${hostKeyFile}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin prohibit-password',
      `AllowUsers ${user}`,
      'LogLevel VERBOSE',
      '',
    ].join('\n'),
  );
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, '');
  const clientConfig = join(dir, 'ssh_config');
  writeFileSync(clientConfig, ['Host *', `    IdentityFile ${clientKey}`, '    IdentitiesOnly yes', `    UserKnownHostsFile ${knownHosts}`, '    StrictHostKeyChecking ask', ''].join('\n'));
  // Debian's sshd wants its privilege-separation directory when started as root.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  let child: ChildProcess | undefined;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(program, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
      child = proc;
      let log = '';
      const timer = setTimeout(() => reject(new Error(`sshd did not start listening within 10 s:\n${log}`)), 10_000);
      proc.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (/Server listening on 127\.0\.0\.2 port/.test(log) && /Server listening on 127\.0\.0\.1 port/.test(log)) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sshd exited with ${code}:\n${log}`));
      });
    });
  const stopChild = () =>
    new Promise<void>((resolve) => {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return resolve();
      proc.removeAllListeners('exit');
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  await start();
  return {
    port,
    user,
    dir,
    clientConfig,
    knownHosts,
    hostKey: () => readFileSync(`${hostKeyFile}.pub`, 'utf8').split(' ').slice(0, 2).join(' '),
    async rebuild() {
      await stopChild();
      rmSync(hostKeyFile, { force: true });
      rmSync(`${hostKeyFile}.pub`, { force: true });
      keygen(hostKeyFile);
      await start();
    },
    async stop() {
      await stopChild();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
