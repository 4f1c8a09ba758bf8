/**
 * GetPipelineState: the board. For each stage of the latest pipeline version: the inbound
 * transition, the execution(s) waiting at the boundary, the stage's latest execution, and for
 * each action its most recent run (token included while an approval waits), plus the source
 * actions' current revisions.
 */
import type { JsonObject } from "../../contract";
import { serviceErrors } from "../../errors";
import { groupByStage } from "../admission";
import type { EngineContext } from "../context";
import { isSourceAction, type StagePlan } from "../pipeline-plan";
import type { ExecutionRecord } from "../records";
import { entityUrl } from "../simulation/results";
import { compact, seconds } from "../wire";
import { boardActionExecution } from "./action-view";
import { stageConditionStates } from "./rule-view";

export function pipelineState(ctx: EngineContext, name: string): JsonObject {
  const stored = ctx.definitions.getPipeline(name);
  if (!stored) throw serviceErrors.pipelineNotFound(name);
  const plan = ctx.plans.current(name);
  const now = ctx.now();
  const waiting = groupByStage(
    ctx.runner,
    ctx.store.activeExecutions(name).filter((e) => !e.inStage && e.status === "InProgress"),
  );
  return {
    pipelineName: name,
    pipelineVersion: stored.version,
    stageStates: plan.stages.map((stage) => stageState(ctx, name, stage, waiting.get(stage.name) ?? [], now)),
    created: stored.created,
    updated: stored.updated,
  };
}

function stageState(
  ctx: EngineContext,
  pipelineName: string,
  stage: StagePlan,
  waiting: readonly ExecutionRecord[],
  now: number,
): JsonObject {
  // The state has only inbound transitions: the previous stage's disabled outbound transition
  // holds executions at this boundary too, so it shows here when the inbound one is enabled.
  const inbound = ctx.store.getTransition(pipelineName, stage.name, "Inbound");
  const previous = stage.index > 0 ? ctx.plans.current(pipelineName).stages[stage.index - 1] : undefined;
  const outbound = previous ? ctx.store.getTransition(pipelineName, previous.name, "Outbound") : undefined;
  const transition = outbound && !outbound.enabled && inbound?.enabled !== false ? outbound : inbound;
  // AWS shows no inbound transition for the first stage unless someone changed it.
  const inboundTransitionState =
    stage.index === 0 && !transition
      ? undefined
      : compact({
          enabled: transition?.enabled ?? true,
          lastChangedBy: transition?.lastChangedBy,
          lastChangedAt: transition ? seconds(transition.lastChangedMs) : undefined,
          disabledReason: transition && !transition.enabled ? transition.disabledReason : undefined,
        });
  const latest = ctx.store.latestStageRun(pipelineName, stage.name);
  const latestExecution = latest ? ctx.store.getExecution(latest.executionId) : undefined;
  const held = waiting.map((e) => ({ pipelineExecutionId: e.id, status: "InProgress", type: e.executionType }));
  // The one that will go next: the newest under SUPERSEDED (the rest are superseded), else the oldest.
  const next = waiting.length === 0 ? undefined : waiting[0]?.executionMode === "SUPERSEDED" ? held[held.length - 1] : held[0];
  return compact({
    stageName: stage.name,
    inboundExecution: next,
    inboundExecutions: held.length > 0 ? held : undefined,
    inboundTransitionState,
    actionStates: stage.actions.map((action) => {
      const run = ctx.store.latestActionRun(pipelineName, stage.name, action.name);
      let currentRevision: JsonObject | undefined;
      let revisionUrl: string | undefined;
      if (isSourceAction(action)) {
        const delivered = ctx.store.latestSucceededRun(pipelineName, stage.name, action.name);
        const revision = delivered
          ? ctx.store.getExecution(delivered.executionId)?.sourceRevisions.find((r) => r.actionName === action.name)
          : undefined;
        if (revision) {
          currentRevision = { revisionId: revision.revisionId, revisionChangeId: revision.revisionChangeId, created: seconds(revision.created) };
          revisionUrl = revision.revisionUrl;
        }
      }
      return compact({
        actionName: action.name,
        currentRevision,
        latestExecution: run ? boardActionExecution(run, now) : undefined,
        entityUrl: entityUrl(action),
        revisionUrl,
      });
    }),
    latestExecution:
      latest && latestExecution
        ? { pipelineExecutionId: latest.executionId, status: latest.status, type: latestExecution.executionType }
        : undefined,
    ...stageConditionStates(ctx, stage, latest?.executionId),
    // https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RetryStageMetadata.html
    retryStageMetadata:
      latest && (latest.manualRetries > 0 || latest.autoRetries > 0)
        ? compact({
            autoStageRetryAttempt: latest.autoRetries > 0 ? latest.autoRetries : undefined,
            manualStageRetryAttempt: latest.manualRetries > 0 ? latest.manualRetries : undefined,
            latestRetryTrigger: latest.latestRetryTrigger ?? "ManualStageRetry",
          })
        : undefined,
  });
}
