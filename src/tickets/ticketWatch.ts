import { TicketSummary } from '../api/resources/tickets';

export interface TicketSnapshot {
  read: boolean;
  status: string;
  lastreply: string;
}

/**
 * Compares the ticket list with the last one seen. A ticket has a new staff reply when it was
 * read and is unread now, when its last reply changed while it is unread, or when an unread
 * ticket appears. The first look only sets the baseline.
 */
export function newStaffReplies(previous: Map<string, TicketSnapshot> | undefined, current: readonly TicketSummary[]): TicketSummary[] {
  if (!previous) {
    return [];
  }
  return current.filter((t) => {
    if (t.client_read) {
      return false;
    }
    const before = previous.get(t.ticket_number);
    return !before || before.read || (t.lastreply !== '' && t.lastreply !== before.lastreply);
  });
}

export function snapshot(tickets: readonly TicketSummary[]): Map<string, TicketSnapshot> {
  return new Map(tickets.map((t) => [t.ticket_number, { read: t.client_read, status: t.status, lastreply: t.lastreply }]));
}

export function unreadCount(tickets: readonly TicketSummary[]): number {
  return tickets.filter((t) => !t.client_read).length;
}
