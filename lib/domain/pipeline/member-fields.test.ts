import { describe, expect, it } from "vitest";
import { MEMBER_FIELDS } from "./member-fields";

describe("MEMBER_FIELDS", () => {
  it("reads the kind of every member off the zod schemas", () => {
    expect(MEMBER_FIELDS.PipelineDeclaration.artifactStores).toEqual({ kind: "storeMap" });
    expect(MEMBER_FIELDS.PipelineDeclaration.version).toEqual({ kind: "int" });
    expect(MEMBER_FIELDS.ActionDeclaration.configuration).toEqual({ kind: "config" });
    expect(MEMBER_FIELDS.RuleDeclaration.configuration).toEqual({ kind: "config" });
    expect(MEMBER_FIELDS.ActionDeclaration.actionTypeId).toEqual({ kind: "shape", shape: "ActionTypeId" });
    expect(MEMBER_FIELDS.GitPushFilter.tags).toEqual({ kind: "shape", shape: "GitFilterCriteria" });
  });

  it("takes enum values from the schema's enum", () => {
    expect(MEMBER_FIELDS.PipelineDeclaration.executionMode).toEqual({ kind: "enum", values: ["QUEUED", "SUPERSEDED", "PARALLEL"] });
    expect(MEMBER_FIELDS.GitPullRequestFilter.events).toEqual({
      kind: "list",
      of: { kind: "enum", values: ["OPEN", "UPDATED", "CLOSED"] },
      min1: true,
    });
  });

  it("knows which strings and lists the model wants non-empty", () => {
    expect(MEMBER_FIELDS.PipelineVariableDeclaration.defaultValue).toEqual({ kind: "string", min1: true });
    expect(MEMBER_FIELDS.PipelineVariableDeclaration.description).toEqual({ kind: "string", min1: false });
    expect(MEMBER_FIELDS.StageDeclaration.actions).toMatchObject({ kind: "list", min1: false });
    expect(MEMBER_FIELDS.SuccessConditions.conditions).toMatchObject({ kind: "list", min1: true });
    expect(MEMBER_FIELDS.ActionDeclaration.commands).toEqual({ kind: "list", of: { kind: "string", min1: true }, min1: true });
  });

  it("leaves out the documents beside the declaration", () => {
    expect(Object.keys(MEMBER_FIELDS)).not.toContain("PipelineMetadata");
    expect(Object.keys(MEMBER_FIELDS)).not.toContain("Tag");
  });
});
