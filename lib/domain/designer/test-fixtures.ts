/** Small declarations shared by the designer's unit tests. */
import type { ActionTypeRef, JsonObject } from "./contract";

export const CODEBUILD: ActionTypeRef = { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" };
export const S3_SOURCE: ActionTypeRef = { category: "Source", owner: "AWS", provider: "S3", version: "1" };
export const MANUAL: ActionTypeRef = { category: "Approval", owner: "AWS", provider: "Manual", version: "1" };

export function action(name: string, runOrder: number, extra: JsonObject = {}): JsonObject {
  return {
    name,
    actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
    runOrder,
    configuration: { ProjectName: name },
    ...extra,
  };
}

/** Source (one action) → Build (Build runOrder 1, Test and Lint runOrder 2). */
export function sampleDeclaration(): JsonObject {
  return {
    name: "sample",
    roleArn: "arn:aws:iam::123456789012:role/pipeline",
    artifactStore: { type: "S3", location: "my-bucket" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Fetch",
            actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
            runOrder: 1,
            configuration: { S3Bucket: "b", S3ObjectKey: "k.zip" },
            outputArtifacts: [{ name: "SourceArtifact" }],
            namespace: "SourceVariables",
          },
        ],
      },
      {
        name: "Build",
        actions: [
          action("Compile", 1, {
            inputArtifacts: [{ name: "SourceArtifact" }],
            outputArtifacts: [{ name: "BuildArtifact" }],
            namespace: "BuildVariables",
          }),
          action("Test", 2, { inputArtifacts: [{ name: "BuildArtifact" }] }),
          action("Lint", 2, { inputArtifacts: [{ name: "SourceArtifact" }] }),
        ],
      },
    ],
    version: 1,
    pipelineType: "V2",
  };
}
