import { describe, expect, it } from "vitest";
import { renameCopies, uniqueName } from "./naming";
import { sampleDeclaration } from "./test-fixtures";

describe("uniqueName", () => {
  it("keeps a free name and numbers a taken one", () => {
    expect(uniqueName("Build", new Set())).toBe("Build");
    expect(uniqueName("Build", new Set(["Build", "Build-2"]))).toBe("Build-3");
    expect(uniqueName("Out", new Set(["Out"]), "")).toBe("Out2");
    expect(uniqueName("x".repeat(100), new Set(["x".repeat(100)]))).toHaveLength(100);
  });
});

describe("renameCopies", () => {
  it("renames colliding artifacts and namespaces and rewires references inside the copied set", () => {
    const declaration = sampleDeclaration();
    const producer = { name: "Compile", outputArtifacts: [{ name: "BuildArtifact" }], namespace: "BuildVariables" };
    const consumer = {
      name: "Test",
      inputArtifacts: [{ name: "BuildArtifact" }, { name: "SourceArtifact" }],
      configuration: { Env: "#{BuildVariables.Tag} #{SourceVariables.ETag}" },
    };
    const [p, c] = renameCopies(declaration, [producer, consumer], new Set(["Compile"]), false);
    expect(p).toEqual({ name: "Compile-2", outputArtifacts: [{ name: "BuildArtifact2" }], namespace: "BuildVariables2" });
    expect(c).toEqual({
      name: "Test",
      inputArtifacts: [{ name: "BuildArtifact2" }, { name: "SourceArtifact" }],
      configuration: { Env: "#{BuildVariables2.Tag} #{SourceVariables.ETag}" },
    });
    // The originals are untouched.
    expect(producer.outputArtifacts[0]!.name).toBe("BuildArtifact");
  });
});
