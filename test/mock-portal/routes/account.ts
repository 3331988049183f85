import { MockAuth } from '../auth';
import { notFound, PortalFailure, Reply, Router } from '../router';

/** What a contact may be allowed (`GET /contact/privileges`), as the reference lists areas. */
const CONTACT_PRIVILEGES: Record<string, string[]> = {
  billing: ['emails', 'invoices', 'payments', 'orders'],
  support: ['emails', 'tickets', 'newticket'],
  misc: ['editmain', 'emails', 'editipaccess', 'manageprofiles'],
};

/** Keeps only privileges the portal knows; refuses others as a portal would. */
function privilegesFrom(raw: unknown): Record<string, string[]> {
  if (raw === undefined) return {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new PortalFailure(200, ['Invalid privileges']);
  const out: Record<string, string[]> = {};
  for (const [area, names] of Object.entries(raw as Record<string, unknown>)) {
    if (!CONTACT_PRIVILEGES[area] || !Array.isArray(names) || names.some((n) => !CONTACT_PRIVILEGES[area].includes(String(n)))) throw new PortalFailure(200, [`Unknown privilege in ${area}`]);
    out[area] = names.map(String);
  }
  return out;
}

export function accountRoutes(router: Router, auth: MockAuth): void {
  router
    .add('POST', 'login', ({ state, body }) => auth.login(state, body.username, body.password))
    .add('POST', 'token', ({ provider, body }) => auth.renew(provider, body.refresh_token))
    .add('POST', 'revoke', ({ provider, body, req }) => {
      const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      auth.revoke(provider, body.refresh_token, bearer);
      return { status: true };
    })
    .add('POST', 'logout', () => ({ status: true }))
    .add('GET', 'details', ({ state }) => ({ client: state.client }))
    .add('PUT', 'details', ({ state, body }) => {
      for (const [key, value] of Object.entries(body)) {
        if (key in state.client && typeof value === 'string') {
          state.client[key] = value;
        }
      }
      return { client: state.client, info: ['client_info_updated'] };
    })
    .add('GET', 'logs', ({ state }) => ({
      logs: [
        { id: '1', date: state.client.lastlogin, description: 'Login from 172.100.2.1' },
        { id: '2', date: state.client.lastlogin, description: 'Service label changed' },
      ],
    }))
    .add('GET', 'contact', ({ state }) => ({ contacts: state.contacts.map(({ privileges: _p, ...c }) => ({ ...c, company: '0', lastlogin: '0000-00-00 00:00:00' })) }))
    // ElseCloud's demo account is an affiliate; ALTERNcloud's is not (the portal says so with an error).
    .add('GET', 'affiliates/summary', ({ provider }) =>
      provider === 'elsecloud'
        ? { affiliate: { id: '7', balance: '42.50', total_commissions: '96.10', total_withdrawn: '53.60', visits: '1204', signups: '9', currency: 'USD' } }
        : new Reply(200, { error: ['You are not an affiliate'] }),
    )
    .add('GET', 'affiliates/commissions', ({ provider }) => (provider === 'elsecloud' ? { commissions: [{ id: '31', date: '2026-11-02', amount: '12.00', status: 'Approved', service: 'Cloud VPS S' }, { id: '32', date: '2026-11-20', amount: '4.50', status: 'Pending', service: 'DNS Hosting' }] } : new Reply(200, { error: ['You are not an affiliate'] })))
    .add('GET', 'affiliates/payouts', ({ provider }) => (provider === 'elsecloud' ? { payouts: [{ id: '5', date: '2026-10-01', amount: '53.60', method: 'PayPal' }] } : new Reply(200, { error: ['You are not an affiliate'] })))
    .add('GET', 'affiliates/vouchers', ({ provider }) => (provider === 'elsecloud' ? { vouchers: [{ code: 'FRIEND10', discount: '10%', uses: '3' }] } : new Reply(200, { error: ['You are not an affiliate'] })))
    .add('GET', 'contact/privileges', () => ({ privileges: CONTACT_PRIVILEGES }))
    .add('GET', 'contact/@id', ({ state, params }) => {
      const c = state.contacts.find((x) => x.id === params.id);
      if (!c) throw notFound('Contact');
      return { contact: { ...c, privileges: c.privileges ?? {} } };
    })
    .add('POST', 'contact', ({ state, body }) => {
      const email = String(body.email ?? '');
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new PortalFailure(200, ['Invalid email address']);
      if (state.contacts.some((c) => c.email === email)) throw new PortalFailure(200, ['A contact with this email already exists']);
      const id = String(state.nextId++);
      state.contacts.push({ id, email, firstname: String(body.firstname ?? ''), lastname: String(body.lastname ?? ''), companyname: String(body.companyname ?? ''), privileges: privilegesFrom(body.privileges) });
      return { contact_id: id, info: ['profile_added'] };
    })
    .add('PUT', 'contact/@id', ({ state, params, body }) => {
      const c = state.contacts.find((x) => x.id === params.id);
      if (!c) throw notFound('Contact');
      for (const key of ['email', 'firstname', 'lastname', 'companyname'] as const) if (typeof body[key] === 'string') c[key] = body[key] as string;
      if (body.privileges !== undefined) c.privileges = privilegesFrom(body.privileges);
      return { info: ['profile_updated'] };
    })
    .add('GET', 'notifications', ({ state, query }) => ({
      notifications: state.notifications
        .filter((n) => (!query.get('rel_type') || n.rel_type === query.get('rel_type')) && (!query.get('rel_id') || n.rel_id === query.get('rel_id')))
        .map(({ acknowledged, ...n }) => ({ ...n, read: acknowledged ? '1' : '0' })),
    }))
    .add('GET', 'notifications/new', ({ state }) => ({
      notifications: state.notifications.filter((n) => !n.acknowledged).map(({ acknowledged: _acknowledged, ...n }) => ({ ...n, read: '0' })),
    }))
    .add('PUT', 'notifications/@id/ack', ({ state, params }) => {
      const n = state.notifications.find((x) => x.id === params.id);
      if (!n) {
        throw notFound('Notification');
      }
      n.acknowledged = true;
      return { info: ['notification_acknowledged'] };
    })
    .add(
      'GET',
      'statuses',
      ({ query }) => ({
        statuses: [
          { id: '1', name: 'Network maintenance AMS1', status: 'scheduled', date: '2026-11-28 02:00:00' },
          { id: '2', name: 'Degraded storage FRA2', status: 'resolved', date: '2026-11-12 09:30:00' },
        ].filter((s) => !query.get('status') || s.status === query.get('status')),
      }),
      ['alterncloud'],
    )
    .add('PUT', 'statuses/@id', ({ params }) => new Reply(200, { info: [`status_${params.id}_updated`] }), ['alterncloud']);
}
