/**
 * Which demo pipelines each region of a fresh emulator starts with: the home region has the
 * original five, eu-west-1 two more, so a dashboard or list covering several regions
 * (PIPEWRIGHT_REGIONS) has something to show in each. Other regions start empty.
 */
import type { JsonObject } from "../../contract";
import { ACCOUNT_ID, HOME_REGION } from "../../identity";
import { DEMO_PIPELINES, DEMO_TAGS } from "./pipelines";

/** The second demo region. */
export const DEMO_SECOND_REGION = "eu-west-1";

const type = (category: string, provider: string) => ({ category, owner: "AWS", provider, version: "1" });
const role = (pipeline: string) =>
  `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AWSCodePipelineServiceRole-${DEMO_SECOND_REGION}-${pipeline}`;
const ARTIFACT_BUCKET = `codepipeline-${DEMO_SECOND_REGION}-${ACCOUNT_ID}`;

/** CodeCommit → CodeBuild → CloudFormation, in eu-west-1. */
export const LEDGER_EU: JsonObject = {
  name: "ledger-eu",
  roleArn: role("ledger-eu"),
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
          configuration: { RepositoryName: "ledger", BranchName: "main", PollForSourceChanges: "false", OutputArtifactFormat: "CODE_ZIP" },
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
          configuration: { ProjectName: "ledger-build" },
          inputArtifacts: [{ name: "SourceOutput" }],
          outputArtifacts: [{ name: "BuildOutput" }],
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
            StackName: "ledger-eu",
            TemplatePath: "BuildOutput::packaged.yaml",
            Capabilities: "CAPABILITY_IAM",
            RoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/cloudformation-deploy-role`,
          },
          inputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
  ],
};

/** An S3 object → a Lambda function, in eu-west-1. */
export const SEARCH_INDEXER_EU: JsonObject = {
  name: "search-indexer-eu",
  roleArn: role("search-indexer-eu"),
  artifactStore: { type: "S3", location: ARTIFACT_BUCKET },
  pipelineType: "V2",
  executionMode: "QUEUED",
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Source",
          actionTypeId: type("Source", "S3"),
          runOrder: 1,
          configuration: { S3Bucket: `acme-search-artifacts-${ACCOUNT_ID}`, S3ObjectKey: "indexer/bundle.zip", PollForSourceChanges: "false" },
          outputArtifacts: [{ name: "SourceOutput" }],
        },
      ],
    },
    {
      name: "Reindex",
      actions: [
        {
          name: "Reindex",
          actionTypeId: type("Invoke", "Lambda"),
          runOrder: 1,
          configuration: { FunctionName: "search-reindex" },
          inputArtifacts: [{ name: "SourceOutput" }],
        },
      ],
    },
  ],
};

const SECOND_REGION_TAGS: Readonly<Record<string, ReadonlyArray<{ key: string; value: string }>>> = {
  "ledger-eu": [{ key: "team", value: "payments" }, { key: "environment", value: "production" }],
  "search-indexer-eu": [{ key: "team", value: "search" }],
};

export interface RegionDemo {
  readonly pipelines: readonly JsonObject[];
  readonly tags: Readonly<Record<string, ReadonlyArray<{ key: string; value: string }>>>;
}

const BY_REGION: Readonly<Record<string, RegionDemo>> = {
  [HOME_REGION]: { pipelines: DEMO_PIPELINES, tags: DEMO_TAGS },
  [DEMO_SECOND_REGION]: { pipelines: [LEDGER_EU, SEARCH_INDEXER_EU], tags: SECOND_REGION_TAGS },
};

/** The demo pipelines a region starts with (none for regions without demo data). */
export function demoFor(region: string): RegionDemo {
  return BY_REGION[region] ?? { pipelines: [], tags: {} };
}

/** The regions that have demo pipelines, the home region first. */
export const DEMO_REGIONS: readonly string[] = Object.keys(BY_REGION);
