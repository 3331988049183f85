import * as assert from 'node:assert/strict';
import { attentionItems } from '../../src/model/attention';
import { UnsupportedError } from '../../src/api/errors';
import { rejects, signedIn, useMockPortal } from './helpers';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-04T12:00:00Z');
const date = (days: number) => new Date(NOW + days * DAY).toISOString().slice(0, 10);

describe('Needs Attention: what lapses or is owed soon', () => {
  const input = {
    accountId: 'a1',
    services: [
      { id: '1', name: 'Cloud VPS', domain: 'vps.example', label: '', status: 'Active', billingcycle: 'Monthly', next_due: date(5) },
      { id: '2', name: 'Dedicated', domain: 'd.example', label: '', status: 'Active', billingcycle: 'Annually', next_due: date(12) },
      { id: '3', name: 'Old plan', domain: '', label: '', status: 'Cancelled', billingcycle: 'Annually', next_due: date(3) },
    ],
    domains: [
      { id: '47', name: 'far.example', status: 'Active', expires: date(200), autorenew: true },
      { id: '48', name: 'soon.example', status: 'Active', expires: date(5), autorenew: false },
      { id: '49', name: 'auto.example', status: 'Active', expires: date(20), autorenew: true },
    ],
    certificates: [{ id: '300', domain: 'shop.example', name: 'SSL', status: 'Active', cert_status: 'Issued', cert_expires: `${date(10)} 13:43:12`, next_due: date(10) }],
    invoices: [
      { id: '9', number: '2026/9', status: 'Unpaid', duedate: date(-3), total: 8.46 },
      { id: '8', number: '2026/8', status: 'Paid', duedate: date(-30), total: 5 },
    ],
  } as never;

  it('lists domains, certificates, yearly services and unpaid invoices within the window, the pressing first', () => {
    const items = attentionItems(input, 30, NOW);
    assert.deepEqual(
      items.map((i) => [i.kind, i.title, i.daysLeft, i.urgent]),
      [
        ['invoice', 'Invoice 2026/9', -3, true],
        ['domain', 'soon.example', 5, true],
        ['certificate', 'shop.example', 10, false],
        ['service', 'd.example', 12, false],
        ['domain', 'auto.example', 20, false],
      ],
    );
    assert.equal(items[1].detail, 'expires in 5 days, autorenew off');
    assert.equal(items[0].detail, '8.46 overdue since 3 days ago');
    assert.ok(!items.some((i) => i.title === 'vps.example'), 'a monthly service is always due within a month: its invoice speaks for it');
  });

  it('a narrower window keeps out what is further away; keys name the item and its date', () => {
    const items = attentionItems(input, 7, NOW);
    assert.deepEqual(items.map((i) => i.title), ['Invoice 2026/9', 'soon.example']);
    assert.equal(items[1].key, `a1/domain/48/${date(5)}`);
  });

  describe('certificates and status messages against the mock portal', () => {
    const ctx = useMockPortal();
    it('lists ElseCloud’s certificates and downloads one as PEM; ALTERNcloud has none and sends nothing', async () => {
      const { api } = await signedIn(ctx.portal, 'elsecloud', 'basic');
      try {
        const [cert] = await api.certificates.list();
        assert.deepEqual([cert.id, cert.domain, cert.cert_status], ['300', 'shop.example.com', 'Issued']);
        assert.match(await api.certificates.download('300'), /^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----/);
      } finally {
        await api.close();
      }
      const altern = (await signedIn(ctx.portal, 'alterncloud', 'basic')).api;
      try {
        const before = ctx.portal.received({ provider: 'alterncloud' }).length;
        assert.ok((await rejects(altern.certificates.list())) instanceof UnsupportedError);
        assert.equal(ctx.portal.received({ provider: 'alterncloud' }).length, before);
      } finally {
        await altern.close();
      }
    });

    it('reads ALTERNcloud’s status messages and marks one read (one PUT); ElseCloud has none and sends nothing', async () => {
      const { api } = await signedIn(ctx.portal, 'alterncloud', 'basic');
      try {
        const statuses = await api.account.statuses();
        assert.deepEqual(statuses.map((s) => [s.id, s.title, s.status]), [['1', 'Network maintenance AMS1', 'scheduled'], ['2', 'Degraded storage FRA2', 'resolved']]);
        await api.account.markStatusRead('1');
        assert.equal(ctx.portal.received({ method: 'PUT', path: 'statuses/1' }).length, 1);
      } finally {
        await api.close();
      }
      const other = (await signedIn(ctx.portal, 'elsecloud', 'basic')).api;
      try {
        const before = ctx.portal.received({ provider: 'elsecloud' }).length;
        assert.ok((await rejects(other.account.statuses())) instanceof UnsupportedError);
        assert.equal(ctx.portal.received({ provider: 'elsecloud' }).length, before);
      } finally {
        await other.close();
      }
    });
  });
});
