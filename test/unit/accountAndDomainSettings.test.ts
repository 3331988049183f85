import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PortalError, UnsupportedError } from '../../src/api/errors';
import { PortalApi } from '../../src/api/portalApi';
import { csrCommonName, generateCsr, isCertificateName } from '../../src/certificates/csr';
import { changedFields, formProblems } from '../../src/webviews/formView';
import { FormView } from '../../src/webviews/formProtocol';
import { rejects, signedIn, useMockPortal } from './helpers';
import { DomainSettingsApi } from '../../src/api/resources/domainSettings';
import { AccountSettingsApi } from '../../src/api/resources/accountSettings';

const settings = (api: PortalApi) => new DomainSettingsApi(api.client);
const accountSettings = (api: PortalApi) => new AccountSettingsApi(api.client);

/** Whether `openssl` is on this machine (CI installs it with OpenSSH; a bare machine may lack it). */
function haveOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('Certificates, the rest of domain management, and the account (over HTTP)', () => {
  const ctx = useMockPortal();

  describe('ElseCloud', () => {
    let api: PortalApi;
    beforeEach(async () => {
      api = (await signedIn(ctx.portal, 'elsecloud', 'basic')).api;
    });
    afterEach(() => api.close());

    it('certificates: list, details, PEM, products, server software, and an order with a CSR made here', async () => {
      const [cert] = await api.certificates.list();
      assert.equal(cert.domain, 'shop.example.com');
      const details = await api.certificates.details(cert.id);
      assert.equal(details.cert_email, 'admin@shop.example.com');
      assert.match(await api.certificates.download(cert.id), /^-----BEGIN CERTIFICATE-----/);
      const [product] = await api.certificates.products();
      assert.deepEqual(product.periods.map((p) => [p.years, p.price]), [[1, 27.85], [2, 49.9]]);
      const software = await api.certificates.software(product.id);
      assert.ok(software.some((s) => s.name === 'nginx'));
      const made = await generateCsr({ commonName: 'api.example.net', keyType: 'ecdsaP256' });
      const placed = await api.certificates.order({ product_id: product.id, csr: made.csrPem, years: 2, pay_method: '10', approver_email: 'admin@example.net', software: '2' });
      assert.equal(placed.total, 49.9);
      const [sent] = ctx.portal.received({ method: 'POST', path: 'certificate/order' });
      assert.equal((sent.body as { csr: string }).csr, made.csrPem, 'the CSR is sent as made');
      assert.ok(!JSON.stringify(ctx.portal.received()).includes(made.privateKeyPem.split('\n')[1]), 'the private key never reaches the portal');
      assert.ok((await api.certificates.list()).some((c) => c.domain === 'api.example.net' && c.status === 'Pending'));
      const refused = await rejects(api.certificates.order({ product_id: product.id, csr: 'not a csr', years: 1, pay_method: '10', approver_email: 'admin@example.net', software: '2' }));
      assert.ok(refused instanceof PortalError && /Invalid CSR/.test(refused.message));
    });

    it('domain contacts: read by role; an update sends only the changed field', async () => {
      const contacts = await settings(api).contacts('47');
      assert.deepEqual(Object.keys(contacts), ['registrant', 'admin', 'tech', 'billing']);
      assert.equal(contacts.admin.email, 'demo@elsecloud.test');
      await settings(api).updateContacts('47', { admin: { email: 'hostmaster@example.com' } });
      const [put] = ctx.portal.received({ method: 'PUT', path: 'domain/47/contact' });
      assert.deepEqual(put.body, { admin: { email: 'hostmaster@example.com' } });
      const after = await settings(api).contacts('47');
      assert.equal(after.admin.email, 'hostmaster@example.com');
      assert.equal(after.tech.email, 'demo@elsecloud.test', 'the other roles are untouched');
      const refused = await rejects(settings(api).updateContacts('47', { admin: { email: 'not-an-address' } }));
      assert.ok(refused instanceof PortalError && /Invalid email/.test(refused.message));
    });

    it('e-mail and URL forwarding, glue records', async () => {
      assert.deepEqual(await settings(api).emailForwarding('47'), [{ source: 'info', destination: 'joe.doe@example-mail.net' }]);
      await settings(api).setEmailForwarding('47', [{ source: 'sales', destination: 'team@example-mail.net' }]);
      assert.deepEqual(await settings(api).emailForwarding('47'), [{ source: 'sales', destination: 'team@example-mail.net' }]);
      await settings(api).setUrlForwarding('47', 'https://www.example.org/', '301');
      assert.deepEqual(ctx.portal.state('elsecloud').domains.find((d) => d.id === '47')!.forwarding, { url: 'https://www.example.org/', type: '301' });
      assert.ok((await rejects(settings(api).setUrlForwarding('47', 'ftp://x', '301'))) instanceof PortalError);
      const name = ctx.portal.state('elsecloud').domains.find((d) => d.id === '47')!.name;
      await settings(api).registerNameserver('47', `ns1.${name}`, '203.0.113.53');
      assert.equal(ctx.portal.state('elsecloud').domains.find((d) => d.id === '47')!.glue[`ns1.${name}`], '203.0.113.53');
      const refused = await rejects(settings(api).registerNameserver('47', 'ns1.elsewhere.net', '203.0.113.53'));
      assert.ok(refused instanceof PortalError && /must be a host under/.test(refused.message));
    });

    it('DNSSEC: flags, keys, add, delete', async () => {
      assert.deepEqual(await settings(api).dnssecFlags('47'), [{ value: '256', name: 'ZSK' }, { value: '257', name: 'KSK' }]);
      const [existing] = await settings(api).dnssecKeys('47');
      assert.equal(existing.flags, '257');
      const publicKey = Buffer.alloc(64, 7).toString('base64');
      await settings(api).addDnssecKey('47', { flags: '256', protocol: '3', algorithm: '13', publicKey });
      const [put] = ctx.portal.received({ method: 'PUT', path: 'domain/47/dnssec' });
      assert.deepEqual(put.body, { flags: '256', protocol: '3', alg: '13', pubkey: publicKey });
      const keys = await settings(api).dnssecKeys('47');
      assert.equal(keys.length, 2);
      await settings(api).deleteDnssecKey('47', existing.id);
      assert.deepEqual((await settings(api).dnssecKeys('47')).map((k) => k.flags), ['256']);
      assert.ok((await rejects(settings(api).addDnssecKey('47', { flags: '1', protocol: '3', algorithm: '13', publicKey }))) instanceof PortalError);
    });

    it('domain: ID protection, sync, lookup by name', async () => {
      await api.domains.setIdProtection('47', true);
      assert.equal((await api.domains.details('47')).idprotection, true);
      assert.equal((await api.domains.sync('47')).status, 'Active');
      const name = ctx.portal.state('elsecloud').domains.find((d) => d.id === '47')!.name;
      assert.equal((await api.domains.byName(name))[0].id, '47');
    });

    it('account: profile (only changed fields sent), activity log newest first, contacts with privileges', async () => {
      await api.account.updateDetails({ city: 'Petaluma' });
      const [put] = ctx.portal.received({ method: 'PUT', path: 'details' });
      assert.deepEqual(put.body, { city: 'Petaluma' });
      assert.equal((await api.account.details()).city, 'Petaluma');
      const log = await accountSettings(api).activityLog();
      assert.ok(log.length >= 2 && log.every((e) => e.description));
      assert.ok(log.every((e, i) => i === 0 || Date.parse(log[i - 1].date.replace(' ', 'T')) >= Date.parse(e.date.replace(' ', 'T'))), 'newest first');
      const privileges = await accountSettings(api).contactPrivileges();
      assert.ok(privileges.billing.includes('invoices'));
      const [mary] = await api.account.contacts();
      assert.deepEqual((await accountSettings(api).contact(mary.id)).privileges, { support: ['tickets', 'newticket'] });
      await accountSettings(api).updateContact(mary.id, { privileges: { billing: ['invoices'] } });
      assert.deepEqual((await accountSettings(api).contact(mary.id)).privileges, { billing: ['invoices'] });
      await accountSettings(api).addContact({ email: 'ops@example.com', firstname: 'Op', lastname: 'Erator', privileges: { support: ['tickets'] } });
      assert.ok((await api.account.contacts()).some((c) => c.email === 'ops@example.com'));
      assert.ok((await rejects(accountSettings(api).updateContact(mary.id, { privileges: { billing: ['launch-rockets'] } }))) instanceof PortalError);
    });
  });

  describe('Affiliate programme', () => {
    it('ElseCloud: summary, commissions, payouts, vouchers; ALTERNcloud: the portal says there is none', async () => {
      const elseApi = (await signedIn(ctx.portal, 'elsecloud', 'basic')).api;
      const altApi = (await signedIn(ctx.portal, 'alterncloud', 'jwt')).api;
      try {
        const report = (await accountSettings(elseApi).affiliate())!;
        assert.equal(report.summary.balance, '42.50');
        assert.deepEqual(report.commissions.map((c) => c.status), ['Approved', 'Pending']);
        assert.equal(report.payouts[0].method, 'PayPal');
        assert.equal(report.vouchers[0].code, 'FRIEND10');
        assert.equal(await accountSettings(altApi).affiliate(), undefined);
        assert.equal(ctx.portal.received({ provider: 'alterncloud', path: /affiliates\/(commissions|payouts|vouchers)/ }).length, 0, 'no programme: the lists are not asked');
        // A network failure is not "no programme": it is said as a failure.
        ctx.portal.fault({ kind: 'status', status: 503, path: '^affiliates/summary$' });
        assert.ok(!((await rejects(accountSettings(elseApi).affiliate())) instanceof UnsupportedError));
      } finally {
        await elseApi.close();
        await altApi.close();
      }
    });
  });

  describe('ALTERNcloud', () => {
    it('has no certificates or domain settings: refused before anything is sent', async () => {
      const { api } = await signedIn(ctx.portal, 'alterncloud', 'jwt');
      try {
        for (const call of [
          () => api.certificates.list(),
          () => api.certificates.products(),
          () => api.certificates.order({ product_id: '25', csr: '', years: 1, pay_method: '1', approver_email: 'a@b.c', software: '1' }),
          () => settings(api).contacts('1'),
          () => settings(api).dnssecKeys('1'),
          () => settings(api).setEmailForwarding('1', []),
          () => settings(api).registerNameserver('1', 'ns1.example.net', '203.0.113.1'),
          () => api.domains.setIdProtection('1', true),
          () => api.domains.sync('1'),
        ]) {
          const error = await rejects(call());
          assert.ok(error instanceof UnsupportedError, `got ${error}`);
        }
        assert.equal(ctx.portal.received({ path: /certificate|domain/ }).length, 0);
        // What it does have: status messages and the account's own areas.
        assert.ok((await api.account.statuses()).length > 0);
        await api.account.markStatusRead('1');
        assert.equal(ctx.portal.received({ method: 'PUT', path: 'statuses/1' }).length, 1);
      } finally {
        await api.close();
      }
    });
  });

  describe('A CSR made on this machine', () => {
    it('is a valid PKCS#10 request for the name (RSA and ECDSA), signed by the new key', async function () {
      this.timeout(20_000);
      const dir = mkdtempSync(join(tmpdir(), 'cp-csr-'));
      try {
        for (const keyType of ['rsa2048', 'ecdsaP256'] as const) {
          const made = await generateCsr({ commonName: 'shop.example.net', altNames: ['www.shop.example.net'], keyType });
          assert.equal(csrCommonName(made.csrPem), 'shop.example.net');
          assert.match(made.privateKeyPem, /^-----BEGIN PRIVATE KEY-----\n/);
          if (haveOpenssl()) {
            const file = join(dir, `${keyType}.csr`);
            writeFileSync(file, made.csrPem);
            const out = execFileSync('openssl', ['req', '-in', file, '-verify', '-noout', '-text'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
            assert.match(out, /Subject: CN ?= ?shop\.example\.net/);
            assert.match(out, /DNS:shop\.example\.net, DNS:www\.shop\.example\.net/);
            // The key pairs with the request: openssl derives the same public key from both.
            const keyFile = join(dir, `${keyType}.key`);
            writeFileSync(keyFile, made.privateKeyPem);
            const fromKey = execFileSync('openssl', ['pkey', '-in', keyFile, '-pubout'], { encoding: 'utf8' });
            const fromCsr = execFileSync('openssl', ['req', '-in', file, '-noout', '-pubkey'], { encoding: 'utf8' });
            assert.equal(fromCsr, fromKey);
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses names a certificate cannot be issued for, and reads no CN from what is not a CSR', async () => {
      assert.equal(isCertificateName('*.example.com'), true);
      assert.equal(isCertificateName('exa mple.com'), false);
      assert.equal(isCertificateName('localhost'), false);
      await assert.rejects(generateCsr({ commonName: 'not a host', keyType: 'ecdsaP256' }), /not a host name/);
      assert.equal(csrCommonName('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'), undefined);
      assert.equal(csrCommonName('-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----'), undefined);
    });
  });

  describe('Forms send only what changed, after the same checks as the page', () => {
    const view: FormView = {
      title: 'Contacts',
      subtitle: '',
      sections: [
        { key: 'admin', title: 'Admin', fields: [{ key: 'email', label: 'E-mail', value: 'a@example.com', type: 'email', required: true }, { key: 'city', label: 'City', value: 'Rome', type: 'text', required: false }] },
        { key: 'tech', title: 'Tech', fields: [{ key: 'email', label: 'E-mail', value: 'a@example.com', type: 'email', required: true }] },
      ],
    };

    it('keeps only values that differ (trimmed), for fields the form has', () => {
      assert.deepEqual(changedFields(view, { admin: { email: 'a@example.com', city: ' Milan ' }, tech: { email: 'a@example.com' }, other: { x: 'y' } }), { admin: { city: 'Milan' } });
      assert.deepEqual(changedFields(view, {}), {});
    });

    it('names the problem of each changed field', () => {
      assert.deepEqual(formProblems(view, { admin: { email: 'nope' }, tech: { email: '' } }), { 'admin.email': 'Enter an e-mail address', 'tech.email': 'E-mail is required' });
      assert.deepEqual(formProblems(view, { admin: { city: '' } }), {});
    });
  });
});
