import { Department, NewTicket, TicketSummary, TicketThread } from '../api/resources/tickets';
import { keys, TicketRef } from './cacheKeys';
import { ModelArea } from './modelArea';

/** Support tickets and their conversations. */
export class TicketsModel extends ModelArea {
  list(accountId: string): Promise<TicketSummary[]> {
    return this.read(keys.tickets(accountId), accountId, (api) => api.tickets.list());
  }

  /** A ticket's thread. Always asked fresh when `force` (opening a conversation shows the latest). */
  thread(ref: TicketRef, force = false): Promise<TicketThread> {
    return this.read(keys.ticket(ref), ref.accountId, async (api) => {
      const thread = await api.tickets.thread(ref.number);
      // Reading the thread marks it read on the portal: a list that still shows it unread is
      // reloaded now, when the answer is in (not on a timer that could redraw under a click).
      const listed = this.cache.peek<TicketSummary[]>(keys.tickets(ref.accountId))?.find((t) => t.ticket_number === ref.number);
      if (listed && !listed.client_read) {
        this.cache.invalidate(keys.tickets(ref.accountId));
      }
      return thread;
    }, force);
  }

  departments(accountId: string): Promise<Department[]> {
    return this.read(keys.departments(accountId), accountId, (api) => api.tickets.departments());
  }

  /** Sends a reply once (never repeated automatically); then reloads that ticket and the list. */
  async reply(ref: TicketRef, body: string): Promise<void> {
    await (await this.api(ref.accountId)).tickets.reply(ref.number, body);
    this.cache.invalidate(keys.ticket(ref));
    this.cache.invalidate(keys.tickets(ref.accountId));
  }

  async open(accountId: string, ticket: NewTicket): Promise<string> {
    const number = await (await this.api(accountId)).tickets.create(ticket);
    this.cache.invalidate(keys.tickets(accountId));
    return number;
  }

  async setOpen(ref: TicketRef, open: boolean): Promise<void> {
    const api = await this.api(ref.accountId);
    await (open ? api.tickets.reopen(ref.number) : api.tickets.close(ref.number));
    this.cache.invalidate(keys.ticket(ref));
    this.cache.invalidate(keys.tickets(ref.accountId));
  }
}
