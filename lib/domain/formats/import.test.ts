import { describe, expect, it } from "vitest";
import { ACCEPTED_FORMS, FormatError, importText } from "./index";

function fail(text: string, fileName?: string): FormatError {
  const result = importText(text, fileName === undefined ? {} : { fileName });
  if (result.ok) throw new Error(`expected an error, got ${result.form}`);
  return result.error;
}

describe("form detection", () => {
  const declaration = { name: "p", roleArn: "arn:aws:iam::111122223333:role/r", stages: [] };
  it.each([
    ["declaration", declaration],
    ["get-pipeline", { pipeline: declaration, metadata: { created: 1 } }],
    ["cli-input", { pipeline: declaration, tags: [{ key: "k", value: "v" }] }],
    ["cli-input", { pipeline: declaration }],
    ["cloudformation-template", { Resources: { P: { Type: "AWS::CodePipeline::Pipeline", Properties: { Stages: [] } } } }],
    ["cloudformation-resource", { Type: "AWS::CodePipeline::Pipeline", Properties: { Stages: [] } }],
  ])("%s", (form, doc) => {
    const result = importText(JSON.stringify(doc));
    expect(result.ok && result.form).toBe(form);
  });

  it("reads YAML declarations and JSON-looking YAML flow style", () => {
    const yaml = importText("name: p\nstages: []\n");
    expect(yaml.ok && yaml.syntax).toBe("yaml");
    const flow = importText("{name: p, stages: []}");
    expect(flow.ok && flow.syntax).toBe("yaml");
  });

  it("names the accepted forms for a document of another shape", () => {
    const error = fail('{"hello": "world"}', "x.json");
    expect(error.kind).toBe("shape");
    expect(error.message).toContain(ACCEPTED_FORMS);
    expect(String(error)).toMatch(/^x\.json:1:1: not a pipeline document \(top-level keys: hello\)/);
  });

  it("explains CloudFormation Properties without a resource around them", () => {
    expect(fail("Stages: []\nRoleArn: x\n").message).toMatch(/wrap it as \{Type: AWS::CodePipeline::Pipeline/);
  });

  it.each([["[1, 2]", "a list"], ["42", "a number"], ["", "empty"], ["# only a comment\n", "empty"], ["!Ref X", "the intrinsic function !Ref"]])("rejects %j", (text, what) => {
    expect(fail(text).message).toContain(what);
  });

  it("rejects a resource of another type and a template without pipelines", () => {
    expect(fail('{"Type": "AWS::S3::Bucket", "Properties": {}}').message).toContain('"AWS::S3::Bucket"');
    const error = fail("Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
    expect(error.message).toMatch(/no AWS::CodePipeline::Pipeline resource \(its resource types are AWS::S3::Bucket\)/);
    expect([error.line, error.column]).toEqual([2, 3]);
  });

  it("rejects Properties that are an intrinsic, at their position", () => {
    const error = fail("Resources:\n  P:\n    Type: AWS::CodePipeline::Pipeline\n    Properties: !If [C, {}, {}]\n");
    expect(error.message).toMatch(/Properties of P must be an object/);
    expect(error.line).toBe(4);
  });
});

describe("parse errors", () => {
  it("positions JSON errors V8 reports with an offset", () => {
    const error = fail('{\n  "name": "p",\n  "stages": [,]\n}', "p.json");
    expect(error.kind).toBe("parse");
    expect([error.line, error.column]).toEqual([3, 14]);
    expect(error.toString()).toMatch(/^p\.json:3:14: invalid JSON: /);
  });

  it("positions JSON errors V8 reports without one", () => {
    const error = fail('{\n  "name": tru\n}', "p.json");
    expect([error.line, error.column]).toEqual([2, 11]);
  });

  it("positions an unexpected end at the end", () => {
    const error = fail('{\n  "name": "p",\n', "p.json");
    expect(error.line).toBe(3);
  });

  it("positions YAML errors", () => {
    const error = fail("pipeline:\n  name: p\n stages: []\n", "p.yaml");
    expect(error.kind).toBe("parse");
    expect(error.line).toBe(3);
    expect(error.message).not.toMatch(/\n/);
  });

  // Expanding aliases up to the node budget takes seconds on a busy machine.
  it("reports duplicate keys, several documents and runaway aliases instead of throwing", { timeout: 30_000 }, () => {
    expect(fail("name: a\nname: b\n").message).toMatch(/unique/i);
    expect(fail("name: a\n---\nname: b\n").kind).toBe("parse");
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++) bomb.push(`${"bcdefghij"[i]}: &${"bcdefghij"[i]} [${Array(10).fill(`*${"abcdefghij"[i]}`).join(", ")}]`);
    bomb.push("name: p");
    expect(fail(bomb.join("\n")).message).toMatch(/too many nodes/);
  });

  it("strips a byte order mark", () => {
    expect(importText('\uFEFF{"name": "p"}').ok).toBe(true);
  });
});

describe("API documents", () => {
  it("keeps key order, unknown members and wrapper members as they came", () => {
    const text = '{"pipeline": {"stages": [], "zeta": 1, "name": "p"}, "metadata": {"updated": "2024-01-01T00:00:00Z"}, "extra": true}';
    const result = importText(text);
    if (!result.ok) throw result.error;
    const [p] = result.pipelines;
    expect(Object.keys(p!.declaration)).toEqual(["stages", "zeta", "name"]);
    expect(p!.source.metadata).toEqual({ updated: "2024-01-01T00:00:00Z" });
    expect(p!.source.wrapper).toEqual({ keys: ["pipeline", "metadata", "extra"], extra: { extra: true } });
    expect(p!.warnings.map((w) => w.path)).toEqual(["/zeta", "(extra)"]);
  });

  it("leaves the declaration's unknown members to the engine when asked, keeping the wrapper's", () => {
    const text = '{"pipeline": {"stages": [], "zeta": 1, "name": "p"}, "extra": true}';
    const result = importText(text, { memberWarnings: false });
    if (!result.ok) throw result.error;
    expect(result.pipelines[0]!.warnings.map((w) => w.path)).toEqual(["(extra)"]);
  });

  it("notes metadata placed inside pipeline", () => {
    const result = importText('{"pipeline": {"name": "p", "metadata": {}}}');
    expect(result.ok && result.pipelines[0]!.warnings.some((w) => w.code === "note" && w.path === "/metadata")).toBe(true);
  });

  it("turns YAML short forms in an API document into placeholders", () => {
    const result = importText("name: p\nroleArn: !GetAtt Role.Arn\nstages: []\n");
    if (!result.ok) throw result.error;
    expect(result.pipelines[0]!.declaration["roleArn"]).toBe("${!GetAtt Role.Arn}");
    expect(result.pipelines[0]!.warnings[0]).toMatchObject({ code: "unresolved-reference", path: "/roleArn", position: { line: 2 } });
  });

  it("is safe for __proto__ keys", () => {
    const result = importText('{"name": "p", "__proto__": {"polluted": true}, "stages": []}');
    if (!result.ok) throw result.error;
    expect(Object.keys(result.pipelines[0]!.declaration)).toContain("__proto__");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
