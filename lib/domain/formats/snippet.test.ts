/**
 * CloudFormation snippets: logical ids mapped to resources without `Resources:`, as the resource
 * reference prints its examples. They import like a template (same declarations, warnings and
 * paths, one pipeline per pipeline resource) and export back in the form they came in.
 */
import { describe, expect, it } from "vitest";
import { exportPipeline, importText, type ImportedPipeline } from "./index";

const snippet = `# two pipelines and a role, as pasted from a template
Build:
  Type: AWS::CodePipeline::Pipeline
  Properties:
    RoleArn: !GetAtt Role.Arn
    RestartExecutionOnUpdate: true
    Stages:
      - Name: Source
        Actions:
          - Name: Src
            ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: 1}
            Configuration: {S3Bucket: !Ref Bucket, S3ObjectKey: app.zip, PollForSourceChanges: false}
            OutputArtifacts: [{Name: App}]
Role:
  Type: AWS::IAM::Role
  Properties: {AssumeRolePolicyDocument: {}}
Release:
  Type: 'AWS::CodePipeline::Pipeline'
  Condition: IsProd
  Properties:
    Name: release
    RoleArn: arn:aws:iam::111122223333:role/r
    Stages: []
`;

function imported(text: string, fileName?: string): { form: string; syntax: string; pipelines: ImportedPipeline[] } {
  const result = importText(text, fileName === undefined ? {} : { fileName });
  if (!result.ok) throw result.error;
  return result;
}

/** The snippet's resources under `Resources:`, indented one level. */
const asTemplate = (text: string) => `Resources:\n${text.replace(/^(?!$)/gm, "  ")}`;

describe("CloudFormation snippets", () => {
  it("import one pipeline per pipeline resource, labelled by logical id", () => {
    const { form, syntax, pipelines } = imported(snippet);
    expect([form, syntax]).toEqual(["cloudformation-snippet", "yaml"]);
    expect(pipelines.map((p) => p.label)).toEqual(["Build", "Release"]);
    expect(pipelines[0]!.declaration["roleArn"]).toBe("${!GetAtt Role.Arn}");
    expect(pipelines.map((p) => p.sourceDocument?.logicalId)).toEqual(["Build", "Release"]);
  });

  it("give the same declarations, warnings and paths as the same resources in a template", () => {
    const fromSnippet = imported(snippet).pipelines;
    const fromTemplate = imported(asTemplate(snippet)).pipelines;
    expect(fromSnippet.map((p) => p.declaration)).toEqual(fromTemplate.map((p) => p.declaration));
    const findings = (ps: ImportedPipeline[]) => ps.map((p) => p.warnings.map(({ code, path, message }) => ({ code, path, message })));
    expect(findings(fromSnippet)).toEqual(findings(fromTemplate));
    expect(findings(fromSnippet)[0]).toContainEqual(expect.objectContaining({ code: "cloudformation-only", path: "/RestartExecutionOnUpdate" }));
    expect(findings(fromSnippet)[0]).toContainEqual(expect.objectContaining({ code: "generated-name", path: "/name" }));
  });

  it("read JSON with braces, and the members without braces the reference prints", () => {
    const members = '"AppPipeline": {\n  "Type": "AWS::CodePipeline::Pipeline",\n  "Properties": {"Name": "p", "RoleArn": {"Ref": "R"}}\n}\n';
    for (const [text, fileName] of [[`{${members}}`, undefined], [members, undefined], [members, "pipeline.json"]] as const) {
      const { form, syntax, pipelines } = imported(text, fileName);
      expect([form, syntax]).toEqual(["cloudformation-snippet", "json"]);
      expect(pipelines[0]!.declaration).toEqual({ name: "p", roleArn: "${!{Ref: R}}" });
    }
  });

  it("refuse a snippet without a pipeline, naming what it holds", () => {
    const result = importText("Role:\n  Type: AWS::IAM::Role\nBucket:\n  Type: AWS::S3::Bucket\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("shape");
    expect(result.error.message).toBe("this CloudFormation snippet has no AWS::CodePipeline::Pipeline resource (its resource types are AWS::IAM::Role, AWS::S3::Bucket)");
  });

  it("are not confused with a declaration or a document of objects", () => {
    expect(imported('{"name": "p", "stages": [], "roleArn": "r"}').form).toBe("declaration");
    expect(importText('{"a": {"Type": 1}}').ok).toBe(false);
  });

  it("export back as a snippet by default, and as a template or a lone resource on request", () => {
    const [build, release] = imported(snippet).pipelines;
    expect(exportPipeline(build!, "cloudformation-yaml").text).toBe(snippet);
    release!.declaration["name"] = "release-2";
    expect(exportPipeline(release!, "cloudformation-yaml").text).toBe(snippet.replace("Name: release", "Name: release-2"));
    const template = imported(exportPipeline(build!, "cloudformation-yaml", { cloudFormationShape: "template" }).text);
    expect(template.form).toBe("cloudformation-template");
    expect(template.pipelines.map((p) => p.label)).toEqual(["Build", "Release"]);
    const lone = imported(exportPipeline(release!, "cloudformation-json", { cloudFormationShape: "resource" }).text);
    expect(lone.form).toBe("cloudformation-resource");
    expect(lone.pipelines[0]!.declaration["name"]).toBe("release-2");
    const json = imported(exportPipeline(build!, "cloudformation-json").text);
    expect([json.form, json.syntax]).toEqual(["cloudformation-snippet", "json"]);
  });

  it("a template exported as a snippet holds its pipeline resources", () => {
    const [build] = imported(asTemplate(snippet)).pipelines;
    const out = imported(exportPipeline(build!, "cloudformation-yaml", { cloudFormationShape: "snippet" }).text);
    expect(out.form).toBe("cloudformation-snippet");
    expect(out.pipelines.map((p) => p.label)).toEqual(["Build"]);
    expect(out.pipelines[0]!.declaration).toEqual(build!.declaration);
  });
});
