/**
 * Work no user is waiting for (learning what each service offers), a few requests at a time per
 * account: the pool's other connections stay free, so a click is never queued behind it.
 */
export class BackgroundLane {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit = 2) {}

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
      if ((this.running.get(accountId) ?? 0) < this.limit) {
        start();
      } else {
        this.waiting.set(accountId, [...(this.waiting.get(accountId) ?? []), start]);
      }
    });
  }

  /** How many are running or waiting for an account. */
  size(accountId: string): number {
    return (this.running.get(accountId) ?? 0) + (this.waiting.get(accountId)?.length ?? 0);
  }
}
