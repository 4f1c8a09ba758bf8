/** Compact pipeline declarations for engine tests. */
import type { JsonObject } from "../../contract";

export interface ActionSpec {
  readonly runOrder?: number;
  readonly inputs?: readonly string[];
  readonly outputs?: readonly string[];
  readonly configuration?: Record<string, string>;
  readonly namespace?: string;
}

const id = (category: string, provider: string) => ({ category, owner: "AWS", provider, version: "1" });

export function source(name = "Source", spec: ActionSpec = {}): JsonObject {
  return {
    name,
    actionTypeId: id("Source", "CodeCommit"),
    runOrder: spec.runOrder ?? 1,
    configuration: { RepositoryName: "repo", BranchName: "main", PollForSourceChanges: "false", ...spec.configuration },
    outputArtifacts: (spec.outputs ?? ["SourceOutput"]).map((n) => ({ name: n })),
    ...(spec.namespace ? { namespace: spec.namespace } : {}),
  };
}

export function build(name: string, spec: ActionSpec = {}, category: "Build" | "Test" = "Build"): JsonObject {
  return {
    name,
    actionTypeId: id(category, "CodeBuild"),
    runOrder: spec.runOrder ?? 1,
    configuration: { ProjectName: `${name.toLowerCase()}-project`, ...spec.configuration },
    inputArtifacts: (spec.inputs ?? ["SourceOutput"]).map((n) => ({ name: n })),
    ...(spec.outputs ? { outputArtifacts: spec.outputs.map((n) => ({ name: n })) } : {}),
    ...(spec.namespace ? { namespace: spec.namespace } : {}),
  };
}

export function approval(name = "Approve", spec: ActionSpec = {}): JsonObject {
  return { name, actionTypeId: id("Approval", "Manual"), runOrder: spec.runOrder ?? 1, ...(spec.configuration ? { configuration: spec.configuration } : {}) };
}

export function lambda(name: string, spec: ActionSpec = {}): JsonObject {
  return {
    name,
    actionTypeId: id("Invoke", "Lambda"),
    runOrder: spec.runOrder ?? 1,
    configuration: { FunctionName: "fn", ...spec.configuration },
    ...(spec.inputs ? { inputArtifacts: spec.inputs.map((n) => ({ name: n })) } : {}),
  };
}

export interface PipelineOptions {
  readonly executionMode?: "SUPERSEDED" | "QUEUED" | "PARALLEL";
  readonly pipelineType?: "V1" | "V2";
  readonly variables?: ReadonlyArray<{ name: string; defaultValue?: string }>;
}

export function pipeline(name: string, stages: ReadonlyArray<[string, JsonObject[]]>, options: PipelineOptions = {}): JsonObject {
  return {
    name,
    roleArn: "arn:aws:iam::123456789012:role/service-role/test",
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
    pipelineType: options.pipelineType ?? "V2",
    ...(options.executionMode ? { executionMode: options.executionMode } : {}),
    ...(options.variables ? { variables: options.variables } : {}),
    stages: stages.map(([stageName, actions]) => ({ name: stageName, actions })),
  };
}
