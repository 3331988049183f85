import * as assert from 'node:assert/strict';
import { Poller } from '../../src/util/poller';

/** The one poller behind ticket replies and portal notifications. */
describe('Poller', () => {
  it('runs one look at a time: a second ask while one runs shares it', async () => {
    let runs = 0;
    let finish!: () => void;
    const poller = new Poller(() => {
      runs++;
      return new Promise<void>((resolve) => (finish = resolve));
    }, () => 1);
    const first = poller.now();
    const second = poller.now();
    assert.equal(first, second);
    finish();
    await first;
    assert.equal(runs, 1);
    await Promise.all([poller.now(), (finish(), undefined)]);
    assert.equal(runs, 2, 'after a run ends, the next ask runs again');
    poller.dispose();
  });

  it('a planned run happens, then the next is planned; off (0 minutes) and disposed plan nothing', async () => {
    let minutes = 1;
    let ran!: () => void;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const poller = new Poller(async () => ran(), () => minutes);
    poller.schedule(0);
    assert.ok(poller.scheduled);
    await done;
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(poller.scheduled, 'the next run is planned after the period');
    minutes = 0;
    poller.schedule();
    assert.ok(!poller.scheduled, 'polling off: nothing planned');
    minutes = 1;
    poller.dispose();
    poller.schedule(0);
    assert.ok(!poller.scheduled, 'disposed: nothing planned, ever');
  });
});
