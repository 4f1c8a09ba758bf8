import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exportPipeline, importText, newPipeline, type ImportedPipeline, type JsonMap, type SourceDocument } from "@/lib/domain/formats";
import { exportChoices, exportForDialog, unreadableSource } from "./export-model";

function fixture(name: string): { text: string; pipeline: ImportedPipeline; source: SourceDocument } {
  const text = readFileSync(`tests/fixtures/pipelines/${name}`, "utf8");
  const result = importText(text, { fileName: name });
  if (!result.ok) throw result.error;
  const pipeline = result.pipelines[0]!;
  return { text, pipeline, source: pipeline.sourceDocument! };
}

const design: JsonMap = { name: "designed", roleArn: "arn:aws:iam::123456789012:role/r", stages: [] };

describe("export choices", () => {
  it("offers a new design the three forms it offered before, declaration first", () => {
    expect(exportChoices(undefined).map((c) => [c.form, c.intoSource])).toEqual([
      ["declaration", false],
      ["cli-input", false],
      ["cloudformation-yaml", false],
    ]);
    const exported = exportForDialog(undefined, design, "cloudformation-yaml");
    expect(exported).toMatchObject({ ...exportPipeline(newPipeline(design), "cloudformation-yaml"), losses: [], intoSource: false, fileName: "pipeline.yaml" });
  });

  it("offers an imported draft its source's form first, as imported, then every other form", () => {
    const { source } = fixture("cfn-userguide-pipeline-snippet.yaml");
    const choices = exportChoices(source);
    expect(choices[0]).toEqual({ form: "cloudformation-yaml", label: "CloudFormation snippet (YAML)", intoSource: true });
    expect(choices.slice(1).map((c) => [c.form, c.intoSource])).toEqual([
      ["declaration", false],
      ["get-pipeline", false],
      ["cli-input", false],
      ["cloudformation-json", false],
    ]);
    expect(exportChoices(fixture("cicd-sam-test-get-pipeline.json").source)[0]).toMatchObject({ form: "get-pipeline", label: "get-pipeline output (JSON)" });
  });
});

describe("export for the dialog", () => {
  it("writes an unedited template back byte for byte, under the file name it came with", () => {
    const { text, pipeline, source } = fixture("cfn-reference-rollback-snippet.yaml");
    expect(exportForDialog(source, structuredClone(pipeline.declaration), "cloudformation-yaml")).toEqual({
      text,
      warnings: [],
      losses: [],
      intoSource: true,
      fileName: "cfn-reference-rollback-snippet.yaml",
      mediaType: "text/yaml",
    });
  });

  it("changes only the edited value", () => {
    const { text, pipeline, source } = fixture("cfn-sample-basic-pipeline.yml");
    const declaration = structuredClone(pipeline.declaration);
    const configuration = ((declaration["stages"] as JsonMap[])[0]!["actions"] as JsonMap[])[0]!["configuration"] as JsonMap;
    configuration["S3ObjectKey"] = "edited.zip";
    const out = exportForDialog(source, declaration, "cloudformation-yaml").text.split("\n");
    const lines = text.split("\n");
    expect(out).toHaveLength(lines.length);
    const changed = lines.flatMap((line, i) => (line === out[i] ? [] : [[line, out[i]]]));
    // An intrinsic replaced by a literal: the line changes, its indentation and key stay.
    expect(changed).toEqual([["                S3ObjectKey: !Ref 'SourceS3Key'", "                S3ObjectKey: edited.zip"]]);
  });

  it("says what a conversion cannot carry: a template-born pipeline as get-pipeline output", () => {
    const { pipeline, source } = fixture("cfn-userguide-pipeline-template.yaml");
    const exported = exportForDialog(source, pipeline.declaration, "get-pipeline");
    expect(exported.intoSource).toBe(false);
    expect(exported.fileName).toBe("get-pipeline.json");
    expect(JSON.parse(exported.text)).toHaveProperty("pipeline.name", "AppPipeline");
    expect(exported.losses.join("\n")).toMatch(/DisableInboundStageTransitions is a CloudFormation property with no place in get-pipeline output/);
    expect(exported.losses.join("\n")).toMatch(/sets no Name/);
    expect(exported.losses.join("\n")).toMatch(/There is no metadata/);
    // The exporter's own "no metadata" warning says the same: not repeated.
    expect(exported.warnings).toEqual([]);
  });

  it("keeps the tags of --cli-input-json written back, and says where a conversion drops them", () => {
    const base = JSON.parse(readFileSync("tests/fixtures/pipelines/awscli-create-pipeline-input.json", "utf8"));
    const text = `${JSON.stringify({ ...base, tags: [{ key: "Project", value: "ProjectA" }] }, null, 2)}\n`;
    const result = importText(text, { fileName: "create.json" });
    if (!result.ok) throw result.error;
    const { declaration, sourceDocument } = result.pipelines[0]!;
    expect(sourceDocument!.form).toBe("cli-input");
    const edited = { ...structuredClone(declaration), name: "renamed" };
    const back = JSON.parse(exportForDialog(sourceDocument, edited, "cli-input").text);
    expect(back.tags).toEqual([{ key: "Project", value: "ProjectA" }]);
    expect(back.pipeline.name).toBe("renamed");
    expect(exportForDialog(sourceDocument, edited, "declaration").losses).toEqual(["The tags are left out: the pipeline declaration has none."]);
    expect(exportForDialog(sourceDocument, edited, "cloudformation-yaml").losses).toEqual([
      "The tags are written as the template's Tags.",
      "version is left out: CodePipeline assigns it, and a template has no Version property.",
    ]);
    expect(exportForDialog(sourceDocument, edited, "cloudformation-yaml").warnings).toEqual([]);
    // A warning about one member of this declaration is no loss of the form: it stays.
    const colliding = { ...edited, RoleArn: "arn:aws:iam::111111111111:role/other" };
    expect(exportForDialog(sourceDocument, colliding, "cloudformation-yaml").warnings.map((w) => w.path)).toEqual(["/RoleArn"]);
  });

  it("reports a stored source that no longer reads as it did", () => {
    const { pipeline, source } = fixture("cfn-userguide-pipeline-template.yaml");
    expect(unreadableSource(source, pipeline.declaration)).toBeUndefined();
    expect(unreadableSource(undefined, pipeline.declaration)).toBeUndefined();
    const stale: SourceDocument = { ...source, logicalId: "Gone" };
    expect(unreadableSource(stale, pipeline.declaration)).toMatch(/no pipeline Gone/);
  });
});
