import * as assert from 'node:assert/strict';
import { BatchedRedraws, Schedule } from '../../src/views/batchedRedraws';

/** A clock moved by hand: what is due runs when the test moves time past it. */
function handClock() {
  let now = 0;
  let pending: { at: number; run: () => void } | undefined;
  const schedule: Schedule = (run, ms) => {
    const entry = { at: now + ms, run };
    pending = entry;
    return () => {
      if (pending === entry) pending = undefined;
    };
  };
  return {
    now: () => now,
    schedule,
    advance(ms: number) {
      const until = now + ms;
      while (pending && pending.at <= until) {
        const due = pending;
        pending = undefined;
        now = due.at;
        due.run();
      }
      now = until;
    },
  };
}

describe('Rows changed by background work are redrawn together', () => {
  it('a stream of changes, one every 50 ms for 5 s, makes one tree event every 2 s and one at the end, not 100', () => {
    const clock = handClock();
    const events: string[][] = [];
    const redraws = new BatchedRedraws<string>((rows) => events.push(rows), { quietMs: 500, maxWaitMs: 2_000, now: clock.now, schedule: clock.schedule });
    for (let i = 0; i < 100; i++) {
      redraws.add(`row ${i}`);
      clock.advance(50);
    }
    clock.advance(500);
    assert.deepEqual(events.map((rows) => rows.length), [40, 40, 20]);
    assert.deepEqual(events.flat(), Array.from({ length: 100 }, (_, i) => `row ${i}`), 'every row redrawn once, in order');
  });

  it('a lone change is redrawn once the quiet time has passed; a Refresh in between takes it along', () => {
    const clock = handClock();
    const events: string[][] = [];
    const redraws = new BatchedRedraws<string>((rows) => events.push(rows), { quietMs: 500, maxWaitMs: 2_000, now: clock.now, schedule: clock.schedule });
    redraws.add('a');
    redraws.add('a');
    clock.advance(499);
    assert.deepEqual(events, []);
    clock.advance(1);
    assert.deepEqual(events, [['a']]);
    redraws.add('b');
    redraws.clear();
    clock.advance(5_000);
    assert.deepEqual(events, [['a']], 'the Refresh redrew everything: nothing more is sent');
  });
});
