import { describe, expect, it } from "vitest";
import { exportPipeline, exportTemplate, importText, isUnresolvedReference, type ImportedPipeline, type JsonMap } from "../index";
import { documentOf } from "../testing/compare";
import { SHORT_FORM_FUNCTIONS } from "./intrinsics";
import { fromPlaceholder, toPlaceholder } from "./placeholder";

function pipelines(text: string): ImportedPipeline[] {
  const result = importText(text);
  if (!result.ok) throw result.error;
  return result.pipelines;
}

const template = (properties: string) =>
  `Resources:\n  Pipe:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n${properties
    .split("\n")
    .map((l) => `      ${l}`)
    .join("\n")}\n`;

function roundTrips(text: string, form: "cloudformation-yaml" | "cloudformation-json" = "cloudformation-yaml") {
  const [p] = pipelines(text);
  expect(documentOf(exportPipeline(p!, form).text)).toEqual(documentOf(text));
  return p!;
}

describe("intrinsic functions", () => {
  it.each(SHORT_FORM_FUNCTIONS)("!%s in scalar, sequence and mapping form never crashes and round-trips", (fn) => {
    const text = template(`Name: !${fn} x\nRoleArn: !${fn} [a, !Ref b]\nStages: !${fn} {a: b}\nArtifactStore: {Type: S3, Location: !${fn} ''}`);
    const p = roundTrips(text);
    expect(isUnresolvedReference(p.declaration["roleArn"])).toBe(true);
    expect(p.declaration["roleArn"]).toBe(`\${!${fn} [a, !Ref b]}`);
    expect(p.warnings.filter((w) => w.code === "unresolved-reference")).toHaveLength(4);
  });

  it("long forms anywhere round-trip as long forms, in YAML and JSON", () => {
    const json = JSON.stringify({
      Resources: {
        Pipe: {
          Type: "AWS::CodePipeline::Pipeline",
          Properties: {
            RoleArn: { "Fn::GetAtt": ["Role", "Arn"] },
            Stages: [{ Name: "S", Actions: [{ Name: "A", Configuration: { K: { "Fn::Join": ["", ["a", { Ref: "B" }]] } } }] }],
            ArtifactStore: { "Fn::If": ["C", { Type: "S3", Location: "a" }, { Ref: "AWS::NoValue" }] },
          },
        },
      },
    });
    const p = roundTrips(json, "cloudformation-json");
    expect(p.declaration["roleArn"]).toBe("${!{Fn::GetAtt: [Role, Arn]}}");
    expect(p.declaration["artifactStore"]).toBe("${!{Fn::If: [C, {Type: S3, Location: a}, {Ref: AWS::NoValue}]}}");
  });

  it("a whole action, stage list item or tag can be an intrinsic", () => {
    const p = roundTrips(template("Stages:\n  - Name: S\n    Actions:\n      - !If [C, {Name: A}, !Ref AWS::NoValue]\nTags:\n  - !If [C, {Key: k, Value: v}, !Ref AWS::NoValue]"));
    const action = ((p.declaration["stages"] as JsonMap[])[0]!["actions"] as unknown[])[0];
    expect(action).toBe("${!If [C, {Name: A}, !Ref AWS::NoValue]}");
    expect(p.source.tags).toEqual(["${!If [C, {Key: k, Value: v}, !Ref AWS::NoValue]}"]);
  });

  it("placeholders are exact and readable", () => {
    const p = pipelines(template('RoleArn: !Sub "arn:aws:iam::${AWS::AccountId}:role/x"\nName: !Select [0, !Split [",", !Ref Names]]'))[0]!;
    expect(p.declaration["roleArn"]).toBe("${!Sub arn:aws:iam::${AWS::AccountId}:role/x}");
    expect(p.declaration["name"]).toBe('${!Select [0, !Split [",", !Ref Names]]}');
    for (const value of [p.declaration["roleArn"], p.declaration["name"]]) {
      expect(toPlaceholder(fromPlaceholder(value as string)!)).toBe(value);
    }
    expect(p.warnings.find((w) => w.path === "/roleArn")?.message).toMatch(/\/roleArn is the CloudFormation intrinsic !Sub/);
  });

  it("an edited placeholder is written as the intrinsic it now names; an unreadable one as text", () => {
    const p = pipelines(template("RoleArn: !GetAtt Role.Arn\nName: n"))[0]!;
    p.declaration["roleArn"] = "${!GetAtt Other.Arn}";
    expect(exportPipeline(p, "cloudformation-yaml").text).toContain("RoleArn: !GetAtt Other.Arn");
    p.declaration["roleArn"] = "${![unclosed}";
    const out = exportPipeline(p, "cloudformation-yaml");
    expect(pipelines(out.text)[0]!.declaration["roleArn"]).toBe("${![unclosed}");
    expect(out.warnings[0]).toMatchObject({ code: "not-converted", path: "/roleArn" });
  });

  it("JSON export writes short forms as long forms (GetAtt split at the first dot)", () => {
    const p = pipelines(template("RoleArn: !GetAtt Stack.Outputs.Role\nName: !Ref N"))[0]!;
    const json = JSON.parse(exportPipeline(p, "cloudformation-json").text);
    expect(json.Resources.Pipe.Properties).toEqual({ RoleArn: { "Fn::GetAtt": ["Stack", "Outputs.Role"] }, Name: { Ref: "N" } });
  });
});

describe("PascalCase ↔ camelCase", () => {
  it("converts every member, keeps configuration keys and restores scalar types", () => {
    const text = template(
      [
        "Name: p",
        "RoleArn: arn:aws:iam::111122223333:role/r",
        "PipelineType: V2",
        "ExecutionMode: QUEUED",
        "Variables: [{Name: v, DefaultValue: 1, Description: d}]",
        "Triggers:",
        "  - ProviderType: CodeStarSourceConnection",
        "    GitConfiguration:",
        "      SourceActionName: Src",
        "      Push: [{Branches: {Includes: [main], Excludes: [x]}, FilePaths: {Includes: ['**']}, Tags: {Includes: [v1]}}]",
        "      PullRequest: [{Events: [OPEN], Branches: {Includes: [main]}}]",
        "Stages:",
        "  - Name: Src",
        "    Blockers: [{Name: b, Type: Schedule}]",
        "    BeforeEntry: {Conditions: [{Result: FAIL, Rules: [{Name: r, RuleTypeId: {Category: Rule, Owner: AWS, Provider: VariableCheck, Version: 1}, Configuration: {Value: 1}, TimeoutInMinutes: '60'}]}]}",
        "    OnSuccess: {Conditions: [{Result: ROLLBACK, Rules: [{Name: r2, RuleTypeId: {Category: Rule, Provider: Commands}, Commands: [ls]}]}]}",
        "    OnFailure: {Result: RETRY, RetryConfiguration: {RetryMode: FAILED_ACTIONS}}",
        "    Actions:",
        "      - Name: A",
        "        ActionTypeId: {Category: Compute, Owner: AWS, Provider: Commands, Version: 1}",
        "        RunOrder: '2'",
        "        TimeoutInMinutes: 60",
        "        Commands: [echo hi]",
        "        OutputVariables: [V]",
        "        EnvironmentVariables: [{Name: E, Value: 1, Type: PLAINTEXT}]",
        "        OutputArtifacts: [{Name: out, Files: [a.txt]}]",
        "        InputArtifacts: [{Name: in}]",
        "        Configuration: {PollForSourceChanges: false, Count: 3, camelKey: x}",
        "        Namespace: ns",
        "        Region: us-east-1",
        "        RoleArn: arn:aws:iam::111122223333:role/a",
        "ArtifactStore: {Type: S3, Location: b, EncryptionKey: {Id: k, Type: KMS}}",
        "RestartExecutionOnUpdate: true",
        "DisableInboundStageTransitions: [{StageName: Src, Reason: r}]",
        "Tags: [{Key: team, Value: 1}]",
      ].join("\n"),
    );
    const p = roundTrips(text);
    const stage = (p.declaration["stages"] as JsonMap[])[0]!;
    const action = (stage["actions"] as JsonMap[])[0]!;
    expect(action).toEqual({
      name: "A",
      actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" },
      runOrder: 2,
      timeoutInMinutes: 60,
      commands: ["echo hi"],
      outputVariables: ["V"],
      environmentVariables: [{ name: "E", value: "1", type: "PLAINTEXT" }],
      outputArtifacts: [{ name: "out", files: ["a.txt"] }],
      inputArtifacts: [{ name: "in" }],
      configuration: { PollForSourceChanges: "false", Count: "3", camelKey: "x" },
      namespace: "ns",
      region: "us-east-1",
      roleArn: "arn:aws:iam::111122223333:role/a",
    });
    expect(stage["beforeEntry"]).toEqual({
      conditions: [
        {
          result: "FAIL",
          rules: [{ name: "r", ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" }, configuration: { Value: "1" }, timeoutInMinutes: 60 }],
        },
      ],
    });
    expect(p.declaration["variables"]).toEqual([{ name: "v", defaultValue: "1", description: "d" }]);
    expect(p.source.tags).toEqual([{ key: "team", value: "1" }]);
    expect(p.declaration).not.toHaveProperty("restartExecutionOnUpdate");
    expect(p.warnings.filter((w) => w.code === "cloudformation-only").map((w) => w.path)).toEqual([
      "/RestartExecutionOnUpdate",
      "/DisableInboundStageTransitions",
    ]);
    // Changing a value writes the API's type; unchanged neighbours keep theirs.
    action["runOrder"] = 3;
    (action["configuration"] as JsonMap)["Count"] = "4";
    const out = exportPipeline(p, "cloudformation-yaml").text;
    expect(out).toContain("RunOrder: 3");
    expect(out).toMatch(/PollForSourceChanges: false, Count: "4"/);
    expect(out).toContain("Version: 1}");
  });

  it("ArtifactStores list ↔ artifactStores map, including an intrinsic region", () => {
    const text = template(
      "ArtifactStores:\n  - Region: !Ref AWS::Region\n    ArtifactStore: {Type: S3, Location: a}\n  - ArtifactStore: {Type: S3, Location: b}\n    Region: eu-west-1",
    );
    const p = roundTrips(text);
    expect(p.declaration["artifactStores"]).toEqual({ "${!Ref AWS::Region}": { type: "S3", location: "a" }, "eu-west-1": { type: "S3", location: "b" } });
    (p.declaration["artifactStores"] as JsonMap)["us-east-2"] = { type: "S3", location: "c" };
    const out = pipelines(exportPipeline(p, "cloudformation-yaml").text)[0]!;
    expect(Object.keys(out.declaration["artifactStores"] as JsonMap)).toEqual(["${!Ref AWS::Region}", "eu-west-1", "us-east-2"]);
  });

  it("keeps an ArtifactStores list that cannot be a map as written", () => {
    const p = roundTrips(template("ArtifactStores:\n  - {Region: a, ArtifactStore: {Type: S3}}\n  - {Region: a, ArtifactStore: {Type: S3}}"));
    expect(Array.isArray(p.declaration["artifactStores"])).toBe(true);
    expect(p.warnings[0]).toMatchObject({ code: "not-converted", path: "/artifactStores" });
  });

  it("keeps unknown and wrongly-cased properties for the template", () => {
    const p = roundTrips(template("Name: p\nstages: []\nFutureProperty: {A: 1}\nStages: [{Name: s, Actions: [], Extra: x}]"));
    expect(p.declaration).toEqual({ name: "p", FutureProperty: { A: 1 }, stages: [{ name: "s", actions: [], Extra: "x" }] });
    expect(p.warnings.map((w) => w.code)).toEqual(["cloudformation-only", "unknown-member", "unknown-member"]);
  });
});

describe("templates", () => {
  const two = `# header
Parameters:
  Bucket: {Type: String}
Resources:
  First:   # the first one
    Type: AWS::CodePipeline::Pipeline
    DependsOn: Role
    Properties:
      Name: first
      Stages: []
  Role: {Type: AWS::IAM::Role}
  Second:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: second   # keep me
      Stages: []
Outputs:
  X: {Value: !Ref First}
`;

  it("imports every pipeline of a template and updates only the exported one", () => {
    const [first, second] = pipelines(two);
    expect([first!.label, second!.label]).toEqual(["First", "Second"]);
    first!.declaration["stages"] = [{ name: "New", actions: [] }];
    const out = exportPipeline(first!, "cloudformation-yaml").text;
    // Only the edited Properties change: the rest is the source text itself.
    expect(out).toBe(two.replace("      Stages: []\n  Role:", "      Stages:\n        - Name: New\n          Actions: []\n  Role:"));
    const back = pipelines(out);
    expect(back[0]!.declaration["stages"]).toEqual([{ name: "New", actions: [] }]);
    expect(back[1]!.declaration).toEqual(second!.declaration);
  });

  it("exportTemplate writes several edited pipelines into their template", () => {
    const [first, second] = pipelines(two);
    first!.declaration["name"] = "one";
    second!.declaration["name"] = "two";
    const back = pipelines(exportTemplate([first!, second!], "json").text);
    expect(back.map((p) => p.declaration["name"])).toEqual(["one", "two"]);
  });

  it("writes a new template for an API document, and a lone resource for a lone resource", () => {
    const [p] = pipelines('{"pipeline": {"name": "my-pipe.v2", "roleArn": "r", "stages": [], "version": 3}, "tags": [{"key": "k", "value": "v"}]}');
    const out = exportPipeline(p!, "cloudformation-yaml");
    expect(out.text).toBe(
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  MyPipeV2:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      Name: my-pipe.v2\n      RoleArn: r\n      Stages: []\n      Tags:\n        - Key: k\n          Value: v\n',
    );
    expect(out.warnings.map((w) => w.code)).toEqual(["dropped"]); // version has no CloudFormation property
    const [lone] = pipelines('{"Type": "AWS::CodePipeline::Pipeline", "DependsOn": "R", "Properties": {"Name": "x"}}');
    expect(JSON.parse(exportPipeline(lone!, "cloudformation-json").text)).toEqual({ Type: "AWS::CodePipeline::Pipeline", DependsOn: "R", Properties: { Name: "x" } });
    const wrapped = JSON.parse(exportPipeline(lone!, "cloudformation-json", { cloudFormationShape: "template" }).text);
    expect(wrapped.Resources.X).toEqual({ Type: "AWS::CodePipeline::Pipeline", DependsOn: "R", Properties: { Name: "x" } });
  });

  it("keeps JSON indentation of the source", () => {
    const [p] = pipelines('{\n    "Type": "AWS::CodePipeline::Pipeline",\n    "Properties": {"Name": "x"}\n}');
    expect(exportPipeline(p!, "cloudformation-json").text).toMatch(/^\{\n {4}"Type"/);
  });
});
