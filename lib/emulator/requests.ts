/**
 * One zod schema per operation input, from the API reference
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Operations.html):
 * required members, lengths, patterns, enums. A body that fails its schema is answered with
 * AWS's ValidationException ("1 validation error detected: Value at ..."), before any handler
 * runs. Members the model does not know are dropped, except inside the pipeline declaration
 * (kept, as the domain schemas are loose; the validation engine warns about them).
 *
 * The declaration reuses the domain's per-member schemas (lib/domain/pipeline/declaration.ts) so
 * the model's constraints live in one place. The domain's whole-pipeline refinements (V1 vs V2,
 * artifact store xor) are deliberately not used here: AWS reports those as
 * InvalidStructureException, which service-checks.ts decides.
 */
import { z } from "zod";
import {
  ArtifactStoreSchema,
  ExecutionModeSchema,
  PipelineTriggerDeclarationSchema,
  PipelineTypeSchema,
  PipelineVariableDeclarationSchema,
  StageDeclarationSchema,
  StageRetryModeSchema,
} from "@/lib/domain/pipeline/declaration";
import * as P from "@/lib/domain/pipeline/patterns";
import { serviceErrors } from "./errors";
import { validationMessage } from "./validation-message";

function text(c: P.StringConstraint) {
  const s = z.string().min(c.min).max(c.max);
  return c.pattern === undefined ? s : s.regex(c.pattern);
}
const pattern = (min: number, max: number, source: string) => z.string().min(min).max(max).regex(new RegExp(`^(?:${source})$`));

const PipelineName = text(P.PIPELINE_NAME);
const StageName = text(P.STAGE_NAME);
const ActionName = text(P.ACTION_NAME);
const NextToken = z.string().min(1).max(2048);
const ExecutionId = pattern(36, 36, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
/** The model's ResourceArn length; its pattern is checked by tags.ts (InvalidArnException). */
const ResourceArn = z.string().min(1).max(1011);

/** ListActionExecutions and ListRuleExecutions take the same request shape. */
const executionListRequest = z.object({
  pipelineName: PipelineName,
  filter: z
    .object({
      pipelineExecutionId: ExecutionId.optional(),
      latestInPipelineExecution: z
        .object({ pipelineExecutionId: ExecutionId, startTimeRange: z.enum(["Latest", "All"]) })
        .optional(),
    })
    .optional(),
  maxResults: z.int().min(1).max(100).optional(),
  nextToken: NextToken.optional(),
});

export const TagSchema = z.object({ key: text(P.TAG_KEY), value: text(P.TAG_VALUE) });

export const PipelineDeclarationInput = z.looseObject({
  name: PipelineName,
  roleArn: text(P.ROLE_ARN),
  artifactStore: ArtifactStoreSchema.optional(),
  artifactStores: z.record(text(P.REGION), ArtifactStoreSchema).optional(),
  stages: z.array(StageDeclarationSchema),
  version: z.int().min(1).optional(),
  executionMode: ExecutionModeSchema.optional(),
  pipelineType: PipelineTypeSchema.optional(),
  variables: z.array(PipelineVariableDeclarationSchema).max(P.LIMITS.variables).optional(),
  triggers: z.array(PipelineTriggerDeclarationSchema).max(P.LIMITS.triggers).optional(),
});

export const requestSchemas = {
  CreatePipeline: z.object({ pipeline: PipelineDeclarationInput, tags: z.array(TagSchema).optional() }),
  UpdatePipeline: z.object({ pipeline: PipelineDeclarationInput }),
  GetPipeline: z.object({ name: PipelineName, version: z.int().min(1).optional() }),
  DeletePipeline: z.object({ name: PipelineName }),
  ListPipelines: z.object({ nextToken: NextToken.optional(), maxResults: z.int().min(1).max(1000).optional() }),
  ListActionTypes: z.object({
    actionOwnerFilter: z.enum(["AWS", "ThirdParty", "Custom"]).optional(),
    nextToken: NextToken.optional(),
    regionFilter: text(P.REGION).optional(),
  }),
  TagResource: z.object({ resourceArn: ResourceArn, tags: z.array(TagSchema) }),
  UntagResource: z.object({ resourceArn: ResourceArn, tagKeys: z.array(text(P.TAG_KEY)) }),
  ListTagsForResource: z.object({
    resourceArn: ResourceArn,
    nextToken: NextToken.optional(),
    maxResults: z.int().min(1).max(100).optional(),
  }),
  GetPipelineState: z.object({ name: PipelineName }),
  StartPipelineExecution: z.object({
    name: PipelineName,
    variables: z
      .array(z.object({ name: text(P.VARIABLE_NAME), value: text(P.VARIABLE_DEFAULT) }))
      .min(1)
      .max(P.LIMITS.startVariables)
      .optional(),
    clientRequestToken: text(P.CLIENT_REQUEST_TOKEN).optional(),
    sourceRevisions: z
      .array(
        z.object({
          actionName: ActionName,
          revisionType: z.enum(["COMMIT_ID", "IMAGE_DIGEST", "S3_OBJECT_VERSION_ID", "S3_OBJECT_KEY"]),
          revisionValue: text(P.REVISION_VALUE),
        }),
      )
      .max(P.LIMITS.sourceRevisions)
      .optional(),
  }),
  StopPipelineExecution: z.object({
    pipelineName: PipelineName,
    pipelineExecutionId: ExecutionId,
    abandon: z.boolean().optional(),
    reason: text(P.STOP_REASON).optional(),
  }),
  GetPipelineExecution: z.object({ pipelineName: PipelineName, pipelineExecutionId: ExecutionId }),
  ListPipelineExecutions: z.object({
    pipelineName: PipelineName,
    maxResults: z.int().min(1).max(100).optional(),
    nextToken: NextToken.optional(),
    filter: z.object({ succeededInStage: z.object({ stageName: StageName.optional() }).optional() }).optional(),
  }),
  ListActionExecutions: executionListRequest,
  RetryStageExecution: z.object({
    pipelineName: PipelineName,
    stageName: StageName,
    pipelineExecutionId: ExecutionId,
    retryMode: StageRetryModeSchema,
  }),
  RollbackStage: z.object({ pipelineName: PipelineName, stageName: StageName, targetPipelineExecutionId: ExecutionId }),
  PutApprovalResult: z.object({
    pipelineName: PipelineName,
    stageName: StageName,
    actionName: ActionName,
    result: z.object({ summary: text(P.APPROVAL_SUMMARY), status: z.enum(["Approved", "Rejected"]) }),
    token: pattern(36, 36, "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}"),
  }),
  EnableStageTransition: z.object({
    pipelineName: PipelineName,
    stageName: StageName,
    transitionType: z.enum(["Inbound", "Outbound"]),
  }),
  DisableStageTransition: z.object({
    pipelineName: PipelineName,
    stageName: StageName,
    transitionType: z.enum(["Inbound", "Outbound"]),
    reason: text(P.DISABLE_TRANSITION_REASON),
  }),
  ListRuleTypes: z.object({ ruleOwnerFilter: z.enum(["AWS"]).optional(), regionFilter: text(P.REGION).optional() }),
  ListRuleExecutions: executionListRequest,
  ListDeployActionExecutionTargets: z.object({
    pipelineName: PipelineName.optional(),
    actionExecutionId: z.string().min(1),
    filters: z.array(z.object({ name: z.enum(["TARGET_STATUS"]).optional(), values: z.array(z.string().min(1)).min(1).optional() })).optional(),
    maxResults: z.int().min(1).max(100).optional(),
    nextToken: NextToken.optional(),
  }),
  OverrideStageCondition: z.object({
    pipelineName: PipelineName,
    stageName: StageName,
    pipelineExecutionId: ExecutionId,
    conditionType: z.enum(["BEFORE_ENTRY", "ON_SUCCESS"]),
  }),
} as const;

export type OperationName = keyof typeof requestSchemas;
export type RequestOf<Op extends OperationName> = z.infer<(typeof requestSchemas)[Op]>;

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(requestSchemas, name);
}

/** Parses an operation's body or throws ValidationException in AWS's wording. */
export function parseRequest<Op extends OperationName>(operation: Op, body: unknown): RequestOf<Op> {
  const result = requestSchemas[operation].safeParse(body, { reportInput: true });
  if (!result.success) throw serviceErrors.validation(validationMessage(result.error.issues));
  return result.data as RequestOf<Op>;
}
