import { describe, expect, it } from "vitest";
import {
  exportAs,
  exportInto,
  exportLosses,
  importText,
  readSourceDocument,
  sourceDiagnostics,
  sourceExportForm,
  type ImportedPipeline,
  type JsonMap,
  type SourceDocument,
} from "./index";
import { changedLines } from "./testing/compare";

function first(text: string, fileName?: string): ImportedPipeline {
  const result = importText(text, fileName === undefined ? {} : { fileName });
  if (!result.ok) throw result.error;
  return result.pipelines[0]!;
}

function into(source: SourceDocument, declaration: JsonMap): string {
  const out = exportInto(source, declaration);
  if (!out.ok) throw out.error;
  return out.text;
}

const template = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Bucket: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Condition: IsProd
    Properties:
      RoleArn: !GetAtt Role.Arn
      RestartExecutionOnUpdate: true
      DisableInboundStageTransitions:
        - StageName: Deploy
          Reason: "manual gate"
      ArtifactStore: {Type: S3, Location: !Ref Bucket}
      Stages:
        - Name: Source
          Actions:
            - Name: Src
              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: 1}
              Configuration:
                S3Bucket: !Ref Bucket
                S3ObjectKey: app.zip   # the build input
              OutputArtifacts: [{Name: App}]
        - Name: Deploy
          Actions:
            - Name: Go
              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: S3, Version: 1}
              InputArtifacts: [{Name: App}]
              Configuration: {BucketName: !Sub "\${AWS::StackName}-site", Extract: true}
      Tags:
        - Key: team
          Value: web
  Role: {Type: AWS::IAM::Role}
Outputs:
  Name: {Value: !Ref Pipeline}
`;

describe("exportInto", () => {
  it("keeps the logical id, the absent Name, CloudFormation-only properties, Tags and the rest of the template", () => {
    const p = first(template);
    const declaration = structuredClone(p.declaration);
    const stages = declaration["stages"] as JsonMap[];
    ((stages[0]!["actions"] as JsonMap[])[0]!["configuration"] as JsonMap)["S3ObjectKey"] = "app-v2.zip";
    const out = into(p.sourceDocument!, declaration);
    expect(out).toBe(template.replace("S3ObjectKey: app.zip   #", "S3ObjectKey: app-v2.zip   #"));
  });

  it("writes a Name only when the user gives the pipeline one", () => {
    const p = first(template);
    expect(p.declaration["name"]).toBe("Pipeline");
    const renamed = { ...structuredClone(p.declaration), name: "web-release" };
    const { removed, added } = changedLines(template, into(p.sourceDocument!, renamed));
    expect(removed).toEqual([]);
    expect(added).toEqual(["      Name: web-release"]);
  });

  it("adds, moves and removes actions and stages, leaving the other lines alone", () => {
    const p = first(template);
    const declaration = structuredClone(p.declaration);
    const stages = declaration["stages"] as JsonMap[];
    (stages[1]!["actions"] as JsonMap[]).push({ name: "Approve", actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" }, runOrder: 2 });
    stages.reverse();
    const out = into(p.sourceDocument!, declaration);
    const back = first(out);
    expect(back.declaration).toEqual(declaration);
    // The moved stage's lines move as they were; the new action's lines are the only new text.
    const { removed, added } = changedLines(template, out);
    expect(removed.every((line) => added.includes(line))).toBe(true);
    expect(added.filter((line) => !removed.includes(line))).toEqual([
      "            - Name: Approve",
      "              ActionTypeId:",
      "                Category: Approval",
      "                Owner: AWS",
      "                Provider: Manual",
      '                Version: "1"',
      "              RunOrder: 2",
    ]);
    expect(out).toContain("Outputs:\n  Name: {Value: !Ref Pipeline}\n");
  });

  it("writes an edited placeholder back as the intrinsic it names", () => {
    const p = first(template);
    const declaration = structuredClone(p.declaration);
    declaration["roleArn"] = "${!GetAtt DeployRole.Arn}";
    expect(into(p.sourceDocument!, declaration)).toBe(template.replace("!GetAtt Role.Arn", "!GetAtt DeployRole.Arn"));
  });

  it("edits only its own pipeline in a template that holds several", () => {
    const two = `Resources:\n  A:\n    Type: AWS::CodePipeline::Pipeline\n    Properties: {Name: a}\n  B:\n    Type: AWS::CodePipeline::Pipeline\n    Properties: {Name: b}\n`;
    const result = importText(two);
    if (!result.ok) throw result.error;
    const b = result.pipelines[1]!;
    expect(into(b.sourceDocument!, { ...b.declaration, name: "b2" })).toBe(two.replace("{Name: b}", "{Name: b2}"));
  });

  it("keeps the tags of --cli-input-json, the metadata of get-pipeline and unknown members beside them", () => {
    const cli = '{\n  "pipeline": {"name": "p", "roleArn": "r", "stages": []},\n  "tags": [{"key": "team", "value": "web"}]\n}\n';
    const p = first(cli);
    expect(into(p.sourceDocument!, { ...p.declaration, roleArn: "r2" })).toBe(cli.replace('"r"', '"r2"'));
    const get = '{"pipeline": {"name": "p", "stages": []}, "metadata": {"created": 1501626591.112}, "extra": 1}';
    const g = first(get);
    expect(into(g.sourceDocument!, { ...g.declaration, name: "q" })).toBe(get.replace('"p"', '"q"'));
  });

  it("writes a YAML API document back as YAML, short forms kept where unchanged", () => {
    const yaml = "pipeline:\n  name: p   # ours\n  roleArn: !Ref Role\n  stages: []\nmetadata:\n  created: '2024-01-01'\n";
    const p = first(yaml);
    expect(p.source.form).toBe("get-pipeline");
    expect(into(p.sourceDocument!, structuredClone(p.declaration))).toBe(yaml);
    expect(into(p.sourceDocument!, { ...p.declaration, name: "q" })).toBe(yaml.replace("name: p", "name: q"));
  });

  it("keeps a byte order mark and CRLF line breaks", () => {
    const text = '\uFEFF{\r\n  "name": "p",\r\n  "stages": []\r\n}\r\n';
    const p = first(text);
    expect(into(p.sourceDocument!, structuredClone(p.declaration))).toBe(text);
    expect(into(p.sourceDocument!, { ...p.declaration, roleArn: "r" })).toBe('\uFEFF{\r\n  "name": "p",\r\n  "stages": [],\r\n  "roleArn": "r"\r\n}\r\n');
  });

  it("reports a stored source that no longer imports as it did", () => {
    const p = first(template);
    const broken = { ...p.sourceDocument!, text: "Resources: [" };
    const out = exportInto(broken, p.declaration);
    expect(out.ok).toBe(false);
    const moved = { ...p.sourceDocument!, logicalId: "Missing" };
    const missing = exportInto(moved, p.declaration);
    expect(missing.ok ? "" : missing.error.message).toBe("the stored source has no pipeline Missing");
  });
});

describe("the source document", () => {
  it("is plain JSON that survives storage and is validated when read back", () => {
    const p = first(template, "pipeline.yaml");
    const stored = JSON.parse(JSON.stringify(p.sourceDocument)) as unknown;
    const source = readSourceDocument(stored)!;
    expect(source).toEqual({ version: 1, form: "cloudformation-template", syntax: "yaml", text: template, fileName: "pipeline.yaml", logicalId: "Pipeline" });
    expect(into(source, p.declaration)).toBe(template);
    expect(readSourceDocument({ ...source, version: 2 })).toBeUndefined();
    expect(readSourceDocument({ ...source, form: "terraform" })).toBeUndefined();
    expect(readSourceDocument({ ...source, text: 42 })).toBeUndefined();
    expect(readSourceDocument(null)).toBeUndefined();
  });

  it("names the export form that writes back into it", () => {
    expect(sourceExportForm(first(template).sourceDocument!)).toBe("cloudformation-yaml");
    expect(sourceExportForm(first('{"Type": "AWS::CodePipeline::Pipeline", "Properties": {}}').sourceDocument!)).toBe("cloudformation-json");
    expect(sourceExportForm(first('{"pipeline": {"name": "p"}, "metadata": {}}').sourceDocument!)).toBe("get-pipeline");
  });
});

describe("exportAs", () => {
  it("writes into the source for its own form and converts for the others", () => {
    const p = first(template);
    const source = p.sourceDocument!;
    expect(exportAs(source, p.declaration, "cloudformation-yaml").text).toBe(template);
    const cli = JSON.parse(exportAs(source, p.declaration, "cli-input").text);
    expect(cli.tags).toEqual([{ key: "team", value: "web" }]);
    expect(cli.pipeline.name).toBe("Pipeline");
    expect(JSON.parse(exportAs(undefined, { name: "new", stages: [] }, "declaration").text)).toEqual({ name: "new", stages: [] });
  });
});

describe("exportLosses", () => {
  it("says what get-pipeline output and --cli-input-json cannot carry from a template", () => {
    const source = first(template).sourceDocument!;
    expect(exportLosses(source, "cloudformation-yaml")).toEqual([]);
    const get = exportLosses(source, "get-pipeline");
    expect(get).toEqual([
      "RestartExecutionOnUpdate is a CloudFormation property with no place in get-pipeline output; it is left out.",
      "DisableInboundStageTransitions is a CloudFormation property with no place in get-pipeline output; it is left out.",
      "Tags are left out: get-pipeline output has no tags.",
      'The template sets no Name (CloudFormation generates one); the name is written as "Pipeline".',
      "4 intrinsic functions are written as placeholder text (${!Ref …}): CloudFormation resolves them on deploy, CodePipeline would store the text as it is.",
      "The resource's Condition is left out.",
      "The rest of the template (1 other resource, Parameters, Conditions, Outputs) is left out.",
      "There is no metadata (pipeline ARN, dates): CodePipeline adds it when it stores the pipeline.",
      "The YAML comments are not kept: get-pipeline output is written new.",
    ]);
    expect(exportLosses(source, "cli-input")).toContain("Tags are written as create-pipeline's tags (update-pipeline does not accept them: use tag-resource).");
    expect(exportLosses(source, "cloudformation-json")).toEqual([
      "The YAML comments are not kept: a CloudFormation JSON template is written new.",
      'Short-form intrinsic functions (!Ref, !Sub, !GetAtt, …) are written in their long form ({"Ref": …}, {"Fn::Sub": …}): JSON has no tags.',
    ]);
  });

  it("says what the API forms lose between them and in a template", () => {
    const get = first('{"pipeline": {"name": "p", "stages": [], "version": 3}, "metadata": {"created": 1}, "extra": true}').sourceDocument!;
    expect(exportLosses(get, "cli-input")).toEqual([
      "The metadata (pipeline ARN, dates) is left out: --cli-input-json input has none.",
      "extra beside the pipeline is left out.",
    ]);
    expect(exportLosses(get, "cloudformation-yaml")).toContain("version is left out: CodePipeline assigns it, and a template has no Version property.");
    const cli = first('{"pipeline": {"name": "p", "stages": []}, "tags": [{"key": "k", "value": "v"}]}').sourceDocument!;
    expect(exportLosses(cli, "declaration")).toEqual(["The tags are left out: the pipeline declaration has none."]);
    expect(exportLosses(cli, "cloudformation-json")).toEqual(["The tags are written as the template's Tags."]);
    const commented = first("name: p # mine\nstages: []\n").sourceDocument!;
    expect(exportLosses(commented, "cli-input")).toEqual(["The YAML comments are not kept: --cli-input-json input is written new."]);
  });
});

describe("sourceDiagnostics", () => {
  it("locates the importer's findings in the edited declaration, and drops the ones an edit resolved", () => {
    const p = first(template);
    const source = p.sourceDocument!;
    const findings = sourceDiagnostics(source, p.declaration).map(({ code, path }) => `${code} ${path}`);
    expect(findings).toEqual(["PW010 ", "PW010 ", "PW011 name"]);
    const renamed = sourceDiagnostics(source, { ...p.declaration, name: "web" }).map(({ code }) => code);
    expect(renamed).toEqual(["PW010", "PW010"]);
    const diagnostic = sourceDiagnostics(source, p.declaration)[2]!;
    expect(diagnostic).toEqual({ code: "PW011", severity: "warning", path: "name", message: expect.stringMatching(/generates one/) });
  });

  it("locates a member beside the declaration at the pipeline as a whole", () => {
    const p = first('{"pipeline": {"name": "p", "stages": []}, "surprise": 1}');
    expect(sourceDiagnostics(p.sourceDocument!, p.declaration)).toEqual([
      { code: "PW014", severity: "warning", path: "", message: "surprise is not part of CreatePipeline input; it is kept as written" },
    ]);
  });
});
