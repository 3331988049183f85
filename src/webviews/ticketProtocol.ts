/** Messages between the extension and the ticket conversation page (see protocol.ts for the rules). */

export interface TicketMessageView {
  author: string;
  fromStaff: boolean;
  /** As the portal sent it (`2026-11-19 10:02:00`); the page shows it relative and absolute. */
  date: string;
  /** Plain text; the page shows it as text, never as HTML. */
  body: string;
  attachments: { file: string; name: string }[];
}

export interface TicketView {
  number: string;
  subject: string;
  status: string;
  department: string;
  account: string;
  closed: boolean;
  messages: TicketMessageView[];
  /** An unsent reply is waiting in a draft. */
  hasDraft: boolean;
}

export interface TicketTarget {
  accountId: string;
  number: string;
}

export type ExtensionToTicketPage =
  | { type: 'show'; view: TicketView; target: TicketTarget }
  | { type: 'failed'; message: string }
  | { type: 'busy'; what: string | undefined };

export type TicketPageToExtension =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'reply' }
  | { type: 'setOpen'; open: boolean }
  | { type: 'attachment'; file: string; name: string };

export function isTicketTarget(value: unknown): value is TicketTarget {
  const t = value as Record<string, unknown> | null;
  return !!t && typeof t === 'object' && typeof t.accountId === 'string' && typeof t.number === 'string' && /^[\w-]{1,40}$/.test(t.number);
}

export function isTicketPageMessage(value: unknown): value is TicketPageToExtension {
  const m = value as Record<string, unknown> | null;
  if (!m || typeof m !== 'object') {
    return false;
  }
  switch (m.type) {
    case 'ready':
    case 'refresh':
    case 'reply':
      return true;
    case 'setOpen':
      return typeof m.open === 'boolean';
    case 'attachment':
      return typeof m.file === 'string' && typeof m.name === 'string' && m.file.length < 300;
    default:
      return false;
  }
}
