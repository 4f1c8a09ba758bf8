import "server-only";
import type {
  ActionExecutionDetail,
  ActionState,
  ErrorDetails,
  GetPipelineOutput,
  GetPipelineStateOutput,
  PipelineExecution,
  PipelineExecutionSummary as SdkExecutionSummary,
  PipelineSummary as SdkPipelineSummary,
  StageConditionState,
  StageExecution,
  StageState,
} from "@aws-sdk/client-codepipeline";
import type { PipelineDeclaration } from "@/lib/domain/pipeline/declaration";
import {
  toActionExecutionStatus,
  toConditionExecutionStatus,
  toPipelineExecutionStatus,
  toRuleExecutionStatus,
  toStageExecutionStatus,
} from "@/lib/domain/execution/status";
import type {
  ActionExecutionView,
  ActionStateView,
  ErrorDetailsView,
  ExecutionMode,
  ExecutionType,
  PipelineDetail,
  PipelineExecutionDetail,
  PipelineExecutionSummary,
  PipelineStateView,
  PipelineSummary,
  PipelineType,
  StageConditionStateView,
  StageExecutionRef,
  StageStateView,
} from "@/lib/domain/execution/view-model";

/**
 * SDK output → domain types (the `reshape*` functions of vercel/commerce lib/shopify). Nothing
 * outside lib/aws sees an SDK shape; Dates become ISO strings.
 */

export const iso = (d: Date | undefined): string | undefined => (d === undefined ? undefined : d.toISOString());

/** An action's or a rule's type id with every part present (the SDK types them all optional). */
export function typeIdView(typeId: { category?: string; owner?: string; provider?: string; version?: string } | undefined) {
  return typeId && { category: typeId.category ?? "", owner: typeId.owner ?? "", provider: typeId.provider ?? "", version: typeId.version ?? "" };
}

const executionMode = (m: string | undefined): ExecutionMode | undefined =>
  m === "SUPERSEDED" || m === "QUEUED" || m === "PARALLEL" ? m : undefined;
const executionType = (t: string | undefined): ExecutionType | undefined =>
  t === "STANDARD" || t === "ROLLBACK" ? t : undefined;

/** A reply without a member the model marks as always present is a broken endpoint, not data. */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The CodePipeline response has no ${what}.`);
  return value;
}

export function reshapePipelineSummary(s: SdkPipelineSummary): PipelineSummary {
  return {
    name: required(s.name, "pipeline name"),
    // Pipelines created before V2 existed carry no type: they are V1.
    pipelineType: (s.pipelineType as PipelineType | undefined) ?? "V1",
    executionMode: executionMode(s.executionMode) ?? "SUPERSEDED",
    version: s.version ?? 1,
    created: iso(s.created),
    updated: iso(s.updated),
  };
}

export function reshapePipeline(out: GetPipelineOutput): PipelineDetail {
  const sdkDeclaration = required(out.pipeline, "pipeline");
  // The SDK's declaration is plain JSON (no Dates inside) with the same members as the domain's
  // loose zod type; only enum members are typed more widely by the SDK.
  const declaration = sdkDeclaration as unknown as PipelineDeclaration;
  return {
    declaration,
    metadata: {
      pipelineArn: out.metadata?.pipelineArn,
      created: iso(out.metadata?.created),
      updated: iso(out.metadata?.updated),
      pollingDisabledAt: iso(out.metadata?.pollingDisabledAt),
    },
    version: sdkDeclaration.version ?? 1,
  };
}

export function reshapeExecutionSummary(s: SdkExecutionSummary): PipelineExecutionSummary {
  return {
    executionId: required(s.pipelineExecutionId, "pipelineExecutionId"),
    status: toPipelineExecutionStatus(s.status),
    statusSummary: s.statusSummary,
    startTime: iso(s.startTime),
    lastUpdateTime: iso(s.lastUpdateTime),
    sourceRevisions: (s.sourceRevisions ?? []).map((r) => ({
      actionName: r.actionName ?? "",
      revisionId: r.revisionId,
      revisionSummary: r.revisionSummary,
      revisionUrl: r.revisionUrl,
    })),
    trigger: s.trigger && { triggerType: s.trigger.triggerType, triggerDetail: s.trigger.triggerDetail },
    stopReason: s.stopTrigger?.reason,
    executionMode: executionMode(s.executionMode),
    executionType: executionType(s.executionType),
    rollbackTargetExecutionId: s.rollbackMetadata?.rollbackTargetPipelineExecutionId,
  };
}

export function reshapeExecution(e: PipelineExecution): PipelineExecutionDetail {
  return {
    pipelineName: required(e.pipelineName, "pipelineName"),
    pipelineVersion: e.pipelineVersion,
    executionId: required(e.pipelineExecutionId, "pipelineExecutionId"),
    status: toPipelineExecutionStatus(e.status),
    statusSummary: e.statusSummary,
    artifactRevisions: (e.artifactRevisions ?? []).map((r) => ({
      name: r.name,
      revisionId: r.revisionId,
      revisionChangeIdentifier: r.revisionChangeIdentifier,
      revisionSummary: r.revisionSummary,
      created: iso(r.created),
      revisionUrl: r.revisionUrl,
    })),
    variables: (e.variables ?? []).map((v) => ({ name: v.name ?? "", resolvedValue: v.resolvedValue ?? "" })),
    trigger: e.trigger && { triggerType: e.trigger.triggerType, triggerDetail: e.trigger.triggerDetail },
    executionMode: executionMode(e.executionMode),
    executionType: executionType(e.executionType),
    rollbackTargetExecutionId: e.rollbackMetadata?.rollbackTargetPipelineExecutionId,
  };
}

const errorDetails = (d: ErrorDetails | undefined): ErrorDetailsView | undefined =>
  d && { code: d.code, message: d.message };

function stageExecutionRef(e: StageExecution): StageExecutionRef {
  return {
    executionId: e.pipelineExecutionId ?? "",
    status: toStageExecutionStatus(e.status),
    type: executionType(e.type),
  };
}

function reshapeActionState(a: ActionState): ActionStateView {
  const run = a.latestExecution;
  return {
    actionName: required(a.actionName, "actionName"),
    currentRevision: a.currentRevision?.revisionId
      ? {
          revisionId: a.currentRevision.revisionId,
          revisionChangeId: a.currentRevision.revisionChangeId,
          created: iso(a.currentRevision.created),
        }
      : undefined,
    latestExecution: run && {
      actionExecutionId: run.actionExecutionId,
      status: toActionExecutionStatus(run.status),
      summary: run.summary,
      lastStatusChange: iso(run.lastStatusChange),
      token: run.token,
      lastUpdatedBy: run.lastUpdatedBy,
      externalExecutionId: run.externalExecutionId,
      externalExecutionUrl: run.externalExecutionUrl,
      percentComplete: run.percentComplete,
      errorDetails: errorDetails(run.errorDetails),
    },
    entityUrl: a.entityUrl,
    revisionUrl: a.revisionUrl,
  };
}

function reshapeConditionState(c: StageConditionState | undefined): StageConditionStateView | undefined {
  if (!c) return undefined;
  return {
    status: toConditionExecutionStatus(c.latestExecution?.status),
    summary: c.latestExecution?.summary,
    conditions: (c.conditionStates ?? []).map((condition) => ({
      status: toConditionExecutionStatus(condition.latestExecution?.status),
      summary: condition.latestExecution?.summary,
      lastStatusChange: iso(condition.latestExecution?.lastStatusChange),
      rules: (condition.ruleStates ?? []).map((rule) => ({
        ruleName: rule.ruleName ?? "",
        status: toRuleExecutionStatus(rule.latestExecution?.status),
        summary: rule.latestExecution?.summary,
        lastStatusChange: iso(rule.latestExecution?.lastStatusChange),
        externalExecutionUrl: rule.latestExecution?.externalExecutionUrl,
        errorDetails: errorDetails(rule.latestExecution?.errorDetails),
      })),
    })),
  };
}

function reshapeStageState(s: StageState): StageStateView {
  // The list form came with QUEUED/PARALLEL; older replies only have the single member.
  const inbound = s.inboundExecutions ?? (s.inboundExecution ? [s.inboundExecution] : []);
  return {
    stageName: required(s.stageName, "stageName"),
    inboundTransition: {
      // A stage whose transition state is missing has never been disabled.
      enabled: s.inboundTransitionState?.enabled ?? true,
      lastChangedBy: s.inboundTransitionState?.lastChangedBy,
      lastChangedAt: iso(s.inboundTransitionState?.lastChangedAt),
      disabledReason: s.inboundTransitionState?.disabledReason,
    },
    beforeEntry: reshapeConditionState(s.beforeEntryConditionState),
    onSuccess: reshapeConditionState(s.onSuccessConditionState),
    onFailure: reshapeConditionState(s.onFailureConditionState),
    retryStageMetadata: s.retryStageMetadata && {
      autoStageRetryAttempt: s.retryStageMetadata.autoStageRetryAttempt,
      manualStageRetryAttempt: s.retryStageMetadata.manualStageRetryAttempt,
      latestRetryTrigger: s.retryStageMetadata.latestRetryTrigger,
    },
    inboundExecutions: inbound.map(stageExecutionRef),
    latestExecution: s.latestExecution && stageExecutionRef(s.latestExecution),
    actions: (s.actionStates ?? []).map(reshapeActionState),
  };
}

export function reshapePipelineState(out: GetPipelineStateOutput): PipelineStateView {
  return {
    pipelineName: required(out.pipelineName, "pipelineName"),
    pipelineVersion: out.pipelineVersion,
    created: iso(out.created),
    updated: iso(out.updated),
    stages: (out.stageStates ?? []).map(reshapeStageState),
  };
}

export function reshapeActionExecution(d: ActionExecutionDetail): ActionExecutionView {
  const typeId = d.input?.actionTypeId;
  const result = d.output?.executionResult;
  return {
    executionId: required(d.pipelineExecutionId, "pipelineExecutionId"),
    actionExecutionId: d.actionExecutionId,
    pipelineVersion: d.pipelineVersion,
    stageName: required(d.stageName, "stageName"),
    actionName: required(d.actionName, "actionName"),
    startTime: iso(d.startTime),
    lastUpdateTime: iso(d.lastUpdateTime),
    updatedBy: d.updatedBy,
    status: toActionExecutionStatus(d.status),
    input: {
      actionTypeId: typeIdView(typeId),
      configuration: d.input?.configuration ?? {},
      resolvedConfiguration: d.input?.resolvedConfiguration ?? {},
      region: d.input?.region,
      namespace: d.input?.namespace,
      inputArtifacts: (d.input?.inputArtifacts ?? []).flatMap((a) => (a.name ? [a.name] : [])),
    },
    output: {
      outputArtifacts: (d.output?.outputArtifacts ?? []).flatMap((a) => (a.name ? [a.name] : [])),
      externalExecutionId: result?.externalExecutionId,
      externalExecutionSummary: result?.externalExecutionSummary,
      externalExecutionUrl: result?.externalExecutionUrl,
      errorDetails: errorDetails(result?.errorDetails),
      outputVariables: d.output?.outputVariables ?? {},
    },
  };
}
