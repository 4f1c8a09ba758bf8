import { describe, expect, it } from "vitest";
import { validate } from "../validation/validate";
import {
  documentFromDeclaration,
  emptyDesign,
  idAllocator,
  locateAction,
  locateStage,
  newId,
} from "./document";
import { groupsOf, sampleDeclaration } from "./test-fixtures";

describe("documentFromDeclaration", () => {
  it("assigns ids in document order, parallel to the declaration", () => {
    const doc = documentFromDeclaration(sampleDeclaration());
    expect(doc.stageIds).toEqual(["s1", "s2"]);
    expect(doc.actionIds).toEqual([["a1"], ["a2", "a3", "a4"]]);
  });

  it("is deterministic and continues after an allocator's seed", () => {
    expect(documentFromDeclaration(sampleDeclaration())).toEqual(documentFromDeclaration(sampleDeclaration()));
    const doc = documentFromDeclaration(sampleDeclaration(), idAllocator(undefined, 10));
    expect(doc.stageIds).toEqual(["s10", "s11"]);
  });

  it("tolerates declarations that are not shaped like a pipeline", () => {
    const doc = documentFromDeclaration({ stages: [null, { actions: "x" }, { actions: [1, null] }] });
    expect(doc.actionIds).toEqual([[], [], ["a1", "a2"]]);
    expect(documentFromDeclaration({}).stageIds).toEqual([]);
  });
});

describe("locating and grouping", () => {
  const doc = documentFromDeclaration(sampleDeclaration());

  it("locates stages and actions by id", () => {
    expect(locateStage(doc, "s2")).toBe(1);
    expect(locateStage(doc, "nope")).toBeUndefined();
    expect(locateAction(doc, "a4")).toEqual({ stageIndex: 1, actionIndex: 2 });
    expect(locateAction(doc, "s1")).toBeUndefined();
  });

  it("groups actions by ascending runOrder", () => {
    expect(groupsOf(doc, "s2")).toEqual([
      { runOrder: 1, actionIds: ["a2"] },
      { runOrder: 2, actionIds: ["a3", "a4"] },
    ]);
    expect(groupsOf(doc, "missing")).toEqual([]);
  });

  it("gives fresh ids one past the highest in use", () => {
    expect(newId(doc, "action")).toBe("a5");
    expect(newId(doc, "stage")).toBe("s3");
  });
});

describe("emptyDesign", () => {
  it("is a V2 skeleton whose remaining work validation reports", () => {
    const doc = emptyDesign();
    expect(doc.declaration.pipelineType).toBe("V2");
    expect(doc.stageIds).toHaveLength(2);
    const codes = validate(doc.declaration, { region: "us-east-1" }).filter((d) => d.severity === "error");
    expect(codes.some((d) => d.path === "roleArn")).toBe(true);
  });
});
