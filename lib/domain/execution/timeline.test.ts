import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignLanes, barPosition, buildTimeline, criticalPath, TOUCH_MS } from "./timeline";
import type { ActionExecutionView } from "./view-model";

const T0 = Date.parse("2026-01-01T00:00:00.000Z");
const iso = (s: number) => new Date(T0 + s * 1000).toISOString();

function run(stageName: string, actionName: string, start: number, end: number, status: ActionExecutionView["status"] = "Succeeded", id?: string): ActionExecutionView {
  return {
    executionId: "e1",
    actionExecutionId: id ?? `${stageName}-${actionName}-${start}`,
    stageName,
    actionName,
    startTime: iso(start),
    lastUpdateTime: iso(end),
    status,
    input: { configuration: {}, resolvedConfiguration: {}, inputArtifacts: [] },
    output: { outputArtifacts: [], outputVariables: {} },
  };
}

describe("buildTimeline", () => {
  it("puts parallel actions of a stage on separate lanes and sequential ones on one", () => {
    const t = buildTimeline(
      [run("Source", "Src", 0, 10), run("Test", "Unit", 10, 40), run("Test", "Lint", 11, 20), run("Deploy", "Prepare", 40, 50), run("Deploy", "Apply", 50, 70)],
      { now: T0 + 100_000, stageOrder: ["Source", "Test", "Deploy"] },
    );
    expect(t.stages.map((s) => [s.stageName, s.lanes])).toEqual([["Source", 1], ["Test", 2], ["Deploy", 1]]);
    const test = t.stages[1]!.bars;
    expect(new Set(test.map((b) => b.lane))).toEqual(new Set([0, 1]));
    expect(t.startMs).toBe(T0);
    expect(t.endMs).toBe(T0 + 70_000);
    // The chain the end waited for: Src → Unit (the longer parallel one) → Prepare → Apply.
    expect(t.criticalPath).toEqual(["Source-Src-0", "Test-Unit-10", "Deploy-Prepare-40", "Deploy-Apply-50"]);
  });

  it("numbers a retried action's runs as attempts, in start order", () => {
    const t = buildTimeline([run("Build", "Compile", 30, 40), run("Build", "Compile", 0, 10, "Failed")], { now: T0 + 60_000 });
    const bars = t.stages[0]!.bars;
    expect(bars.map((b) => [b.attempt, b.status])).toEqual([[1, "Failed"], [2, "Succeeded"]]);
    expect(bars.map((b) => b.lane)).toEqual([0, 0]);
  });

  it("ends a running attempt now, and orders unknown stages by first start", () => {
    const now = T0 + 90_000;
    const t = buildTimeline([run("B", "x", 20, 25, "InProgress"), run("A", "y", 0, 5)], { now });
    expect(t.stages.map((s) => s.stageName)).toEqual(["A", "B"]);
    expect(t.stages[1]!.bars[0]).toMatchObject({ running: true, endMs: now });
    expect(t.endMs).toBe(now);
  });

  it("skips runs the service sent without a start time and gives ids to runs without one", () => {
    const noStart = { ...run("A", "x", 0, 1), startTime: undefined };
    const noId = { ...run("A", "y", 0, 1), actionExecutionId: undefined };
    const t = buildTimeline([noStart, noId], { now: T0 });
    expect(t.stages[0]!.bars.map((b) => b.id)).toEqual(["A/y#1"]);
  });

  it("is empty but well formed with no runs", () => {
    expect(buildTimeline([], { now: T0 })).toEqual({ startMs: T0, endMs: T0, stages: [], criticalPath: [] });
  });
});

const intervals = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 5_000 })).map(([s, d]) => ({ startMs: s * 100, endMs: (s + d) * 100 })),
  { maxLength: 40 },
);

describe("properties", () => {
  it("lanes: bars sharing a lane never overlap, and the lane count is the maximum overlap", () => {
    fc.assert(
      fc.property(intervals, (bars) => {
        const laned = assignLanes(bars);
        for (const a of laned) for (const b of laned) {
          if (a !== b && a.lane === b.lane) expect(a.endMs <= b.startMs || b.endMs <= a.startMs || (a.startMs === a.endMs || b.startMs === b.endMs) && a.startMs !== b.startMs).toBe(true);
        }
        const lanes = laned.length ? Math.max(...laned.map((b) => b.lane)) + 1 : 0;
        // Greedy partitioning is optimal: as many lanes as bars overlapping at one instant (zero-length bars count as 1 ms).
        const points = bars.map((b) => b.startMs);
        const depth = Math.max(0, ...points.map((p) => bars.filter((b) => b.startMs <= p && Math.max(b.endMs, b.startMs + 1) > p).length));
        expect(lanes).toBe(depth);
      }),
    );
  });

  it("critical path: ordered, each step ends before the next starts, and it ends where the timeline ends", () => {
    fc.assert(
      fc.property(intervals, (raw) => {
        const bars = raw.map((b, i) => ({ ...b, id: `b${i}` }));
        const path = criticalPath(bars).map((id) => bars.find((b) => b.id === id)!);
        if (bars.length === 0) {
          expect(path).toEqual([]);
          return;
        }
        expect(new Set(path).size).toBe(path.length);
        expect(path.at(-1)!.endMs).toBe(Math.max(...bars.map((b) => b.endMs)));
        for (let i = 1; i < path.length; i++) {
          expect(path[i - 1]!.endMs).toBeLessThanOrEqual(path[i]!.startMs + TOUCH_MS);
          expect(path[i - 1]!.startMs).toBeLessThan(path[i]!.startMs);
        }
      }),
    );
  });

  it("bar positions stay within 0–100", () => {
    fc.assert(
      fc.property(intervals, (bars) => {
        if (bars.length === 0) return;
        const span = { startMs: Math.min(...bars.map((b) => b.startMs)), endMs: Math.max(...bars.map((b) => b.endMs)) };
        for (const b of bars) {
          const { left, width } = barPosition(span, b);
          expect(left).toBeGreaterThanOrEqual(0);
          expect(left + width).toBeLessThanOrEqual(100.0001);
          expect(width).toBeGreaterThan(0);
        }
      }),
    );
  });
});
