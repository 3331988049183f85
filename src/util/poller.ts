import { Disposable } from './emitter';

/**
 * Runs `work` every `minutes()` (at least every 30 s; never when it is 0 or less), one run at a time:
 * a run asked for while one is under way shares it. `schedule(delay)` moves the next run (a setting
 * changed, an account signed in); `dispose` stops it for good.
 */
export class Poller implements Disposable {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private disposed = false;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly minutes: () => number,
  ) {}

  /** Plans the next run after `firstDelayMs`, or after the period; nothing when polling is off. */
  schedule(firstDelayMs?: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const minutes = this.minutes();
    if (this.disposed || minutes <= 0) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.now().finally(() => this.schedule());
    }, firstDelayMs ?? Math.max(0.5, minutes) * 60_000);
  }

  /** Whether a run is planned. */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  /** One run now, or the one under way. */
  now(): Promise<void> {
    this.running ??= this.work().finally(() => (this.running = undefined));
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
