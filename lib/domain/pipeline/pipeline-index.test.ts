import { describe, expect, it } from "vitest";
import { actionType, actionWithId, buildIndex, buildOutline, effectiveRunOrder, groupByRunOrder, runsBefore, stageWithId, type PipelineOutline } from "./pipeline-index";

const type = { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" };
const declaration = {
  name: "p",
  stages: [
    { name: "Source", actions: [{ name: "Src", actionTypeId: { ...type, category: "Source", provider: "S3" } }] },
    {
      name: "Build",
      actions: [
        { name: "Late", actionTypeId: type, runOrder: 5 },
        { name: "First", actionTypeId: type, runOrder: 2 },
        { name: "Beside", actionTypeId: type, runOrder: 5 },
        { name: "NoOrder", actionTypeId: type },
      ],
    },
  ],
};

describe("buildIndex", () => {
  it("groups each stage's actions by ascending runOrder, actions in document order", () => {
    const build = buildIndex(declaration).stages[1]!;
    expect(build.groups.map((g) => [g.index, g.runOrder, g.actions.map((a) => a.name)])).toEqual([
      [0, 1, ["NoOrder"]],
      [1, 2, ["First"]],
      [2, 5, ["Late", "Beside"]],
    ]);
    expect(build.actions.map((a) => [a.name, a.actionIndex, a.groupIndex])).toEqual([
      ["Late", 0, 2],
      ["First", 1, 1],
      ["Beside", 2, 2],
      ["NoOrder", 3, 0],
    ]);
  });

  it("groups a stage written in ascending runOrder the same way", () => {
    const stage = { name: "S", actions: [1, 1, 2, 4, 4].map((runOrder, i) => ({ name: `A${i}`, actionTypeId: type, runOrder })) };
    const index = buildIndex({ stages: [stage] }).stages[0]!;
    expect(index.groups.map((g) => [g.index, g.runOrder, g.actions.map((a) => a.name)])).toEqual([
      [0, 1, ["A0", "A1"]],
      [1, 2, ["A2"]],
      [2, 4, ["A3", "A4"]],
    ]);
    expect(index.actions.map((a) => a.groupIndex)).toEqual([0, 0, 1, 2, 2]);
  });

  it("names elements by the ids given, else by their paths", () => {
    const ids = { stageIds: ["s1", "s2"], actionIds: [["a1"], ["a2", "a3", "a4", "a5"]] };
    const index = buildIndex(declaration, { ids });
    expect(index.stages.map((s) => s.id)).toEqual(["s1", "s2"]);
    expect(index.actions.map((a) => a.id)).toEqual(["a1", "a2", "a3", "a4", "a5"]);
    expect(stageWithId(index, "s2")!.name).toBe("Build");
    expect(actionWithId(index, "a4")!.path).toBe("stages[1].actions[2]");
    expect(actionWithId(index, "nope")).toBeUndefined();
    const byPath = buildIndex(declaration);
    expect(byPath.actions[1]!.id).toBe("stages[1].actions[0]");
    expect(byPath.stages[0]!.id).toBe("stages[0]");
  });

  it("keeps positions for entries that are not objects", () => {
    const index = buildIndex({ stages: [null, { actions: [7, { name: "A", runOrder: "x" }] }] });
    expect(index.stages.map((s) => [s.isObject, s.groups.length])).toEqual([
      [false, 0],
      [true, 1],
    ]);
    expect(index.stages[1]!.actions.map((a) => [a.isObject, a.runOrder, a.runOrderDeclared, a.path])).toEqual([
      [false, 1, false, "stages[1].actions[0]"],
      [true, 1, true, "stages[1].actions[1]"],
    ]);
    expect(buildIndex("not a pipeline").stages).toEqual([]);
  });

  it("orders actions as CodePipeline runs them", () => {
    const [src, late, first, beside] = buildIndex(declaration).actions;
    expect(runsBefore(src!, late!)).toBe(true);
    expect(runsBefore(first!, late!)).toBe(true);
    expect(runsBefore(late!, beside!)).toBe(false);
    expect(runsBefore(late!, first!)).toBe(false);
  });
});

describe("buildOutline", () => {
  /** The outline's view of an index: what both depths must agree on. */
  const structure = (outline: PipelineOutline) =>
    outline.stages.map((s) => ({
      raw: s.raw,
      isObject: s.isObject,
      index: s.index,
      name: s.name,
      groups: s.groups.map((g) => [g.index, g.runOrder, g.actions.map((a) => a.ordinal)]),
      actions: s.actions.map((a) => [a.raw, a.isObject, a.stageIndex, a.actionIndex, a.ordinal, a.name, a.runOrder, a.groupIndex, actionType(a.raw)]),
    }));

  it("reads the same stages, groups and actions as the index, entries that are not objects included", () => {
    // The index's type of each action is `actionType` of its raw object (the outline reads it on demand).
    for (const a of buildIndex(declaration).actions) expect(actionType(a.raw)).toEqual(a.type);
    for (const value of [declaration, { stages: [null, { name: 3, actions: [7, { name: "A", runOrder: "x", actionTypeId: { category: 1 } }] }, { actions: "no" }] }, "not a pipeline"]) {
      const outline = buildOutline(value);
      expect(structure(outline)).toEqual(structure(buildIndex(value)));
      expect(outline.actions.map((a) => a.ordinal)).toEqual(outline.actions.map((_, n) => n));
    }
    expect(structure(buildOutline(declaration))[1]!.groups).toEqual([
      [0, 1, [4]],
      [1, 2, [2]],
      [2, 5, [1, 3]],
    ]);
  });
});

describe("runOrder", () => {
  it("is the declared integer, else AWS's default 1", () => {
    expect(effectiveRunOrder({ runOrder: 3 })).toBe(3);
    expect(effectiveRunOrder({ runOrder: "3" })).toBe(1);
    expect(effectiveRunOrder({})).toBe(1);
    expect(effectiveRunOrder(null)).toBe(1);
  });

  it("groups positions ascending, members in list order", () => {
    expect(groupByRunOrder([3, 1, 3, 2])).toEqual([
      { runOrder: 1, members: [1] },
      { runOrder: 2, members: [3] },
      { runOrder: 3, members: [0, 2] },
    ]);
    expect(groupByRunOrder([])).toEqual([]);
  });
});
