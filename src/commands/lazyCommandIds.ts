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

export const CERTIFICATE_COMMAND_IDS = ['cloudPortal.certificate.open', 'cloudPortal.certificate.save', 'cloudPortal.certificate.order'];

export const DOMAIN_SETTINGS_COMMAND_IDS = [
  'cloudPortal.domain.editContacts',
  'cloudPortal.domain.manageDnssec',
  'cloudPortal.domain.emailForwarding',
  'cloudPortal.domain.urlForwarding',
  'cloudPortal.domain.idProtection',
  'cloudPortal.domain.registerNameserver',
  'cloudPortal.domain.sync',
];

export const ACCOUNT_SETTINGS_COMMAND_IDS = ['cloudPortal.account.editProfile', 'cloudPortal.account.activityLog', 'cloudPortal.account.affiliate', 'cloudPortal.account.contacts'];

export const TICKET_COMMAND_IDS = ['cloudPortal.ticket.open', 'cloudPortal.ticket.reply', 'cloudPortal.ticket.new', 'cloudPortal.ticket.sendReply', 'cloudPortal.ticket.close', 'cloudPortal.ticket.reopen'];

export const ACCOUNT_COMMAND_IDS = ['cloudPortal.addAccount', 'cloudPortal.signIn', 'cloudPortal.signOut', 'cloudPortal.renameAccount', 'cloudPortal.removeAccount', 'cloudPortal.showLog'];

export const BILLING_COMMAND_IDS = ['cloudPortal.billing.showInvoices', 'cloudPortal.billing.openInvoice', 'cloudPortal.billing.applyCredit'];
