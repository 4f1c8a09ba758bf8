import { describe, expect, it } from "vitest";
import { maskedConfiguration } from "./action-detail";

describe("maskedConfiguration", () => {
  it("masks the provider's secret keys and leaves the rest", () => {
    const github = { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" };
    expect(maskedConfiguration(github, { Owner: "me", OAuthToken: "ghp_realtoken" })).toEqual({ Owner: "me", OAuthToken: "****" });
    const build = { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" };
    expect(maskedConfiguration(build, { ProjectName: "p" })).toEqual({ ProjectName: "p" });
    expect(maskedConfiguration(undefined, { A: "b" })).toEqual({ A: "b" });
  });
});
