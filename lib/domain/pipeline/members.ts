/**
 * The members of every declaration shape, in the service model's member order, read off the zod
 * schemas of declaration.ts (their keys are written in that order). Used to order exported
 * documents ("AWS order") and to find unknown members.
 *
 * The order is the one the AWS SDK's serialized model lists (tests/domain/members-sdk.test.ts
 * compares it with @aws-sdk/client-codepipeline member by member); note that the model puts
 * `stages` before `artifactStore`, `actions` before `blockers`, and `provider` before `owner` in
 * RuleTypeId (unlike ActionTypeId). GitFilterCriteria stands for the model's
 * GitBranchFilterCriteria / GitFilePathFilterCriteria / GitTagFilterCriteria (same members).
 */
import * as D from "./declaration";

/** The zod schema of each shape, by the service model's shape name. */
export const SHAPE_SCHEMAS = {
  PipelineDeclaration: D.PipelineDeclarationSchema,
  PipelineMetadata: D.PipelineMetadataSchema,
  ArtifactStore: D.ArtifactStoreSchema,
  EncryptionKey: D.EncryptionKeySchema,
  StageDeclaration: D.StageDeclarationSchema,
  BlockerDeclaration: D.BlockerDeclarationSchema,
  ActionDeclaration: D.ActionDeclarationSchema,
  ActionTypeId: D.ActionTypeIdSchema,
  OutputArtifact: D.OutputArtifactSchema,
  InputArtifact: D.InputArtifactSchema,
  EnvironmentVariable: D.EnvironmentVariableSchema,
  FailureConditions: D.FailureConditionsSchema,
  RetryConfiguration: D.RetryConfigurationSchema,
  SuccessConditions: D.SuccessConditionsSchema,
  BeforeEntryConditions: D.BeforeEntryConditionsSchema,
  Condition: D.ConditionSchema,
  RuleDeclaration: D.RuleDeclarationSchema,
  RuleTypeId: D.RuleTypeIdSchema,
  PipelineVariableDeclaration: D.PipelineVariableDeclarationSchema,
  PipelineTriggerDeclaration: D.PipelineTriggerDeclarationSchema,
  GitConfiguration: D.GitConfigurationSchema,
  GitPushFilter: D.GitPushFilterSchema,
  GitPullRequestFilter: D.GitPullRequestFilterSchema,
  GitFilterCriteria: D.GitFilterCriteriaSchema,
  Tag: D.TagSchema,
} as const;

export type ShapeName = keyof typeof SHAPE_SCHEMAS;

/** The member names of a shape, as a type. */
export type MemberName<S extends ShapeName> = keyof (typeof SHAPE_SCHEMAS)[S]["shape"] & string;

type Members = { readonly [S in ShapeName]: readonly MemberName<S>[] };

export const MEMBERS: Members = Object.fromEntries(
  Object.entries(SHAPE_SCHEMAS).map(([name, schema]) => [name, Object.freeze(Object.keys(schema.shape))]),
) as unknown as Members;
