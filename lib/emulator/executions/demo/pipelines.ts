/**
 * The demo pipelines a fresh emulator starts with. Each is a complete declaration that
 * passes the domain validator with no errors (demo.test.ts checks it).
 */
import type { JsonObject } from "../../contract";
import { ACCOUNT_ID, HOME_REGION } from "../../identity";

const ARTIFACT_BUCKET = `codepipeline-${HOME_REGION}-${ACCOUNT_ID}`;
const CONNECTION_ARN = `arn:aws:codestar-connections:${HOME_REGION}:${ACCOUNT_ID}:connection/4f8a2b6c-1d3e-4a5b-9c7d-8e9f0a1b2c3d`;

const role = (pipeline: string) =>
  `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AWSCodePipelineServiceRole-${HOME_REGION}-${pipeline}`;

const type = (category: string, provider: string) => ({ category, owner: "AWS", provider, version: "1" });

/** CodeCommit → CodeBuild unit and integration tests in parallel → manual approval → CloudFormation. */
export const PAYMENTS_API: JsonObject = {
  name: "payments-api",
  roleArn: role("payments-api"),
  artifactStore: { type: "S3", location: ARTIFACT_BUCKET },
  pipelineType: "V2",
  executionMode: "SUPERSEDED",
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Source",
          actionTypeId: type("Source", "CodeCommit"),
          runOrder: 1,
          configuration: { RepositoryName: "payments-api", BranchName: "main", PollForSourceChanges: "false", OutputArtifactFormat: "CODE_ZIP" },
          outputArtifacts: [{ name: "SourceOutput" }],
          namespace: "SourceVariables",
        },
      ],
    },
    {
      name: "Test",
      actions: [
        {
          name: "UnitTests",
          actionTypeId: type("Test", "CodeBuild"),
          runOrder: 1,
          configuration: { ProjectName: "payments-api-unit-tests" },
          inputArtifacts: [{ name: "SourceOutput" }],
        },
        {
          name: "IntegrationTests",
          actionTypeId: type("Test", "CodeBuild"),
          runOrder: 1,
          configuration: {
            ProjectName: "payments-api-integration-tests",
            EnvironmentVariables: JSON.stringify([
              { name: "COMMIT_ID", value: "#{SourceVariables.CommitId}", type: "PLAINTEXT" },
              { name: "EXECUTION_ID", value: "#{codepipeline.PipelineExecutionId}", type: "PLAINTEXT" },
            ]),
          },
          inputArtifacts: [{ name: "SourceOutput" }],
        },
      ],
    },
    {
      name: "Approval",
      actions: [
        {
          name: "ManualApproval",
          actionTypeId: type("Approval", "Manual"),
          runOrder: 1,
          configuration: {
            CustomData: "Review the integration test report for commit #{SourceVariables.CommitId} before releasing to production.",
            ExternalEntityLink: "https://wiki.example.com/payments/release-checklist",
          },
        },
      ],
    },
    {
      name: "Deploy",
      actions: [
        {
          name: "DeployStack",
          actionTypeId: type("Deploy", "CloudFormation"),
          runOrder: 1,
          configuration: {
            ActionMode: "CREATE_UPDATE",
            StackName: "payments-api-prod",
            TemplatePath: "SourceOutput::infra/template.yaml",
            Capabilities: "CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND",
            RoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/payments-api-cloudformation-deploy`,
          },
          inputArtifacts: [{ name: "SourceOutput" }],
        },
      ],
    },
  ],
};

/** GitHub through a CodeStar connection → CodeBuild → ECS blue/green through CodeDeploy. */
export const STOREFRONT_WEB: JsonObject = {
  name: "storefront-web",
  roleArn: role("storefront-web"),
  artifactStore: { type: "S3", location: ARTIFACT_BUCKET },
  pipelineType: "V2",
  executionMode: "SUPERSEDED",
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Source",
          actionTypeId: type("Source", "CodeStarSourceConnection"),
          runOrder: 1,
          configuration: {
            ConnectionArn: CONNECTION_ARN,
            FullRepositoryId: "acme-corp/storefront-web",
            BranchName: "main",
            OutputArtifactFormat: "CODE_ZIP",
            DetectChanges: "true",
          },
          outputArtifacts: [{ name: "SourceOutput" }],
          namespace: "SourceVariables",
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
          configuration: {
            ProjectName: "storefront-web-image",
            EnvironmentVariables: JSON.stringify([{ name: "IMAGE_TAG", value: "#{SourceVariables.CommitId}", type: "PLAINTEXT" }]),
          },
          inputArtifacts: [{ name: "SourceOutput" }],
          outputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
    {
      name: "Deploy",
      actions: [
        {
          name: "BlueGreenDeploy",
          actionTypeId: type("Deploy", "CodeDeployToECS"),
          runOrder: 1,
          configuration: {
            ApplicationName: "storefront-web",
            DeploymentGroupName: "storefront-web-prod",
            TaskDefinitionTemplateArtifact: "BuildOutput",
            TaskDefinitionTemplatePath: "taskdef.json",
            AppSpecTemplateArtifact: "BuildOutput",
            AppSpecTemplatePath: "appspec.yaml",
            Image1ArtifactName: "BuildOutput",
            Image1ContainerName: "IMAGE1_NAME",
          },
          inputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
  ],
};

/** An S3 object → a Lambda function that checks it. */
export const THUMBNAIL_SERVICE: JsonObject = {
  name: "thumbnail-service",
  roleArn: role("thumbnail-service"),
  artifactStore: { type: "S3", location: ARTIFACT_BUCKET },
  pipelineType: "V2",
  executionMode: "SUPERSEDED",
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Source",
          actionTypeId: type("Source", "S3"),
          runOrder: 1,
          configuration: {
            S3Bucket: `acme-lambda-artifacts-${ACCOUNT_ID}`,
            S3ObjectKey: "thumbnailer/function.zip",
            PollForSourceChanges: "false",
          },
          outputArtifacts: [{ name: "SourceOutput" }],
        },
      ],
    },
    {
      name: "Invoke",
      actions: [
        {
          name: "SmokeTest",
          actionTypeId: type("Invoke", "Lambda"),
          runOrder: 1,
          configuration: { FunctionName: "thumbnailer-smoke-test", UserParameters: JSON.stringify({ sizes: [64, 256, 1024] }) },
          inputArtifacts: [{ name: "SourceOutput" }],
        },
      ],
    },
  ],
};

/** V2 with pipeline variables, a push trigger on the connection source, and QUEUED mode. */
export const RELEASE_TRAIN: JsonObject = {
  name: "release-train",
  roleArn: role("release-train"),
  artifactStore: { type: "S3", location: ARTIFACT_BUCKET },
  pipelineType: "V2",
  executionMode: "QUEUED",
  variables: [
    { name: "DeployEnvironment", defaultValue: "staging", description: "Environment the release goes to" },
    { name: "ReleaseNotes", defaultValue: "Routine release", description: "Shown in the deployment log" },
  ],
  triggers: [
    {
      providerType: "CodeStarSourceConnection",
      gitConfiguration: {
        sourceActionName: "Source",
        push: [{ branches: { includes: ["main", "release/*"] } }],
      },
    },
  ],
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Source",
          actionTypeId: type("Source", "CodeStarSourceConnection"),
          runOrder: 1,
          configuration: {
            ConnectionArn: CONNECTION_ARN,
            FullRepositoryId: "acme-corp/release-train",
            BranchName: "main",
            OutputArtifactFormat: "CODE_ZIP",
          },
          outputArtifacts: [{ name: "SourceOutput" }],
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
          configuration: {
            ProjectName: "release-train-build",
            EnvironmentVariables: JSON.stringify([
              { name: "DEPLOY_ENV", value: "#{variables.DeployEnvironment}", type: "PLAINTEXT" },
              { name: "RELEASE_NOTES", value: "#{variables.ReleaseNotes}", type: "PLAINTEXT" },
              { name: "COMMIT_ID", value: "#{SourceVariables.CommitId}", type: "PLAINTEXT" },
            ]),
          },
          inputArtifacts: [{ name: "SourceOutput" }],
          outputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
    {
      name: "Deploy",
      actions: [
        {
          name: "DeployService",
          actionTypeId: type("Deploy", "ECS"),
          runOrder: 1,
          configuration: {
            ClusterName: "release-train-#{variables.DeployEnvironment}",
            ServiceName: "release-train",
            FileName: "imagedefinitions.json",
          },
          inputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
  ],
};

const rule = (name: string, provider: string, configuration: Record<string, string>) => ({
  name,
  ruleTypeId: { category: "Rule", owner: "AWS", provider, version: "1" },
  configuration,
});

/** The CloudWatch alarm the checkout-service's production stage watches (seeded OK). */
export const CHECKOUT_ALARM = "checkout-service-5xx";

/**
 * V2 with stage conditions (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html):
 * Staging is entered only for a stable or beta release channel and retries itself once when it
 * fails; Canary is skipped unless RunCanary is true; Production is entered only inside its
 * deployment window and after a release gate, watches an alarm after it deployed and rolls
 * back automatically when it fails.
 */
export const CHECKOUT_SERVICE: JsonObject = {
  name: "checkout-service",
  roleArn: role("checkout-service"),
  artifactStore: { type: "S3", location: ARTIFACT_BUCKET },
  pipelineType: "V2",
  executionMode: "SUPERSEDED",
  variables: [
    { name: "ReleaseChannel", defaultValue: "stable", description: "stable, beta or nightly" },
    { name: "RunCanary", defaultValue: "false", description: "true runs the canary stage" },
  ],
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Source",
          actionTypeId: type("Source", "CodeCommit"),
          runOrder: 1,
          configuration: { RepositoryName: "checkout-service", BranchName: "main", PollForSourceChanges: "false" },
          outputArtifacts: [{ name: "SourceOutput" }],
          namespace: "SourceVariables",
        },
      ],
    },
    {
      name: "Build",
      actions: [
        {
          name: "Package",
          actionTypeId: type("Build", "CodeBuild"),
          runOrder: 1,
          configuration: { ProjectName: "checkout-service-package" },
          inputArtifacts: [{ name: "SourceOutput" }],
          outputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
    {
      name: "Staging",
      beforeEntry: {
        conditions: [
          { result: "FAIL", rules: [rule("ReleaseChannelCheck", "VariableCheck", { Variable: "#{variables.ReleaseChannel}", Operator: "MATCHES", Value: "stable|beta" })] },
        ],
      },
      onFailure: { result: "RETRY", retryConfiguration: { retryMode: "FAILED_ACTIONS" } },
      actions: [
        {
          name: "DeployStaging",
          actionTypeId: type("Deploy", "Lambda"),
          runOrder: 1,
          configuration: { FunctionName: "checkout-service-staging", FunctionAlias: "live", DeployStrategy: "AllAtOnce" },
          inputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
    {
      name: "Canary",
      beforeEntry: {
        conditions: [{ result: "SKIP", rules: [rule("CanaryRequested", "VariableCheck", { Variable: "#{variables.RunCanary}", Operator: "EQ", Value: "true" })] }],
      },
      actions: [
        {
          name: "DeployCanary",
          actionTypeId: type("Deploy", "EC2"),
          runOrder: 1,
          configuration: {
            InstanceTagKey: "app",
            InstanceTagValue: "checkout-canary",
            InstanceType: "EC2",
            TargetDirectory: "/srv/checkout",
            PostScript: "scripts/health-check.sh",
            MaxBatch: "1",
          },
          inputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
    {
      name: "Production",
      beforeEntry: {
        conditions: [
          {
            result: "FAIL",
            rules: [
              rule("DeploymentWindow", "DeploymentWindow", { Cron: "* * * ? * SUN-SAT *", TimeZone: "Europe/Berlin" }),
              rule("ReleaseGate", "LambdaInvoke", { FunctionName: "checkout-release-gate" }),
            ],
          },
        ],
      },
      onSuccess: {
        conditions: [{ result: "ROLLBACK", rules: [rule("ErrorRate", "CloudWatchAlarm", { AlarmName: CHECKOUT_ALARM, WaitTime: "10" })] }],
      },
      onFailure: { result: "ROLLBACK" },
      actions: [
        {
          name: "DeployProduction",
          actionTypeId: type("Deploy", "Lambda"),
          runOrder: 1,
          configuration: { FunctionName: "checkout-service", FunctionAlias: "live", DeployStrategy: "Canary10Percent5Minutes" },
          inputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
  ],
};

export const DEMO_PIPELINES: readonly JsonObject[] = [PAYMENTS_API, STOREFRONT_WEB, THUMBNAIL_SERVICE, RELEASE_TRAIN, CHECKOUT_SERVICE];

export const DEMO_TAGS: Readonly<Record<string, ReadonlyArray<{ key: string; value: string }>>> = {
  "payments-api": [{ key: "team", value: "payments" }, { key: "environment", value: "production" }],
  "storefront-web": [{ key: "team", value: "web" }],
  "thumbnail-service": [{ key: "team", value: "media" }],
  "release-train": [{ key: "team", value: "platform" }],
  "checkout-service": [{ key: "team", value: "checkout" }],
};
