/**
 * Which optional endpoint families each portal has (see shared/api/README.md, "Endpoint matrix").
 * Every view and command asks this one catalogue, so nothing offers what a portal lacks, and the
 * client refuses such a call before sending it.
 */
export type Feature =
  | 'domains' // /domain/... (registered domains, their DNS by index, lock, EPP, autorenew, renew, lookup)
  | 'certificates' // /certificate/...
  | 'serviceIps' // GET /service/@id/ip
  | 'rdns' // GET|POST /service/@id/rdns
  | 'vmDestroy' // DELETE /service/@id/vms/@vmid
  | 'vmResize' // PUT /service/@id/vms/@vmid
  | 'vmShutdown' // POST .../shutdown
  | 'vmReset' // POST .../reset
  | 'vmRescue' // POST .../rescue and .../unrescue
  | 'vmNetwork' // .../ips, .../ippool, .../interfaces
  | 'statuses'; // /statuses

/** The endpoints every portal of the family has are not listed: they are always available. */
export type CapabilityProfile = 'elsecloud' | 'alterncloud' | 'generic';

const PROFILES: Record<CapabilityProfile, readonly Feature[]> = {
  elsecloud: [
    'domains',
    'certificates',
    'serviceIps',
    'rdns',
    'vmDestroy',
    'vmResize',
    'vmShutdown',
    'vmReset',
    'vmNetwork',
  ],
  alterncloud: ['serviceIps', 'vmRescue', 'statuses'],
  // An unknown portal of the family: only what both documented providers share, plus what a
  // harmless probe at sign-in finds (see `probeFeatures`).
  generic: ['serviceIps'],
};

export function featuresOf(profile: CapabilityProfile, probed: readonly Feature[] = []): ReadonlySet<Feature> {
  return new Set([...PROFILES[profile], ...probed]);
}

/** Features of a generic portal that can be discovered with a read-only request. */
export const PROBEABLE_FEATURES: readonly { feature: Feature; path: string }[] = [
  { feature: 'domains', path: 'domain' },
  { feature: 'certificates', path: 'certificate' },
];

export type VmAction = 'start' | 'stop' | 'shutdown' | 'reboot' | 'reset' | 'rescue' | 'unrescue' | 'rebuild';

const VM_ACTION_FEATURE: Partial<Record<VmAction, Feature>> = {
  shutdown: 'vmShutdown',
  reset: 'vmReset',
  rescue: 'vmRescue',
  unrescue: 'vmRescue',
};

export function vmActionFeature(action: VmAction): Feature | undefined {
  return VM_ACTION_FEATURE[action];
}

export function vmActionsOf(features: ReadonlySet<Feature>): VmAction[] {
  const all: VmAction[] = ['start', 'stop', 'shutdown', 'reboot', 'reset', 'rescue', 'unrescue', 'rebuild'];
  return all.filter((action) => {
    const needed = VM_ACTION_FEATURE[action];
    return needed === undefined || features.has(needed);
  });
}
