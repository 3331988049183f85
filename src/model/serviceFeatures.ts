import { Service, ServiceMethod } from '../api/resources/services';

/** What a service offers, and whether the portal said so (`/methods`) or it is our guess. */
export interface ServiceFeatures {
  vms: boolean;
  dns: boolean;
  ips: boolean;
  upgrade: boolean;
  source: 'portal' | 'guess';
}

/** A service's endpoints (`GET /service/@id/methods`: `{name, method, route}`) say what it offers. */
export function serviceFeaturesFrom(methods: readonly ServiceMethod[]): ServiceFeatures {
  const routes = methods.map((m) => m.route.replace(/\\\//g, '/').toLowerCase());
  const has = (pattern: RegExp) => routes.some((route) => pattern.test(route));
  return { vms: has(/\/vms(\/|$)/), dns: has(/\/dns(\/|$)/), ips: has(/\/(ip|ips|rdns|ippool)(\/|$)/), upgrade: has(/\/upgrade(\/|$)/), source: 'portal' };
}

/** Today's guess from the name and category, for portals without `/methods`. */
export function guessedServiceFeatures(service: Service): ServiceFeatures {
  const vms = mayHaveVms(service);
  return { vms, dns: /dns/i.test(`${service.name} ${service.category}`), ips: vms, upgrade: false, source: 'guess' };
}

const VM_SERVICE = /vps|vds|cloud|virtual|server|\bvm\b|kvm|proxmox|compute|instance/i;

/** Whether a service probably has VMs (decides if its row expands; the portal has the final word). */
export function mayHaveVms(service: Service): boolean {
  const text = `${service.name} ${service.category} ${service.category_url}`;
  return VM_SERVICE.test(text) && !/dns|dedicated|bare.?metal|hosting/i.test(text);
}

/** Whether a cancellation can still be requested for a service in this status (rows, pickers, the details page). */
export function canRequestCancellation(status: string): boolean {
  return !/cancel|terminat|fraud/i.test(status);
}
