import { describe, expect, it } from "vitest";
import { applyCommand } from "./commands";
import { documentFromDeclaration } from "./document";
import { canRedo, canUndo, createHistory, record, redo, undo } from "./history";
import { sampleDeclaration } from "./test-fixtures";

describe("history", () => {
  const doc = documentFromDeclaration(sampleDeclaration());

  it("undoes and redoes a sequence of commands", () => {
    let h = createHistory(doc);
    expect(canUndo(h)).toBe(false);
    h = record(h, applyCommand(h.present, { type: "renameStage", stageId: "s1", name: "A" }));
    const afterFirst = h.present;
    h = record(h, applyCommand(h.present, { type: "removeAction", actionId: "a2" }));
    expect(canUndo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe(afterFirst);
    expect(canRedo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe(doc);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present.actionIds[1]).toEqual(["a3", "a4"]);
    expect(redo(h)).toBe(h);
  });

  it("clears the future on a new edit and ignores no-ops", () => {
    let h = record(createHistory(doc), applyCommand(doc, { type: "removeStage", stageId: "s1" }));
    h = undo(h);
    h = record(h, applyCommand(h.present, { type: "removeStage", stageId: "s2" }));
    expect(canRedo(h)).toBe(false);
    expect(record(h, applyCommand(h.present, { type: "removeStage", stageId: "zz" }))).toBe(h);
  });

  it("caps the past", () => {
    let h = createHistory(doc);
    for (let i = 0; i < 10; i++) {
      h = record(h, applyCommand(h.present, { type: "renameStage", stageId: "s1", name: `n${i}` }), 3);
    }
    expect(h.past).toHaveLength(3);
  });
});
