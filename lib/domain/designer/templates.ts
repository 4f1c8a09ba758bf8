/**
 * Starter templates for the "new design" screen. Each is a complete declaration that passes
 * validation with no errors (templates.test.ts checks it) using placeholder values the user
 * replaces: account 123456789012, example buckets, repositories and roles. "blank" is the empty
 * skeleton of `emptyDesign`, whose open items validation lists as the user's to-do.
 */
import type { JsonObject } from "./contract";
import { blankDeclaration } from "./document";

export interface StarterTemplate {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly declaration: JsonObject;
}

const ACCOUNT = "123456789012";
const PIPELINE_ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/AWSCodePipelineServiceRole`;
const STORE = { type: "S3", location: `codepipeline-us-east-1-${ACCOUNT}` };

function type(category: string, provider: string): JsonObject {
  return { category, owner: "AWS", provider, version: "1" };
}

function pipeline(name: string, stages: JsonObject[]): JsonObject {
  return {
    name,
    roleArn: PIPELINE_ROLE,
    artifactStore: STORE,
    stages,
    version: 1,
    pipelineType: "V2",
    executionMode: "QUEUED",
  };
}

const codeCommitCloudFormation = pipeline("codecommit-cloudformation", [
  {
    name: "Source",
    actions: [
      {
        name: "Source",
        actionTypeId: type("Source", "CodeCommit"),
        runOrder: 1,
        configuration: { RepositoryName: "my-repository", BranchName: "main", PollForSourceChanges: "false" },
        outputArtifacts: [{ name: "SourceArtifact" }],
        namespace: "SourceVariables",
      },
    ],
  },
  {
    name: "Build",
    actions: [
      {
        name: "Build",
        actionTypeId: type("Build", "CodeBuild"),
        runOrder: 1,
        configuration: { ProjectName: "my-build-project" },
        inputArtifacts: [{ name: "SourceArtifact" }],
        outputArtifacts: [{ name: "BuildArtifact" }],
      },
    ],
  },
  {
    name: "Approve",
    actions: [
      {
        name: "Approve",
        actionTypeId: type("Approval", "Manual"),
        runOrder: 1,
        configuration: { CustomData: "Review the change before it is deployed (commit #{SourceVariables.CommitId})." },
      },
    ],
  },
  {
    name: "Deploy",
    actions: [
      {
        name: "Deploy",
        actionTypeId: type("Deploy", "CloudFormation"),
        runOrder: 1,
        configuration: {
          ActionMode: "CREATE_UPDATE",
          StackName: "my-stack",
          TemplatePath: "BuildArtifact::template.yaml",
          Capabilities: "CAPABILITY_IAM",
          RoleArn: `arn:aws:iam::${ACCOUNT}:role/CloudFormationDeployRole`,
        },
        inputArtifacts: [{ name: "BuildArtifact" }],
      },
    ],
  },
]);

const githubEcs = pipeline("github-ecs", [
  {
    name: "Source",
    actions: [
      {
        name: "Source",
        actionTypeId: type("Source", "CodeStarSourceConnection"),
        runOrder: 1,
        configuration: {
          ConnectionArn: `arn:aws:codeconnections:us-east-1:${ACCOUNT}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f`,
          FullRepositoryId: "my-org/my-repository",
          BranchName: "main",
        },
        outputArtifacts: [{ name: "SourceArtifact" }],
      },
    ],
  },
  {
    name: "Build",
    actions: [
      {
        name: "BuildImage",
        actionTypeId: type("Build", "CodeBuild"),
        runOrder: 1,
        configuration: { ProjectName: "my-image-build" },
        inputArtifacts: [{ name: "SourceArtifact" }],
        outputArtifacts: [{ name: "ImageDefinitions" }],
      },
    ],
  },
  {
    name: "Deploy",
    actions: [
      {
        name: "DeployToECS",
        actionTypeId: type("Deploy", "ECS"),
        runOrder: 1,
        configuration: { ClusterName: "my-cluster", ServiceName: "my-service", FileName: "imagedefinitions.json" },
        inputArtifacts: [{ name: "ImageDefinitions" }],
      },
    ],
  },
]);

const s3Lambda = pipeline("s3-lambda", [
  {
    name: "Source",
    actions: [
      {
        name: "Source",
        actionTypeId: type("Source", "S3"),
        runOrder: 1,
        configuration: { S3Bucket: "my-source-bucket", S3ObjectKey: "source.zip", PollForSourceChanges: "false" },
        outputArtifacts: [{ name: "SourceArtifact" }],
      },
    ],
  },
  {
    name: "Invoke",
    actions: [
      {
        name: "InvokeFunction",
        actionTypeId: type("Invoke", "Lambda"),
        runOrder: 1,
        configuration: { FunctionName: "my-function" },
        inputArtifacts: [{ name: "SourceArtifact" }],
      },
    ],
  },
]);

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
  {
    id: "blank",
    title: "Blank",
    description: "An empty Source and Build stage: add actions from the palette.",
    declaration: blankDeclaration(),
  },
  {
    id: "codecommit-codebuild-approval-cloudformation",
    title: "CodeCommit → CodeBuild → approval → CloudFormation",
    description: "Builds a CloudFormation template from a CodeCommit branch, waits for a manual approval, then deploys the stack.",
    declaration: codeCommitCloudFormation,
  },
  {
    id: "github-codebuild-ecs",
    title: "GitHub → CodeBuild → ECS",
    description: "Builds a container image from a GitHub repository (CodeStar connection) and deploys it to an ECS service.",
    declaration: githubEcs,
  },
  {
    id: "s3-lambda",
    title: "S3 → Lambda",
    description: "Invokes a Lambda function with an object uploaded to a versioned S3 bucket.",
    declaration: s3Lambda,
  },
];

/** A template's declaration as a fresh copy (templates are shared constants: never hand them out to edit). */
export function templateDeclaration(id: string): JsonObject | undefined {
  const template = STARTER_TEMPLATES.find((t) => t.id === id);
  return template ? structuredClone(template.declaration) : undefined;
}
