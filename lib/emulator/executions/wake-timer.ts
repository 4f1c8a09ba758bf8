/**
 * One timer for the whole engine, armed for the earliest persisted due time. After a restart
 * the engine re-arms it from the database, so in-progress work resumes where it was.
 */
import type { Clock, TimerHandle } from "./clock";

/** setTimeout's longest delay (about 24.8 days); a later due time just re-arms on waking. */
const MAX_DELAY_MS = 2_147_483_647;

export class WakeTimer {
  private timer: TimerHandle | undefined;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly wake: () => void,
  ) {}

  arm(dueMs: number | undefined): void {
    this.clear();
    if (this.closed || dueMs === undefined) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, dueMs - this.clock.now()));
    this.timer = this.clock.setTimer(() => {
      this.timer = undefined;
      this.wake();
    }, delay);
  }

  clear(): void {
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
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
