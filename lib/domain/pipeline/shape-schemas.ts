/**
 * The zod schema of each declaration shape, by the service model's shape name: what members.ts
 * and member-fields.ts describe, and what the JSON Schema generator reads. Importing it loads zod;
 * the tables the validation engine walks are generated from it (model-tables.generated.ts).
 */
import * as D from "./declaration";

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
