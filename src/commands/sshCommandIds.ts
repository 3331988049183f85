/** The SSH commands' ids, registered at activation; their code (sshCommands.ts) is loaded on first use. */
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
