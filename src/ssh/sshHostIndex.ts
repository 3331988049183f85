// Which VMs have a Host entry of ours in the SSH config, read from the file (at start, after our own writes,
// and when the setting naming the file changes), so that a VM row can say when its entry points at an
// address the VM no longer has. Plain Node.
import { existsSync } from 'node:fs';
import { Emitter } from '../util/emitter';
import type { SshHostEntry } from './sshConfig';
import { vmKey } from './vmKey';

export class SshHostIndex {
  private entries = new Map<string, SshHostEntry>();
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly file: () => string) {}

  /** Reads the file again; a missing or unreadable file, or a broken block, means no entries. */
  async reload(): Promise<void> {
    let next: SshHostEntry[] = [];
    try {
      // No file, no entries; else the parser is loaded with the first read, after activation (it is not
      // needed to draw a row).
      const file = this.file();
      if (existsSync(file)) {
        const [{ managedEntries }, { readTextIfAny }] = await Promise.all([import('./sshConfig'), import('./sshConfigFile')]);
        next = managedEntries(await readTextIfAny(file));
      }
    } catch {
      next = [];
    }
    const before = JSON.stringify([...this.entries.values()]);
    this.entries = new Map(next.map((e) => [e.vm, e]));
    if (JSON.stringify(next) !== before) this.changed.fire();
  }

  entryFor(vm: { accountId: string; serviceId: string; vmId: string }): SshHostEntry | undefined {
    return this.entries.get(vmKey(vm));
  }

  /** The entry, when it names an address the VM no longer has (the portal changed it). */
  outdatedEntry(vm: { accountId: string; serviceId: string; vmId: string }, ips: readonly string[]): SshHostEntry | undefined {
    const entry = this.entryFor(vm);
    return entry && ips.length > 0 && !ips.includes(entry.hostName) ? entry : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
