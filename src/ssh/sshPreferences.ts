// What the user answered for a VM's SSH connection (user, port, address, Remote-SSH folder), kept per VM in
// the extension's global state: not secret, and no key paths — ssh finds the keys itself.
import { vmKey } from './sshConfig';

export interface SshChoice {
  user: string;
  port: number;
  /** The address chosen when the VM has several. */
  host?: string;
  /** The folder last opened with Remote-SSH. */
  folder?: string;
}

interface Memento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export type VmRef = { accountId: string; serviceId: string; vmId: string };

export class SshPreferences {
  constructor(private readonly memento: Memento) {}

  private key(vm: VmRef): string {
    return `cloudPortal.ssh/${vmKey(vm)}`;
  }

  get(vm: VmRef): SshChoice | undefined {
    return this.memento.get<SshChoice>(this.key(vm));
  }

  async set(vm: VmRef, choice: SshChoice): Promise<void> {
    await this.memento.update(this.key(vm), choice);
  }
}
