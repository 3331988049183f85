/** Runs `run` after `ms`; returns what cancels it (timers in the product, a hand-driven clock in tests). */
export type Schedule = (run: () => void, ms: number) => () => void;

const timers: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export interface BatchedRedrawOptions {
  /** Redraw once changes have paused this long. */
  quietMs: number;
  /** …but no later than this after the first change waiting. */
  maxWaitMs: number;
  now?: () => number;
  schedule?: Schedule;
}

/**
 * Rows that background work changed (a service found to have VMs, a domain's lock learned), redrawn
 * together: once the changes pause, and at least every `maxWaitMs` while they go on. VS Code holds a
 * tree's change events back for 200 ms after each one, restarting the wait with every new one, so a
 * stream of one-row events would hold back the user's own Refresh by that much.
 */
export class BatchedRedraws<T> {
  private readonly rows = new Set<T>();
  private cancel: (() => void) | undefined;
  private firstAt: number | undefined;

  constructor(
    private readonly redraw: (rows: T[]) => void,
    private readonly options: BatchedRedrawOptions,
  ) {}

  add(row: T): void {
    const now = (this.options.now ?? Date.now)();
    this.rows.add(row);
    this.firstAt ??= now;
    this.cancel?.();
    const wait = Math.max(0, Math.min(this.options.quietMs, this.firstAt + this.options.maxWaitMs - now));
    this.cancel = (this.options.schedule ?? timers)(() => this.flush(), wait);
  }

  /** Everything was redrawn (a Refresh): the rows waiting were in it. */
  clear(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.firstAt = undefined;
    this.rows.clear();
  }

  dispose(): void {
    this.clear();
  }

  private flush(): void {
    const rows = [...this.rows];
    this.clear();
    if (rows.length > 0) this.redraw(rows);
  }
}
