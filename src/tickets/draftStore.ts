import { KeyValueStore } from '../accounts/accountStore';
import * as l10n from '@vscode/l10n';

/** What a draft is for: a reply to a ticket, or a new ticket (department and subject chosen). */
export type DraftTarget =
  | { kind: 'reply'; accountId: string; number: string }
  | { kind: 'new'; accountId: string; id: string; deptId: string; subject: string };

export interface Draft {
  target: DraftTarget;
  text: string;
  updatedAt: number;
}

const KEY = 'cloudPortal.ticketDrafts';

/** The path of a draft's document (under the `cloudportal-draft:` scheme). */
export function draftPath(target: DraftTarget): string {
  return target.kind === 'reply'
    ? `/${target.accountId}/ticket-${target.number}/Reply to #${target.number}.md`
    : `/${target.accountId}/new-${target.id}/New ticket.md`;
}

/**
 * Ticket drafts, kept in global state until they are sent (a draft is the user's text, not a
 * secret). They outlive closed editors and window reloads; a failed send leaves them untouched.
 */
export class DraftStore {
  constructor(private readonly state: KeyValueStore) {}

  private all(): Record<string, Draft> {
    return { ...(this.state.get<Record<string, Draft>>(KEY) ?? {}) };
  }

  get(path: string): Draft | undefined {
    return this.all()[path];
  }

  /** Creates the draft if needed (keeping any text it already has) and returns its path. */
  async ensure(target: DraftTarget, initialText = ''): Promise<string> {
    const path = draftPath(target);
    const drafts = this.all();
    if (!drafts[path]) {
      drafts[path] = { target, text: initialText, updatedAt: Date.now() };
      await this.state.update(KEY, drafts);
    }
    return path;
  }

  async write(path: string, text: string): Promise<void> {
    const drafts = this.all();
    const existing = drafts[path];
    if (!existing) {
      throw new Error(l10n.t('No draft at {0}', path));
    }
    drafts[path] = { ...existing, text, updatedAt: Date.now() };
    await this.state.update(KEY, drafts);
  }

  async delete(path: string): Promise<void> {
    const drafts = this.all();
    delete drafts[path];
    await this.state.update(KEY, drafts);
  }

  /** Drafts for one ticket (the conversation shows that an unsent reply exists). */
  forTicket(accountId: string, number: string): Draft | undefined {
    return this.get(draftPath({ kind: 'reply', accountId, number }));
  }
}
