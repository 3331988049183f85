import * as v from 'valibot';
import { PortalClient, RequestOptions } from '../client';
import { Ack, Flag, Id, list, pickList, seg, Text, firstText, listWithKeys } from '../schema';

export const ClientDetails = v.looseObject({
  id: Id,
  email: Text,
  firstname: Text,
  lastname: Text,
  companyname: Text,
});
export type ClientDetails = v.InferOutput<typeof ClientDetails>;

const DetailsResponse = v.looseObject({ client: ClientDetails });

/** A contact of the account (`GET /contact`): usable as a domain's registrant, admin, tech or billing contact. */
export const Contact = v.looseObject({
  id: Id,
  email: v.optional(Text, ''),
  firstname: v.optional(Text, ''),
  lastname: v.optional(Text, ''),
  companyname: v.optional(Text, ''),
});
export type Contact = v.InferOutput<typeof Contact>;

/** A status message (`GET /statuses`): the references give no example, so any shape with an id. */
export const StatusMessage = v.pipe(
  v.looseObject({}),
  v.transform((r: Record<string, unknown>) => ({
    id: firstText(r, ['id']),
    title: firstText(r, ['name', 'title', 'subject']),
    status: firstText(r, ['status', 'state']),
    date: firstText(r, ['date', 'created', 'date_created', 'start']),
    message: firstText(r, ['message', 'description', 'content']),
  })),
);
export type StatusMessage = v.InferOutput<typeof StatusMessage>;

const StatusList = v.pipe(
  v.unknown(),
  v.transform((body) => listWithKeys(body, ['statuses', 'status', 'list'])),
  v.array(StatusMessage),
  v.transform((list) => list.filter((s) => s.id !== '')),
);

export const Notification = v.looseObject({
  id: Id,
  subject: v.optional(Text, ''),
  message: v.optional(Text, ''),
  date: v.optional(Text, ''),
  rel_type: v.optional(Text, ''),
  rel_id: v.optional(Text, ''),
  read: v.optional(Flag, false),
});
export type Notification = v.InferOutput<typeof Notification>;

const NotificationList = v.pipe(
  v.unknown(),
  v.transform((body) => pickList(body, ['notifications', 'items', 'list'])),
  list(Notification),
);

export interface NotificationFilter {
  rel_type?: string;
  rel_id?: string;
}

/** The signed-in client: details, activity log, portal notifications. */
export class AccountApi {
  constructor(private readonly client: PortalClient) {}

  async details(options?: RequestOptions): Promise<ClientDetails> {
    return (await this.client.get('details', DetailsResponse, options)).client;
  }

  async updateDetails(changes: Record<string, string>, options?: RequestOptions): Promise<ClientDetails> {
    return (await this.client.put('details', DetailsResponse, changes, options)).client;
  }

  async contacts(options?: RequestOptions): Promise<Contact[]> {
    return (await this.client.get('contact', v.looseObject({ contacts: v.optional(list(Contact), []) }), options)).contacts;
  }

  notifications(filter: NotificationFilter = {}, options?: RequestOptions): Promise<Notification[]> {
    return this.client.get('notifications', NotificationList, { ...options, query: { ...filter } });
  }

  newNotifications(filter: NotificationFilter = {}, options?: RequestOptions): Promise<Notification[]> {
    return this.client.get('notifications/new', NotificationList, { ...options, query: { ...filter } });
  }

  acknowledgeNotification(id: string, options?: RequestOptions): Promise<Ack> {
    return this.client.put(`notifications/${seg(id)}/ack`, Ack, {}, options);
  }

  /** ALTERNcloud's status messages (maintenance, incidents): `GET /statuses`. */
  async statuses(options?: RequestOptions): Promise<StatusMessage[]> {
    this.client.require('statuses', 'status messages');
    return this.client.get('statuses', StatusList, options);
  }

  /** Marks a status message read: `PUT /statuses/@id`. */
  async markStatusRead(id: string, options?: RequestOptions): Promise<Ack> {
    this.client.require('statuses', 'status messages');
    return this.client.put(`statuses/${seg(id)}`, Ack, {}, options);
  }
}
