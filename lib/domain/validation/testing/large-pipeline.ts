/**
 * A valid pipeline of any size, for the benchmark and for scale tests: sources in the first
 * stage, CodeBuild actions in groups of five run orders after it, every artifact consumed
 * by the next stage, every namespace referenced by the next stage, and a pipeline variable.
 */
export interface LargePipelineOptions {
  readonly stages: number;
  readonly actionsPerStage: number;
}

const GROUP_SIZE = 5;

export function buildLargePipeline({ stages, actionsPerStage }: LargePipelineOptions) {
  const stageList = [];
  for (let s = 0; s < stages; s++) {
    const last = s === stages - 1;
    const actions = [];
    for (let j = 0; j < actionsPerStage; j++) {
      actions.push(s === 0 ? sourceAction(j) : buildAction(s, j, last));
    }
    stageList.push({ name: s === 0 ? "Source" : `Stage-${s}`, actions });
  }
  return {
    name: `large-${stages}x${actionsPerStage}`,
    roleArn: "arn:aws:iam::123456789012:role/service-role/pipeline-role",
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
    stages: stageList,
    version: 1,
    executionMode: "QUEUED",
    pipelineType: "V2",
    variables: [{ name: "env", defaultValue: "prod", description: "Target environment" }],
  };
}

function sourceAction(j: number) {
  return {
    name: `Source-${j}`,
    actionTypeId: { category: "Source", owner: "AWS", provider: "CodeCommit", version: "1" },
    runOrder: 1,
    configuration: { RepositoryName: `repo-${j}`, BranchName: "main", PollForSourceChanges: "false" },
    outputArtifacts: [{ name: artifact(0, j) }],
    inputArtifacts: [],
    namespace: namespace(0, j),
  };
}

function buildAction(s: number, j: number, last: boolean) {
  const upstream = namespace(s - 1, j);
  // The source namespace publishes CommitId; build namespaces publish what the buildspec exports.
  const key = s - 1 === 0 ? "CommitId" : "IMAGE_TAG";
  return {
    name: `Build-${j}`,
    actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
    runOrder: Math.floor(j / GROUP_SIZE) + 1,
    configuration: {
      ProjectName: `project-${s}-${j}`,
      EnvironmentVariables: JSON.stringify([
        { name: "UPSTREAM", value: `#{${upstream}.${key}}`, type: "PLAINTEXT" },
        { name: "ENV", value: "#{variables.env}", type: "PLAINTEXT" },
        { name: "RUN", value: "#{codepipeline.PipelineExecutionId}", type: "PLAINTEXT" },
      ]),
    },
    outputArtifacts: last ? [] : [{ name: artifact(s, j) }],
    inputArtifacts: [{ name: artifact(s - 1, j) }],
    ...(last ? {} : { namespace: namespace(s, j) }),
  };
}

function artifact(stage: number, action: number): string {
  return `Out_${stage}_${action}`;
}

function namespace(stage: number, action: number): string {
  return `NS_${stage}_${action}`;
}
