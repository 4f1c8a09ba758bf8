import { describe, expect, it } from "vitest";
import type { JsonObject } from "./contract";
import { v2Features, v2Transition } from "./pipeline-type";
import { sampleDeclaration } from "./test-fixtures";

const v1 = () => ({ ...sampleDeclaration(), pipelineType: "V1" });
const compatible = () => {
  const d = sampleDeclaration();
  delete d.pipelineType;
  return d;
};

describe("v2Features", () => {
  it("lists the V2-only features a declaration uses", () => {
    expect(v2Features(sampleDeclaration())).toEqual([]);
    const d: JsonObject = { ...sampleDeclaration(), executionMode: "QUEUED", variables: [{ name: "v" }], triggers: [{}] };
    expect(v2Features(d)).toEqual(["triggers", "pipeline variables", "QUEUED execution mode"]);
    const stages = d.stages as Array<Record<string, unknown>>;
    stages[1] = { ...stages[1], onFailure: { result: "ROLLBACK" } };
    const actions = [
      { name: "Run", actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" } },
      { name: "Fn", actionTypeId: { category: "Deploy", owner: "AWS", provider: "Lambda", version: "1" } },
    ];
    stages[0] = { ...stages[0], actions };
    expect(v2Features(d).slice(3)).toEqual([
      "the Compute category (action \"Run\")",
      "the V2-only Lambda provider (action \"Fn\")",
      "onFailure on stage \"Build\"",
    ]);
  });
});

describe("v2Transition", () => {
  it("warns when an explicit V1 pipeline is switched to V2", () => {
    expect(v2Transition(v1(), { ...v1(), pipelineType: "V2" })?.message).toMatch(/now V2.*billed per action-execution minute/);
  });

  it("warns when a V1 or V1-compatible pipeline gains a V2-only feature", () => {
    expect(v2Transition(v1(), { ...v1(), variables: [{ name: "x" }] })).toEqual({
      message: expect.stringMatching(/^Pipeline variables needs a V2 pipeline/),
      features: ["pipeline variables"],
    });
    expect(v2Transition(compatible(), { ...compatible(), executionMode: "PARALLEL" })?.message).toMatch(
      /^PARALLEL execution mode is only available in V2/,
    );
  });

  it("stays quiet for pipelines that already needed V2 and for unrelated edits", () => {
    const queued = { ...compatible(), executionMode: "QUEUED" };
    expect(v2Transition(queued, { ...queued, variables: [{ name: "x" }] })).toBeUndefined();
    expect(v2Transition(v1(), { ...v1(), name: "renamed" })).toBeUndefined();
  });
});
