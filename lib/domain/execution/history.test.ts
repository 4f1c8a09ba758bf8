import { describe, expect, it } from "vitest";
import { historySearch, isFiltered, matchesHistory, parseHistoryQuery } from "./history";
import type { PipelineExecutionSummary } from "./view-model";

const run = (over: Partial<PipelineExecutionSummary>): PipelineExecutionSummary => ({
  executionId: "e1",
  status: "Succeeded",
  trigger: { triggerType: "Webhook" },
  sourceRevisions: [{ actionName: "Source", revisionId: "5d6d1456a9bf", revisionSummary: "Fix the retry loop" }],
  ...over,
});

describe("parseHistoryQuery", () => {
  it("keeps valid filters and the token, drops the rest one by one", () => {
    expect(parseHistoryQuery({ status: "Failed", trigger: "Webhook", revision: " abc ", token: "t1" })).toEqual({
      status: "Failed",
      trigger: "Webhook",
      revision: "abc",
      token: "t1",
    });
    expect(parseHistoryQuery({ status: "Exploded", trigger: ["PutActionRevision", "x"], revision: "" })).toEqual({ trigger: "PutActionRevision" });
    expect(parseHistoryQuery({ revision: "x".repeat(201) })).toEqual({});
  });
});

describe("matchesHistory", () => {
  it("matches status, trigger, and a revision id or message part, case-insensitively", () => {
    expect(matchesHistory(run({}), {})).toBe(true);
    expect(matchesHistory(run({}), { status: "Failed" })).toBe(false);
    expect(matchesHistory(run({}), { trigger: "Webhook", status: "Succeeded" })).toBe(true);
    expect(matchesHistory(run({}), { trigger: "CreatePipeline" })).toBe(false);
    expect(matchesHistory(run({}), { revision: "5D6D14" })).toBe(true);
    expect(matchesHistory(run({}), { revision: "retry LOOP" })).toBe(true);
    expect(matchesHistory(run({}), { revision: "nothing" })).toBe(false);
    expect(matchesHistory(run({ sourceRevisions: [] }), { revision: "5d6d" })).toBe(false);
  });
  it("tells rollbacks from standard executions; one that does not say its type is standard", () => {
    const rollback = run({ executionType: "ROLLBACK", trigger: { triggerType: "AutomatedRollback" }, rollbackTargetExecutionId: "e0" });
    expect(matchesHistory(rollback, { type: "ROLLBACK" })).toBe(true);
    expect(matchesHistory(rollback, { type: "STANDARD" })).toBe(false);
    expect(matchesHistory(run({}), { type: "STANDARD" })).toBe(true);
    expect(matchesHistory(run({}), { type: "ROLLBACK" })).toBe(false);
    expect(parseHistoryQuery({ type: "ROLLBACK" })).toEqual({ type: "ROLLBACK" });
    expect(parseHistoryQuery({ type: "rollback" })).toEqual({});
    expect(historySearch({ type: "ROLLBACK" }, undefined, undefined)).toBe("?type=ROLLBACK");
  });
  it("knows when a query filters", () => {
    expect(isFiltered({ type: "ROLLBACK" })).toBe(true);
    expect(isFiltered({ token: "t" })).toBe(false);
    expect(isFiltered({ revision: "a" })).toBe(true);
  });
});

describe("historySearch", () => {
  it("keeps the filters and the region, replaces the token", () => {
    expect(historySearch({ status: "Failed", token: "old" }, "new", "eu-west-1")).toBe("?region=eu-west-1&status=Failed&token=new");
    expect(historySearch({}, undefined, undefined)).toBe("");
  });
});
