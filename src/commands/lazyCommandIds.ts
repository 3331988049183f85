// The ids of commands registered at activation whose code is loaded on first use (`lazyCommands` in
// extension.ts): a group per module; `lazyCommands` checks on first use that the module brings exactly these.

export const SSH_COMMAND_IDS = [
  'cloudPortal.vm.openSshTerminal',
  'cloudPortal.vm.openRemoteSsh',
  'cloudPortal.vm.copySshCommand',
  'cloudPortal.vm.changeSshSettings',
  'cloudPortal.vm.addToSshConfig',
  'cloudPortal.vm.updateSshConfig',
  'cloudPortal.vm.removeFromSshConfig',
  'cloudPortal.vm.forgetHostKey',
  'cloudPortal.vm.pointDnsRecord',
  'cloudPortal.dns.goToVm',
];

export const CLOUD_SERVER_COMMAND_IDS = ['cloudPortal.service.createVm', 'cloudPortal.vm.resize', 'cloudPortal.vm.delete', 'cloudPortal.vm.editReverseDns', 'cloudPortal.service.upgrade', 'cloudPortal.vm.assignAddress', 'cloudPortal.vm.networkInterfaces'];

export const DOMAIN_COMMAND_IDS = [
  'cloudPortal.domain.editNameservers',
  'cloudPortal.domain.enableAutorenew',
  'cloudPortal.domain.disableAutorenew',
  'cloudPortal.domain.lock',
  'cloudPortal.domain.unlock',
  'cloudPortal.domain.showEppCode',
  'cloudPortal.domain.renew',
];

export const VM_COMMAND_IDS = ['start', 'stop', 'shutdown', 'reboot', 'reset', 'rescue', 'unrescue', 'rebuild'].map((action) => `cloudPortal.vm.${action}`);

export const SERVICE_COMMAND_IDS = ['cloudPortal.service.rename', 'cloudPortal.service.cancel'];

export const DNS_COMMAND_IDS = ['cloudPortal.dns.addRecord', 'cloudPortal.dns.editRecord', 'cloudPortal.dns.deleteRecord', 'cloudPortal.dns.createZone', 'cloudPortal.dns.deleteZone'];
