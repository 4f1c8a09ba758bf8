import { describe, expect, it } from "vitest";
import { changesSince } from "./changes-since";
import type { PipelineExecutionSummary } from "./view-model";

const exec = (executionId: string, revisionId: string): PipelineExecutionSummary => ({
  executionId,
  sourceRevisions: [
    { actionName: "App", revisionId, revisionSummary: `msg ${revisionId}` },
    { actionName: "Config", revisionId: "cfg-1" },
  ],
});

// Newest first: e5 waits at the approval; e2 was the last to pass the stage.
const HISTORY = [exec("e5", "r5"), exec("e4", "r4"), exec("e3", "r4"), exec("e2", "r2"), exec("e1", "r1")];

describe("changesSince", () => {
  it("lists the revisions after the last success, newest first, each once, without unchanged ones", () => {
    const changes = changesSince(HISTORY, "e5", "e2");
    expect(changes.since?.executionId).toBe("e2");
    expect(changes.revisions.map((r) => [r.revisionId, r.executionId, r.revisionSummary])).toEqual([
      ["r5", "e5", "msg r5"],
      ["r4", "e4", "msg r4"],
    ]);
  });

  it("counts everything up to the oldest known execution when nothing succeeded in the stage", () => {
    const changes = changesSince(HISTORY, "e4", undefined);
    expect(changes.since).toBeUndefined();
    expect(changes.revisions.map((r) => r.revisionId)).toEqual(["r4", "cfg-1", "r2", "r1"]);
  });

  it("is empty when the current execution is unknown", () => {
    expect(changesSince(HISTORY, "nope", "e2").revisions).toEqual([]);
  });
});
