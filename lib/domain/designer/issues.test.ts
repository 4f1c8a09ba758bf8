import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../validation/diagnostic";
import { validate } from "../validation/validate";
import { applyCommand } from "./commands";
import { documentFromDeclaration } from "./document";
import { fieldOfPath, groupIssues, issuesOf, stageIssueCounts, targetOfPath } from "./issues";
import { sampleDeclaration } from "./test-fixtures";

const doc = documentFromDeclaration(sampleDeclaration());
const d = (path: string, severity: "error" | "warning" = "error", code = "X1"): Diagnostic => ({
  code,
  severity,
  path,
  message: path,
});

describe("targetOfPath / fieldOfPath", () => {
  it("maps paths to elements and member paths", () => {
    expect(targetOfPath(doc, "stages[1].actions[2].configuration.ProjectName")).toEqual({
      selection: { kind: "action", actionId: "a4" },
      field: "configuration.ProjectName",
    });
    expect(targetOfPath(doc, "stages[1].actions[0]")).toEqual({ selection: { kind: "action", actionId: "a2" }, field: "" });
    expect(targetOfPath(doc, "stages[0].name")).toEqual({ selection: { kind: "stage", stageId: "s1" }, field: "name" });
    expect(targetOfPath(doc, "stages[0].actions")).toEqual({ selection: { kind: "stage", stageId: "s1" }, field: "actions" });
    expect(targetOfPath(doc, "stages[9].name")).toEqual({ selection: { kind: "pipeline" }, field: "stages[9].name" });
    expect(targetOfPath(doc, "roleArn")).toEqual({ selection: { kind: "pipeline" }, field: "roleArn" });
    expect(fieldOfPath("stages[1].actions[0].inputArtifacts[0].name")).toBe("inputArtifacts[0].name");
    expect(fieldOfPath('stages[1].actions[0].configuration["a b"]')).toBe('configuration["a b"]');
    expect(fieldOfPath("")).toBe("");
  });
});

describe("groupIssues", () => {
  it("groups by element, errors first", () => {
    const issues = groupIssues(doc, [
      d("stages[1].actions[1].name", "warning", "W"),
      d("stages[1].actions[1].inputArtifacts[0].name"),
      d("stages[0].name"),
      d("roleArn", "warning"),
      d(""),
    ]);
    expect(issues.pipeline.errors.map((x) => x.path)).toEqual([""]);
    expect(issues.pipeline.warnings.map((x) => x.path)).toEqual(["roleArn"]);
    expect(issues.stages.get("s1")!.errors).toHaveLength(1);
    const a3 = issuesOf(issues, { kind: "action", actionId: "a3" });
    expect(a3.errors.map((x) => x.path)).toEqual(["stages[1].actions[1].inputArtifacts[0].name"]);
    expect(a3.warnings).toHaveLength(1);
    expect(issuesOf(issues, { kind: "action", actionId: "a1" })).toEqual({ errors: [], warnings: [] });
    expect(stageIssueCounts(doc, issues, "s2")).toEqual({ errors: 1, warnings: 1 });
  });

  it("follows ids after a move (real validation)", () => {
    // Moving Test before Compile makes its input (BuildArtifact) produced too late.
    const moved = applyCommand(doc, { type: "moveAction", actionId: "a3", target: { stageId: "s2", kind: "insert", position: 0 } }).document;
    const issues = groupIssues(moved, validate(moved.declaration, { region: "us-east-1" }));
    const test = issues.actions.get("a3");
    expect(test?.errors.some((x) => x.path.endsWith("inputArtifacts[0].name"))).toBe(true);
    expect(issues.actions.get("a2")?.errors ?? []).toEqual([]);
  });
});
