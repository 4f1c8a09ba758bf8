import { describe, expect, it } from "vitest";
import { Faults } from "./faults";

const pattern = (fraction: number, calls: number) => {
  const faults = new Faults();
  faults.setThrottleFraction(fraction);
  return Array.from({ length: calls }, () => faults.takeThrottle());
};

describe("Faults.takeThrottle", () => {
  it.each([0, 0.1, 0.25, 1 / 3, 0.5, 0.7, 1])("throttles exactly the fraction %d of calls", (fraction) => {
    const calls = 300;
    expect(pattern(fraction, calls).filter(Boolean)).toHaveLength(Math.round(fraction * calls));
  });

  it("spreads them evenly", () => {
    expect(pattern(0.25, 8)).toEqual([false, false, false, true, false, false, false, true]);
  });
});
