import * as v from 'valibot';
import { Download, PortalClient, RequestOptions } from '../client';
import { Ack, firstText, Flag, Id, list, tolerantList, pickList, seg, Text } from '../schema';

export const TicketSummary = v.looseObject({
  ticket_number: Id,
  subject: Text,
  status: Text,
  date: v.optional(Text, ''),
  lastreply: v.optional(Text, ''),
  deptname: v.optional(Text, ''),
  client_read: v.optional(Flag, true),
});
export type TicketSummary = v.InferOutput<typeof TicketSummary>;

export const Attachment = v.pipe(
  v.union([v.string(), v.looseObject({})]),
  v.transform((x) => {
    if (typeof x === 'string') {
      return { file: x, name: x };
    }
    const record = x as Record<string, unknown>;
    const file = firstText(record, ['file', 'id', 'filename', 'name']);
    return { file, name: firstText(record, ['name', 'filename', 'original_name', 'file']) || file };
  }),
);
export type Attachment = v.InferOutput<typeof Attachment>;

export const TicketReply = v.pipe(
  v.looseObject({
    id: v.optional(Id, ''),
    name: v.optional(Text, ''),
    date: v.optional(Text, ''),
    body: Text,
    status: v.optional(Text, ''),
    type: v.optional(Text, ''),
    attachments: v.optional(list(Attachment), []),
  }),
  v.transform((reply) => ({ ...reply, fromStaff: /^(admin|staff|operator)$/i.test(reply.type) })),
);
export type TicketReply = v.InferOutput<typeof TicketReply>;

export const Ticket = v.looseObject({
  ticket_number: Id,
  subject: Text,
  status: Text,
  date: v.optional(Text, ''),
  name: v.optional(Text, ''),
  email: v.optional(Text, ''),
  body: v.optional(Text, ''),
  deptname: v.optional(Text, ''),
  client_read: v.optional(Flag, true),
  attachments: v.optional(list(Attachment), []),
});
export type Ticket = v.InferOutput<typeof Ticket>;

const TicketThread = v.looseObject({ ticket: Ticket, replies: v.optional(list(TicketReply), []) });
export type TicketThread = v.InferOutput<typeof TicketThread>;

export const Department = v.pipe(
  v.looseObject({}),
  v.transform((record: Record<string, unknown>) => ({
    id: firstText(record, ['id', 'dept_id', 'deptid']),
    name: firstText(record, ['name', 'title', 'deptname']),
    description: firstText(record, ['description']),
  })),
);
export type Department = v.InferOutput<typeof Department>;

const DepartmentList = v.pipe(
  v.unknown(),
  v.transform((body) => pickList(body, ['departments', 'depts', 'list'])),
  list(Department, (id, name) => ({ id, name })),
  v.transform((list) => list.filter((d) => d.id !== '')),
);

const Created = v.looseObject({ ticket: Id });

export interface NewTicket {
  dept_id: string;
  subject: string;
  body: string;
}

/** Support tickets: list, thread, new ticket, reply, close and reopen, attachments. */
export class TicketsApi {
  constructor(private readonly client: PortalClient) {}

  async list(options?: RequestOptions): Promise<TicketSummary[]> {
    return (await this.client.get('tickets', v.looseObject({ tickets: v.optional(tolerantList(TicketSummary), []) }), options)).tickets;
  }

  thread(number: string, options?: RequestOptions): Promise<TicketThread> {
    return this.client.get(`tickets/${seg(number)}`, TicketThread, options);
  }

  /** Opens a ticket; resolves to its number. Sent once, never repeated automatically. */
  async create(ticket: NewTicket, options?: RequestOptions): Promise<string> {
    const body = await this.client.post('tickets', Created, { ...ticket, dept_id: Number(ticket.dept_id) }, options);
    return body.ticket;
  }

  reply(number: string, body: string, options?: RequestOptions): Promise<Ack> {
    return this.client.post(`tickets/${seg(number)}`, Ack, { body }, options);
  }

  reopen(number: string, options?: RequestOptions): Promise<Ack> {
    return this.client.put(`tickets/${seg(number)}/open`, Ack, {}, options);
  }

  close(number: string, options?: RequestOptions): Promise<Ack> {
    return this.client.put(`tickets/${seg(number)}/close`, Ack, {}, options);
  }

  departments(options?: RequestOptions): Promise<Department[]> {
    return this.client.get('ticket/departments', DepartmentList, options);
  }

  attachment(file: string, options?: RequestOptions): Promise<Download> {
    return this.client.download(`ticket/attachment/${seg(file)}`, options);
  }
}
