/**
 * A clock that moves only when a test moves it, for the engine's `clock` seam: timers fire in
 * due order as time passes, so a test can say "an hour later" without waiting an hour.
 */
import type { Clock, TimerHandle } from "../clock";

interface Pending {
  readonly at: number;
  readonly callback: () => void;
}

export class ManualClock implements Clock {
  private time: number;
  private nextHandle = 1;
  private readonly timers = new Map<number, Pending>();

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + Math.max(0, delayMs), callback });
    return handle;
  }

  clearTimer(handle: TimerHandle): void {
    if (typeof handle === "number") this.timers.delete(handle);
  }

  /** Moves time forward by `ms`, firing on the way every timer that falls due, in due order. */
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.fireNext(end));
    this.time = end;
  }

  /**
   * Moves time to the earliest pending timer and fires it, if it is due by `until`. False when
   * nothing is pending that early: the system has nothing more to do on its own.
   */
  fireNext(until = Number.POSITIVE_INFINITY): boolean {
    let earliest: [number, Pending] | undefined;
    for (const entry of this.timers) if (!earliest || entry[1].at < earliest[1].at) earliest = entry;
    if (!earliest || earliest[1].at > until) return false;
    const [handle, { at, callback }] = earliest;
    this.timers.delete(handle);
    this.time = Math.max(this.time, at);
    callback();
    return true;
  }

  /** Timers still waiting to fire. */
  get pending(): number {
    return this.timers.size;
  }
}
