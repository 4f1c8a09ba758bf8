/**
 * A valid quota-max pipeline that leans on what the reference rules index: every action has a
 * namespace, its configuration and environment variables reference several upstream namespaces
 * (the previous stage and earlier ones), many pipeline variables and CodePipeline's own
 * variables, and each action consumes artifacts from two earlier stages. The benchmark checks
 * validate() stays fast on this shape, not only on the plain one of large-pipeline.ts.
 */
import type { LargePipelineOptions } from "./large-pipeline";

const VARIABLES = 50;

export function buildVariablesRichPipeline({ stages, actionsPerStage }: LargePipelineOptions) {
  const stageList = [];
  for (let s = 0; s < stages; s++) {
    const actions = [];
    for (let j = 0; j < actionsPerStage; j++) actions.push(s === 0 ? sourceAction(j) : buildAction(s, j, actionsPerStage, s === stages - 1));
    stageList.push({ name: s === 0 ? "Source" : `Stage-${s}`, actions });
  }
  return {
    name: `variables-rich-${stages}x${actionsPerStage}`,
    roleArn: "arn:aws:iam::123456789012:role/service-role/pipeline-role",
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
    stages: stageList,
    version: 1,
    executionMode: "PARALLEL",
    pipelineType: "V2",
    variables: Array.from({ length: VARIABLES }, (_, v) => ({ name: `var_${v}`, defaultValue: `value-${v}`, description: `Variable ${v}` })),
  };
}

function sourceAction(j: number) {
  return {
    name: `Source-${j}`,
    actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
    runOrder: 1,
    configuration: { S3Bucket: `bucket-${j}`, S3ObjectKey: `source-${j}.zip`, PollForSourceChanges: "false" },
    outputArtifacts: [{ name: artifact(0, j) }],
    namespace: namespace(0, j),
  };
}

function buildAction(s: number, j: number, actionsPerStage: number, last: boolean) {
  const v = (k: number) => `#{variables.var_${(s * 7 + j * 3 + k) % VARIABLES}}`;
  // The previous stage and, from the third stage on, the one before it: namespaces and artifacts.
  const upstream = [s - 1, ...(s >= 2 ? [s - 2] : [])];
  const key = (stage: number) => (stage === 0 ? "VersionId" : "IMAGE_TAG");
  const refs = upstream.map((stage) => `#{${namespace(stage, (j + stage) % actionsPerStage)}.${key(stage)}}`);
  const inputs = upstream.map((stage) => ({ name: artifact(stage, (j + stage) % actionsPerStage) }));
  return {
    name: `Build-${j}`,
    actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
    runOrder: 1,
    configuration: {
      ProjectName: `project-${s}-${j}`,
      PrimarySource: inputs[0]!.name,
      EnvironmentVariables: JSON.stringify([
        ...refs.map((value, k) => ({ name: `UPSTREAM_${k}`, value, type: "PLAINTEXT" })),
        { name: "TARGET", value: `${v(1)}-${v(2)}`, type: "PLAINTEXT" },
        { name: "REGION", value: v(3), type: "PLAINTEXT" },
        { name: "RUN", value: "#{codepipeline.PipelineExecutionId}", type: "PLAINTEXT" },
      ]),
    },
    // The last stage publishes nothing: nothing after it would consume it.
    outputArtifacts: last ? [] : [{ name: artifact(s, j) }],
    inputArtifacts: inputs,
    ...(last ? {} : { namespace: namespace(s, j) }),
  };
}

function artifact(stage: number, action: number): string {
  return `Out_${stage}_${action}`;
}

function namespace(stage: number, action: number): string {
  return `NS_${stage}_${action}`;
}
