/**
 * Zod schemas of the CodePipeline declaration (API 2015-07-09, V1 and V2) and of the documents
 * around it (GetPipeline output, CreatePipeline input, tags). These are the strict boundary
 * schemas: a server action parses with them before calling AWS. Every object is loose so that
 * members this code does not know yet survive a parse; the validation engine reports rule-level
 * problems separately, and the importers do not use these schemas at all (they must accept
 * anything shaped like a pipeline).
 *
 * Lengths, patterns and enums are those of the API reference's data types, via patterns.ts
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Types.html).
 */
import { z } from "zod";
import * as P from "./patterns";
import { isUnresolvedReference } from "./unresolved-reference";

/** A string within a model constraint (length and full-match pattern). */
function text(c: P.StringConstraint) {
  const s = z.string().min(c.min).max(c.max);
  return c.pattern === undefined ? s : s.regex(c.pattern, `must match ${c.patternText}`);
}

const list = <T extends z.ZodType>(item: T, max?: number, min = 0) => {
  const base = z.array(item).min(min);
  return max === undefined ? base : base.max(max);
};

const intIn = (r: { min: number; max: number }) => z.int().min(r.min).max(r.max);

// --- Enumerations (the "Valid Values" of the API reference's data types) -----------------------

export const ActionCategorySchema = z.enum(["Source", "Build", "Deploy", "Test", "Invoke", "Approval", "Compute"]);
export const ActionOwnerSchema = z.enum(["AWS", "ThirdParty", "Custom"]);
export const ExecutionModeSchema = z.enum(["QUEUED", "SUPERSEDED", "PARALLEL"]);
export const PipelineTypeSchema = z.enum(["V1", "V2"]);
export const ResultSchema = z.enum(["ROLLBACK", "FAIL", "RETRY", "SKIP"]);
export const StageRetryModeSchema = z.enum(["FAILED_ACTIONS", "ALL_ACTIONS"]);
export const EnvironmentVariableTypeSchema = z.enum(["PLAINTEXT", "SECRETS_MANAGER"]);
export const GitPullRequestEventTypeSchema = z.enum(["OPEN", "UPDATED", "CLOSED"]);
export const TriggerProviderTypeSchema = z.enum(["CodeStarSourceConnection"]);
export const ArtifactStoreTypeSchema = z.enum(["S3"]);
export const EncryptionKeyTypeSchema = z.enum(["KMS"]);
export const BlockerTypeSchema = z.enum(["Schedule"]);
export const RuleCategorySchema = z.enum(["Rule"]);
export const RuleOwnerSchema = z.enum(["AWS"]);

// --- Artifact stores ------------------------------------------------------------------------

export const EncryptionKeySchema = z.looseObject({
  id: text(P.ENCRYPTION_KEY_ID),
  type: EncryptionKeyTypeSchema,
});

export const ArtifactStoreSchema = z.looseObject({
  type: ArtifactStoreTypeSchema,
  location: text(P.BUCKET_NAME),
  encryptionKey: EncryptionKeySchema.optional(),
});

// --- Actions --------------------------------------------------------------------------------

export const ActionTypeIdSchema = z.looseObject({
  category: ActionCategorySchema,
  owner: ActionOwnerSchema,
  provider: text(P.PROVIDER),
  version: text(P.TYPE_VERSION),
});

export const InputArtifactSchema = z.looseObject({ name: text(P.ARTIFACT_NAME) });

export const OutputArtifactSchema = z.looseObject({
  name: text(P.ARTIFACT_NAME),
  files: list(text(P.OUTPUT_FILE), P.LIMITS.outputFiles, 1).optional(),
});

export const EnvironmentVariableSchema = z.looseObject({
  name: text(P.ENV_VAR_NAME),
  value: text(P.ENV_VAR_VALUE),
  type: EnvironmentVariableTypeSchema.optional(),
});

/** map<string, string>: every configuration value is a string, even booleans and numbers. */
export const ActionConfigurationSchema = z.record(text(P.CONFIG_KEY), text(P.CONFIG_VALUE));

export const ActionDeclarationSchema = z.looseObject({
  name: text(P.ACTION_NAME),
  actionTypeId: ActionTypeIdSchema,
  runOrder: intIn(P.RUN_ORDER).optional(),
  configuration: ActionConfigurationSchema.optional(),
  commands: list(text(P.COMMAND), P.LIMITS.commands, 1).optional(),
  outputArtifacts: z.array(OutputArtifactSchema).optional(),
  inputArtifacts: z.array(InputArtifactSchema).optional(),
  outputVariables: list(text(P.OUTPUT_VARIABLE), P.LIMITS.outputVariables, 1).optional(),
  roleArn: text(P.ROLE_ARN).optional(),
  region: text(P.REGION).optional(),
  namespace: text(P.NAMESPACE).optional(),
  timeoutInMinutes: intIn(P.TIMEOUT_IN_MINUTES).optional(),
  environmentVariables: list(EnvironmentVariableSchema, P.LIMITS.environmentVariables, 1).optional(),
});

// --- Stage conditions (V2) ------------------------------------------------------------------

export const RuleTypeIdSchema = z.looseObject({
  category: RuleCategorySchema,
  provider: text(P.PROVIDER),
  owner: RuleOwnerSchema.optional(),
  version: text(P.TYPE_VERSION).optional(),
});

export const RuleDeclarationSchema = z.looseObject({
  name: text(P.RULE_NAME),
  ruleTypeId: RuleTypeIdSchema,
  configuration: z
    .record(text(P.CONFIG_KEY), text(P.RULE_CONFIG_VALUE))
    .refine((m) => Object.keys(m).length <= P.LIMITS.ruleConfigurationEntries, {
      message: `at most ${P.LIMITS.ruleConfigurationEntries} entries`,
    })
    .optional(),
  commands: list(text(P.COMMAND), P.LIMITS.commands, 1).optional(),
  inputArtifacts: z.array(InputArtifactSchema).optional(),
  roleArn: text(P.ROLE_ARN).optional(),
  region: text(P.REGION).optional(),
  timeoutInMinutes: intIn(P.TIMEOUT_IN_MINUTES).optional(),
});

export const ConditionSchema = z.looseObject({
  result: ResultSchema.optional(),
  rules: list(RuleDeclarationSchema, P.LIMITS.rulesPerCondition, 1).optional(),
});

/** The model allows exactly one condition per block. */
const conditions = list(ConditionSchema, 1, 1);

export const RetryConfigurationSchema = z.looseObject({ retryMode: StageRetryModeSchema.optional() });

export const FailureConditionsSchema = z.looseObject({
  result: ResultSchema.optional(),
  retryConfiguration: RetryConfigurationSchema.optional(),
  conditions: conditions.optional(),
});

export const SuccessConditionsSchema = z.looseObject({ conditions });
export const BeforeEntryConditionsSchema = z.looseObject({ conditions });

// --- Stages ---------------------------------------------------------------------------------

export const BlockerDeclarationSchema = z.looseObject({
  name: text(P.BLOCKER_NAME),
  type: BlockerTypeSchema,
});

export const StageDeclarationSchema = z.looseObject({
  name: text(P.STAGE_NAME),
  actions: list(ActionDeclarationSchema, P.LIMITS.actionsPerStage),
  blockers: z.array(BlockerDeclarationSchema).optional(),
  onFailure: FailureConditionsSchema.optional(),
  onSuccess: SuccessConditionsSchema.optional(),
  beforeEntry: BeforeEntryConditionsSchema.optional(),
});

// --- Variables and triggers (V2) ------------------------------------------------------------

export const PipelineVariableDeclarationSchema = z.looseObject({
  name: text(P.VARIABLE_NAME),
  defaultValue: text(P.VARIABLE_DEFAULT).optional(),
  description: text(P.VARIABLE_DESCRIPTION).optional(),
});

const patterns = list(text(P.FILTER_PATTERN), P.LIMITS.filterPatterns, 1);

/** GitBranchFilterCriteria, GitFilePathFilterCriteria and GitTagFilterCriteria share one shape. */
export const GitFilterCriteriaSchema = z.looseObject({
  includes: patterns.optional(),
  excludes: patterns.optional(),
});

export const GitPushFilterSchema = z.looseObject({
  tags: GitFilterCriteriaSchema.optional(),
  branches: GitFilterCriteriaSchema.optional(),
  filePaths: GitFilterCriteriaSchema.optional(),
});

export const GitPullRequestFilterSchema = z.looseObject({
  events: list(GitPullRequestEventTypeSchema, P.LIMITS.pullRequestEvents, 1).optional(),
  branches: GitFilterCriteriaSchema.optional(),
  filePaths: GitFilterCriteriaSchema.optional(),
});

export const GitConfigurationSchema = z.looseObject({
  sourceActionName: text(P.ACTION_NAME),
  push: list(GitPushFilterSchema, P.LIMITS.gitFilters, 1).optional(),
  pullRequest: list(GitPullRequestFilterSchema, P.LIMITS.gitFilters, 1).optional(),
});

export const PipelineTriggerDeclarationSchema = z.looseObject({
  providerType: TriggerProviderTypeSchema,
  gitConfiguration: GitConfigurationSchema,
});

// --- Pipeline -------------------------------------------------------------------------------

const pipelineShape = z.looseObject({
  name: text(P.PIPELINE_NAME),
  roleArn: text(P.ROLE_ARN),
  stages: list(StageDeclarationSchema, P.LIMITS.stagesMax),
  artifactStore: ArtifactStoreSchema.optional(),
  artifactStores: z.record(text(P.REGION), ArtifactStoreSchema).optional(),
  version: z.int().min(1).optional(),
  executionMode: ExecutionModeSchema.optional(),
  pipelineType: PipelineTypeSchema.optional(),
  variables: list(PipelineVariableDeclarationSchema, P.LIMITS.variables).optional(),
  triggers: list(PipelineTriggerDeclarationSchema, P.LIMITS.triggers).optional(),
});

/**
 * The declaration as CreatePipeline / UpdatePipeline accept it. Beyond member shapes it checks
 * what the model alone cannot say: artifactStore xor artifactStores, V2-only members on an explicit
 * V1 pipeline, and that no CloudFormation reference is left unresolved (AWS would store the
 * placeholder text literally).
 */
export const PipelineDeclarationSchema = pipelineShape.superRefine((p, ctx) => {
  const single = p.artifactStore !== undefined;
  const multi = p.artifactStores !== undefined;
  if (single === multi) {
    ctx.addIssue({
      code: "custom",
      path: single ? ["artifactStores"] : ["artifactStore"],
      message: "exactly one of artifactStore and artifactStores is required",
    });
  }
  if (p.pipelineType === "V1") {
    for (const key of ["variables", "triggers"] as const) {
      if (p[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `${key} need pipelineType V2` });
    }
    if (p.executionMode !== undefined && p.executionMode !== "SUPERSEDED") {
      ctx.addIssue({ code: "custom", path: ["executionMode"], message: `${p.executionMode} needs pipelineType V2` });
    }
    p.stages.forEach((stage, i) => {
      for (const key of ["onFailure", "onSuccess", "beforeEntry"] as const) {
        if (stage[key] !== undefined) {
          ctx.addIssue({ code: "custom", path: ["stages", i, key], message: `stage conditions need pipelineType V2` });
        }
      }
    });
  }
  for (const path of unresolvedReferencePaths(p)) {
    ctx.addIssue({ code: "custom", path, message: "unresolved CloudFormation reference: deploy the template instead" });
  }
});

/** Paths of every string (value or key) in `value` that is an unresolved reference. */
function unresolvedReferencePaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (isUnresolvedReference(value)) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => unresolvedReferencePaths(v, [...path, i]));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) =>
      isUnresolvedReference(k) ? [[...path, k]] : unresolvedReferencePaths(v, [...path, k]),
    );
  }
  return [];
}

export const TagSchema = z.looseObject({
  key: text(P.TAG_KEY),
  value: text(P.TAG_VALUE),
});
export const TagListSchema = list(TagSchema, P.LIMITS.tags);

/** Epoch seconds (API, SDK after JSON) or an ISO-8601 string (AWS CLI output); kept as given. */
export const TimestampSchema = z.union([
  z.number().nonnegative(),
  z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: "not a date" }),
]);

export const PipelineMetadataSchema = z.looseObject({
  pipelineArn: z.string().optional(),
  created: TimestampSchema.optional(),
  updated: TimestampSchema.optional(),
  pollingDisabledAt: TimestampSchema.optional(),
});

/** GetPipeline output (`aws codepipeline get-pipeline`). */
export const GetPipelineOutputSchema = z.looseObject({
  pipeline: PipelineDeclarationSchema,
  metadata: PipelineMetadataSchema.optional(),
});

/** CreatePipeline input (`aws codepipeline create-pipeline --cli-input-json`); no `metadata`. */
export const CreatePipelineInputSchema = z.looseObject({
  pipeline: PipelineDeclarationSchema,
  tags: TagListSchema.optional(),
});

export type PipelineDeclaration = z.infer<typeof PipelineDeclarationSchema>;
export type StageDeclaration = z.infer<typeof StageDeclarationSchema>;
export type ActionDeclaration = z.infer<typeof ActionDeclarationSchema>;
export type ActionTypeId = z.infer<typeof ActionTypeIdSchema>;
export type ArtifactStore = z.infer<typeof ArtifactStoreSchema>;
export type EncryptionKey = z.infer<typeof EncryptionKeySchema>;
export type InputArtifact = z.infer<typeof InputArtifactSchema>;
export type OutputArtifact = z.infer<typeof OutputArtifactSchema>;
export type EnvironmentVariable = z.infer<typeof EnvironmentVariableSchema>;
export type BlockerDeclaration = z.infer<typeof BlockerDeclarationSchema>;
export type FailureConditions = z.infer<typeof FailureConditionsSchema>;
export type SuccessConditions = z.infer<typeof SuccessConditionsSchema>;
export type BeforeEntryConditions = z.infer<typeof BeforeEntryConditionsSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type RuleDeclaration = z.infer<typeof RuleDeclarationSchema>;
export type RuleTypeId = z.infer<typeof RuleTypeIdSchema>;
export type PipelineVariableDeclaration = z.infer<typeof PipelineVariableDeclarationSchema>;
export type PipelineTriggerDeclaration = z.infer<typeof PipelineTriggerDeclarationSchema>;
export type GitConfiguration = z.infer<typeof GitConfigurationSchema>;
export type GitPushFilter = z.infer<typeof GitPushFilterSchema>;
export type GitPullRequestFilter = z.infer<typeof GitPullRequestFilterSchema>;
export type GitFilterCriteria = z.infer<typeof GitFilterCriteriaSchema>;
export type Tag = z.infer<typeof TagSchema>;
export type PipelineMetadata = z.infer<typeof PipelineMetadataSchema>;
export type GetPipelineOutput = z.infer<typeof GetPipelineOutputSchema>;
export type CreatePipelineInput = z.infer<typeof CreatePipelineInputSchema>;
