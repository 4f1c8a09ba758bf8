import { describe, expect, it } from "vitest";
import type { DesignerDocument } from "@/lib/domain/designer/contract";
import { closestFieldPath, elementLabel, focusPathOf, pathOfSelection, pathWithin, selectionFromPath } from "./selection-from-path";

const document: DesignerDocument = {
  declaration: {
    name: "demo",
    stages: [
      { name: "Source", actions: [{ name: "Checkout" }] },
      { name: "Build", actions: [{ name: "Compile" }, { name: "Lint" }] },
    ],
  },
  stageIds: ["s1", "s2"],
  actionIds: [["a1"], ["a2", "a3"]],
};

describe("selectionFromPath", () => {
  it("selects the action, stage or pipeline a path points into", () => {
    expect(selectionFromPath(document, "stages[1].actions[1].inputArtifacts[0].name")).toEqual({ kind: "action", actionId: "a3" });
    expect(selectionFromPath(document, "stages[1].onFailure.result")).toEqual({ kind: "stage", stageId: "s2" });
    expect(selectionFromPath(document, "stages[0]")).toEqual({ kind: "stage", stageId: "s1" });
    expect(selectionFromPath(document, "roleArn")).toEqual({ kind: "pipeline" });
    expect(selectionFromPath(document, "")).toEqual({ kind: "pipeline" });
  });

  it("falls back to the enclosing element when an index has no id", () => {
    expect(selectionFromPath(document, "stages[0].actions[5].name")).toEqual({ kind: "stage", stageId: "s1" });
    expect(selectionFromPath(document, "stages[9].name")).toEqual({ kind: "pipeline" });
  });
});

describe("pathOfSelection / elementLabel / pathWithin", () => {
  it("maps selections back to paths", () => {
    expect(pathOfSelection(document, { kind: "action", actionId: "a3" })).toBe("stages[1].actions[1]");
    expect(pathOfSelection(document, { kind: "stage", stageId: "s2" })).toBe("stages[1]");
    expect(pathOfSelection(document, { kind: "pipeline" })).toBe("");
    expect(pathOfSelection(document, { kind: "action", actionId: "nope" })).toBeUndefined();
  });

  it("names elements", () => {
    expect(elementLabel(document, "stages[1].actions[0].configuration.ProjectName")).toBe("Build / Compile");
    expect(elementLabel(document, "stages[0].name")).toBe("Source");
    expect(elementLabel(document, "artifactStore.location")).toBe("demo");
  });

  it("matches a field and what is inside it, not its siblings", () => {
    expect(pathWithin("stages[0].actions[0].inputArtifacts[0].name", "stages[0].actions[0].inputArtifacts[0]")).toBe(true);
    expect(pathWithin("stages[0].actions[0].inputArtifacts", "stages[0].actions[0].inputArtifacts")).toBe(true);
    expect(pathWithin("stages[0].actions[0].namespaceX", "stages[0].actions[0].namespace")).toBe(false);
    expect(pathWithin("stages[1].name", "stages[1")).toBe(false);
  });
});

describe("closestFieldPath", () => {
  const fields = ["name", "stages[1].actions[0].name", "stages[1].actions[0].inputArtifacts", "stages[1].actions[0].inputArtifacts[0]"];
  it("picks the most specific field containing the path", () => {
    expect(closestFieldPath(fields, "stages[1].actions[0].inputArtifacts[0].name")).toBe("stages[1].actions[0].inputArtifacts[0]");
    expect(closestFieldPath(fields, "stages[1].actions[0].inputArtifacts[3]")).toBe("stages[1].actions[0].inputArtifacts");
    expect(closestFieldPath(fields, "stages[1].actions[0].name")).toBe("stages[1].actions[0].name");
    expect(closestFieldPath(fields, "roleArn")).toBeUndefined();
  });

  it("falls back to the first field inside a path naming a whole element", () => {
    expect(closestFieldPath(fields, "stages[1].actions[0]")).toBe("stages[1].actions[0].name");
  });

  it("prefers a field inside the path to a section around it", () => {
    const editor = ["variables", "variables[0].name", "variables[0].defaultValue"];
    expect(closestFieldPath(editor, "variables[0]")).toBe("variables[0].name");
    expect(closestFieldPath(editor, "variables")).toBe("variables");
  });

  it("finds no field for the whole pipeline", () => {
    expect(closestFieldPath(fields, "")).toBeUndefined();
  });
});

describe("focusPathOf", () => {
  it("is the diagnostic's path, or for a problem one choice decides, that choice", () => {
    expect(focusPathOf({ code: "STG003", path: "stages[1].actions" })).toBe("stages[1].actions");
    expect(focusPathOf({ code: "STORE001", path: "" })).toBe("artifactStoreMode");
    // Both kinds set: STORE001 names artifactStores, and the same choice fixes it.
    expect(focusPathOf({ code: "STORE001", path: "artifactStores" })).toBe("artifactStoreMode");
    expect(focusPathOf({ code: "EXEC002", path: "" })).toBe("");
  });
});
