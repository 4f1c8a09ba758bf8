/**
 * The members of every declaration shape, in the service model's member order. Used to order
 * exported documents ("AWS order") and to find unknown members.
 * Source: @aws-sdk/client-codepipeline 3.1138.0 dist-cjs schemas (`<Shape>$[4]`), checked member by
 * member; note the model puts `stages` before `artifactStore`, `actions` before `blockers`, and
 * `provider` before `owner` in RuleTypeId (unlike ActionTypeId). GitFilterCriteria stands for the
 * model's GitBranchFilterCriteria / GitFilePathFilterCriteria / GitTagFilterCriteria (same members).
 */
export const MEMBERS = {
  PipelineDeclaration: ["name", "roleArn", "stages", "artifactStore", "artifactStores", "version", "executionMode", "pipelineType", "variables", "triggers"],
  PipelineMetadata: ["pipelineArn", "created", "updated", "pollingDisabledAt"],
  ArtifactStore: ["type", "location", "encryptionKey"],
  EncryptionKey: ["id", "type"],
  StageDeclaration: ["name", "actions", "blockers", "onFailure", "onSuccess", "beforeEntry"],
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
  RuleTypeId: ["category", "provider", "owner", "version"],
  PipelineVariableDeclaration: ["name", "defaultValue", "description"],
  PipelineTriggerDeclaration: ["providerType", "gitConfiguration"],
  GitConfiguration: ["sourceActionName", "push", "pullRequest"],
  GitPushFilter: ["tags", "branches", "filePaths"],
  GitPullRequestFilter: ["events", "branches", "filePaths"],
  GitFilterCriteria: ["includes", "excludes"],
  Tag: ["key", "value"],
} as const satisfies Record<string, readonly string[]>;

export type ShapeName = keyof typeof MEMBERS;
