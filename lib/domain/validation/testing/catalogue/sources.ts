/** Source providers of the generator's catalogue (the first stage). */
import { HOME_REGION, ACCOUNT } from "../generator-options";
import { BRANCHES, type SourceSpec } from "./spec";

export const SOURCE_SPECS: readonly SourceSpec[] = [
  {
    key: "Source/AWS/S3",
    provider: "S3",
    emits: ["BucketName", "ETag", "ObjectKey", "VersionId"],
    build(c, serial) {
      const configuration: Record<string, string> = {
        S3Bucket: `source-bucket-${serial}`,
        S3ObjectKey: c.pick(["source.zip", "app/source.zip"]),
        PollForSourceChanges: "false",
      };
      if (c.bool(0.3)) configuration.AllowOverrideForS3ObjectKey = c.pick(["true", "false"]);
      return { configuration };
    },
  },
  {
    key: "Source/AWS/CodeCommit",
    provider: "CodeCommit",
    emits: ["CommitId", "CommitMessage", "RepositoryName", "BranchName", "AuthorDate", "CommitterDate"],
    build(c, serial, cloneRef) {
      const branch = c.pick(BRANCHES);
      const configuration: Record<string, string> = {
        RepositoryName: `repo-${serial}`,
        BranchName: branch,
        PollForSourceChanges: "false",
      };
      if (cloneRef) configuration.OutputArtifactFormat = "CODEBUILD_CLONE_REF";
      else if (c.bool(0.3)) configuration.OutputArtifactFormat = "CODE_ZIP";
      return { configuration, branch };
    },
  },
  {
    key: "Source/AWS/ECR",
    provider: "ECR",
    emits: ["RegistryId", "RepositoryName", "ImageTag", "ImageDigest", "ImageURI"],
    build(c, serial) {
      const configuration: Record<string, string> = { RepositoryName: `base-image-${serial}` };
      if (c.bool(0.6)) configuration.ImageTag = c.pick(["latest", "stable"]);
      return { configuration };
    },
  },
  {
    key: "Source/AWS/CodeStarSourceConnection",
    provider: "CodeStarSourceConnection",
    emits: ["AuthorDate", "BranchName", "CommitId", "CommitMessage", "ConnectionArn", "FullRepositoryName"],
    build(c, serial, cloneRef) {
      const branch = c.pick(BRANCHES);
      const configuration: Record<string, string> = {
        ConnectionArn: `arn:aws:codestar-connections:${HOME_REGION}:${ACCOUNT}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f`,
        FullRepositoryId: `acme/service-${serial}`,
        BranchName: branch,
      };
      if (cloneRef) configuration.OutputArtifactFormat = "CODEBUILD_CLONE_REF";
      else if (c.bool(0.3)) configuration.OutputArtifactFormat = "CODE_ZIP";
      if (c.bool(0.3)) configuration.DetectChanges = c.pick(["true", "false"]);
      return { configuration, branch };
    },
  },
];
