// Runs a job for the newest value as soon as it can: at most one job at a time,
// and values that arrive while one runs are coalesced into the newest, so the
// answer always catches up with the typing and never lags it by a queue.
// Framework-free.

export class Latest<T> {
  private next: { value: T } | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly job: (value: T) => Promise<void>) {}

  /** Runs the job for `value` now, or right after the one running. */
  push(value: T): void {
    this.next = { value };
    this.running ??= this.drain();
  }

  /** Resolves once every value pushed so far has been handled. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.next) {
      const { value } = this.next;
      this.next = null;
      try {
        await this.job(value);
      } catch {
        // The job reports its own failures; the next value still runs.
      }
    }
    this.running = null;
  }
}
