// How the model addresses resources: the references rows and commands carry, and the cache keys
// built from them (one place, so invalidating a key reaches exactly what depends on it).

export interface ServiceRef {
  accountId: string;
  serviceId: string;
}
export interface VmRef extends ServiceRef {
  vmId: string;
}
export interface DomainRef {
  accountId: string;
  domainId: string;
}
export interface TicketRef {
  accountId: string;
  number: string;
}
export interface InvoiceRef {
  accountId: string;
  invoiceId: string;
}
export interface ZoneRef {
  accountId: string;
  serviceId: string;
  zoneId: string;
}

/** Cache keys: one place that says how resources are addressed. */
export const keys = {
  account: (accountId: string) => accountId,
  services: (accountId: string) => `${accountId}/services`,
  vms: (r: ServiceRef) => `${r.accountId}/services/${r.serviceId}/vms`,
  templates: (r: ServiceRef) => `${r.accountId}/services/${r.serviceId}/templates`,
  resources: (r: ServiceRef) => `${r.accountId}/services/${r.serviceId}/resources`,
  serviceDetails: (r: ServiceRef) => `${r.accountId}/services/${r.serviceId}/details`,
  upgradeOptions: (r: ServiceRef) => `${r.accountId}/services/${r.serviceId}/upgrade`,
  reverseDns: (r: ServiceRef) => `${r.accountId}/services/${r.serviceId}/rdns`,
  vm: (r: VmRef) => `${r.accountId}/services/${r.serviceId}/vms/${r.vmId}`,
  /** Below the VM list's key: reloading the list (after an action) reloads the details too. */
  serviceIps: (r: ServiceRef) => `${r.accountId}/services/${r.serviceId}/ips`,
  vmIps: (r: VmRef) => `${r.accountId}/services/${r.serviceId}/vms/${r.vmId}/ips`,
  vmInterfaces: (r: VmRef) => `${r.accountId}/services/${r.serviceId}/vms/${r.vmId}/interfaces`,
  vmDetails: (r: VmRef) => `${r.accountId}/services/${r.serviceId}/vms/${r.vmId}/details`,
  profile: (accountId: string) => `${accountId}/profile`,
  /** The affiliate programme's report, or `false` once the portal said the account has none. */
  affiliate: (accountId: string) => `${accountId}/affiliate`,
  contacts: (accountId: string) => `${accountId}/contacts`,
  contact: (accountId: string, id: string) => `${accountId}/contacts/${id}`,
  privileges: (accountId: string) => `${accountId}/privileges`,
  domains: (accountId: string) => `${accountId}/domains`,
  certificates: (accountId: string) => `${accountId}/certificates`,
  certificateDetails: (accountId: string, id: string) => `${accountId}/certificates/${id}`,
  certificateProducts: (accountId: string) => `${accountId}/catalogue/certificates`,
  certificateSoftware: (accountId: string, productId: string) => `${accountId}/catalogue/certificates/${productId}`,
  domainLock: (r: DomainRef) => `${r.accountId}/domains/${r.domainId}/reglock`,
  domainContacts: (r: DomainRef) => `${r.accountId}/domains/${r.domainId}/contacts`,
  domainEmailForwarding: (r: DomainRef) => `${r.accountId}/domains/${r.domainId}/emforwarding`,
  domainDnssec: (r: DomainRef) => `${r.accountId}/domains/${r.domainId}/dnssec`,
  domainDnssecFlags: (r: DomainRef) => `${r.accountId}/domains/${r.domainId}/dnssec/flags`,
  domainDetails: (r: DomainRef) => `${r.accountId}/domains/${r.domainId}/details`,
  domainRecords: (r: DomainRef) => `${r.accountId}/domains/${r.domainId}/records`,
  zones: (accountId: string) => `${accountId}/dns`,
  zone: (r: ZoneRef) => `${r.accountId}/dns/${r.serviceId}/${r.zoneId}`,
  tickets: (accountId: string) => `${accountId}/tickets`,
  ticket: (r: TicketRef) => `${r.accountId}/tickets/${r.number}`,
  departments: (accountId: string) => `${accountId}/departments`,
  categories: (accountId: string) => `${accountId}/catalogue`,
  products: (accountId: string, categoryId: string) => `${accountId}/catalogue/${categoryId}`,
  productConfiguration: (accountId: string, productId: string) => `${accountId}/catalogue/product/${productId}`,
  tlds: (accountId: string) => `${accountId}/catalogue/tlds`,
  balance: (accountId: string) => `${accountId}/billing/balance`,
  paymentMethods: (accountId: string) => `${accountId}/billing/payment`,
  invoices: (accountId: string) => `${accountId}/billing/invoices`,
  invoice: (r: InvoiceRef) => `${r.accountId}/billing/invoices/${r.invoiceId}`,
  notifications: (accountId: string) => `${accountId}/notifications`,
  // Outside the account's subtree on purpose: refreshing a view does not ask every service again.
  serviceMethods: (r: ServiceRef) => `methods/${r.accountId}/${r.serviceId}`,
};
