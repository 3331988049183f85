/**
 * Work no user is waiting for (learning what each service offers), a few requests at a time per
 * account: the pool's other connections stay free, so a click is never queued behind it.
 */
export class BackgroundLane {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  /** `limit`: how many may run at once per account, read each time (settings can change). */
  constructor(private readonly limit: () => number) {}

  run<T>(accountId: string, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running.set(accountId, (this.running.get(accountId) ?? 0) + 1);
        work()
          .then(resolve, reject)
          .finally(() => {
            this.running.set(accountId, (this.running.get(accountId) ?? 1) - 1);
            this.waiting.get(accountId)?.shift()?.();
          });
      };
      if ((this.running.get(accountId) ?? 0) < Math.max(1, this.limit())) {
        start();
      } else {
        const queue = this.waiting.get(accountId) ?? [];
        queue.push(start);
        this.waiting.set(accountId, queue);
      }
    });
  }

  /** How many are running or waiting for an account. */
  size(accountId: string): number {
    return (this.running.get(accountId) ?? 0) + (this.waiting.get(accountId)?.length ?? 0);
  }
}
