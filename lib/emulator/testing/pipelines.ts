/**
 * Small valid pipeline declarations for emulator tests. Each call returns a fresh copy, so a
 * test can break one thing in it.
 */
import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";

const ROLE = "arn:aws:iam::123456789012:role/service-role/AWSCodePipelineServiceRole-test";

/** CodeCommit source → CodeBuild build → manual approval; V2, SUPERSEDED. */
export function samplePipeline(name = "sample"): PipelineDeclaration {
  return {
    name,
    roleArn: ROLE,
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
    pipelineType: "V2",
    executionMode: "SUPERSEDED",
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Source",
            actionTypeId: { category: "Source", owner: "AWS", provider: "CodeCommit", version: "1" },
            configuration: { RepositoryName: name, BranchName: "main", PollForSourceChanges: "false" },
            outputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Build",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            configuration: { ProjectName: `${name}-build` },
            inputArtifacts: [{ name: "SourceOutput" }],
            outputArtifacts: [{ name: "BuildOutput" }],
          },
        ],
      },
      {
        name: "Approve",
        actions: [
          {
            name: "Approve",
            actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
          },
        ],
      },
    ],
  };
}

/** A GitHub (v1, OAuth) source pipeline: its `OAuthToken` is a secret GetPipeline masks. */
export function secretPipeline(name = "with-secret"): PipelineDeclaration {
  const p = samplePipeline(name);
  p.stages![0]!.actions![0] = {
    name: "Source",
    actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
    configuration: { Owner: "example-org", Repo: name, Branch: "main", OAuthToken: "ghp_realsecret", PollForSourceChanges: "false" },
    outputArtifacts: [{ name: "SourceOutput" }],
  };
  return p;
}
