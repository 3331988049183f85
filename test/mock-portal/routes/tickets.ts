import { MockTicket, PortalState } from '../model';
import { notFound, PortalFailure, Reply, required, Router } from '../router';

function find(state: PortalState, number: string): MockTicket {
  const t = state.tickets.find((x) => x.number === number);
  if (!t) {
    throw notFound('Ticket');
  }
  return t;
}

function now(): string {
  return new Date().toISOString().slice(0, 19).replace('T', ' ');
}

function lastReply(t: MockTicket): string {
  return t.replies.length ? t.replies[t.replies.length - 1].date : t.date;
}

export function ticketRoutes(router: Router): void {
  router
    .add('GET', 'tickets', ({ state, provider }) => ({
      tickets: state.tickets.map((t) => ({
        client_read: t.client_read ? '1' : '0',
        ticket_number: t.number,
        date: t.date,
        deptname: state.departments.find((d) => d.id === t.dept_id)?.name ?? '',
        subject: t.subject,
        status: t.status,
        ...(provider === 'alterncloud' ? { lastreply: lastReply(t) } : {}),
      })),
    }))
    .add('GET', 'tickets/@number', ({ state, params }) => {
      const t = find(state, params.number);
      t.client_read = true;
      return {
        ticket: {
          date: t.date,
          ticket_number: t.number,
          name: `${state.client.firstname} ${state.client.lastname}`,
          email: state.client.email,
          subject: t.subject,
          body: t.body,
          status: t.status,
          client_read: '1',
          deptname: state.departments.find((d) => d.id === t.dept_id)?.name ?? '',
          attachments: t.attachments,
        },
        replies: t.replies.map((r) => ({ id: r.id, name: r.name, date: r.date, body: r.body, status: 'Sent', type: r.type, attachments: r.attachments })),
      };
    })
    .add('GET', 'ticket/attachment/@file', ({ state, params }) => {
      const file = state.attachments[params.file];
      if (!file) {
        throw notFound('Attachment');
      }
      return new Reply(200, Buffer.from(file.content), {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.name}"`,
      });
    })
    .add('POST', 'tickets', ({ state, body }) => {
      const dept = String(body.dept_id ?? '');
      if (!state.departments.some((d) => d.id === dept)) {
        throw new PortalFailure(200, ['Invalid department']);
      }
      const subject = required(body, 'subject');
      const message = required(body, 'body');
      const number = String(865650 + state.tickets.length);
      state.tickets.unshift({ number, subject, status: 'Open', date: now(), dept_id: dept, client_read: true, body: message, attachments: [], replies: [] });
      return { ticket: Number(number) };
    })
    .add('POST', 'tickets/@number', ({ state, params, body }) => {
      const t = find(state, params.number);
      const message = required(body, 'body');
      t.replies.push({ id: String(state.nextId++), name: `${state.client.firstname} ${state.client.lastname}`, date: now(), body: message, type: 'Client', attachments: [] });
      t.status = 'Customer-Reply';
      return { info: ['reply_added'] };
    })
    .add('PUT', 'tickets/@number/open', ({ state, params }) => {
      const t = find(state, params.number);
      if (t.status !== 'Closed') {
        throw new PortalFailure(200, ['Ticket is not closed']);
      }
      t.status = 'Open';
      return { status: true };
    })
    .add('PUT', 'tickets/@number/close', ({ state, params }) => {
      const t = find(state, params.number);
      t.status = 'Closed';
      return { status: true };
    })
    .add('GET', 'ticket/departments', ({ state }) => ({ departments: state.departments }));
}
