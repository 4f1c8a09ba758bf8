import { describe, expect, it } from "vitest";
import type { AvailableNamespace } from "@/lib/domain/validation/variable-references";
import { applyCompletion, completionAt } from "./reference-completion";

const namespaces: AvailableNamespace[] = [
  { namespace: "codepipeline", source: "codepipeline", keys: ["PipelineExecutionId"] },
  { namespace: "variables", source: "variables", keys: ["env", "region"] },
  { namespace: "SourceVariables", source: "action", keys: ["CommitId", "BranchName"] },
  { namespace: "BuildVars", source: "action", keys: undefined },
];

describe("completionAt", () => {
  it("offers namespaces after #{", () => {
    const c = completionAt("x #{", 4, namespaces)!;
    expect(c.items.map((i) => i.label)).toEqual(["codepipeline", "variables", "SourceVariables", "BuildVars"]);
    expect(completionAt("#{So", 4, namespaces)!.items.map((i) => i.insert)).toEqual(["#{SourceVariables."]);
  });

  it("offers keys after the period, filtered by prefix", () => {
    const c = completionAt("#{SourceVariables.C", 19, namespaces)!;
    expect(c.items.map((i) => i.label)).toEqual(["CommitId"]);
    expect(completionAt("#{variables.", 12, namespaces)!.items.map((i) => i.label)).toEqual(["env", "region"]);
  });

  it("offers nothing outside a reference or for user-defined keys", () => {
    expect(completionAt("plain", 5, namespaces)).toBeUndefined();
    expect(completionAt("#{a.b} x", 8, namespaces)).toBeUndefined();
    expect(completionAt("#{BuildVars.", 12, namespaces)).toBeUndefined();
  });
});

describe("applyCompletion", () => {
  it("replaces the typed part and places the cursor after the insertion", () => {
    const value = "v-#{Sou";
    const c = completionAt(value, value.length, namespaces)!;
    expect(applyCompletion(value, c, c.items[0]!)).toEqual({ value: "v-#{SourceVariables.", cursor: 20 });
  });

  it("does not duplicate an existing closing brace", () => {
    const value = "#{SourceVariables.Co}/x";
    const c = completionAt(value, 20, namespaces)!;
    expect(applyCompletion(value, c, c.items[0]!).value).toBe("#{SourceVariables.CommitId}/x");
  });
});
