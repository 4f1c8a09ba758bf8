import { describe, expect, it } from "vitest";
import { diffDeclarations } from "@/lib/domain/sync/diff";
import { groupChanges, PIPELINE_GROUP } from "./change-groups";

const action = (name: string, runOrder: number, configuration: Record<string, string> = {}) => ({
  name,
  runOrder,
  actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
  configuration: { ProjectName: name, ...configuration },
});

type TestAction = { name: string; runOrder?: number; configuration: Record<string, string> } & Record<string, unknown>;
type TestPipeline = { name: string; roleArn: string; stages: { name: string; actions: TestAction[] }[] };

const base: TestPipeline = {
  name: "p",
  roleArn: "arn:aws:iam::123456789012:role/r",
  stages: [
    { name: "Source", actions: [{ name: "Src", actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" }, configuration: { Owner: "o", Repo: "r", Branch: "main", OAuthToken: "****" } }] },
    { name: "Build", actions: [action("Compile", 1), action("Lint", 2)] },
  ],
};

describe("groupChanges", () => {
  it("is empty for the same pipeline", () => {
    expect(groupChanges(diffDeclarations(base, structuredClone(base)))).toEqual({ groups: [], cosmetic: 0 });
  });

  it("groups by stage, pipeline settings first, with old → new values and moves in words", () => {
    const after = structuredClone(base);
    after.roleArn = "arn:aws:iam::123456789012:role/other";
    after.stages[1]!.actions[1]!.runOrder = 1; // Lint joins Compile's group: parallel
    after.stages[1]!.actions[0]!.configuration.ProjectName = "compile-v2";
    const { groups, cosmetic } = groupChanges(diffDeclarations(base, after));
    expect(cosmetic).toBe(0);
    expect(groups.map((g) => g.title)).toEqual([PIPELINE_GROUP, 'Stage "Build"']);
    expect(groups[0]!.changes).toEqual([expect.objectContaining({ title: "Pipeline: roleArn changed", before: base.roleArn, after: after.roleArn })]);
    const build = groups[1]!.changes;
    expect(build.map((c) => c.title)).toEqual(
      expect.arrayContaining(['Action "Lint" moved within stage "Build"', "Build / Compile: configuration.ProjectName changed"]),
    );
    expect(build.find((c) => c.title.startsWith('Action "Lint"'))!.detail).toBe("group 2 of 2, on its own → group 1 of 1, in parallel with Compile");
  });

  it("never shows a secret's value", () => {
    const after = structuredClone(base);
    after.stages[0]!.actions[0]!.configuration.OAuthToken = "ghp_typed_in_clear";
    const { groups } = groupChanges(diffDeclarations(base, after));
    const texts = JSON.stringify(groups);
    expect(texts).not.toContain("ghp_typed_in_clear");
    expect(groups[0]!.changes[0]).toMatchObject({ before: "****", after: "****" });
  });

  it("counts cosmetic changes instead of listing them", () => {
    const after = structuredClone(base);
    after.stages[1]!.actions[0]!.runOrder = 10;
    after.stages[1]!.actions[1]!.runOrder = 20;
    const grouped = groupChanges(diffDeclarations(base, after));
    expect(grouped.groups).toEqual([]);
    expect(grouped.cosmetic).toBeGreaterThan(0);
  });
});
