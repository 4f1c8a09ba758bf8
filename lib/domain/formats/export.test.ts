import { describe, expect, it } from "vitest";
import { MEMBERS } from "../pipeline/members";
import { exportPipeline, importText, newPipeline, type ImportedPipeline } from "./index";
import { FIELDS } from "./shapes";

function one(text: string): ImportedPipeline {
  const result = importText(text);
  if (!result.ok) throw result.error;
  return result.pipelines[0]!;
}

const scrambled = {
  zUnknown: 1,
  stages: [{ actions: [{ configuration: { B: "1", A: "2" }, actionTypeId: { version: "1", provider: "S3", owner: "AWS", category: "Source" }, name: "a" }], name: "s" }],
  version: 2,
  artifactStores: { "us-west-2": { location: "b", type: "S3" }, "eu-west-1": { type: "S3", location: "c" } },
  roleArn: "r",
  name: "p",
};

describe("key order", () => {
  it("AWS member order for new pipelines: known members first, unknown after, maps as given", () => {
    const text = exportPipeline(newPipeline(structuredClone(scrambled)), "declaration").text;
    expect(text).toBe(
      JSON.stringify(
        {
          name: "p",
          roleArn: "r",
          stages: [{ name: "s", actions: [{ name: "a", actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" }, configuration: { B: "1", A: "2" } }] }],
          artifactStores: { "us-west-2": { type: "S3", location: "b" }, "eu-west-1": { type: "S3", location: "c" } },
          version: 2,
          zUnknown: 1,
        },
        null,
        2,
      ) + "\n",
    );
  });

  it("source order within a family, AWS order across families unless asked", () => {
    const p = one(JSON.stringify({ pipeline: scrambled, metadata: { updated: 2, created: 1, pipelineArn: "a" } }));
    expect(Object.keys(JSON.parse(exportPipeline(p, "get-pipeline").text).pipeline)).toEqual(Object.keys(scrambled));
    expect(Object.keys(JSON.parse(exportPipeline(p, "get-pipeline", { keyOrder: "aws" }).text).metadata)).toEqual(["pipelineArn", "created", "updated"]);
    const yaml = exportPipeline(p, "cloudformation-yaml").text;
    expect(yaml.indexOf("Name: p")).toBeLessThan(yaml.indexOf("RoleArn: r"));
    const kept = exportPipeline(p, "cloudformation-yaml", { keyOrder: "source" }).text;
    expect(kept.indexOf("zUnknown")).toBeLessThan(kept.indexOf("Name: p"));
  });
});

describe("wrappers", () => {
  const declaration = { name: "p", roleArn: "r", stages: [] };

  it("get-pipeline keeps metadata as it came and warns when there is none", () => {
    const p = one(JSON.stringify({ pipeline: declaration, metadata: { created: "2024-08-13T12:25:07.401000+09:00", updated: 1501626591.112 } }));
    expect(JSON.parse(exportPipeline(p, "get-pipeline").text).metadata).toEqual({ created: "2024-08-13T12:25:07.401000+09:00", updated: 1501626591.112 });
    const fresh = exportPipeline(newPipeline(declaration), "get-pipeline");
    expect(JSON.parse(fresh.text)).toEqual({ pipeline: declaration });
    expect(fresh.warnings[0]!.code).toBe("dropped");
  });

  it("cli-input leaves metadata out with a note for AWS CLI users, and keeps tags", () => {
    const p = one(JSON.stringify({ pipeline: declaration, metadata: { created: 1 } }));
    const out = exportPipeline(p, "cli-input");
    expect(JSON.parse(out.text)).toEqual({ pipeline: declaration });
    expect(out.warnings.map((w) => w.message).join()).toMatch(/AWS CLI users must remove metadata/);
    const tagged = exportPipeline(newPipeline(declaration, { tags: [{ key: "k", value: "" }] }), "cli-input");
    expect(JSON.parse(tagged.text)).toEqual({ pipeline: declaration, tags: [{ key: "k", value: "" }] });
  });

  it("CloudFormation tags become cli-input tags and back", () => {
    const p = one("Resources:\n  P:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      Name: p\n      Tags:\n        - {Value: v, Key: k}\n");
    expect(JSON.parse(exportPipeline(p, "cli-input").text).tags).toEqual([{ key: "k", value: "v" }]);
    expect(exportPipeline(p, "cloudformation-yaml").text).toContain("- {Value: v, Key: k}");
  });

  it("top-level extras survive their own form and are reported elsewhere", () => {
    const p = one(JSON.stringify({ pipeline: declaration, tags: [], clientToken: "x" }));
    expect(JSON.parse(exportPipeline(p, "cli-input").text)).toEqual({ pipeline: declaration, tags: [], clientToken: "x" });
    expect(exportPipeline(p, "get-pipeline").warnings.some((w) => /clientToken/.test(w.message))).toBe(true);
  });
});

describe("shapes", () => {
  it("FIELDS describes exactly the members of members.ts, in order", () => {
    for (const shape of Object.keys(MEMBERS) as (keyof typeof MEMBERS)[]) {
      expect(Object.keys(FIELDS[shape]), shape).toEqual([...MEMBERS[shape]]);
    }
  });
});
