import { describe, expect, it } from "vitest";
import { validate } from "../validation/validate";
import { applyCommand } from "./commands";
import { emptyDesign } from "./document";
import { groupsOf } from "./test-fixtures";
import { STARTER_TEMPLATES, templateDeclaration } from "./templates";

describe("starter templates", () => {
  const complete = STARTER_TEMPLATES.filter((t) => t.id !== "blank");

  it("has blank and three complete templates with unique ids", () => {
    expect(STARTER_TEMPLATES.map((t) => t.id)).toContain("blank");
    expect(complete).toHaveLength(3);
    expect(new Set(STARTER_TEMPLATES.map((t) => t.id)).size).toBe(STARTER_TEMPLATES.length);
  });

  it.each(complete.map((t) => [t.id, t] as const))("%s validates with no errors (nor warnings) in us-east-1", (_id, template) => {
    expect(validate(template.declaration, { region: "us-east-1" })).toEqual([]);
  });

  it("hands out copies and loads through replaceDeclaration", () => {
    const declaration = templateDeclaration("github-codebuild-ecs")!;
    expect(declaration).not.toBe(STARTER_TEMPLATES[2]!.declaration);
    const doc = applyCommand(emptyDesign(), { type: "replaceDeclaration", declaration }).document;
    expect(doc.stageIds).toHaveLength(3);
    expect(groupsOf(doc, doc.stageIds[2]!)).toEqual([{ runOrder: 1, actionIds: [doc.actionIds[2]![0]] }]);
    expect(templateDeclaration("nope")).toBeUndefined();
  });
});
