import { describe, expect, it } from "vitest";
import { checkText, type CheckResult } from "./index";

function checked(text: string): Extract<CheckResult, { ok: true }> {
  const result = checkText(text, { context: { region: "us-east-1" } });
  if (!result.ok) throw result.error;
  return result;
}

const snippet = `AppPipeline:
  Type: AWS::CodePipeline::Pipeline
  Properties:
    RoleArn: !GetAtt Role.Arn
    DisableInboundStageTransitions: [{StageName: Beta, Reason: gate}]
    Stages:
      - Name: Source
        Actions:
          - Name: Src
            ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: 1}
            OutputArtifacts: [{Name: App}]
            Configuration: {S3Bucket: b, S3ObjectKey: k}
      - Name: Beta
        Actions:
          - Name: Build
            ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: 1}
            InputArtifacts: [{Name: Missing}]
            Configuration: {ProjectName: p}
`;

describe("checkText", () => {
  it("checks a CloudFormation snippet exactly like the same resource in a template", () => {
    const fromSnippet = checked(snippet);
    const fromTemplate = checked(`Resources:\n${snippet.replace(/^(?!$)/gm, "  ")}`);
    expect(fromSnippet.form).toBe("cloudformation-snippet");
    expect(fromSnippet.pipelines.map((p) => p.label)).toEqual(["AppPipeline"]);
    expect(fromSnippet.pipelines[0]!.diagnostics).toEqual(fromTemplate.pipelines[0]!.diagnostics);
    const codes = fromSnippet.pipelines[0]!.diagnostics.map((d) => `${d.code} ${d.path}`);
    expect(codes).toContain("ART004a stages[1].actions[0].inputArtifacts[0].name");
  });

  it("locates the importer's findings with the engine's paths", () => {
    const diagnostics = checked(snippet).pipelines[0]!.diagnostics;
    expect(diagnostics).toContainEqual({ code: "PW010", severity: "warning", path: "", message: expect.stringMatching(/^DisableInboundStageTransitions is not part/) });
    expect(diagnostics).toContainEqual({ code: "PW011", severity: "warning", path: "name", message: expect.stringMatching(/generates one/) });
  });

  it("reports an unknown member once, as the engine's GEN005, in the declaration and beside it", () => {
    const text = JSON.stringify({ pipeline: { name: "p", roleArn: "arn:aws:iam::111122223333:role/r", stages: [], zeta: 1 }, extra: true });
    const findings = checked(text).pipelines[0]!.diagnostics.filter((d) => /zeta|extra/.test(d.path + d.message));
    expect(findings.map((d) => `${d.code} ${d.path}`)).toEqual(["PW014 ", "GEN005 zeta"]);
  });
});
