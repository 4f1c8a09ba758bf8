/** The engine's one timer, driven by a manual clock: fires at the due time, re-arming replaces, close cancels. */
import { describe, expect, it } from "vitest";
import { ManualClock } from "./testing/manual-clock";
import { WakeTimer } from "./wake-timer";

function setup() {
  const clock = new ManualClock();
  const wakes: number[] = [];
  const timer = new WakeTimer(clock, () => wakes.push(clock.now()));
  return { clock, wakes, timer, start: clock.now() };
}

describe("WakeTimer", () => {
  it("wakes once, at the due time", () => {
    const { clock, wakes, timer, start } = setup();
    timer.arm(start + 5_000);
    clock.advance(4_999);
    expect(wakes).toEqual([]);
    clock.advance(10_000);
    expect(wakes).toEqual([start + 5_000]);
    expect(clock.pending).toBe(0);
  });

  it("wakes at once for a due time in the past, and not at all without one", () => {
    const { clock, wakes, timer, start } = setup();
    timer.arm(undefined);
    expect(clock.pending).toBe(0);
    timer.arm(start - 1_000);
    clock.advance(0);
    expect(wakes).toEqual([start]);
  });

  it("re-arming replaces the pending wake", () => {
    const { clock, wakes, timer, start } = setup();
    timer.arm(start + 5_000);
    timer.arm(start + 2_000);
    expect(clock.pending).toBe(1);
    clock.advance(60_000);
    expect(wakes).toEqual([start + 2_000]);
  });

  it("close cancels the pending wake and ignores later arming", () => {
    const { clock, wakes, timer, start } = setup();
    timer.arm(start + 1_000);
    timer.close();
    timer.arm(start + 2_000);
    clock.advance(60_000);
    expect(wakes).toEqual([]);
    expect(timer.isClosed).toBe(true);
  });

  it("caps the delay at setTimeout's longest and wakes early for a far due time", () => {
    const { clock, wakes, timer, start } = setup();
    timer.arm(start + 40 * 86_400_000);
    clock.advance(2_147_483_647);
    expect(wakes).toEqual([start + 2_147_483_647]);
  });
});
