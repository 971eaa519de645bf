// Debounced autosave: at most one save in flight, always the latest value, and a
// failed save is retried without losing what was typed. Framework-free.

export type SaveStatus = "saved" | "pending" | "saving" | "error";

export interface AutosaveOptions<R> {
  /** Wait this long after the last change before saving. */
  delayMs: number;
  /** …but while changes keep coming, never hold one longer than this. */
  maxWaitMs: number;
  /** After a failure, try again this long later (and on the next change). */
  retryMs: number;
  onStatus: (status: SaveStatus, error?: unknown) => void;
  onSaved: (result: R) => void;
}

export class Autosaver<T, R> {
  private pending: { value: T } | null = null;
  /** When the oldest unsaved change was made. */
  private pendingSince: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly save: (value: T) => Promise<R>,
    private readonly opts: AutosaveOptions<R>,
  ) {}

  /** Records a change; it is saved `delayMs` after the last one. */
  schedule(value: T): void {
    const now = Date.now();
    this.pending = { value };
    this.pendingSince ??= now;
    this.opts.onStatus("pending");
    const waited = now - this.pendingSince;
    this.arm(Math.max(0, Math.min(this.opts.delayMs, this.opts.maxWaitMs - waited)));
  }

  /** True while a change is not yet safely saved. */
  get dirty(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  /** Saves whatever is pending now and waits for it; false when it failed. */
  async flush(): Promise<boolean> {
    this.disarm();
    if (this.inFlight) await this.inFlight;
    if (this.pending && !this.inFlight) this.start();
    while (this.inFlight) await this.inFlight;
    return this.pending === null;
  }

  private arm(ms: number): void {
    this.disarm();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.inFlight) this.start();
    }, ms);
  }

  private disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private start(): void {
    const next = this.pending;
    if (!next) return;
    this.pending = null;
    this.pendingSince = null;
    this.opts.onStatus("saving");
    this.inFlight = this.save(next.value).then(
      (result) => {
        this.inFlight = null;
        this.opts.onSaved(result);
        if (this.pending) this.start();
        else this.opts.onStatus("saved");
      },
      (error: unknown) => {
        this.inFlight = null;
        // Keep the failed value unless the user has typed something newer.
        if (!this.pending) this.pending = next;
        this.pendingSince ??= Date.now();
        this.opts.onStatus("error", error);
        this.arm(this.opts.retryMs);
      },
    );
  }
}
