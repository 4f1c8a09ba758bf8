"use client";

import { ExecutionStatusBadge } from "@/app/pipelines/_components/execution-status-badge";
import type { DetailStage, ExecutionDetailSnapshot } from "@/lib/domain/execution/execution-detail";
import { stageProgressIn, type StageProgress } from "@/lib/domain/execution/revision-tracking";
import type { ActionExecutionView } from "@/lib/domain/execution/view-model";
import type { PipelineKey } from "@/lib/queries";
import { ApprovalDialog } from "../operations/approval-dialog";
import { useAnswerableApprovals } from "../operations/use-answerable-approvals";
import { SafeLink } from "../operations/fields";
import { RetryDialog } from "../operations/retry-dialog";
import { RollbackDialog } from "../operations/rollback-dialog";
import { TransitionDialog } from "../operations/transition-dialog";
import { formatDuration } from "@/lib/domain/execution/format";
import type { DeployTargetsRead } from "@/lib/domain/execution/deploy-targets";
import { StageConditions } from "../state/stage-conditions";
import { DeployTargets } from "./deploy-targets";
import { KeyValues } from "./key-values";

const PROGRESS_TEXT: Record<StageProgress, string> = {
  passed: "✓ Succeeded",
  "in-progress": "▶ In progress",
  failed: "✕ Failed",
  stopped: "■ Stopped",
  "not-reached": "– Not reached",
};

/** `now` is when the server read the run (the snapshot's), so server and browser render the same text. */
function span(run: ActionExecutionView, now: number): string {
  if (!run.startTime) return "—";
  const end = run.status === "InProgress" || !run.lastUpdateTime ? now : Date.parse(run.lastUpdateTime);
  return formatDuration(end - Date.parse(run.startTime));
}

function ActionRun({ run, attempt, now, targets }: { run: ActionExecutionView; attempt: number; now: number; targets?: DeployTargetsRead }) {
  const error = run.output.errorDetails;
  return (
    <li data-testid="action-run" data-action={run.actionName} data-attempt={attempt} className="rounded border border-slate-200 p-3 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{run.actionName}</span>
        {attempt > 1 && <span className="text-xs text-slate-600 dark:text-slate-400">attempt {attempt}</span>}
        <ExecutionStatusBadge status={run.status} />
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {run.input.actionTypeId ? `${run.input.actionTypeId.category} · ${run.input.actionTypeId.provider}` : ""} · {span(run, now)}
        </span>
        {run.output.externalExecutionUrl && (
          <span className="text-xs">
            <SafeLink href={run.output.externalExecutionUrl}>Details ↗</SafeLink>
          </span>
        )}
      </div>
      {run.output.externalExecutionSummary && <p className="mt-1 text-sm">{run.output.externalExecutionSummary}</p>}
      {targets && <DeployTargets read={targets} />}
      {error && (
        <p role="note" className="mt-1 text-sm text-red-800 dark:text-red-200">
          ✕ {error.code ? `${error.code}: ` : ""}
          {error.message}
        </p>
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-sky-800 dark:text-sky-300">Artifacts, output variables and configuration</summary>
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          <div>
            <h5 className="text-xs font-medium uppercase text-slate-500">Input artifacts</h5>
            <p className="font-mono text-xs">{run.input.inputArtifacts.join(", ") || "none"}</p>
            <h5 className="mt-2 text-xs font-medium uppercase text-slate-500">Output artifacts</h5>
            <p className="font-mono text-xs">{run.output.outputArtifacts.join(", ") || "none"}</p>
            <h5 className="mt-2 text-xs font-medium uppercase text-slate-500">Output variables{run.input.namespace ? ` (#{${run.input.namespace}.…})` : ""}</h5>
            <KeyValues entries={Object.entries(run.output.outputVariables)} empty="none" testId="output-variables" />
          </div>
          <div>
            <h5 className="text-xs font-medium uppercase text-slate-500">Resolved configuration</h5>
            <KeyValues entries={Object.entries(run.input.resolvedConfiguration)} empty="none" testId="resolved-configuration" />
          </div>
        </div>
      </details>
    </li>
  );
}

/** One stage of the execution: how it went, its operations, and every action attempt in detail. */
export function StageSection({ snapshot, stage, index, pipeline }: { snapshot: ExecutionDetailSnapshot; stage: DetailStage; index: number; pipeline: PipelineKey }) {
  const executionId = snapshot.execution.executionId;
  const runs = snapshot.actions.filter((r) => r.stageName === stage.name).sort((a, b) => (a.startTime ?? "").localeCompare(b.startTime ?? ""));
  const attempts = new Map<string, number>();
  const progress = stageProgressIn({ name: stage.name, actions: stage.actions.map((a) => a.name) }, snapshot.actions);
  const retryable = stage.isLatest && (stage.latestStatus === "Failed" || stage.latestStatus === "Stopped");
  const approvals = useAnswerableApprovals(snapshot.waitingApprovals.filter((a) => a.stageName === stage.name).map((a) => ({ actionName: a.actionName, token: a.token, executionId })));
  const canRollback = snapshot.pipelineType === "V2" && snapshot.executionMode !== "PARALLEL" && index > 0;
  return (
    <section aria-labelledby={`stage-${index}`} data-testid="stage-section" data-stage={stage.name} data-progress={progress} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`stage-${index}`} className="text-base font-semibold">
          {stage.name}{" "}
          <span className="ml-2 text-sm font-normal" data-testid="stage-progress">
            {/* A skipped stage ran nothing, which would otherwise read "not reached". */}
            {stage.isLatest && stage.latestStatus === "Skipped" ? "– Skipped" : PROGRESS_TEXT[progress]}
          </span>
        </h3>
        <div className="flex flex-wrap gap-2" data-testid="stage-operations">
          {approvals.map((a) => (
            <ApprovalDialog key={`${a.actionName} ${a.token}`} pipeline={pipeline} stageName={stage.name} actionName={a.actionName} token={a.token} executionId={a.executionId} available={a.available} />
          ))}
          <RetryDialog pipeline={pipeline} stageName={stage.name} executionId={executionId} available={retryable} />
          {index > 0 && stage.inbound && <TransitionDialog pipeline={pipeline} stageName={stage.name} transition={stage.inbound} />}
          {canRollback && <RollbackDialog pipeline={pipeline} stageName={stage.name} />}
        </div>
      </div>
      {stage.inbound && !stage.inbound.enabled && (
        <p className="mt-1 text-sm text-amber-800 dark:text-amber-200" data-testid="transition-disabled">
          ■ Transition into {stage.name} disabled{stage.inbound.lastChangedBy ? ` by ${stage.inbound.lastChangedBy}` : ""}: {stage.inbound.disabledReason ?? "no reason given"}
        </p>
      )}
      {stage.conditions && (
        <StageConditions pipeline={pipeline} stageName={stage.name} executionId={executionId} declared={stage.declaredConditions} conditions={stage.conditions} />
      )}
      {runs.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No action of this stage ran in this execution.</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {runs.map((run, i) => {
            const attempt = (attempts.get(run.actionName) ?? 0) + 1;
            attempts.set(run.actionName, attempt);
            return (
              <ActionRun
                key={run.actionExecutionId ?? `${run.actionName}-${i}`}
                run={run}
                attempt={attempt}
                now={snapshot.fetchedAt}
                {...(run.actionExecutionId !== undefined && snapshot.deployTargets[run.actionExecutionId] && { targets: snapshot.deployTargets[run.actionExecutionId] })}
              />
            );
          })}
        </ul>
      )}
    </section>
  );
}
