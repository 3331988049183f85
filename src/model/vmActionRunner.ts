import { VmAction } from '../api/capabilities';
import { UnsupportedError } from '../api/errors';
import { PortalApi } from '../api/portalApi';
import { isReadOnlyVm, Vm } from '../api/resources/vms';
import { Emitter } from '../util/emitter';
import { keys, VmRef } from './cacheKeys';
import { ResourceCache } from './resourceCache';
import * as l10n from '@vscode/l10n';

export interface VmActionTiming {
  /** Time between VM state polls after a power action. */
  pollIntervalMs: number;
  /** Give up polling after this long. */
  pollTimeoutMs: number;
}

/**
 * Power actions and rebuilds: single-flight per VM (a second one while the first runs is refused
 * without a request), then the VM is polled until it leaves the transitional state. Polling stops
 * when the caller's signal aborts or the runner is disposed (the window closes); the action itself
 * is the portal's from the moment it was accepted.
 */
export class VmActionRunner {
  private readonly busy = new Map<string, VmAction>();
  private readonly changed = new Emitter<VmRef>();
  /** Fires when a VM starts or finishes an action, or its polled state changed. */
  readonly onDidChangeVm = this.changed.event;
  private readonly disposed = new AbortController();

  constructor(
    private readonly api: (accountId: string) => Promise<PortalApi>,
    private readonly cache: ResourceCache,
    /** The last known state of a VM, without a request. */
    readonly peek: (ref: VmRef) => Vm | undefined,
    private readonly timing: VmActionTiming,
  ) {}

  /** The action running on this VM, if any. */
  busyWith(ref: VmRef): VmAction | undefined {
    return this.busy.get(keys.vm(ref));
  }

  /**
   * Sends the action once, then follows the VM until it settles (or `signal` aborts, or the runner
   * is disposed). The cached list is updated in place, so only that VM's row changes.
   */
  async run(ref: VmRef, action: VmAction, template?: string, signal?: AbortSignal): Promise<'done' | 'busy'> {
    if (isReadOnlyVm(this.peek(ref))) {
      throw new UnsupportedError(l10n.t('The portal listed this VM without an id: no action can be sent for it.'));
    }
    const key = keys.vm(ref);
    if (this.busy.has(key)) {
      return 'busy';
    }
    this.busy.set(key, action);
    this.changed.fire(ref);
    try {
      const api = await this.api(ref.accountId);
      if (action === 'rebuild') {
        await api.vms.rebuild(ref.serviceId, ref.vmId, template ?? '');
      } else {
        await api.vms.power(ref.serviceId, ref.vmId, action);
      }
      await this.follow(api, ref, signal ? AbortSignal.any([signal, this.disposed.signal]) : this.disposed.signal);
      return 'done';
    } finally {
      this.busy.delete(key);
      this.changed.fire(ref);
    }
  }

  /** Follows a VM that is changing on its own (a new one, being built) until it settles; stops on abort and dispose. */
  async watch(ref: VmRef, signal?: AbortSignal): Promise<void> {
    const api = await this.api(ref.accountId);
    await this.follow(api, ref, signal ? AbortSignal.any([signal, this.disposed.signal]) : this.disposed.signal);
  }

  private async follow(api: PortalApi, ref: VmRef, stop: AbortSignal): Promise<void> {
    const before = this.peek(ref)?.state;
    const deadline = Date.now() + this.timing.pollTimeoutMs;
    for (let poll = 0; Date.now() < deadline && !stop.aborted; poll++) {
      let vm: Vm;
      try {
        vm = await api.vms.details(ref.serviceId, ref.vmId, { signal: stop });
      } catch {
        // A failed (or stopped) poll is not the action failing: the next look shows the truth.
        this.cache.invalidate(keys.vms(ref));
        return;
      }
      this.replace(ref, vm);
      const settled = vm.state !== 'transitional' && (vm.state !== before || poll >= 2);
      if (settled) {
        return;
      }
      await pause(this.timing.pollIntervalMs, stop);
    }
    if (stop.aborted) {
      this.cache.invalidate(keys.vms(ref));
    }
  }

  /**
   * Puts a polled VM into the cached list. Only a VM that differs fires a change: every redraw
   * of a tree row is work for the workbench.
   */
  private replace(ref: VmRef, vm: Vm): void {
    const listKey = keys.vms(ref);
    const list = this.cache.peek<Vm[]>(listKey);
    const old = list?.find((x) => x.id === vm.id);
    if (list) {
      this.cache.set(listKey, list.map((x) => (x.id === vm.id ? vm : x)));
    }
    // A poll is the VM's own answer: the details panel's copy is brought up to date with it.
    if (this.cache.peek(keys.vmDetails(ref)) !== undefined) {
      this.cache.set(keys.vmDetails(ref), vm);
    }
    if (!old || JSON.stringify(old) !== JSON.stringify(vm)) {
      this.changed.fire(ref);
    }
  }

  /** Stops every poll under way; actions already sent stay with the portal. */
  dispose(): void {
    this.disposed.abort();
    this.changed.dispose();
  }
}

/** Waits `ms`, or less when `signal` aborts first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
