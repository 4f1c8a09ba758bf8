import { describe, expect, it } from "vitest";
import { CLIPBOARD_MARKER, copyActions, copySelection, copyStage, parseClipboard, pasteCommand } from "./clipboard";
import { applyCommand } from "./commands";
import { actionById, documentFromDeclaration, stageById } from "./document";
import { sampleDeclaration } from "./test-fixtures";

const doc = documentFromDeclaration(sampleDeclaration());

describe("clipboard", () => {
  it("round-trips actions and stages", () => {
    const text = copyActions(doc, ["a2", "a3", "missing"])!;
    expect(JSON.parse(text).marker).toBe(CLIPBOARD_MARKER);
    expect(parseClipboard(text)).toEqual({ kind: "actions", actions: [actionById(doc, "a2"), actionById(doc, "a3")] });
    expect(parseClipboard(copyStage(doc, "s1")!)).toEqual({ kind: "stage", stage: stageById(doc, "s1") });
    expect(copyActions(doc, ["missing"])).toBeUndefined();
    expect(copySelection(doc, { kind: "pipeline" })).toBeUndefined();
  });

  it("accepts a bare action or stage and rejects anything else", () => {
    expect(parseClipboard(JSON.stringify(actionById(doc, "a1")))?.kind).toBe("actions");
    expect(parseClipboard(JSON.stringify(stageById(doc, "s2")))?.kind).toBe("stage");
    expect(parseClipboard("not json")).toBeUndefined();
    expect(parseClipboard("[1,2]")).toBeUndefined();
    expect(parseClipboard(JSON.stringify({ marker: CLIPBOARD_MARKER, version: 1, kind: "actions", actions: [1] }))).toBeUndefined();
  });

  it("pastes after the selected action's group, or after the selected stage", () => {
    const content = parseClipboard(copySelection(doc, { kind: "action", actionId: "a2" })!)!;
    const command = pasteCommand(doc, content, { kind: "action", actionId: "a2" })!;
    expect(command).toMatchObject({ type: "pasteActions", target: { stageId: "s2", kind: "insert", position: 1 } });
    const pasted = applyCommand(doc, command).document;
    expect(actionById(pasted, "a5")).toMatchObject({ name: "Compile-2", runOrder: 2 });
    const stage = parseClipboard(copyStage(doc, "s1")!)!;
    expect(pasteCommand(doc, stage, { kind: "action", actionId: "a3" })).toEqual({ type: "pasteStage", stage: stageById(doc, "s1"), afterStageId: "s2" });
    expect(pasteCommand(doc, stage, { kind: "pipeline" })).toEqual({ type: "pasteStage", stage: stageById(doc, "s1") });
    const atEnd = applyCommand(doc, pasteCommand(doc, content, { kind: "pipeline" })!).document;
    expect(atEnd.actionIds[1]).toEqual(["a2", "a3", "a4", "a5"]);
    expect(actionById(atEnd, "a5")!.runOrder).toBe(3);
  });
});
