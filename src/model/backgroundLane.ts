/**
 * Work no user is waiting for (learning what each service offers), a few requests at a time per
 * account: the pool's other connections stay free, so a click is never queued behind it. Work is
 * started after the current turn of the event loop, never inside it: the tree rows whose building
 * asked for it are answered first.
 */
export class BackgroundLane {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  private drainScheduled = false;

  /** `limit`: how many may run at once per account, read each time the lane starts work (settings can change). */
  constructor(private readonly limit: () => number) {}

  run<T>(accountId: string, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running.set(accountId, (this.running.get(accountId) ?? 0) + 1);
        work()
          .then(resolve, reject)
          .finally(() => {
            this.running.set(accountId, (this.running.get(accountId) ?? 1) - 1);
            this.drain();
          });
      };
      const queue = this.waiting.get(accountId) ?? [];
      queue.push(start);
      this.waiting.set(accountId, queue);
      if (!this.drainScheduled) {
        this.drainScheduled = true;
        setImmediate(() => {
          this.drainScheduled = false;
          this.drain();
        });
      }
    });
  }

  /** How many are running or waiting for an account. */
  size(accountId: string): number {
    return (this.running.get(accountId) ?? 0) + (this.waiting.get(accountId)?.length ?? 0);
  }

  /** Starts waiting work on every account with room. */
  private drain(): void {
    const limit = Math.max(1, this.limit());
    for (const [accountId, queue] of this.waiting) {
      while (queue.length > 0 && (this.running.get(accountId) ?? 0) < limit) {
        queue.shift()!();
      }
      if (queue.length === 0) this.waiting.delete(accountId);
    }
  }
}
