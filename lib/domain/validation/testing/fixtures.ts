/**
 * Test-only pipelines. `validPipeline()` is a complete, deployable V2 declaration
 * (CodeCommit → CodeBuild → CloudFormation) on which every rule is silent with
 * `TEST_CONTEXT`; tests break one thing in a fresh copy and assert the one finding.
 */
import type { Diagnostic } from "../diagnostic";
import type { ValidationContext } from "../context";

export const TEST_CONTEXT: ValidationContext = { region: "us-east-1" };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests mutate freely
export type Mutable = any;

export function validPipeline(): Mutable {
  return {
    name: "web-app",
    roleArn: "arn:aws:iam::123456789012:role/service-role/AWSCodePipelineServiceRole-web-app",
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Source",
            actionTypeId: { category: "Source", owner: "AWS", provider: "CodeCommit", version: "1" },
            runOrder: 1,
            configuration: {
              RepositoryName: "web-app",
              BranchName: "main",
              PollForSourceChanges: "false",
              OutputArtifactFormat: "CODE_ZIP",
            },
            outputArtifacts: [{ name: "SourceOutput" }],
            inputArtifacts: [],
            namespace: "SourceVariables",
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Build",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            runOrder: 1,
            configuration: {
              ProjectName: "web-app-build",
              EnvironmentVariables:
                '[{"name":"COMMIT_ID","value":"#{SourceVariables.CommitId}","type":"PLAINTEXT"}]',
            },
            outputArtifacts: [{ name: "BuildOutput" }],
            inputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
      {
        name: "Deploy",
        actions: [
          {
            name: "Deploy",
            actionTypeId: { category: "Deploy", owner: "AWS", provider: "CloudFormation", version: "1" },
            runOrder: 1,
            configuration: {
              ActionMode: "CREATE_UPDATE",
              StackName: "web-app",
              TemplatePath: "BuildOutput::template.yaml",
              RoleArn: "arn:aws:iam::123456789012:role/cfn-deploy",
              Capabilities: "CAPABILITY_IAM",
            },
            outputArtifacts: [],
            inputArtifacts: [{ name: "BuildOutput" }],
          },
        ],
      },
    ],
    version: 1,
    executionMode: "SUPERSEDED",
    pipelineType: "V2",
  };
}

/** `validPipeline()` with a CodeStarSourceConnection (GitHub) source in place of CodeCommit. */
export function connectionSourcePipeline(): Mutable {
  const doc = validPipeline();
  doc.stages[0].actions[0].actionTypeId.provider = "CodeStarSourceConnection";
  doc.stages[0].actions[0].configuration = {
    ConnectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/0123abcd-0123-0123-0123-0123456789ab",
    FullRepositoryId: "org/web-app",
    BranchName: "main",
  };
  return doc;
}

export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => d.code))].sort();
}
