/** Small declarations shared by the designer's unit tests. */
import type { ActionTypeRef, DesignerDocument, JsonObject } from "./contract";
import { readDocument } from "./document";

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

/** A stage's runOrder groups as the read model gives them: runOrder and action ids. */
export function groupsOf(doc: DesignerDocument, stageId: string): { runOrder: number; actionIds: string[] }[] {
  const stage = readDocument(doc).stages.find((s) => s.id === stageId);
  return (stage?.groups ?? []).map((g) => ({ runOrder: g.runOrder, actionIds: g.actions.map((a) => a.id) }));
}
