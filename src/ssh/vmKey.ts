/** How our SSH config block names a VM: `accountId/serviceId/vmId`, each URL-encoded (so the slashes are unambiguous). */
export function vmKey(vm: { accountId: string; serviceId: string; vmId: string }): string {
  return [vm.accountId, vm.serviceId, vm.vmId].map(encodeURIComponent).join('/');
}
