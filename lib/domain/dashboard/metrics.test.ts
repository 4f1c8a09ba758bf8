import { describe, expect, it } from "vitest";
import { deliveryMetrics, mergeMetrics, type ExecutionFact } from "./metrics";
import { median, percentile } from "./stats";

const DAY = 86_400_000;
const MIN = 60_000;
// Noon UTC, so day buckets are easy to reason about.
const NOW = Date.UTC(2026, 11, 7, 12);

let seq = 0;
/** An execution that started `daysAgo` days before NOW and took `minutes`. */
function run(status: ExecutionFact["status"], daysAgo: number, minutes = 10, revisionMinutesBefore?: number): ExecutionFact {
  const startMs = NOW - daysAgo * DAY;
  return {
    executionId: `e${++seq}`,
    status,
    startMs,
    ...(status !== "InProgress" && { endMs: startMs + minutes * MIN }),
    ...(revisionMinutesBefore !== undefined && { revisionMs: startMs - revisionMinutesBefore * MIN }),
  };
}

describe("deliveryMetrics", () => {
  it("has no rates for an empty history, and a bucket per day", () => {
    const m = deliveryMetrics([], 7, NOW);
    expect(m).toMatchObject({ succeeded: 0, failed: 0, running: 0, deploymentsPerDay: 0, restored: 0, leadTime: { fromRevision: 0, fromStart: 0, samplesMs: [] } });
    expect(m.changeFailureRate).toBeUndefined();
    expect(m.leadTime.medianMs).toBeUndefined();
    expect(m.meanTimeToRestoreMs).toBeUndefined();
    expect(m.unrestoredSinceMs).toBeUndefined();
    expect(m.days).toHaveLength(7);
    expect(m.days.at(-1)!.dayMs).toBe(Date.UTC(2026, 11, 7));
  });

  it("all failed: a failure rate of 1, no lead time, an outage open since the first failure", () => {
    const history = [run("Failed", 3, 5), run("Failed", 2, 5), run("Failed", 1, 5)];
    const m = deliveryMetrics(history, 7, NOW);
    expect(m.changeFailureRate).toBe(1);
    expect(m.deploymentsPerDay).toBe(0);
    expect(m.leadTime.medianMs).toBeUndefined();
    expect(m.restored).toBe(0);
    expect(m.unrestoredSinceMs).toBe(history[0]!.endMs);
  });

  it("counts a running execution nowhere but in running", () => {
    const m = deliveryMetrics([run("Succeeded", 2), run("InProgress", 0.01)], 7, NOW);
    expect(m).toMatchObject({ succeeded: 1, failed: 0, running: 1, changeFailureRate: 0 });
  });

  it("leaves superseded, stopped and cancelled executions out of the failure rate", () => {
    const m = deliveryMetrics([run("Succeeded", 3), run("Superseded", 2.5), run("Stopped", 2), run("Cancelled", 1.5), run("Failed", 1)], 7, NOW);
    expect(m).toMatchObject({ succeeded: 1, failed: 1, other: 3, changeFailureRate: 0.5 });
  });

  it("ignores executions that started before the window", () => {
    const m = deliveryMetrics([run("Failed", 10), run("Succeeded", 8), run("Succeeded", 1)], 7, NOW);
    expect(m).toMatchObject({ succeeded: 1, failed: 0, deploymentsPerDay: 1 / 7 });
  });

  it("measures lead time from the revision when known, else from the start, and says how many of each", () => {
    // Durations 10, 20, 30 min from start; the first carries a revision made 50 min before it started.
    const m = deliveryMetrics([run("Succeeded", 3, 10, 50), run("Succeeded", 2, 20), run("Succeeded", 1, 30)], 7, NOW);
    expect(m.leadTime).toEqual({ medianMs: 30 * MIN, p90Ms: 60 * MIN, fromRevision: 1, fromStart: 2, samplesMs: [20 * MIN, 30 * MIN, 60 * MIN] });
  });

  it("restores from the first failure of an outage to the next success", () => {
    const f1 = run("Failed", 5, 10);
    const f2 = run("Failed", 4, 10);
    const s1 = run("Succeeded", 3, 10);
    const f3 = run("Failed", 2, 10);
    const s2 = run("Succeeded", 1.5, 10);
    const m = deliveryMetrics([s2, f3, s1, f2, f1], 7, NOW);
    expect(m.restored).toBe(2);
    expect(m.meanTimeToRestoreMs).toBe((s1.endMs! - f1.endMs! + (s2.endMs! - f3.endMs!)) / 2);
    expect(m.unrestoredSinceMs).toBeUndefined();
  });

  it("puts results in the day they ended", () => {
    const m = deliveryMetrics([run("Succeeded", 0), run("Failed", 0), run("Succeeded", 1)], 7, NOW);
    expect(m.days.at(-1)).toMatchObject({ succeeded: 1, failed: 1 });
    expect(m.days.at(-2)).toMatchObject({ succeeded: 1, failed: 0 });
  });
});

describe("mergeMetrics", () => {
  it("rates and lead times over every pipeline, restores per pipeline", () => {
    const a = [run("Failed", 3, 10), run("Succeeded", 2, 10)];
    const b = [run("Succeeded", 2.5, 30), run("Failed", 1, 10)];
    const m = mergeMetrics([deliveryMetrics(a, 7, NOW), deliveryMetrics(b, 7, NOW)], 7, NOW);
    expect(m.leadTime).toMatchObject({ medianMs: 20 * MIN, samplesMs: [10 * MIN, 30 * MIN], fromStart: 2 });
    expect(m.days.reduce((n, d) => n + d.succeeded + d.failed, 0)).toBe(4);
    expect(m).toMatchObject({ succeeded: 2, failed: 2, changeFailureRate: 0.5, restored: 1 });
    // b's failure is not restored by a's earlier success.
    expect(m.meanTimeToRestoreMs).toBe(a[1]!.endMs! - a[0]!.endMs!);
    expect(m.unrestoredSinceMs).toBe(b[1]!.endMs);
  });

  it("of nothing is the empty window", () => {
    expect(mergeMetrics([], 30, NOW)).toEqual(deliveryMetrics([], 30, NOW));
  });
});

describe("stats", () => {
  it("median and nearest-rank percentiles", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 90)).toBeUndefined();
  });
});
