import { describe, expect, it } from "vitest";
import { boardPayload, boardView } from "./board";
import { chooseRun, runBoardView, runsInFlight } from "./parallel-runs";
import type { ActionExecutionView, PipelineExecutionSummary, PipelineStateView } from "./view-model";

// Three runs of a PARALLEL pipeline: p3 (newest) is building, p2 deploying, p1 finished.
// GetPipelineState shows each stage's last toucher: Source by p3, Build by p3, Deploy by p2.
const state: PipelineStateView = {
  pipelineName: "web",
  pipelineVersion: 1,
  stages: [
    {
      stageName: "Source",
      inboundTransition: { enabled: true },
      inboundExecutions: [],
      latestExecution: { executionId: "p3", status: "Succeeded" },
      actions: [{ actionName: "Checkout", latestExecution: { actionExecutionId: "a3s", status: "Succeeded" } }],
    },
    {
      stageName: "Build",
      inboundTransition: { enabled: true },
      inboundExecutions: [],
      latestExecution: { executionId: "p3", status: "InProgress" },
      retryStageMetadata: { autoStageRetryAttempt: 1 },
      actions: [
        { actionName: "Compile", latestExecution: { actionExecutionId: "a3b", status: "InProgress" } },
        { actionName: "Test", latestExecution: { actionExecutionId: "a2t", status: "Succeeded" } },
      ],
    },
    {
      stageName: "Deploy",
      inboundTransition: { enabled: true },
      inboundExecutions: [],
      latestExecution: { executionId: "p2", status: "InProgress" },
      actions: [{ actionName: "Ship", latestExecution: { actionExecutionId: "a2d", status: "InProgress" } }],
    },
  ],
};

const execution = (executionId: string, status: PipelineExecutionSummary["status"], startTime: string): PipelineExecutionSummary => ({
  executionId,
  status,
  startTime,
  sourceRevisions: [{ actionName: "Checkout", revisionId: `rev-${executionId}` }],
});

const run = (executionId: string, stageName: string, actionName: string, actionExecutionId: string, status: ActionExecutionView["status"], startTime: string): ActionExecutionView => ({
  executionId,
  actionExecutionId,
  stageName,
  actionName,
  status,
  startTime,
  input: { configuration: {}, resolvedConfiguration: {}, inputArtifacts: [] },
  output: { outputArtifacts: [], outputVariables: {} },
});

const payload = boardPayload(
  state,
  [
    execution("p3", "InProgress", "2025-01-01T00:03:00.000Z"),
    execution("p2", "InProgress", "2025-01-01T00:02:00.000Z"),
    execution("p1", "Succeeded", "2025-01-01T00:01:00.000Z"),
    execution("p0", "InProgress", "2025-01-01T00:00:30.000Z"),
  ],
  [
    run("p3", "Source", "Checkout", "a3s", "Succeeded", "2025-01-01T00:03:00.000Z"),
    run("p3", "Build", "Compile", "a3b", "InProgress", "2025-01-01T00:03:10.000Z"),
    run("p2", "Source", "Checkout", "a2s", "Succeeded", "2025-01-01T00:02:00.000Z"),
    run("p2", "Build", "Compile", "a2b1", "Failed", "2025-01-01T00:02:10.000Z"),
    run("p2", "Build", "Compile", "a2b2", "Succeeded", "2025-01-01T00:02:20.000Z"),
    run("p2", "Build", "Test", "a2t", "Succeeded", "2025-01-01T00:02:30.000Z"),
    run("p2", "Deploy", "Ship", "a2d", "InProgress", "2025-01-01T00:02:40.000Z"),
    run("p0", "Source", "Checkout", "a0s", "Succeeded", "2025-01-01T00:00:30.000Z"),
  ],
);

const statuses = (board: ReturnType<typeof boardView>) =>
  board.stages.map((s) => [s.stageName, s.executionId ?? null, s.status ?? null, s.actions.map((a) => a.status ?? null)]);

describe("runsInFlight", () => {
  it("lists the executions still running, newest first", () => {
    expect(runsInFlight(payload).map((e) => e.executionId)).toEqual(["p3", "p2", "p0"]);
  });
});

describe("chooseRun", () => {
  it("defaults to the newest execution in flight", () => {
    expect(chooseRun(payload, undefined)).toBe("p3");
  });
  it("keeps the run asked for while the payload knows it, and falls back when it is gone", () => {
    expect(chooseRun(payload, "p2")).toBe("p2");
    expect(chooseRun(payload, "gone")).toBe("p3");
  });
  it("takes the newest execution when none is in flight", () => {
    const idle = { ...payload, executions: [execution("p9", "Succeeded", "2025-01-02T00:00:00.000Z"), execution("p8", "Failed", "2025-01-01T00:00:00.000Z")] };
    expect(chooseRun(idle, undefined)).toBe("p9");
  });
});

describe("runBoardView", () => {
  it("shows the mix GetPipelineState gives without a chosen run", () => {
    expect(new Set(boardView(payload).stages.map((s) => s.executionId))).toEqual(new Set(["p3", "p2"]));
  });

  it("draws every stage of the newest run from that run only", () => {
    const board = runBoardView(payload, "p3");
    expect(statuses(board)).toEqual([
      ["Source", "p3", "Succeeded", ["Succeeded"]],
      ["Build", "p3", "InProgress", ["InProgress", "Succeeded"]],
      // p3 has not reached Deploy: nothing of p2's deployment shows.
      ["Deploy", null, null, [null]],
    ]);
    expect(board.latestExecution?.executionId).toBe("p3");
    expect(board.stages[0]!.revisions).toEqual([{ actionName: "Checkout", revisionId: "rev-p3" }]);
  });

  it("draws an older run's stages from its own action runs, the newest attempt of each action", () => {
    const board = runBoardView(payload, "p2");
    expect(statuses(board)).toEqual([
      ["Source", "p2", "Succeeded", ["Succeeded"]],
      ["Build", "p2", "Succeeded", ["Succeeded", "Succeeded"]],
      ["Deploy", "p2", "InProgress", ["InProgress"]],
    ]);
    // Build's retry count belongs to p3, the stage's latest execution, not to p2.
    expect(board.stages[1]!.retries).toBeUndefined();
    expect(board.latestExecution?.executionId).toBe("p2");
  });

  it("marks a stage in progress while later run orders of a running execution have not started", () => {
    const board = runBoardView(payload, "p0");
    expect(statuses(board)).toEqual([
      ["Source", "p0", "Succeeded", ["Succeeded"]],
      ["Build", null, null, [null, null]],
      ["Deploy", null, null, [null]],
    ]);
  });

  it("keeps polling often while any run is in flight, whichever is drawn", () => {
    expect(runBoardView(payload, "p2").active).toBe(true);
  });
});
