import { describe, expect, it } from "vitest";
import { artifactFlow, availableInputArtifacts } from "./artifact-flow";
import { applyCommand } from "./commands";
import { documentFromDeclaration } from "./document";
import { sampleDeclaration } from "./test-fixtures";

const doc = documentFromDeclaration(sampleDeclaration());

describe("artifactFlow", () => {
  it("draws an edge from each producer to each consumer", () => {
    const flow = artifactFlow(doc);
    expect(flow.edges.map((e) => [e.fromActionId, e.toActionId, e.artifact, e.status])).toEqual([
      ["a1", "a2", "SourceArtifact", "ok"],
      ["a2", "a3", "BuildArtifact", "ok"],
      ["a1", "a4", "SourceArtifact", "ok"],
    ]);
    expect(flow.dangling).toEqual([]);
  });

  it("marks a producer that runs in parallel or later as late, and missing producers as dangling", () => {
    const parallel = applyCommand(doc, { type: "moveAction", actionId: "a3", target: { stageId: "s2", kind: "join", group: 0 } }).document;
    expect(artifactFlow(parallel).edges.find((e) => e.toActionId === "a3")!.status).toBe("late");
    const renamed = applyCommand(doc, { type: "updateAction", actionId: "a4", patch: { inputArtifacts: [{ name: "Nope" }] } }).document;
    expect(artifactFlow(renamed).dangling).toEqual([{ actionId: "a4", artifact: "Nope", inputIndex: 0 }]);
  });
});

describe("availableInputArtifacts", () => {
  it("offers only artifacts of actions that run strictly earlier", () => {
    expect(availableInputArtifacts(doc, "a1")).toEqual([]);
    expect(availableInputArtifacts(doc, "a2")).toEqual(["SourceArtifact"]);
    expect(availableInputArtifacts(doc, "a3")).toEqual(["SourceArtifact", "BuildArtifact"]);
    expect(availableInputArtifacts(doc, "missing")).toEqual([]);
  });
});
