import { describe, expect, it } from "vitest";
import { buildIndex } from "@/lib/domain/pipeline/pipeline-index";
import { actionNamespaces, ruleNamespaces } from "./action-scope";

const type = (category: string, provider: string) => ({ category, owner: "AWS", provider, version: "1" });
const declaration = {
  name: "p",
  stages: [
    {
      name: "Source",
      actions: [{ name: "Src", actionTypeId: type("Source", "S3"), namespace: "SourceVariables", outputArtifacts: [{ name: "Src" }] }],
    },
    {
      name: "Build",
      actions: [
        { name: "A", runOrder: 1, actionTypeId: type("Build", "CodeBuild"), namespace: "A", outputArtifacts: [{ name: "OutA" }] },
        { name: "B", runOrder: 1, actionTypeId: type("Build", "CodeBuild"), outputArtifacts: [{ name: "OutB" }] },
        { name: "C", runOrder: 2, actionTypeId: type("Build", "CodeBuild"), outputArtifacts: [{ name: "OutC" }] },
      ],
    },
  ],
};

describe("actionNamespaces", () => {
  const index = buildIndex(declaration);
  it("offers namespaces of actions that finish earlier", () => {
    const names = (s: number, a: number) => actionNamespaces(index, s, a).map((n) => n.namespace);
    expect(names(1, 0)).toEqual(["codepipeline", "SourceVariables"]);
    expect(names(1, 2)).toEqual(["codepipeline", "SourceVariables", "A"]);
    expect(names(5, 0)).toEqual([]);
  });

  it("offers a rule before entry only earlier stages, after success its own stage too", () => {
    expect(ruleNamespaces(index, 1, "beforeEntry").map((n) => n.namespace)).toEqual(["codepipeline", "SourceVariables"]);
    expect(ruleNamespaces(index, 1, "onSuccess").map((n) => n.namespace)).toEqual(["codepipeline", "SourceVariables", "A"]);
  });
});
