// Debian packages the tests need (Chromium for the window, OpenSSH for the SSH tests): installed with
// apt-get when missing and running as root, as on CI; elsewhere the error says what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureSystemPackages(packages: string[], marker: string): void {
  if (existsSync(marker)) {
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(`${marker} is missing: install ${packages.join(' ')} (sudo apt-get install -y ${packages.join(' ')})`);
  }
  process.stderr.write(`[tests] installing ${packages.join(' ')} with apt-get …\n`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** The OpenSSH client (ssh, ssh-keygen) and server (sshd) the SSH tests run for real. */
export function ensureOpenSsh(): void {
  const hadServer = existsSync('/usr/sbin/sshd');
  ensureSystemPackages(['openssh-client', 'openssh-server'], '/usr/sbin/sshd');
  ensureSystemPackages(['openssh-client'], '/usr/bin/ssh-keygen');
  if (!hadServer) {
    // Debian starts the system service where it can; the tests run their own sshd and leave none behind.
    spawnSync('service', ['ssh', 'stop'], { stdio: 'ignore' });
  }
}
