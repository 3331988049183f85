import { MockService, PortalState } from './model';

/**
 * Variants of the seeded portal that real portals produce and the default seed does not, added
 * by the tests that need them (so every other test keeps the seed it counts on).
 */

/**
 * A VPS whose name and category say "hosting": only its `GET /service/@id/methods` (which lists
 * `/service/@id/vms`) tells that it has VMs. One VM, `box-01`, running.
 */
export function addMisleadingVps(state: PortalState): MockService {
  const template = state.services.find((s) => s.kind === 'vps' && s.vms.length > 0)!;
  const vm = { ...template.vms[0], id: '1901', label: 'box-01', hostname: 'box-01.example.com', status: 'running', pending: undefined, ips: [{ ipaddress: '203.0.113.90', type: 'ipv4' as const }], interfaces: [] };
  const service: MockService = {
    ...template,
    id: '390',
    name: 'Web Hosting Box',
    label: 'Shop backend',
    domain: 'box.example.com',
    category: 'Web Hosting',
    category_url: 'web-hosting',
    vms: [vm],
    ips: ['203.0.113.90'],
  };
  state.services.push(service);
  return service;
}
