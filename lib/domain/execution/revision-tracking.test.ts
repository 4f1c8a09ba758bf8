import { describe, expect, it } from "vitest";
import { revisionMatches, stageProgressIn, trackRevision, type ExecutionRuns, type StageOutline } from "./revision-tracking";
import type { ActionExecutionView, PipelineExecutionSummary } from "./view-model";

const STAGES: StageOutline[] = [
  { name: "Source", actions: ["Src"] },
  { name: "Build", actions: ["Compile"] },
  { name: "Deploy", actions: ["Apply", "Smoke"] },
];

function runOf(executionId: string, stageName: string, actionName: string, status: ActionExecutionView["status"], startTime = "2026-01-01T00:00:00Z"): ActionExecutionView {
  return {
    executionId, stageName, actionName, status, startTime,
    input: { configuration: {}, resolvedConfiguration: {}, inputArtifacts: [] },
    output: { outputArtifacts: [], outputVariables: {} },
  };
}

function execution(executionId: string, revisionId: string, status: PipelineExecutionSummary["status"], startTime: string, runs: Array<[string, string, ActionExecutionView["status"]]>): ExecutionRuns {
  return {
    summary: { executionId, status, startTime, sourceRevisions: [{ actionName: "Src", revisionId, revisionSummary: `commit ${revisionId}` }] },
    actions: runs.map(([stage, action, s]) => runOf(executionId, stage, action, s)),
  };
}

const SHA = "3f2a9c1d4b5e6f708192a3b4c5d6e7f809123456";

describe("revisionMatches", () => {
  it("matches the whole id, a short SHA of 7+ characters, ignoring case and sha256:", () => {
    expect(revisionMatches(SHA, SHA)).toBe(true);
    expect(revisionMatches(" 3F2A9C1 ", SHA)).toBe(true);
    expect(revisionMatches("3f2a9c", SHA)).toBe(false);
    expect(revisionMatches("", SHA)).toBe(false);
    expect(revisionMatches("abcdef0", "sha256:abcdef0123")).toBe(true);
    expect(revisionMatches("v1-object", "v1-object-2")).toBe(false);
    expect(revisionMatches("x", undefined)).toBe(false);
  });
});

describe("stageProgressIn", () => {
  it("waits for every declared action and reads the latest attempt", () => {
    const deploy = STAGES[2]!;
    expect(stageProgressIn(deploy, [runOf("e", "Deploy", "Apply", "Succeeded")])).toBe("in-progress");
    expect(stageProgressIn(deploy, [runOf("e", "Deploy", "Apply", "Succeeded"), runOf("e", "Deploy", "Smoke", "Succeeded")])).toBe("passed");
    expect(stageProgressIn(deploy, [
      runOf("e", "Deploy", "Apply", "Failed", "2026-01-01T00:00:00Z"),
      runOf("e", "Deploy", "Apply", "Succeeded", "2026-01-01T00:05:00Z"),
      runOf("e", "Deploy", "Smoke", "Succeeded"),
    ])).toBe("passed");
    expect(stageProgressIn(deploy, [runOf("e", "Deploy", "Apply", "Abandoned")])).toBe("stopped");
    expect(stageProgressIn(deploy, [])).toBe("not-reached");
  });
});

describe("trackRevision", () => {
  it("says where a commit is now", () => {
    const track = trackRevision(SHA.slice(0, 8), STAGES, [
      execution("e2", SHA, "InProgress", "2026-01-01T01:00:00Z", [["Source", "Src", "Succeeded"], ["Build", "Compile", "InProgress"]]),
      execution("e1", "other", "Succeeded", "2026-01-01T00:00:00Z", [["Source", "Src", "Succeeded"], ["Build", "Compile", "Succeeded"]]),
    ]);
    expect(track.executions.map((e) => e.executionId)).toEqual(["e2"]);
    expect(track.stages.map((s) => s.progress)).toEqual(["passed", "in-progress", "not-reached"]);
    expect(track).toMatchObject({ current: "Build", released: false });
    expect(track.failedAt).toBeUndefined();
  });

  it("says where it failed, and that a later execution of the same commit got further", () => {
    const failed = execution("e1", SHA, "Failed", "2026-01-01T00:00:00Z", [["Source", "Src", "Succeeded"], ["Build", "Compile", "Failed"]]);
    expect(trackRevision(SHA, STAGES, [failed])).toMatchObject({ failedAt: "Build", released: false });
    const rerun = execution("e3", SHA, "Succeeded", "2026-01-02T00:00:00Z", [
      ["Source", "Src", "Succeeded"], ["Build", "Compile", "Succeeded"], ["Deploy", "Apply", "Succeeded"], ["Deploy", "Smoke", "Succeeded"],
    ]);
    const track = trackRevision(SHA, STAGES, [failed, rerun]);
    expect(track.executions.map((e) => e.executionId)).toEqual(["e3", "e1"]);
    expect(track.stages.every((s) => s.progress === "passed" && s.executionId === "e3")).toBe(true);
    expect(track).toMatchObject({ released: true });
  });

  it("reads a stage left in progress by a stopped execution as stopped", () => {
    const track = trackRevision(SHA, STAGES, [execution("e1", SHA, "Stopped", "2026-01-01T00:00:00Z", [["Source", "Src", "Succeeded"], ["Build", "Compile", "InProgress"]])]);
    expect(track).toMatchObject({ failedAt: "Build" });
    expect(track.current).toBeUndefined();
  });

  it("finds nothing for an unknown revision", () => {
    const track = trackRevision("deadbeef", STAGES, [execution("e1", SHA, "Succeeded", "2026-01-01T00:00:00Z", [])]);
    expect(track.executions).toEqual([]);
    expect(track.stages.every((s) => s.progress === "not-reached")).toBe(true);
    expect(track.released).toBe(false);
  });
});
