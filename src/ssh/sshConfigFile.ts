// Reading and writing the SSH config file: the real file behind a symlink (dotfile managers), `~/.ssh`
// created 0700 and a new file 0600, an existing file's mode kept, and the new text written to a temporary
// file next to it and renamed over it, so that ssh never reads half a file.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The file Remote-SSH reads: its `remote.SSH.configFile` setting, else `~/.ssh/config`. */
export function sshConfigPath(configured: string | undefined, home = homedir()): string {
  const value = configured?.trim();
  if (!value) return join(home, '.ssh', 'config');
  return value.startsWith('~') ? join(home, value.slice(1)) : value;
}

export async function readTextIfAny(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw e;
  }
}

/** Writes `text` to `file` atomically (temp file + rename), keeping the mode of an existing file. */
export async function writeTextAtomically(file: string, text: string): Promise<void> {
  let target = file;
  let mode = 0o600;
  try {
    target = await fs.realpath(file);
    mode = (await fs.stat(target)).mode & 0o777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await fs.mkdir(dirname(target), { recursive: true, mode: 0o700 });
  }
  const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.cloud-portal.tmp`);
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.chmod(mode); // the umask may have narrowed the mode given to open
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
