import { describe, expect, it } from "vitest";
import { durationBetween, formatAgo, formatDuration } from "./format";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [42_000, "42 s"],
    [187_000, "3 min 07 s"],
    [7_500_000, "2 h 05 min"],
    [90_000_000, "1 d 1 h"],
    [-1, "—"],
    [Number.NaN, "—"],
  ])("%s ms reads %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe("durationBetween", () => {
  const start = "2025-01-31T12:00:00.000Z";
  it("measures to the end, or to now while it runs", () => {
    expect(durationBetween(start, "2025-01-31T12:01:05.000Z", 0)).toBe("1 min 05 s");
    expect(durationBetween(start, undefined, Date.parse(start) + 12_000)).toBe("12 s");
  });
  it("reads — without a start or with a timestamp that is not one", () => {
    expect(durationBetween(undefined, undefined, 0)).toBe("—");
    expect(durationBetween("yesterday", undefined, 0)).toBe("—");
  });
});

describe("formatAgo", () => {
  it.each([
    [400, "just now"],
    [3_000, "3 s ago"],
    [125_000, "2 min ago"],
    [3 * 3_600_000, "3 h ago"],
    [49 * 3_600_000, "2 d ago"],
  ])("%s ms ago reads %s", (ago, text) => expect(formatAgo(1_000_000_000 - ago, 1_000_000_000)).toBe(text));
});
