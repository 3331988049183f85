// Forgetting a host's keys after a rebuild, with the system's own tools: `ssh -G` says which known_hosts
// files ssh reads for that host, `ssh-keygen -R` removes a name's keys from each (hashed entries too). We
// never rewrite known_hosts ourselves.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { sshArgs, SshTarget } from './sshTarget';

function run(program: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: 15_000, windowsHide: true }, (error, stdout, stderr) => {
      if (error && typeof (error as NodeJS.ErrnoException).code === 'string') {
        reject(error); // ENOENT and the like: the program is not there
        return;
      }
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** The names a key is stored under in known_hosts: `host`, or `[host]:port` off port 22. */
export function knownHostsNames(hosts: string[], port: number): string[] {
  const names = hosts.filter(Boolean).map((h) => (port === 22 ? h : `[${h}]:${port}`));
  return [...new Set(names)];
}

const expandHome = (file: string, home: string) => (file === '~' ? home : file.startsWith('~/') ? join(home, file.slice(2)) : file);

/** The known_hosts files ssh uses for a target (`ssh -G`), existing ones only; `~/.ssh/known_hosts` if ssh cannot say. */
export async function knownHostsFiles(target: SshTarget, options: { configFile?: string; ssh?: string; home?: string } = {}): Promise<string[]> {
  const home = options.home ?? homedir();
  let files = [join(home, '.ssh', 'known_hosts')];
  const answer = await run(options.ssh ?? 'ssh', ['-G', ...sshArgs(target, options.configFile)]).catch(() => undefined);
  const line = answer?.code === 0 ? answer.stdout.split(/\r?\n/).find((l) => l.toLowerCase().startsWith('userknownhostsfile ')) : undefined;
  if (line) files = line.slice('userknownhostsfile '.length).trim().split(/\s+/).map((f) => expandHome(f, home));
  return [...new Set(files)].filter((f) => existsSync(f));
}

export interface ForgetResult {
  file: string;
  name: string;
  /** Lines ssh-keygen reported removing. */
  removed: number;
}

/** Runs `ssh-keygen -R <name> -f <file>` for every name and file; reports what was found. */
export async function forgetHostKeys(names: string[], files: string[], sshKeygen = 'ssh-keygen'): Promise<ForgetResult[]> {
  const results: ForgetResult[] = [];
  for (const file of files) {
    for (const name of names) {
      const { code, stdout, stderr } = await run(sshKeygen, ['-R', name, '-f', file]);
      if (code !== 0) throw new Error(`ssh-keygen -R ${name} -f ${file}: ${(stderr || stdout).trim()}`);
      results.push({ file, name, removed: (stdout.match(/^# Host .* found: line \d+/gm) ?? []).length });
    }
  }
  return results;
}
