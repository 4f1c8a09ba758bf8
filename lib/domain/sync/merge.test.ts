import { describe, expect, it } from "vitest";
import { applyCommandStrict } from "../designer/commands";
import type { DesignerCommand, JsonObject } from "../designer/contract";
import { documentFromDeclaration } from "../designer/document";
import { sampleDeclaration } from "../designer/test-fixtures";
import { mergeDeclarations, mergesCleanly, resolveMerge } from "./merge";

type Ids = { stages: readonly string[]; actions: readonly (readonly string[])[] };

function edit(base: JsonObject, make: (ids: Ids) => DesignerCommand[]): JsonObject {
  let doc = documentFromDeclaration(base);
  for (const command of make({ stages: doc.stageIds, actions: doc.actionIds })) doc = applyCommandStrict(doc, command).document;
  return doc.declaration;
}

const projectOf = (d: unknown, stage: number, action: number) =>
  (((d as JsonObject).stages as JsonObject[])[stage]!.actions as JsonObject[])[action]!.configuration;
const configure = (actionId: string, ProjectName: string): DesignerCommand => ({ type: "updateAction", actionId, patch: { configuration: { ProjectName } } });

describe("mergeDeclarations", () => {
  const base = sampleDeclaration();

  it("merges changes to different actions by itself", () => {
    const theirs = edit(base, ({ actions }) => [configure(actions[1]![1]!, "test-v2")]);
    const mine = edit(base, ({ actions }) => [configure(actions[1]![2]!, "lint-v2"), { type: "renameAction", actionId: actions[1]![0]!, name: "Build" }]);
    const merge = mergeDeclarations(base, theirs, mine);
    expect(mergesCleanly(merge)).toBe(true);
    const merged = resolveMerge(merge);
    expect(projectOf(merged, 1, 1)).toEqual({ ProjectName: "test-v2" });
    expect(projectOf(merged, 1, 2)).toEqual({ ProjectName: "lint-v2" });
    expect(((merged as JsonObject).stages as JsonObject[])[1]!.actions).toContainEqual(expect.objectContaining({ name: "Build" }));
  });

  it("makes the same field changed differently a conflict, resolved field by field", () => {
    const theirs = edit(base, ({ actions }) => [configure(actions[1]![0]!, "theirs"), configure(actions[1]![1]!, "test-theirs")]);
    const mine = edit(base, ({ actions }) => [configure(actions[1]![0]!, "mine")]);
    const merge = mergeDeclarations(base, theirs, mine);
    expect(merge.conflicts).toHaveLength(1);
    expect(merge.conflicts[0]).toMatchObject({ id: "c1", title: "Build / Compile: configuration.ProjectName changed" });
    expect(merge.conflicts[0]!.theirs).toEqual([expect.objectContaining({ after: "theirs" })]);
    expect(merge.conflicts[0]!.mine).toEqual([expect.objectContaining({ after: "mine" })]);

    const mineWins = resolveMerge(merge, { c1: "mine" });
    expect(projectOf(mineWins, 1, 0)).toEqual({ ProjectName: "mine" });
    // Their other change merged regardless.
    expect(projectOf(mineWins, 1, 1)).toEqual({ ProjectName: "test-theirs" });
    expect(projectOf(resolveMerge(merge, { c1: "theirs" }), 1, 0)).toEqual({ ProjectName: "theirs" });
    // Without a choice the live change stays.
    expect(projectOf(resolveMerge(merge), 1, 0)).toEqual({ ProjectName: "theirs" });
  });

  it("makes a removed stage that the other side edited one conflict with all the edits", () => {
    const theirs = edit(base, ({ stages }) => [{ type: "removeStage", stageId: stages[1]! }]);
    const mine = edit(base, ({ actions }) => [configure(actions[1]![0]!, "mine"), { type: "renameAction", actionId: actions[1]![1]!, name: "Unit" }]);
    const merge = mergeDeclarations(base, theirs, mine);
    expect(merge.conflicts).toHaveLength(1);
    expect(merge.conflicts[0]!.mine).toHaveLength(2);
    expect((resolveMerge(merge, { c1: "theirs" }) as JsonObject).stages).toHaveLength(1);
    const kept = resolveMerge(merge, { c1: "mine" }) as JsonObject;
    expect(kept.stages).toHaveLength(2);
    expect(projectOf(kept, 1, 0)).toEqual({ ProjectName: "mine" });
  });

  it("keeps both sides' actions added to one stage, and both sides' stages", () => {
    const codeBuild = { category: "Test", owner: "AWS", provider: "CodeBuild", version: "1" };
    const theirs = edit(base, ({ stages }) => [
      { type: "addAction", actionType: codeBuild, target: { stageId: stages[1]!, kind: "insert", position: 2 }, name: "Theirs" },
      { type: "addStage", index: 2, name: "Deploy" },
    ]);
    const mine = edit(base, ({ stages }) => [
      { type: "addAction", actionType: codeBuild, target: { stageId: stages[1]!, kind: "join", group: 1 }, name: "Mine" },
      { type: "addStage", index: 2, name: "Verify" },
    ]);
    const merge = mergeDeclarations(base, theirs, mine);
    expect(merge.conflicts).toEqual([]);
    const merged = resolveMerge(merge) as JsonObject;
    expect((merged.stages as JsonObject[]).map((s) => s.name)).toEqual(["Source", "Build", "Deploy", "Verify"]);
    const build = ((merged.stages as JsonObject[])[1]!.actions as JsonObject[]).map((a) => [a.name, a.runOrder]);
    expect(build).toEqual([
      ["Compile", 1],
      ["Test", 2],
      ["Lint", 2],
      ["Mine", 2],
      ["Theirs", 3],
    ]);
  });

  it("makes two new stages with one name a conflict, unless they are the same stage", () => {
    const add = (name: string, project: string) =>
      edit(base, ({ stages }) => [
        { type: "addStage", index: 2, name },
        { type: "addAction", actionType: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" }, target: { stageId: stages[1]!, kind: "insert", position: 9 }, name: project },
      ]);
    expect(mergeDeclarations(base, add("Deploy", "A"), add("Deploy", "A")).conflicts).toEqual([]);
    const theirs = edit(base, () => [{ type: "addStage", index: 2, name: "Deploy" }]);
    const mine = edit(base, ({ stages }) => [{ type: "pasteStage", stage: { name: "Deploy", actions: [{ name: "X", actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" } }] }, afterStageId: stages[1]! }]);
    const merge = mergeDeclarations(base, theirs, mine);
    expect(merge.conflicts).toHaveLength(1);
    expect(merge.conflicts[0]!.title).toBe('Stage "Deploy" added');
  });

  it("merges pipeline variables item by item", () => {
    const withVariables = { ...base, variables: [{ name: "env", defaultValue: "dev" }, { name: "region", defaultValue: "us-east-1" }] };
    const theirs = { ...withVariables, variables: [{ name: "env", defaultValue: "prod" }, { name: "region", defaultValue: "us-east-1" }] };
    const mine = { ...withVariables, variables: [{ name: "env", defaultValue: "dev" }, { name: "region", defaultValue: "us-east-1" }, { name: "tier", defaultValue: "web" }] };
    const merge = mergeDeclarations(withVariables, theirs, mine);
    expect(merge.conflicts).toEqual([]);
    expect((resolveMerge(merge) as JsonObject).variables).toEqual([
      { name: "env", defaultValue: "prod" },
      { name: "region", defaultValue: "us-east-1" },
      { name: "tier", defaultValue: "web" },
    ]);
    const clash = { ...withVariables, variables: [{ name: "env", defaultValue: "staging" }, { name: "region", defaultValue: "us-east-1" }] };
    expect(mergeDeclarations(withVariables, theirs, clash).conflicts).toHaveLength(1);
  });

  it("lets a renumbered run order give way to the other side's move", () => {
    // Theirs inserts a group before Test/Lint (renumbering them); mine moves Lint next to Compile.
    const theirs = edit(base, ({ stages }) => [
      { type: "addAction", actionType: { category: "Test", owner: "AWS", provider: "CodeBuild", version: "1" }, target: { stageId: stages[1]!, kind: "insert", position: 1 }, name: "Smoke" },
    ]);
    const mine = edit(base, ({ stages, actions }) => [{ type: "moveAction", actionId: actions[1]![2]!, target: { stageId: stages[1]!, kind: "join", group: 0 } }]);
    const merge = mergeDeclarations(base, theirs, mine);
    expect(merge.conflicts).toEqual([]);
    const build = (((resolveMerge(merge) as JsonObject).stages as JsonObject[])[1]!.actions as JsonObject[]).map((a) => [a.name, a.runOrder]);
    expect(build).toEqual([
      ["Compile", 1],
      ["Lint", 1],
      ["Smoke", 2],
      ["Test", 3],
    ]);
  });
});
