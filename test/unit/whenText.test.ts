import * as assert from 'node:assert/strict';
import { whenText } from '../../src/util/whenText';

describe('The moment on a last-known mark', () => {
  const now = new Date(2026, 11, 5, 14, 30).getTime();

  it('is the time of day, on a 24-hour clock, when it is today', () => {
    assert.equal(whenText(new Date(2026, 11, 5, 9, 3).getTime(), now), '09:03');
    assert.equal(whenText(new Date(2026, 11, 5, 0, 0).getTime(), now), '00:00');
    assert.equal(whenText(new Date(2026, 11, 5, 23, 59).getTime(), now), '23:59');
  });

  it('has the date in front on another day, also in another month or year', () => {
    assert.equal(whenText(new Date(2026, 11, 4, 18, 7).getTime(), now), '2026-12-04 18:07');
    assert.equal(whenText(new Date(2025, 11, 5, 14, 30).getTime(), now), '2025-12-05 14:30');
    assert.equal(whenText(new Date(2026, 0, 9, 8, 5).getTime(), now), '2026-01-09 08:05');
  });
});
