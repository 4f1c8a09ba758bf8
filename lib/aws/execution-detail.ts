import "server-only";
import { maskedConfiguration } from "@/lib/domain/execution/action-detail";
import { reportsDeployTargets, type DeployTargetsRead } from "@/lib/domain/execution/deploy-targets";
import type { DetailStage, ExecutionDetail, WaitingApproval } from "@/lib/domain/execution/execution-detail";
import { CONDITION_KINDS } from "@/lib/domain/execution/stage-conditions";
import { startChoices } from "@/lib/domain/execution/start-choices";
import { isTerminal } from "@/lib/domain/execution/status";
import { arrayOf, isObject, isString } from "@/lib/domain/json";
import type { Gateway } from "./client";
import { listDeployActionExecutionTargets } from "./run-details";
import { describeGatewayError } from "./errors";
import { getPipelineExecution, getPipelineState, listActionExecutions } from "./executions";
import { getPipeline } from "./pipelines";
import { settle } from "./result";

/**
 * Reads everything the execution detail page shows, in parallel: GetPipelineExecution,
 * ListActionExecutions (this execution), GetPipeline and GetPipelineState. Callers go through
 * the read cache (cached-reads.ts `readExecutionDetail`). Throws GatewayException.
 */
export async function loadExecutionDetail(pipelineName: string, executionId: string, gw: Gateway): Promise<ExecutionDetail> {
  const [execution, runs, pipeline, state] = await Promise.all([
    getPipelineExecution({ pipelineName, executionId }, gw),
    listActionExecutions({ pipelineName, executionId }, gw),
    getPipeline({ name: pipelineName }, gw),
    getPipelineState({ name: pipelineName }, gw),
  ]);
  const declaration = pipeline.declaration as unknown as Record<string, unknown>;
  const stateByStage = new Map(state.stages.map((s) => [s.stageName, s]));
  const stages: DetailStage[] = arrayOf(declaration.stages).filter(isObject).map((stage) => {
    const name = isString(stage.name) ? stage.name : "";
    const live = stateByStage.get(name);
    const isLatest = live?.latestExecution?.executionId === executionId;
    return {
      name,
      actions: arrayOf(stage.actions).filter(isObject).map((a) => {
        const type = isObject(a.actionTypeId) ? a.actionTypeId : {};
        return {
          name: isString(a.name) ? a.name : "",
          category: isString(type.category) ? type.category : "",
          provider: isString(type.provider) ? type.provider : "",
          runOrder: typeof a.runOrder === "number" ? a.runOrder : 1,
        };
      }),
      ...(live && { inbound: live.inboundTransition }),
      ...(isLatest && live?.latestExecution?.status !== undefined && { latestStatus: live.latestExecution.status }),
      isLatest,
      ...(CONDITION_KINDS.some((kind) => isObject(stage[kind])) && {
        declaredConditions: Object.fromEntries(CONDITION_KINDS.filter((kind) => isObject(stage[kind])).map((kind) => [kind, stage[kind]])),
      }),
      ...(isLatest && live?.retryStageMetadata && { retries: live.retryStageMetadata }),
      ...(isLatest &&
        live && {
          conditions: {
            ...(live.beforeEntry && { beforeEntry: live.beforeEntry }),
            ...(live.onSuccess && { onSuccess: live.onSuccess }),
            ...(live.onFailure && { onFailure: live.onFailure }),
          },
        }),
    };
  });
  const waitingApprovals: WaitingApproval[] = state.stages.flatMap((s) =>
    s.latestExecution?.executionId === executionId
      ? s.actions.flatMap((a) =>
          a.latestExecution?.status === "InProgress" && a.latestExecution.token ? [{ stageName: s.stageName, actionName: a.actionName, token: a.latestExecution.token }] : [],
        )
      : [],
  );
  const actions = runs.map((run) => ({
    ...run,
    input: {
      ...run.input,
      configuration: maskedConfiguration(run.input.actionTypeId, run.input.configuration),
      resolvedConfiguration: maskedConfiguration(run.input.actionTypeId, run.input.resolvedConfiguration),
    },
  }));
  // Each EC2 or Lambda deploy run's targets; a backend that cannot list them leaves the run without, in words.
  const deployTargets: Record<string, DeployTargetsRead> = {};
  await Promise.all(
    runs
      .filter((run) => run.actionExecutionId !== undefined && reportsDeployTargets(run.input.actionTypeId))
      .map(async (run) => {
        const read = await settle(() => listDeployActionExecutionTargets({ pipelineName, actionExecutionId: run.actionExecutionId! }, gw));
        deployTargets[run.actionExecutionId!] = read.ok ? { ok: true, targets: read.value } : { ok: false, message: describeGatewayError(read.error).title };
      }),
  );
  return {
    pipelineName,
    execution,
    deployTargets,
    actions,
    stages,
    pipelineType: declaration.pipelineType === "V2" ? "V2" : "V1",
    executionMode: declaration.executionMode === "QUEUED" || declaration.executionMode === "PARALLEL" ? declaration.executionMode : "SUPERSEDED",
    pipelineVersion: pipeline.version,
    waitingApprovals,
    start: startChoices(declaration),
    active: execution.status === undefined || !isTerminal(execution.status),
  };
}
