import * as assert from 'node:assert/strict';
import { TicketSummary } from '../../src/api/resources/tickets';
import { DraftStore, draftPath } from '../../src/tickets/draftStore';
import { newStaffReplies, snapshot, unreadCount } from '../../src/tickets/ticketWatch';
import { ticketsView } from '../../src/views/viewSpecs';
import { collectAll } from './expandViews';
import { useMockPortal } from './helpers';
import { modelWithAccounts } from './modelHelpers';
import { MemoryState } from './memoryStore';

const summary = (n: string, read: boolean, lastreply = ''): TicketSummary => ({ ticket_number: n, subject: `S${n}`, status: 'Open', date: '2026-11-20 10:00:00', lastreply, deptname: 'Tech', client_read: read });

describe('Ticket drafts', () => {
  it('keep their text until deleted, and survive a new store over the same state (a reload)', async () => {
    const state = new MemoryState();
    const drafts = new DraftStore(state);
    const path = await drafts.ensure({ kind: 'reply', accountId: 'a1', number: '736633' });
    assert.equal(path, '/a1/ticket-736633/Reply to #736633.md');
    await drafts.write(path, 'half-written reply');
    assert.equal(await drafts.ensure({ kind: 'reply', accountId: 'a1', number: '736633' }), path);
    const reloaded = new DraftStore(state);
    assert.equal(reloaded.get(path)?.text, 'half-written reply', 'ensure() never wipes an existing draft');
    assert.equal(reloaded.forTicket('a1', '736633')?.text, 'half-written reply');
    await reloaded.delete(path);
    assert.equal(new DraftStore(state).get(path), undefined);
  });

  it('a new-ticket draft carries its department and subject', async () => {
    const drafts = new DraftStore(new MemoryState());
    const target = { kind: 'new' as const, accountId: 'a1', id: 'x1', deptId: '2', subject: 'Invoice' };
    const path = await drafts.ensure(target, 'Service: Production (service #301)\n\n');
    assert.equal(path, draftPath(target));
    assert.deepEqual(drafts.get(path)?.target, target);
    assert.match(drafts.get(path)!.text, /service #301/);
  });

  it('refuses to write a draft that was never created', async () => {
    await assert.rejects(new DraftStore(new MemoryState()).write('/x/y.md', 'text'));
  });
});

describe('Noticing staff replies from the list alone', () => {
  it('sets a baseline first, then reports tickets that became unread or got a newer reply', () => {
    const first = [summary('1', true), summary('2', false, '2026-11-20 10:00:00'), summary('3', true)];
    assert.deepEqual(newStaffReplies(undefined, first), []);
    const seen = snapshot(first);
    const next = [summary('1', false), summary('2', false, '2026-11-21 09:00:00'), summary('3', true), summary('4', false)];
    assert.deepEqual(newStaffReplies(seen, next).map((t) => t.ticket_number), ['1', '2', '4']);
    assert.deepEqual(newStaffReplies(snapshot(next), next), [], 'nothing twice');
    assert.equal(unreadCount(next), 3);
  });
});

describe('Tickets view (loading logic)', () => {
  const ctx = useMockPortal();

  it('groups by status in a sensible order, newest first, with one request per account', async () => {
    const { model, registry } = await modelWithAccounts(ctx.portal);
    const nodes = await collectAll(registry, model, ticketsView);
    const groups = nodes.filter((n) => n.kind === 'ticketGroup' && n.accountId === registry.list()[0].record.id).map((n) => (n.kind === 'ticketGroup' ? `${n.status}:${n.count}` : ''));
    assert.deepEqual(groups, ['Open:1', 'Customer-Reply:1', 'Answered:1', 'Closed:1']);
    assert.equal(ctx.portal.requests.length, 2, 'one /tickets per account');
    await registry.dispose();
  });
});

describe('Reading a ticket', () => {
  const ctx = useMockPortal();

  it('reloads the list when the answer shows an unread ticket was read, and only then', async () => {
    const { model, registry, ids } = await modelWithAccounts(ctx.portal);
    const tickets = await model.tickets.list(ids.elsecloud);
    const unread = tickets.find((t) => !t.client_read)!;
    const read = tickets.find((t) => t.client_read)!;
    const invalidated: string[] = [];
    model.cache.onDidInvalidate((key) => invalidated.push(key));
    await model.tickets.thread({ accountId: ids.elsecloud, number: read.ticket_number }, true);
    assert.deepEqual(invalidated, [], 'a ticket already read changes nothing in the list');
    await model.tickets.thread({ accountId: ids.elsecloud, number: unread.ticket_number }, true);
    assert.equal(invalidated.length, 1, 'the list is reloaded once, when the thread has arrived');
    const after = await model.tickets.list(ids.elsecloud);
    assert.equal(after.find((t) => t.ticket_number === unread.ticket_number)?.client_read, true);
    await registry.dispose();
  });
});
