import { describe, expect, it } from "vitest";
import { applyCommand } from "./commands";
import type { DesignerCommand, DesignerDocument, JsonObject } from "./contract";
import { actionById, documentFromDeclaration, emptyDesign, stageById } from "./document";
import { action, CODEBUILD, groupsOf, MANUAL, S3_SOURCE, sampleDeclaration } from "./test-fixtures";

const sample = () => documentFromDeclaration(sampleDeclaration());

function run(doc: DesignerDocument, ...commands: DesignerCommand[]): DesignerDocument {
  return commands.reduce((d, c) => applyCommand(d, c).document, doc);
}

/** Action names and runOrders of a stage, as the exported JSON has them. */
function orders(doc: DesignerDocument, stageIndex: number): Array<[unknown, unknown]> {
  const stages = doc.declaration.stages as JsonObject[];
  return (stages[stageIndex]!.actions as JsonObject[]).map((a) => [a.name, a.runOrder]);
}

describe("stage commands", () => {
  it("adds a stage at an index with a unique name and returns its id", () => {
    const doc = sample();
    const { document, createdIds } = applyCommand(doc, { type: "addStage", index: 1 });
    expect(createdIds).toEqual(["s3"]);
    expect(document.stageIds).toEqual(["s1", "s3", "s2"]);
    expect(document.actionIds).toEqual([["a1"], [], ["a2", "a3", "a4"]]);
    expect(stageById(document, "s3")).toEqual({ name: "Stage3", actions: [] });
    // Unchanged stages keep their identity.
    expect(stageById(document, "s2")).toBe(stageById(doc, "s2"));
  });

  it("removes, renames and moves stages", () => {
    const doc = sample();
    expect(run(doc, { type: "removeStage", stageId: "s1" }).stageIds).toEqual(["s2"]);
    expect(stageById(run(doc, { type: "renameStage", stageId: "s1", name: "Fetch" }), "s1")!.name).toBe("Fetch");
    const moved = run(doc, { type: "moveStage", stageId: "s1", toIndex: 5 });
    expect(moved.stageIds).toEqual(["s2", "s1"]);
    expect((moved.declaration.stages as JsonObject[]).map((s) => s.name)).toEqual(["Build", "Source"]);
    expect(moved.actionIds).toEqual([["a2", "a3", "a4"], ["a1"]]);
  });

  it("duplicates a stage with fresh ids, a copy name and unique artifacts and namespaces", () => {
    const { document, createdIds } = applyCommand(sample(), { type: "duplicateStage", stageId: "s2" });
    expect(createdIds).toEqual(["s3", "a5", "a6", "a7"]);
    const copy = stageById(document, "s3")!;
    expect(copy.name).toBe("Build-copy");
    const [compile, test, lint] = copy.actions as JsonObject[];
    expect(compile!.outputArtifacts).toEqual([{ name: "BuildArtifact2" }]);
    expect(compile!.namespace).toBe("BuildVariables2");
    // Inputs produced inside the copy follow the rename; outside ones stay.
    expect(test!.inputArtifacts).toEqual([{ name: "BuildArtifact2" }]);
    expect(lint!.inputArtifacts).toEqual([{ name: "SourceArtifact" }]);
  });

  it("updates a stage but never its actions through a patch", () => {
    const doc = run(sample(), {
      type: "updateStage",
      stageId: "s2",
      patch: { onFailure: { result: "ROLLBACK" }, actions: [] },
    });
    expect(stageById(doc, "s2")!.onFailure).toEqual({ result: "ROLLBACK" });
    expect((stageById(doc, "s2")!.actions as unknown[]).length).toBe(3);
  });
});

describe("action commands", () => {
  it("adds an action from the catalog: provider name, nearest earlier input, no optional output", () => {
    const { document, createdIds } = applyCommand(sample(), {
      type: "addAction",
      actionType: CODEBUILD,
      target: { stageId: "s2", kind: "insert", position: 2 },
    });
    expect(createdIds).toEqual(["a5"]);
    expect(actionById(document, "a5")).toEqual({
      name: "CodeBuild",
      actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
      runOrder: 3,
      inputArtifacts: [{ name: "BuildArtifact" }],
    });
  });

  it("leaves required configuration absent and wires no input for sources", () => {
    const doc = run(emptyDesign(), {
      type: "addAction",
      actionType: S3_SOURCE,
      target: { stageId: "s1", kind: "insert", position: 0 },
    });
    expect(actionById(doc, "a1")).toEqual({
      name: "S3",
      actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
      runOrder: 1,
      outputArtifacts: [{ name: "SourceArtifact" }],
    });
    const approval = run(doc, { type: "addAction", actionType: MANUAL, target: { stageId: "s2", kind: "insert", position: 0 } });
    expect(actionById(approval, "a2")).not.toHaveProperty("inputArtifacts");
    expect(actionById(approval, "a2")).not.toHaveProperty("outputArtifacts");
  });

  it("names a second action of a provider uniquely within the stage", () => {
    const target = { stageId: "s2", kind: "join", group: 0 } as const;
    const doc = run(sample(), { type: "addAction", actionType: CODEBUILD, target }, { type: "addAction", actionType: CODEBUILD, target });
    expect(actionById(doc, "a5")!.name).toBe("CodeBuild");
    expect(actionById(doc, "a6")!.name).toBe("CodeBuild-2");
    // Joined group 0: its input comes from the Source stage, not from its parallel siblings.
    expect(actionById(doc, "a6")!.inputArtifacts).toEqual([{ name: "SourceArtifact" }]);
  });

  it("makes two actions parallel, then sequential again", () => {
    const doc = sample();
    // Compile(1), Test(2), Lint(2) → move Test into group 0: Compile and Test parallel.
    const parallel = run(doc, { type: "moveAction", actionId: "a3", target: { stageId: "s2", kind: "join", group: 0 } });
    expect(orders(parallel, 1)).toEqual([
      ["Compile", 1],
      ["Test", 1],
      ["Lint", 2],
    ]);
    expect(groupsOf(parallel, "s2")).toEqual([
      { runOrder: 1, actionIds: ["a2", "a3"] },
      { runOrder: 2, actionIds: ["a4"] },
    ]);
    // Then Test gets its own group after Compile: sequential.
    const sequential = run(parallel, { type: "moveAction", actionId: "a3", target: { stageId: "s2", kind: "insert", position: 1 } });
    expect(orders(sequential, 1)).toEqual([
      ["Compile", 1],
      ["Test", 2],
      ["Lint", 3],
    ]);
  });

  it("removes a group that its last action leaves, counting targets as the user saw them", () => {
    // Compile is alone in group 0; dropping it after the last group (position 2).
    const doc = run(sample(), { type: "moveAction", actionId: "a2", target: { stageId: "s2", kind: "insert", position: 2 } });
    expect(orders(doc, 1)).toEqual([
      ["Test", 2],
      ["Lint", 2],
      ["Compile", 3],
    ]);
    // Dropping an action next to itself changes nothing.
    const same = run(sample(), { type: "moveAction", actionId: "a2", target: { stageId: "s2", kind: "insert", position: 1 } });
    expect(orders(same, 1)).toEqual(orders(sample(), 1));
  });

  it("moves an action across stages, keeping its content and id", () => {
    const doc = sample();
    const moved = run(doc, { type: "moveAction", actionId: "a4", target: { stageId: "s1", kind: "insert", position: 1 } });
    expect(moved.actionIds).toEqual([["a1", "a4"], ["a2", "a3"]]);
    expect(actionById(moved, "a4")).toEqual({ ...actionById(doc, "a4"), runOrder: 2 });
    expect(orders(moved, 1)).toEqual([
      ["Compile", 1],
      ["Test", 2],
    ]);
  });

  it("removes an action; the others keep their runOrders", () => {
    const doc = run(sample(), { type: "removeAction", actionId: "a2" });
    expect(orders(doc, 1)).toEqual([
      ["Test", 2],
      ["Lint", 2],
    ]);
  });

  it("duplicates an action beside the original with unique name, artifacts and namespace", () => {
    const { document, createdIds } = applyCommand(sample(), { type: "duplicateAction", actionId: "a2" });
    expect(createdIds).toEqual(["a5"]);
    expect(document.actionIds[1]).toEqual(["a2", "a5", "a3", "a4"]);
    const copy = actionById(document, "a5")!;
    expect(copy.name).toBe("Compile-copy");
    expect(copy.runOrder).toBe(1);
    expect(copy.outputArtifacts).toEqual([{ name: "BuildArtifact2" }]);
    expect(copy.namespace).toBe("BuildVariables2");
    expect(copy.inputArtifacts).toEqual([{ name: "SourceArtifact" }]);
  });

  it("renames and patches an action; undefined removes a member; a runOrder patch regroups", () => {
    let doc = run(sample(), { type: "renameAction", actionId: "a2", name: "Make" });
    expect(actionById(doc, "a2")!.name).toBe("Make");
    doc = run(doc, { type: "updateAction", actionId: "a2", patch: { namespace: undefined, configuration: { ProjectName: "p" } } });
    expect(actionById(doc, "a2")).not.toHaveProperty("namespace");
    expect(actionById(doc, "a2")!.configuration).toEqual({ ProjectName: "p" });
    doc = run(doc, { type: "updateAction", actionId: "a2", patch: { runOrder: 7 } });
    // The value is the user's: kept as given, and it alone decides the group.
    expect(orders(doc, 1)).toEqual([
      ["Make", 7],
      ["Test", 2],
      ["Lint", 2],
    ]);
    expect(groupsOf(doc, "s2")).toEqual([
      { runOrder: 2, actionIds: ["a3", "a4"] },
      { runOrder: 7, actionIds: ["a2"] },
    ]);
  });

  it("pastes actions keeping their relative order and renaming collisions", () => {
    const doc = sample();
    const copied = [actionById(doc, "a2")!, actionById(doc, "a3")!];
    const { document, createdIds } = applyCommand(doc, {
      type: "pasteActions",
      actions: copied,
      target: { stageId: "s2", kind: "join", group: 1 },
    });
    expect(createdIds).toEqual(["a5", "a6"]);
    expect(actionById(document, "a5")).toMatchObject({ name: "Compile-2", runOrder: 2, outputArtifacts: [{ name: "BuildArtifact2" }] });
    expect(actionById(document, "a6")).toMatchObject({ name: "Test-2", runOrder: 3, inputArtifacts: [{ name: "BuildArtifact2" }] });
  });

  it("pastes a stage after a given stage or at the end", () => {
    const doc = sample();
    const stage = stageById(doc, "s1")!;
    const after = applyCommand(doc, { type: "pasteStage", stage, afterStageId: "s1" });
    expect(after.document.stageIds).toEqual(["s1", "s3", "s2"]);
    expect(after.createdIds).toEqual(["s3", "a5"]);
    expect(stageById(after.document, "s3")!.name).toBe("Source-2");
    expect(run(doc, { type: "pasteStage", stage }).stageIds).toEqual(["s1", "s2", "s3"]);
  });
});

describe("runOrders an edit does not need stay as they are", () => {
  const stage = (...actions: JsonObject[]) =>
    documentFromDeclaration({ name: "p", stages: [{ name: "Source", actions: [action("Src", 1)] }, { name: "Build", actions }] });
  const build = (doc: DesignerDocument) => orders(doc, 1);

  it("moving a neighbour leaves the other actions' values alone (no renumbering to 1..n)", () => {
    const doc = run(stage(action("A", 1), action("B", 3), action("C", 3)), {
      type: "moveAction",
      actionId: "a2",
      target: { stageId: "s2", kind: "join", group: 1 },
    });
    expect(build(doc)).toEqual([
      ["B", 3],
      ["C", 3],
      ["A", 3],
    ]);
  });

  it("an absent runOrder stays absent", () => {
    const { runOrder: _, ...unordered } = action("X", 1);
    const doc = run(stage(unordered, action("Y", 2)), { type: "removeAction", actionId: "a3" });
    expect(actionById(doc, "a2")).not.toHaveProperty("runOrder");
  });

  it("a new group takes a free value between its neighbours", () => {
    const doc = run(stage(action("A", 1), action("B", 5)), { type: "addAction", actionType: CODEBUILD, target: { stageId: "s2", kind: "insert", position: 1 } });
    expect(build(doc)).toEqual([
      ["A", 1],
      ["CodeBuild", 2],
      ["B", 5],
    ]);
  });

  it("without a free value, only the later groups move up, and only as far as needed", () => {
    const doc = run(stage(action("A", 1), action("B", 2), action("C", 5)), {
      type: "addAction",
      actionType: CODEBUILD,
      target: { stageId: "s2", kind: "insert", position: 1 },
    });
    expect(build(doc)).toEqual([
      ["A", 1],
      ["CodeBuild", 2],
      ["B", 3],
      ["C", 5],
    ]);
  });

  it("pasted groups fill the room below the next group before taking values of their own", () => {
    const doc = stage(action("A", 1), action("B", 9));
    const copies = [action("X", 8), action("Y", 9)];
    const pasted = run(doc, { type: "pasteActions", actions: copies, target: { stageId: "s2", kind: "insert", position: 1 } });
    expect(build(pasted)).toEqual([
      ["A", 1],
      ["X", 2],
      ["Y", 3],
      ["B", 9],
    ]);
  });

  it("a moved action keeps its value where it fits", () => {
    const doc = documentFromDeclaration({
      name: "p",
      stages: [
        { name: "One", actions: [action("X", 5)] },
        { name: "Two", actions: [action("A", 1), action("B", 9)] },
      ],
    });
    const moved = run(doc, { type: "moveAction", actionId: "a1", target: { stageId: "s2", kind: "insert", position: 1 } });
    expect(orders(moved, 1)).toEqual([
      ["A", 1],
      ["X", 5],
      ["B", 9],
    ]);
  });

  it("the list keeps its order; a placed action goes right after the one it follows on the canvas", () => {
    const doc = run(stage(action("B", 2), action("A", 1)), { type: "addAction", actionType: CODEBUILD, target: { stageId: "s2", kind: "insert", position: 2 } });
    expect(build(doc)).toEqual([
      ["B", 2],
      ["CodeBuild", 3],
      ["A", 1],
    ]);
    expect(groupsOf(doc, "s2").map((g) => g.runOrder)).toEqual([1, 2, 3]);
  });
});

describe("pipeline commands", () => {
  it("patches top-level members, never stages", () => {
    const doc = run(sample(), { type: "updatePipeline", patch: { pipelineType: undefined, executionMode: "PARALLEL", stages: [] } });
    expect(doc.declaration).not.toHaveProperty("pipelineType");
    expect(doc.declaration.executionMode).toBe("PARALLEL");
    expect(doc.stageIds).toHaveLength(2);
  });

  it("replaces the declaration with ids that never reuse the old ones", () => {
    const doc = run(sample(), { type: "replaceDeclaration", declaration: sampleDeclaration() });
    expect(doc.stageIds).toEqual(["s3", "s4"]);
    expect(doc.actionIds).toEqual([["a5"], ["a6", "a7", "a8"]]);
  });
});

describe("invalid commands", () => {
  const doc = sample();
  const invalid: DesignerCommand[] = [
    { type: "removeStage", stageId: "zz" },
    { type: "renameStage", stageId: "zz", name: "x" },
    { type: "moveStage", stageId: "zz", toIndex: 0 },
    { type: "duplicateStage", stageId: "zz" },
    { type: "addAction", actionType: CODEBUILD, target: { stageId: "zz", kind: "insert", position: 0 } },
    { type: "addAction", actionType: CODEBUILD, target: { stageId: "s1", kind: "join", group: 5 } },
    { type: "moveAction", actionId: "zz", target: { stageId: "s1", kind: "insert", position: 0 } },
    { type: "moveAction", actionId: "a2", target: { stageId: "s1", kind: "join", group: 1 } },
    { type: "removeAction", actionId: "zz" },
    { type: "duplicateAction", actionId: "s1" },
    { type: "updateAction", actionId: "zz", patch: {} },
    { type: "pasteActions", actions: [], target: { stageId: "s1", kind: "insert", position: 0 } },
    { type: "pasteStage", stage: {}, afterStageId: "zz" },
  ];
  it.each(invalid)("$type on a missing element returns the same document", (command) => {
    const result = applyCommand(doc, command);
    expect(result.document).toBe(doc);
    expect(result.createdIds).toEqual([]);
  });
});

describe("no-op edits", () => {
  it("return the same document so history records nothing", () => {
    const doc = sample();
    expect(applyCommand(doc, { type: "renameStage", stageId: "s1", name: "Source" }).document).toBe(doc);
    expect(applyCommand(doc, { type: "renameAction", actionId: "a1", name: "Fetch" }).document).toBe(doc);
    expect(applyCommand(doc, { type: "updateAction", actionId: "a1", patch: { region: undefined } }).document).toBe(doc);
    expect(applyCommand(doc, { type: "updatePipeline", patch: { pipelineType: "V2" } }).document).toBe(doc);
    expect(applyCommand(doc, { type: "moveStage", stageId: "s1", toIndex: 0 }).document).toBe(doc);
  });
});
