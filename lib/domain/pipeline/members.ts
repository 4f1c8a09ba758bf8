/**
 * The members of every declaration shape, in the service model's member order (which is the
 * order AWS returns them in). Used to order exported documents and to find unknown members.
 * Source: @aws-sdk/client-codepipeline 3.1138.0 schemas / botocore codepipeline 2015-07-09.
 */
export const MEMBERS = {
  PipelineDeclaration: ["name", "roleArn", "artifactStore", "artifactStores", "stages", "version", "executionMode", "pipelineType", "variables", "triggers"],
  PipelineMetadata: ["pipelineArn", "created", "updated", "pollingDisabledAt"],
  ArtifactStore: ["type", "location", "encryptionKey"],
  EncryptionKey: ["id", "type"],
  StageDeclaration: ["name", "blockers", "actions", "onFailure", "onSuccess", "beforeEntry"],
  BlockerDeclaration: ["name", "type"],
  ActionDeclaration: ["name", "actionTypeId", "runOrder", "configuration", "commands", "outputArtifacts", "inputArtifacts", "outputVariables", "roleArn", "region", "namespace", "timeoutInMinutes", "environmentVariables"],
  ActionTypeId: ["category", "owner", "provider", "version"],
  OutputArtifact: ["name", "files"],
  InputArtifact: ["name"],
  EnvironmentVariable: ["name", "value", "type"],
  FailureConditions: ["result", "retryConfiguration", "conditions"],
  RetryConfiguration: ["retryMode"],
  SuccessConditions: ["conditions"],
  BeforeEntryConditions: ["conditions"],
  Condition: ["result", "rules"],
  RuleDeclaration: ["name", "ruleTypeId", "configuration", "commands", "inputArtifacts", "roleArn", "region", "timeoutInMinutes"],
  RuleTypeId: ["category", "owner", "provider", "version"],
  PipelineVariableDeclaration: ["name", "defaultValue", "description"],
  PipelineTriggerDeclaration: ["providerType", "gitConfiguration"],
  GitConfiguration: ["sourceActionName", "push", "pullRequest"],
  GitPushFilter: ["tags", "branches", "filePaths"],
  GitPullRequestFilter: ["events", "branches", "filePaths"],
  GitFilterCriteria: ["includes", "excludes"],
  Tag: ["key", "value"],
} as const satisfies Record<string, readonly string[]>;

export type ShapeName = keyof typeof MEMBERS;
