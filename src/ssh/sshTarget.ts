// Where an SSH connection goes and how it is spelt: the ssh command line, the text to copy, and the
// `vscode-remote://ssh-remote+…` URI Remote-SSH opens. Plain Node.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface SshTarget {
  user: string;
  /** An IPv4 or IPv6 address, a host name, or a Host alias of the SSH config. */
  host: string;
  port: number;
}

export const isIpv6 = (host: string) => host.includes(':');

/** The arguments of the system `ssh` (after the program name). `configFile` is Remote-SSH's, when set. */
export function sshArgs(target: SshTarget, configFile?: string): string[] {
  return [...(configFile ? ['-F', configFile] : []), '-p', String(target.port), `${target.user}@${target.host}`];
}

const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** The command a user can paste: `ssh -p 22 root@203.0.113.10`. */
export function sshCommandText(target: SshTarget): string {
  return ['ssh', ...sshArgs(target)].map(shellWord).join(' ');
}

/**
 * The authority Remote-SSH understands: a plain host (or config alias) when there is nothing else to say,
 * else the hex of `{"hostName","user","port"}` — the form Remote-SSH itself uses, and the only one that
 * carries an IPv6 address or a port through a URI authority intact.
 */
export function remoteSshAuthority(target: { host: string; user?: string; port?: number }): string {
  const plain = !target.user && (!target.port || target.port === 22) && !isIpv6(target.host) && /^[A-Za-z0-9._-]+$/.test(target.host);
  if (plain) return `ssh-remote+${target.host}`;
  const described: { hostName: string; user?: string; port?: number } = { hostName: target.host };
  if (target.user) described.user = target.user;
  if (target.port && target.port !== 22) described.port = target.port;
  return `ssh-remote+${Buffer.from(JSON.stringify(described), 'utf8').toString('hex')}`;
}

/** `vscode-remote://ssh-remote+…/folder`, the URI `vscode.openFolder` takes to open a Remote-SSH window. */
export function remoteSshUri(target: { host: string; user?: string; port?: number }, folder: string): string {
  const path = folder.startsWith('/') ? folder : `/${folder}`;
  return `vscode-remote://${remoteSshAuthority(target)}${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The home folder Remote-SSH lands in when asked for none: `/root` for root, `/home/<user>` otherwise. */
export function defaultRemoteFolder(user: string): string {
  return user === 'root' ? '/root' : `/home/${user}`;
}

/** The full path of a program on PATH (with PATHEXT on Windows), or undefined. */
export function findOnPath(program: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';') : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = join(dir, program + ext);
      try {
        accessSync(candidate, platform === 'win32' ? constants.F_OK : constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}
