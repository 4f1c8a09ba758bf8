import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { MEMBERS } from "../../lib/domain/pipeline/members";

// The SDK's schema lists every structure as [3, namespace, name, traits, memberNames, memberSchemas].
const sdk = createRequire(import.meta.url)("@aws-sdk/client-codepipeline") as Record<string, unknown>;
const SDK_NAME: Record<string, string> = { GitFilterCriteria: "GitBranchFilterCriteria" };

describe("MEMBERS", () => {
  it.each(Object.keys(MEMBERS))("%s has the SDK's member order", (shape) => {
    const schema = sdk[`${SDK_NAME[shape] ?? shape}$`] as unknown[];
    expect(Array.isArray(schema)).toBe(true);
    expect(MEMBERS[shape as keyof typeof MEMBERS]).toEqual(schema[4]);
  });

  it("the three git filter criteria shapes share one member list", () => {
    for (const name of ["GitBranchFilterCriteria", "GitFilePathFilterCriteria", "GitTagFilterCriteria"]) {
      expect((sdk[`${name}$`] as unknown[])[4]).toEqual([...MEMBERS.GitFilterCriteria]);
    }
  });
});
