// Which DNS record points at a VM: the name its host name suggests in a zone, and record names compared
// whether the portal wrote them relative or absolute. Plain Node.
import { Vm } from '../api/resources/vms';

/** The relative record name a VM's host name suggests in a zone: `web1` for web1.example.com in example.com. */
export function proposedRecordName(vm: Pick<Vm, 'hostname' | 'label'>, zone: string): string {
  const host = (vm.hostname || vm.label).toLowerCase().replace(/\.$/, '');
  if (host === zone) return '@';
  if (host.endsWith(`.${zone}`)) return host.slice(0, -zone.length - 1);
  return host.split('.')[0].replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || '@';
}

/** A record's name relative to its zone, `@` for the apex, whether the portal wrote it relative or absolute. */
export function relativeName(recordName: string, zone: string): string {
  const name = recordName.toLowerCase().replace(/\.$/, '');
  if (name === '' || name === '@' || name === zone) return '@';
  return name.endsWith(`.${zone}`) ? name.slice(0, -zone.length - 1) : name;
}

