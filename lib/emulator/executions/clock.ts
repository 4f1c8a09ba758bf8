/**
 * The engine's time: what "now" is and how it waits for the next due event. Live, that is the
 * wall clock and Node's timers; tests inject `testing/manual-clock.ts` and move time themselves
 * instead of sleeping, so timing assertions neither wait nor flake.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `callback` once, `delayMs` from now; the handle cancels it. */
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** Node's timers are objects; a manual clock may number its own. */
export type TimerHandle = object | number;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    // The emulator's server keeps the process alive; a pending simulation alone must not.
    timer.unref?.();
    return timer;
  },
  clearTimer(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
