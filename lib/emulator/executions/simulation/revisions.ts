/**
 * The revision a source action delivers in an execution: commit id (40 hex) with message and
 * date for Git providers, a version id for S3, an image digest for ECR. Decided when the
 * execution starts (as CodePipeline does), from `sourceRevisions` overrides or simulated.
 */
import { ACCOUNT_ID, HOME_REGION } from "../../identity";
import type { ActionPlan } from "../pipeline-plan";
import type { SourceRevision } from "../records";
import { alnum, hex, pick, type Random } from "./random";
import { COMMIT_MESSAGES } from "./texts";

export interface RevisionOverride {
  readonly actionName: string;
  readonly revisionType: string;
  readonly revisionValue: string;
}

/** Which override types each source provider accepts. */
export function allowedRevisionTypes(action: ActionPlan): readonly string[] {
  switch (action.actionTypeId.provider) {
    case "CodeCommit":
    case "CodeStarSourceConnection":
    case "GitHub":
      return ["COMMIT_ID"];
    case "ECR":
      return ["IMAGE_DIGEST"];
    case "S3":
      return action.configuration.AllowOverrideForS3ObjectKey === "true"
        ? ["S3_OBJECT_VERSION_ID", "S3_OBJECT_KEY"]
        : ["S3_OBJECT_VERSION_ID"];
    default:
      return [];
  }
}

export function sourceRevisionFor(
  action: ActionPlan,
  overrides: readonly RevisionOverride[],
  nowMs: number,
  random: Random,
): SourceRevision {
  const override = (type: string) =>
    overrides.find((o) => o.actionName === action.name && o.revisionType === type)?.revisionValue;
  const config = action.configuration;
  const region = action.region ?? HOME_REGION;
  const artifactName = action.outputArtifacts[0];
  // Commits are a little older than the execution that picks them up.
  const created = nowMs - Math.round(60_000 + random() * 3_600_000);
  const iso = new Date(created).toISOString().replace(/\.\d+Z$/, "Z");
  const base = { actionName: action.name, artifactName, created };

  switch (action.actionTypeId.provider) {
    case "CodeCommit": {
      const commitId = override("COMMIT_ID") ?? hex(random, 40);
      const message = pick(random, COMMIT_MESSAGES);
      const repo = config.RepositoryName ?? "repository";
      return {
        ...base,
        revisionId: commitId,
        revisionChangeId: commitId,
        revisionSummary: message,
        revisionUrl: `https://${region}.console.aws.amazon.com/codesuite/codecommit/repositories/${repo}/commit/${commitId}?region=${region}`,
        outputVariables: {
          CommitId: commitId,
          CommitMessage: message,
          RepositoryName: repo,
          BranchName: config.BranchName ?? "main",
          AuthorDate: iso,
          CommitterDate: iso,
        },
      };
    }
    case "CodeStarSourceConnection": {
      const commitId = override("COMMIT_ID") ?? hex(random, 40);
      const message = pick(random, COMMIT_MESSAGES);
      const repo = config.FullRepositoryId ?? "owner/repository";
      return {
        ...base,
        revisionId: commitId,
        revisionChangeId: commitId,
        // What CodePipeline shows for connection sources: a small JSON document.
        revisionSummary: JSON.stringify({ ProviderType: "GitHub", CommitMessage: message }),
        revisionUrl: `https://github.com/${repo}/commit/${commitId}`,
        outputVariables: {
          AuthorDate: iso,
          BranchName: config.BranchName ?? "main",
          CommitId: commitId,
          CommitMessage: message,
          ConnectionArn: config.ConnectionArn ?? "",
          FullRepositoryName: repo,
        },
      };
    }
    case "GitHub": {
      const commitId = override("COMMIT_ID") ?? hex(random, 40);
      const message = pick(random, COMMIT_MESSAGES);
      const repo = `${config.Owner ?? "owner"}/${config.Repo ?? "repository"}`;
      const url = `https://github.com/${repo}/commit/${commitId}`;
      return {
        ...base,
        revisionId: commitId,
        revisionChangeId: commitId,
        revisionSummary: message,
        revisionUrl: url,
        outputVariables: {
          CommitId: commitId,
          CommitMessage: message,
          CommitUrl: url,
          RepositoryName: config.Repo ?? "repository",
          BranchName: config.Branch ?? "main",
          AuthorDate: iso,
          CommitterDate: iso,
        },
      };
    }
    case "S3": {
      const versionId = override("S3_OBJECT_VERSION_ID") ?? alnum(random, 32);
      const key = override("S3_OBJECT_KEY") ?? config.S3ObjectKey ?? "source.zip";
      const bucket = config.S3Bucket ?? "bucket";
      const etag = hex(random, 32);
      return {
        ...base,
        revisionId: versionId,
        revisionChangeId: etag,
        revisionSummary: `Amazon S3 version id: ${versionId}`,
        revisionUrl: `https://s3.console.aws.amazon.com/s3/object/${bucket}?region=${region}&prefix=${encodeURIComponent(key)}`,
        outputVariables: { BucketName: bucket, ETag: etag, ObjectKey: key, VersionId: versionId },
      };
    }
    case "ECR": {
      const digest = override("IMAGE_DIGEST") ?? `sha256:${hex(random, 64)}`;
      const repo = config.RepositoryName ?? "repository";
      const tag = config.ImageTag ?? "latest";
      return {
        ...base,
        revisionId: digest,
        revisionChangeId: digest,
        revisionSummary: `Image tag: ${tag}`,
        revisionUrl: `https://${region}.console.aws.amazon.com/ecr/repositories/private/${ACCOUNT_ID}/${repo}?region=${region}`,
        outputVariables: {
          RegistryId: ACCOUNT_ID,
          RepositoryName: repo,
          ImageTag: tag,
          ImageDigest: digest,
          ImageURI: `${ACCOUNT_ID}.dkr.ecr.${region}.amazonaws.com/${repo}@${digest}`,
        },
      };
    }
    default: {
      const id = overrides.find((o) => o.actionName === action.name)?.revisionValue ?? hex(random, 40);
      return { ...base, revisionId: id, revisionChangeId: id, revisionSummary: `Revision ${id.slice(0, 7)}`, outputVariables: {} };
    }
  }
}
