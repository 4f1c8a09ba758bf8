/**
 * One timer for the whole engine, armed for the earliest persisted due time. After a restart
 * the engine re-arms it from the database, so in-progress work resumes where it was.
 */

/** setTimeout's longest delay (about 24.8 days); a later due time just re-arms on waking. */
const MAX_DELAY_MS = 2_147_483_647;

export class WakeTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(private readonly wake: () => void) {}

  arm(dueMs: number | undefined, now: number): void {
    this.clear();
    if (this.closed || dueMs === undefined) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, dueMs - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.wake();
    }, delay);
    // The emulator's server keeps the process alive; a pending simulation alone must not.
    this.timer.unref?.();
  }

  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  close(): void {
    this.closed = true;
    this.clear();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
