import { describe, expect, it } from "vitest";
import { ACTIVE_POLL_MS, BACKOFF_CAP_MS, IDLE_POLL_MS, pollInterval } from "./polling";

describe("pollInterval", () => {
  it("polls every 5 s while something runs and every 30 s when idle", () => {
    expect(pollInterval({ active: true, failures: 0 })).toBe(5_000);
    expect(pollInterval({ active: false, failures: 0 })).toBe(30_000);
    expect([ACTIVE_POLL_MS, IDLE_POLL_MS]).toEqual([5_000, 30_000]);
  });

  it("backs off after failures, doubling, up to the cap, whatever the activity", () => {
    const waits = [1, 2, 3, 4, 5, 9].map((failures) => pollInterval({ active: true, failures }));
    expect(waits).toEqual([5_000, 10_000, 20_000, 30_000, 30_000, 30_000]);
    expect(pollInterval({ active: false, failures: 1 })).toBe(5_000);
    expect(pollInterval({ active: false, failures: 50 })).toBe(BACKOFF_CAP_MS);
  });
});
