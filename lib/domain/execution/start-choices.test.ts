import { describe, expect, it } from "vitest";
import { startChoices } from "./start-choices";

describe("startChoices", () => {
  it("reads the declared variables and the first stage's source actions", () => {
    const choices = startChoices({
      pipelineType: "V2",
      variables: [{ name: "Env", defaultValue: "staging" }, { name: "Region", description: "where" }, { bad: true }],
      stages: [
        { name: "Source", actions: [{ name: "App", actionTypeId: { category: "Source", provider: "CodeStarSourceConnection" } }, { name: "Image", actionTypeId: { category: "Source", provider: "ECR" } }] },
        { name: "Build", actions: [{ name: "Compile", actionTypeId: { category: "Build", provider: "CodeBuild" } }] },
      ],
    });
    expect(choices).toEqual({
      v2: true,
      variables: [{ name: "Env", defaultValue: "staging" }, { name: "Region", description: "where" }],
      sourceActions: [{ name: "App", provider: "CodeStarSourceConnection" }, { name: "Image", provider: "ECR" }],
    });
  });

  it("is empty for anything else", () => {
    expect(startChoices(null)).toEqual({ v2: false, variables: [], sourceActions: [] });
    expect(startChoices({ pipelineType: "V1", stages: "x" })).toEqual({ v2: false, variables: [], sourceActions: [] });
  });
});
