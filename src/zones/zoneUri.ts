// Where a zone file lives: `cloudportal-zone:/<account>/zone/<service>/<zone>/<name>.zone` for a zone
// under a DNS service, `cloudportal-zone:/<account>/domain/<domain>/<name>.zone` for a registered domain.
import type { DomainRef, ZoneRef } from '../model/cacheKeys';

export const ZONE_SCHEME = 'cloudportal-zone';

/** The portal's version of a zone, read-only, for the left side of "Show Changes". */
export const ZONE_PORTAL_SCHEME = 'cloudportal-zone-portal';

export type ZoneTarget = ({ kind: 'zone' } & ZoneRef & { name: string }) | ({ kind: 'domain' } & DomainRef & { name: string });

const SEGMENT = /^[\w.-]{1,80}$/;

export function zonePath(t: ZoneTarget): string {
  return t.kind === 'zone' ? `/${t.accountId}/zone/${t.serviceId}/${t.zoneId}/${t.name}.zone` : `/${t.accountId}/domain/${t.domainId}/${t.name}.zone`;
}

export function zoneTargetOf(path: string): ZoneTarget | undefined {
  const parts = path.split('/').slice(1);
  if (!parts.every((p) => SEGMENT.test(p)) || !parts.at(-1)?.endsWith('.zone')) return undefined;
  const name = parts.at(-1)!.slice(0, -'.zone'.length);
  if (parts.length === 5 && parts[1] === 'zone') return { kind: 'zone', accountId: parts[0], serviceId: parts[2], zoneId: parts[3], name };
  if (parts.length === 4 && parts[1] === 'domain') return { kind: 'domain', accountId: parts[0], domainId: parts[2], name };
  return undefined;
}
