import { Account } from '../accounts/accountRegistry';
import { providerById } from '../accounts/providers';
import { featuresOf, VmAction, vmActionsOf } from '../api/capabilities';
import { isReadOnlyVm, Vm, VmState } from '../api/resources/vms';
import * as l10n from '@vscode/l10n';

/** Which actions make sense in each state (the portal still has the final word). */
const ACTIONS_BY_STATE: Record<VmState, VmAction[]> = {
  running: ['stop', 'shutdown', 'reboot', 'reset', 'rescue', 'rebuild'],
  stopped: ['start', 'reset', 'rescue', 'rebuild'],
  rescue: ['unrescue', 'stop', 'reboot'],
  suspended: [],
  transitional: [],
  unknown: ['start', 'stop', 'shutdown', 'reboot', 'reset', 'rescue', 'unrescue', 'rebuild'],
};

export const VM_ACTION_TITLES: Record<VmAction, string> = {
  start: l10n.t('Start'),
  stop: l10n.t('Stop'),
  shutdown: l10n.t('Shut Down'),
  reboot: l10n.t('Reboot'),
  reset: l10n.t('Reset'),
  rescue: l10n.t('Boot into Rescue Mode'),
  unrescue: l10n.t('Leave Rescue Mode'),
  rebuild: l10n.t('Rebuild'),
};

/** Managing a VM beyond power: what the account's provider has the endpoints for. */
export type VmManagement = 'resize' | 'destroy' | 'rdns' | 'network';

export function vmManagementFor(account: Account | undefined, vm: Vm | undefined): VmManagement[] {
  if (!account || !vm || isReadOnlyVm(vm)) return [];
  const features = featuresOf(providerById(account.record.providerId).profile, account.record.probedFeatures);
  return [features.has('vmResize') ? 'resize' : '', features.has('vmDestroy') ? 'destroy' : '', features.has('rdns') && vm.ips.length ? 'rdns' : '', features.has('vmNetwork') ? 'network' : ''].filter(Boolean) as VmManagement[];
}

export const VM_ACTION_ICONS: Record<VmAction, string> = {
  start: 'debug-start',
  stop: 'debug-stop',
  shutdown: 'primitive-square',
  reboot: 'debug-restart',
  reset: 'debug-rerun',
  rescue: 'debug-alt',
  unrescue: 'debug-step-out',
  rebuild: 'tools',
};

/** Actions that ask for confirmation in a modal naming the VM. */
export const DESTRUCTIVE_VM_ACTIONS: ReadonlySet<VmAction> = new Set(['stop', 'shutdown', 'reset', 'rebuild']);

/** What can be done to this VM now: the provider offers it, the state allows it, nothing else runs. */
export function vmActionsFor(account: Account | undefined, vm: Vm | undefined, busy: VmAction | undefined): VmAction[] {
  if (!account || !vm || busy || isReadOnlyVm(vm)) {
    return [];
  }
  const offered = vmActionsOf(featuresOf(providerById(account.record.providerId).profile, account.record.probedFeatures));
  return ACTIONS_BY_STATE[vm.state].filter((a) => offered.includes(a));
}
