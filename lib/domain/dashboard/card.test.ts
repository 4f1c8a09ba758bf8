import { describe, expect, it } from "vitest";
import type { PipelineExecutionSummary, PipelineStateView, StageStateView } from "../execution/view-model";
import { compareCards, dashboardCard, revisionMessage, stateFingerprint, type DashboardCard } from "./card";

const stage = (stageName: string, executionId?: string, status?: "InProgress" | "Failed" | "Succeeded" | "Stopped"): StageStateView => ({
  stageName,
  inboundTransition: { enabled: true },
  inboundExecutions: [],
  ...(executionId && { latestExecution: { executionId, ...(status && { status }) } }),
  actions: [],
});

const state = (...stages: StageStateView[]): PipelineStateView => ({ pipelineName: "p", pipelineVersion: 3, stages });

let n = 0;
function exec(status: PipelineExecutionSummary["status"], minutes: number, extra: Partial<PipelineExecutionSummary> = {}): PipelineExecutionSummary {
  const start = Date.UTC(2026, 11, 7, 10, n++);
  return {
    executionId: `x${n}`,
    status,
    startTime: new Date(start).toISOString(),
    lastUpdateTime: new Date(start + minutes * 60_000).toISOString(),
    sourceRevisions: [],
    ...extra,
  };
}

describe("dashboardCard", () => {
  it("shows a pipeline that never ran", () => {
    expect(dashboardCard("p", "us-east-1", state(stage("Source")), [])).toEqual({ name: "p", region: "us-east-1", results: [] });
  });

  it("names the stage a failed run failed in, its revision, its end, the usual duration and the last ten results", () => {
    const older = Array.from({ length: 12 }, (_, i) => exec(i % 4 === 0 ? "Failed" : "Succeeded", i < 6 ? 10 : 20));
    const newest = exec("Failed", 5, { sourceRevisions: [{ actionName: "Source", revisionId: "abc1234", revisionSummary: "Fix the build" }] });
    const recent = [newest, ...older.reverse()];
    const card = dashboardCard("p", "eu-west-1", state(stage("Source", newest.executionId, "Succeeded"), stage("Build", newest.executionId, "Failed"), stage("Deploy", "old", "Succeeded")), recent);
    expect(card.stage).toEqual({ name: "Build", verb: "failed in" });
    expect(card.latest).toMatchObject({ status: "Failed", endTime: newest.lastUpdateTime, revision: { id: "abc1234", summary: "Fix the build" } });
    // Successes among the 13: durations 10 (x4) and 20 (x5): median 20 min.
    expect(card.usualMs).toBe(20 * 60_000);
    expect(card.results).toHaveLength(10);
    expect(card.results.at(-1)).toEqual({ executionId: newest.executionId, status: "Failed" });
  });

  it("says where a running execution is, without an end", () => {
    const running = exec("InProgress", 1);
    const card = dashboardCard("p", "us-east-1", state(stage("Source", running.executionId, "Succeeded"), stage("Test", running.executionId, "InProgress")), [running]);
    expect(card.stage).toEqual({ name: "Test", verb: "in" });
    expect(card.latest?.endTime).toBeUndefined();
  });
});

describe("revisionMessage", () => {
  it("takes the first line, and the commit message out of a connection's JSON summary", () => {
    expect(revisionMessage("Fix the build\n\nLonger text")).toBe("Fix the build");
    expect(revisionMessage('{"ProviderType":"GitHub","CommitMessage":"Merge pull request #157\\nmore"}')).toBe("Merge pull request #157");
    expect(revisionMessage("{not json")).toBe("{not json");
    expect(revisionMessage(undefined)).toBeUndefined();
  });
});

describe("compareCards", () => {
  const card = (name: string, status?: "Failed" | "InProgress" | "Succeeded", region = "us-east-1"): DashboardCard => ({
    name,
    region,
    results: [],
    ...(status && { latest: { executionId: name, status } }),
  });
  it("puts failing first, then running, then the rest, by name then region", () => {
    const cards = [card("a", "Succeeded"), card("b", "InProgress"), card("c"), card("d", "Failed"), card("a", "Failed", "eu-west-1"), card("a", "Failed")];
    expect(cards.sort(compareCards).map((c) => `${c.name}/${c.region}`)).toEqual(["a/eu-west-1", "a/us-east-1", "d/us-east-1", "b/us-east-1", "a/us-east-1", "c/us-east-1"]);
  });
});

describe("stateFingerprint", () => {
  it("changes when a stage's execution or status does, not otherwise", () => {
    const a = stateFingerprint(state(stage("Source", "e1", "Succeeded"), stage("Build", "e1", "InProgress")));
    expect(stateFingerprint(state(stage("Source", "e1", "Succeeded"), stage("Build", "e1", "InProgress")))).toBe(a);
    expect(stateFingerprint(state(stage("Source", "e1", "Succeeded"), stage("Build", "e1", "Succeeded")))).not.toBe(a);
    expect(stateFingerprint(state(stage("Source", "e2", "InProgress"), stage("Build", "e1", "InProgress")))).not.toBe(a);
  });
});
