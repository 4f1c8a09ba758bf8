/**
 * The fixture corpus (tests/fixtures/pipelines, sources in SOURCES.md): every file round-trips in
 * its own form, keeps its data through every other form, and the invalid ones fail with a
 * positioned error.
 */
/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { exportPipeline, importText, type ExportForm, type ImportedPipeline, type JsonMap, type JsonValue } from "./index";
import { documentOf, keyOrder, withLongFormPlaceholders } from "./testing/compare";
import { EXPORT_FORMS } from "./types";

// Vite reads the files (lib/domain has no Node built-ins, tests included).
const raw = import.meta.glob<string>("../../../tests/fixtures/pipelines/**/*.{json,yaml,yml}", { query: "?raw", import: "default", eager: true });
const fixtures = new Map(Object.entries(raw).map(([path, text]) => [path.replace(/^.*\/pipelines\//, ""), text]));
const files = [...fixtures.keys()].filter((f) => !f.startsWith("invalid/"));
const invalid = [...fixtures.keys()].filter((f) => f.startsWith("invalid/")).map((f) => f.slice("invalid/".length));

function load(name: string) {
  const text = fixtures.get(name)!;
  const result = importText(text, { fileName: name });
  if (!result.ok) throw new Error(String(result.error));
  return { text, result };
}

function sameForm(p: ImportedPipeline): ExportForm {
  const { form, syntax } = p.source;
  if (form.startsWith("cloudformation-")) {
    return syntax === "yaml" ? "cloudformation-yaml" : "cloudformation-json";
  }
  return form as ExportForm;
}

describe("fixture corpus", () => {
  it("has 15 or more real pipeline documents", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)("%s round-trips in its own form", (name) => {
    const { text, result } = load(name);
    for (const pipeline of result.pipelines) {
      const out = exportPipeline(pipeline, sameForm(pipeline));
      const before = documentOf(text);
      const after = documentOf(out.text);
      expect(after).toEqual(before);
      expect(keyOrder(after)).toEqual(keyOrder(before));
    }
  });

  it.each(files.filter((f) => /\.ya?ml$/.test(f) && !f.startsWith("userguide-pipeline")))(
    "%s keeps its comments on YAML export",
    (name) => {
      const { text, result } = load(name);
      const out = exportPipeline(result.pipelines[0]!, "cloudformation-yaml").text;
      const comments = (t: string) => t.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("#"));
      expect(comments(out)).toEqual(comments(text));
    },
  );

  it.each(files)("%s keeps its declaration through every export form", (name) => {
    const { result } = load(name);
    const pipeline = result.pipelines[0]!;
    for (const form of EXPORT_FORMS) {
      const out = exportPipeline(pipeline, form);
      const back = importText(out.text);
      if (!back.ok) throw new Error(`${form}: ${String(back.error)}`);
      const toCfnFromApi = form.startsWith("cloudformation") && !pipeline.source.form.startsWith("cloudformation");
      // CloudFormation has no `version` property: it is left out (with a warning) from a new template.
      let expected: JsonValue = toCfnFromApi ? withoutVersion(pipeline.declaration) : pipeline.declaration;
      // JSON has no tags: a YAML template's short forms come back in long form.
      if (form === "cloudformation-json") expected = withLongFormPlaceholders(expected);
      expect(back.pipelines[0]!.declaration, form).toEqual(expected);
      if (form === "cli-input" || form.startsWith("cloudformation")) {
        expect(back.pipelines[0]!.source.tags, `${form} tags`).toEqual(pipeline.source.tags);
      }
    }
  });

  it.each(invalid)("invalid/%s fails with a positioned error", (name) => {
    const text = fixtures.get(`invalid/${name}`)!;
    const result = importText(text, { fileName: name });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.line).toBeGreaterThanOrEqual(1);
    expect(String(result.error)).toMatch(new RegExp(`^${name.replace(/\./g, "\\.")}:\\d+:\\d+: .+`));
  });
});

describe("fixture details", () => {
  it("cfn-lint: the !Ref action name and boolean configuration", () => {
    const { result } = load("cfn-lint-stage-actions.yaml");
    const [p] = result.pipelines;
    const stages = p!.declaration["stages"] as JsonMap[];
    const source = (stages[0]!["actions"] as JsonMap[])[0]!;
    expect(source["configuration"]).toMatchObject({ PollForSourceChanges: "true" });
    expect((stages[1]!["actions"] as JsonMap[])[0]!["name"]).toBe("${!Ref CodeBuild}");
    expect(p!.warnings.find((w) => w.code === "unresolved-reference")?.position).toEqual({ line: 36, column: 26 });
  });

  it("user guide V2 get-pipeline: ISO timestamps kept as strings", () => {
    const { result } = load("userguide-pipeline-declaration-v2.yaml");
    expect(result.form).toBe("get-pipeline");
    expect(result.pipelines[0]!.source.metadata).toMatchObject({ created: "2019-12-12T06:49:02.733000+00:00" });
  });

  it("API get-pipeline: epoch numbers kept as numbers", () => {
    const { result } = load("api-get-pipeline-response.json");
    expect(result.pipelines[0]!.source.metadata).toMatchObject({ created: 1501626591.112 });
  });

  it("update-pipeline output: unknown __type members are kept and reported", () => {
    const { result } = load("awscli-update-pipeline-output.json");
    const p = result.pipelines[0]!;
    expect(p.warnings.filter((w) => w.code === "unknown-member").map((w) => w.path)).toEqual([
      "/stages/0/actions/0/actionTypeId/__type",
      "/stages/1/actions/0/actionTypeId/__type",
    ]);
  });

  it("user guide template: no Name, so the logical id stands in and is not written back", () => {
    const { result } = load("cfn-userguide-pipeline-template.yaml");
    const p = result.pipelines[0]!;
    expect(p.declaration["name"]).toBe("AppPipeline");
    expect(exportPipeline(p, "cloudformation-yaml").text).not.toMatch(/^\s+Name: AppPipeline/m);
    p.declaration["name"] = "renamed";
    expect(exportPipeline(p, "cloudformation-yaml").text).toMatch(/^ {6}Name: renamed$/m);
  });

  it("cross-account template: Fn::If with nested short forms round-trips as written", () => {
    const { result } = load("refarch-cross-account-pipeline.yaml");
    const p = result.pipelines[0]!;
    const action = ((p.declaration["stages"] as JsonMap[])[0]!["actions"] as JsonMap[])[0]!;
    expect(action["roleArn"]).toBe(
      "${!{Fn::If: [AddCodeBuildResource, !Sub \"arn:aws:iam::${DevAccount}:role/ToolsAcctCodePipelineCodeCommitRole\", !Ref AWS::NoValue]}}",
    );
    expect(p.declaration["name"]).toBe("${!Ref AWS::StackName}");
  });
});

function withoutVersion(declaration: JsonMap): JsonMap {
  const { version: _dropped, ...rest } = declaration;
  return rest;
}
