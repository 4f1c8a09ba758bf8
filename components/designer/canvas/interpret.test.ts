import { describe, expect, it } from "vitest";
import {
  commandForActionKey,
  commandForDrop,
  commandForStageDrop,
  commandForStageKey,
  dropTargetOf,
  stageGapAt,
  zoneFromDataset,
} from "./interpret";
import { applyCommand } from "@/lib/domain/designer/commands";
import { documentFromDeclaration } from "@/lib/domain/designer/document";
import type { DesignerDocument } from "@/lib/domain/designer/contract";

const cb = { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" };
const act = (name: string, runOrder: number) => ({ name, actionTypeId: cb, runOrder });
// Stage s1: groups [a1] [a2, a3]; stage s2: [a4]; stage s3: empty.
const doc = documentFromDeclaration({
  name: "p",
  stages: [
    { name: "One", actions: [act("A1", 1), act("A2", 2), act("A3", 2)] },
    { name: "Two", actions: [act("A4", 1)] },
    { name: "Three", actions: [] },
  ],
});

/** Stage → groups of action names, with runOrders, after applying a command. */
function shape(d: DesignerDocument): string[] {
  return (d.declaration.stages as { name: string; actions: { name: string; runOrder: number }[] }[]).map(
    (s) => `${s.name}: ${s.actions.map((a) => `${a.name}@${a.runOrder}`).join(" ")}`,
  );
}
function after(command: ReturnType<typeof commandForDrop>): string[] {
  expect(command).toBeDefined();
  return shape(applyCommand(doc, command!).document);
}

describe("zones", () => {
  it("reads a zone from data attributes", () => {
    expect(zoneFromDataset({ stage: "s1", kind: "join", index: "1" })).toEqual({ stageId: "s1", kind: "join", index: 1 });
    expect(zoneFromDataset({ stage: "s1", kind: "insert", index: "0" })).toEqual({ stageId: "s1", kind: "insert", index: 0 });
    expect(zoneFromDataset({ stage: "s1", kind: "other", index: "0" })).toBeUndefined();
    expect(zoneFromDataset({ stage: "s1", kind: "join", index: "-1" })).toBeUndefined();
    expect(zoneFromDataset({ kind: "join", index: "0" })).toBeUndefined();
  });

  it("maps zones to drop targets", () => {
    expect(dropTargetOf({ stageId: "s1", kind: "join", index: 1 })).toEqual({ stageId: "s1", kind: "join", group: 1 });
    expect(dropTargetOf({ stageId: "s1", kind: "insert", index: 2 })).toEqual({ stageId: "s1", kind: "insert", position: 2 });
  });
});

describe("drops", () => {
  it("a provider dropped on a group joins it (parallel)", () => {
    const command = commandForDrop(doc, { kind: "provider", actionType: cb }, { stageId: "s2", kind: "join", group: 0 });
    expect(command).toMatchObject({ type: "addAction", target: { stageId: "s2", kind: "join", group: 0 } });
    expect(after(command)[1]).toMatch(/^Two: A4@1 \S+@1$/);
  });

  it("a provider dropped in a gap makes a new sequential group", () => {
    const command = commandForDrop(doc, { kind: "provider", actionType: cb }, { stageId: "s2", kind: "insert", position: 0 });
    expect(after(command)[1]).toMatch(/^Two: \S+@1 A4@2$/);
  });

  it("an action moved onto another group runs in parallel with it; the others keep their runOrders", () => {
    const command = commandForDrop(doc, { kind: "action", actionId: "a1" }, { stageId: "s1", kind: "join", group: 1 });
    expect(after(command)[0]).toBe("One: A2@2 A3@2 A1@2");
  });

  it("an action moved into a gap gets its own group", () => {
    const command = commandForDrop(doc, { kind: "action", actionId: "a3" }, { stageId: "s1", kind: "insert", position: 0 });
    expect(after(command)[0]).toBe("One: A3@1 A1@2 A2@3");
  });

  it("an action moves across stages", () => {
    const command = commandForDrop(doc, { kind: "action", actionId: "a4" }, { stageId: "s3", kind: "insert", position: 0 });
    expect(after(command).slice(1)).toEqual(["Two: ", "Three: A4@1"]);
  });

  it("dropping an action where it already is does nothing", () => {
    expect(commandForDrop(doc, { kind: "action", actionId: "a1" }, { stageId: "s1", kind: "join", group: 0 })).toBeUndefined();
    expect(commandForDrop(doc, { kind: "action", actionId: "a1" }, { stageId: "s1", kind: "insert", position: 0 })).toBeUndefined();
    expect(commandForDrop(doc, { kind: "action", actionId: "a1" }, { stageId: "s1", kind: "insert", position: 1 })).toBeUndefined();
    // Not alone in its group: a gap next to it does make a new group.
    expect(commandForDrop(doc, { kind: "action", actionId: "a2" }, { stageId: "s1", kind: "insert", position: 2 })).toBeDefined();
  });
});

describe("stage drops", () => {
  it("picks the gap by the pointer's half of the stage", () => {
    expect(stageGapAt(1, 110, 100, 200)).toBe(1);
    expect(stageGapAt(1, 250, 100, 200)).toBe(2);
  });

  it("moves a stage to a gap, accounting for its own removal", () => {
    expect(commandForStageDrop(doc, "s1", 3)).toEqual({ type: "moveStage", stageId: "s1", toIndex: 2 });
    expect(commandForStageDrop(doc, "s3", 0)).toEqual({ type: "moveStage", stageId: "s3", toIndex: 0 });
    expect(commandForStageDrop(doc, "s2", 1)).toBeUndefined();
    expect(commandForStageDrop(doc, "s2", 2)).toBeUndefined();
    expect(shape(applyCommand(doc, commandForStageDrop(doc, "s1", 2)!).document).map((s) => s.split(":")[0])).toEqual([
      "Two",
      "One",
      "Three",
    ]);
  });
});

describe("keyboard moves", () => {
  const run = (actionId: string, key: Parameters<typeof commandForActionKey>[2]) => {
    const command = commandForActionKey(doc, actionId, key);
    return command && shape(applyCommand(doc, command).document);
  };

  it("Alt+Up/Down join the previous/next group", () => {
    expect(run("a2", "up")![0]).toBe("One: A1@1 A2@1 A3@2");
    expect(run("a1", "down")![0]).toBe("One: A2@2 A3@2 A1@2");
    expect(run("a1", "up")).toBeUndefined();
    expect(run("a2", "down")).toBeUndefined();
  });

  it("Alt+Shift+Up/Down make a new group before/after", () => {
    expect(run("a3", "new-before")![0]).toBe("One: A1@1 A3@2 A2@3");
    expect(run("a2", "new-after")![0]).toBe("One: A1@1 A3@2 A2@3");
    // Alone in its group: swaps with the neighbouring group.
    expect(run("a1", "new-after")![0]).toBe("One: A2@2 A3@2 A1@3");
    expect(run("a1", "new-before")).toBeUndefined();
  });

  it("Alt+Left/Right move to the end of the previous/next stage", () => {
    expect(run("a1", "right")!.slice(0, 2)).toEqual(["One: A2@2 A3@2", "Two: A4@1 A1@2"]);
    expect(run("a4", "left")![0]).toBe("One: A1@1 A2@2 A3@2 A4@3");
    expect(run("a1", "left")).toBeUndefined();
  });

  it("Alt+Left/Right reorder a selected stage", () => {
    expect(commandForStageKey(doc, "s2", "left")).toEqual({ type: "moveStage", stageId: "s2", toIndex: 0 });
    expect(commandForStageKey(doc, "s2", "right")).toEqual({ type: "moveStage", stageId: "s2", toIndex: 2 });
    expect(commandForStageKey(doc, "s1", "left")).toBeUndefined();
    expect(commandForStageKey(doc, "s3", "right")).toBeUndefined();
  });
});
