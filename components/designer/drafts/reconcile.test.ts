import { describe, expect, it } from "vitest";
import type { JsonObject } from "@/lib/domain/json";
import { sampleDeclaration } from "@/lib/domain/designer/test-fixtures";
import { reconcile, settle, type DraftCopy } from "./reconcile";

const REGION = "us-east-1";

/** The sample with the given build action's ProjectName (0: Build, 1: Test, 2: Lint). */
function withProject(declaration: JsonObject, action: number, ProjectName: string): JsonObject {
  const copy = structuredClone(declaration);
  const build = (copy.stages as JsonObject[])[1]!;
  ((build.actions as JsonObject[])[action]!.configuration as JsonObject).ProjectName = ProjectName;
  return copy;
}
const projectOf = (declaration: JsonObject, action: number) =>
  (((declaration.stages as JsonObject[])[1]!.actions as JsonObject[])[action]!.configuration as JsonObject).ProjectName;
const copy = (declaration: JsonObject, region = REGION): DraftCopy => ({ declaration, region });

describe("reconciling two tabs of one draft", () => {
  const base = sampleDeclaration();

  it("takes the other tab's copy as it is when this tab changed nothing", () => {
    const theirs = withProject(base, 0, "theirs");
    expect(reconcile(copy(base), copy(theirs, "eu-west-1"), copy(base))).toEqual({
      kind: "update",
      copy: { declaration: theirs, region: "eu-west-1" },
      merged: false,
    });
  });

  it("changes nothing when the other tab changed nothing this tab has not", () => {
    const mine = withProject(base, 0, "mine");
    expect(reconcile(copy(base), copy(base), copy(mine))).toEqual({ kind: "unchanged" });
    expect(reconcile(copy(base), copy(mine), copy(mine))).toEqual({ kind: "unchanged" });
  });

  it("merges changes to different fields", () => {
    const result = reconcile(copy(base), copy(withProject(base, 1, "test-theirs")), copy(withProject(base, 2, "lint-mine"), "eu-west-1"));
    expect(result.kind).toBe("update");
    if (result.kind !== "update") return;
    expect(result.merged).toBe(true);
    expect(projectOf(result.copy.declaration, 1)).toBe("test-theirs");
    expect(projectOf(result.copy.declaration, 2)).toBe("lint-mine");
    // The region changed on this side only: it stays.
    expect(result.copy.region).toBe("eu-west-1");
  });

  it("asks when both changed the same field, and settles it field by field", () => {
    const theirs = withProject(withProject(base, 0, "build-theirs"), 1, "test-theirs");
    const mine = withProject(withProject(base, 0, "build-mine"), 2, "lint-mine");
    const result = reconcile(copy(base), copy(theirs), copy(mine));
    expect(result.kind).toBe("ask");
    if (result.kind !== "ask") return;
    expect(result.merge.conflicts.map((c) => c.title)).toEqual(["Build / Compile: configuration.ProjectName changed"]);
    const id = result.merge.conflicts[0]!.id;
    const mineWins = settle(result, { [id]: "mine" }).declaration;
    expect([0, 1, 2].map((a) => projectOf(mineWins, a))).toEqual(["build-mine", "test-theirs", "lint-mine"]);
    const theirsWin = settle(result, { [id]: "theirs" }).declaration;
    expect(projectOf(theirsWin, 0)).toBe("build-theirs");
  });
});
