import { describe, expect, it } from "vitest";
import { ShortForm, type CfnObject, type CfnValue } from "../cloudformation/intrinsics";
import { FormatError } from "../errors";
import { parseText, sourceTextOf } from "../parse-text";
import { align } from "./reprint";
import { spliceDocument } from "./splice-document";

/** The text with its value edited by `edit` (which gets a deep copy), written by the splicer. */
function splice(text: string, edit: (value: CfnObject) => void): string | undefined {
  const parsed = parseText(text);
  if (parsed instanceof FormatError) throw parsed;
  const next = copy(parsed.value) as CfnObject;
  edit(next);
  return spliceDocument(sourceTextOf(parsed), next);
}

function copy(value: CfnValue): CfnValue {
  if (value instanceof ShortForm) return new ShortForm(value.fn, copy(value.value));
  if (Array.isArray(value)) return value.map(copy);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  return value;
}

const at = (value: CfnValue, ...path: (string | number)[]): CfnObject =>
  path.reduce<CfnValue>((v, k) => (v as Record<string | number, CfnValue>)[k]!, value) as CfnObject;

describe("YAML", () => {
  const yaml = `# a pipeline
Resources:
  Pipe:   # the pipeline
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: !GetAtt Role.Arn   # who runs it
      Stages:
        -
          Name: Source
          Actions:
            - Name: A   # first
              RunOrder: '1'
              Configuration: {Bucket: b, Key: k}

            # the second one
            - Name: B
              Run: |
                echo one
                echo two
        - Name: Deploy
          Actions: []
`;

  it("changes a scalar in place, keeping its quotes' absence, tags and the comment after it", () => {
    expect(splice(yaml, (v) => (at(v, "Resources", "Pipe", "Properties")["RoleArn"] = new ShortForm("GetAtt", "Other.Arn")))).toBe(
      yaml.replace("!GetAtt Role.Arn", "!GetAtt Other.Arn"),
    );
    expect(splice(yaml, (v) => (at(v, "Resources", "Pipe", "Properties", "Stages", 0, "Actions", 0)["RunOrder"] = "2"))).toBe(
      yaml.replace("RunOrder: '1'", 'RunOrder: "2"'),
    );
  });

  it("edits inside a flow mapping without rewriting the line around it", () => {
    const out = splice(yaml, (v) => {
      const configuration = at(v, "Resources", "Pipe", "Properties", "Stages", 0, "Actions", 0, "Configuration");
      configuration["Key"] = "k2";
      configuration["Extra"] = "x";
    });
    expect(out).toBe(yaml.replace("{Bucket: b, Key: k}", "{Bucket: b, Key: k2, Extra: x}"));
  });

  it("adds, removes and moves block items with their comments and blank lines", () => {
    const added = splice(yaml, (v) => {
      (at(v, "Resources", "Pipe", "Properties", "Stages", 0, "Actions") as unknown as CfnValue[]).push({ Name: "C", RunOrder: 2 });
    });
    expect(added).toBe(yaml.replace("                echo two\n", "                echo two\n            - Name: C\n              RunOrder: 2\n"));
    const removed = splice(yaml, (v) => {
      (at(v, "Resources", "Pipe", "Properties", "Stages", 0, "Actions") as unknown as CfnValue[]).splice(1, 1);
    });
    expect(removed).toBe(yaml.replace(/\n\n {12}# the second one\n {12}- Name: B\n.*\n.*\n.*echo two/, ""));
    const swapped = splice(yaml, (v) => {
      (at(v, "Resources", "Pipe", "Properties", "Stages", 0, "Actions") as unknown as CfnValue[]).reverse();
    });
    expect(swapped).toContain(
      "          Actions:\n            # the second one\n            - Name: B\n              Run: |\n                echo one\n                echo two\n            - Name: A   # first\n",
    );
  });

  it("writes a value that changed shape as whole lines at the right indentation", () => {
    const out = splice(yaml, (v) => {
      const stage = at(v, "Resources", "Pipe", "Properties", "Stages", 1);
      stage["Actions"] = [{ Name: "Go", Configuration: { Mode: "fast" } }];
    });
    expect(out).toBe(yaml.replace("          Actions: []\n", "          Actions:\n            - Name: Go\n              Configuration:\n                Mode: fast\n"));
  });

  it("replaces a block scalar and fills an empty value", () => {
    const out = splice("A:\n  Run: |\n    one\n    two\n  Empty:\nB: 1\n", (v) => {
      at(v, "A")["Run"] = "three";
      at(v, "A")["Empty"] = "now";
    });
    expect(out).toBe("A:\n  Run: three\n  Empty: now\nB: 1\n");
  });

  it("deletes the last entry of a mapping with the comment on its line", () => {
    expect(splice("a: 1 # A\nb: 2 # B\nc: 3\n", (v) => delete v["c"])).toBe("a: 1 # A\nb: 2 # B\n");
    expect(splice("x:\n  a: 1 # A\n  b: 2 # B\ny: 3\n", (v) => delete at(v, "x")["b"])).toBe("x:\n  a: 1 # A\ny: 3\n");
  });

  it("keeps CRLF line breaks and a byte order mark", () => {
    const crlf = "\uFEFFa: 1\r\nb:\r\n  - x\r\n";
    expect(splice(crlf, (v) => (v["b"] as CfnValue[]).push("z"))).toBe("\uFEFFa: 1\r\nb:\r\n  - x\r\n  - z\r\n");
  });

  it("follows the document's indentation for new nested values", () => {
    const flush = "Root:\n  Items:\n  - a\n  Other: 1\n";
    expect(splice(flush, (v) => (at(v, "Root")["New"] = { Inner: ["b"] }))).toBe("Root:\n  Items:\n  - a\n  Other: 1\n  New:\n    Inner:\n    - b\n");
    const four = "Root:\n    Items:\n        - a\n";
    expect(splice(four, (v) => (at(v, "Root")["New"] = { Inner: ["b"] }))).toBe("Root:\n    Items:\n        - a\n    New:\n        Inner:\n            - b\n");
  });

  it("returns the same text for an unchanged value, aliases and anchors included", () => {
    const anchored = "base: &b {x: 1}\nuse: *b\nlist: [a, b]\n";
    expect(splice(anchored, () => undefined)).toBe(anchored);
    // An edit next to an alias still writes exactly the edited value.
    expect(splice(anchored, (v) => (v["list"] as CfnValue[]).push("c"))).toBe("base: &b {x: 1}\nuse: *b\nlist: [a, b, c]\n");
  });
});

describe("JSON", () => {
  const json = '{\n  "a": 1,\n  "list": [\n    {"Name": "x"},\n    {"Name": "y"}\n  ],\n  "o": { "Ref" : "R" }\n}';

  it("adds and removes members with the source's separators, keeping a missing final newline", () => {
    expect(splice(json, (v) => (v["b"] = { k: [1] }))).toBe(json.replace('{ "Ref" : "R" }\n}', '{ "Ref" : "R" },\n  "b": {\n    "k": [\n      1\n    ]\n  }\n}'));
    expect(splice(json, (v) => delete v["a"])).toBe(json.replace('\n  "a": 1,', ""));
    expect(splice(json, (v) => (v["list"] as CfnValue[]).shift())).toBe(json.replace('\n    {"Name": "x"},', ""));
    expect(splice(json, (v) => (at(v, "o")["Ref"] = "S"))).toBe(json.replace('"R"', '"S"'));
  });

  it("writes compact JSON compactly", () => {
    expect(splice('{"a":[1,2],"b":{"c":true}}', (v) => (v["a"] as CfnValue[]).push(3))).toBe('{"a":[1,2,3],"b":{"c":true}}');
  });

  it("reads and writes members without braces, as the resource reference prints them", () => {
    const braceless = '"AppPipeline": {\n  "Type": "AWS::CodePipeline::Pipeline",\n  "Properties": {"Name": "p"}\n}\n';
    expect(splice(braceless, (v) => (at(v, "AppPipeline", "Properties")["Name"] = "q"))).toBe(braceless.replace('"p"', '"q"'));
  });

  it("writes short forms typed into a JSON document as long forms", () => {
    expect(splice('{"a": "x"}', (v) => (v["a"] = new ShortForm("Ref", "B")))).toBe('{"a": {"Ref":"B"}}');
  });
});

describe("alignment of list items", () => {
  it("matches by name, keeps unmatched neighbours paired, and finds moved items", () => {
    const named = (n: string, extra = 0) => ({ Name: n, x: extra });
    expect(align([named("a"), named("b"), named("c")], [named("a"), named("c", 1)])).toEqual([0, 2]);
    expect(align([named("a"), named("b"), named("c")], [named("a"), named("B"), named("c")])).toEqual([0, 1, 2]);
    expect(align([named("a"), named("b"), named("c")], [named("c"), named("a"), named("b")])).toEqual([2, 0, 1]);
    expect(align(["x", "y"], ["y", "z", "x"])).toEqual([1, undefined, 0]);
  });
});
