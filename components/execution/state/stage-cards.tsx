"use client";

import type { ReactNode } from "react";
import { formatTime } from "@/app/pipelines/_components/format-time";
import type { BoardView, StageBoard } from "@/lib/domain/execution/board";
import { describeAttempts, stageAttempts } from "@/lib/domain/execution/stage-attempts";
import { declaredStage } from "@/lib/domain/execution/stage-conditions";
import { StageMountProvider, type PipelineMount } from "./mount-points";
import type { JsonObject } from "@/lib/domain/json";
import { Revisions } from "./revisions";
import { StageConditions } from "./stage-conditions";
import { StatusMark, TONE_BORDER, toneOf } from "./status-mark";

const attemptsOf = (stage: StageBoard) => describeAttempts(stageAttempts(stage.retries));

/**
 * Each stage beside the diagram: its status and execution, whether executions may enter it
 * (the inbound transition: who disabled it, when, why), the source revisions flowing through it,
 * and the `stageActions` slot where stage-level controls mount.
 */
export function StageCards({ board, declaration, mount, stageActions, executionHref }: {
  board: BoardView;
  declaration: JsonObject;
  mount: PipelineMount;
  stageActions?: ReactNode;
  executionHref: (executionId: string) => string;
}) {
  return (
    <ol className="grid gap-3 md:grid-cols-2 xl:grid-cols-3" aria-label="Stages">
      {board.stages.map((stage) => {
        const t = stage.inboundTransition;
        return (
          <li key={stage.stageName} data-testid="stage-card" data-stage-name={stage.stageName} data-execution-id={stage.executionId ?? ""} data-status={stage.status ?? "none"} className={`rounded-lg border-l-4 border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-950 ${TONE_BORDER[toneOf(stage.status)]}`}>
            <div className="flex items-start justify-between gap-2">
              <h3 className="min-w-0 break-words font-semibold">{stage.stageName}</h3>
              <StatusMark status={stage.status} />
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
              <dt className="text-slate-600 dark:text-slate-400">Execution</dt>
              <dd className="min-w-0 truncate font-mono">
                {stage.executionId ? (
                  <a href={executionHref(stage.executionId)} className="text-indigo-700 underline dark:text-indigo-300" title={stage.executionId}>
                    {stage.executionId.slice(0, 8)}
                  </a>
                ) : (
                  "—"
                )}
                {stage.executionType === "ROLLBACK" && <span className="ml-1 font-sans">(rollback)</span>}
              </dd>
              <dt className="text-slate-600 dark:text-slate-400">Entering</dt>
              <dd data-testid="inbound-transition" data-enabled={t.enabled}>
                {t.enabled ? (
                  "Allowed"
                ) : (
                  <span className="text-amber-900 dark:text-amber-200">
                    <span className="font-medium">Disabled</span>
                    {t.lastChangedBy && <> by {t.lastChangedBy}</>}
                    {t.lastChangedAt && <> at <time dateTime={t.lastChangedAt}>{formatTime(t.lastChangedAt)}</time></>}
                    {t.disabledReason && <>: “<span data-testid="disabled-reason">{t.disabledReason}</span>”</>}
                  </span>
                )}
              </dd>
              {attemptsOf(stage) && (
                <>
                  <dt className="text-slate-600 dark:text-slate-400">Attempts</dt>
                  <dd data-testid="stage-attempts">{attemptsOf(stage)}</dd>
                </>
              )}
              {stage.heldExecutions.length > 0 && (
                <>
                  <dt className="text-slate-600 dark:text-slate-400">Waiting</dt>
                  <dd className="font-mono">{stage.heldExecutions.map((e) => e.executionId.slice(0, 8)).join(", ")}</dd>
                </>
              )}
              <dt className="text-slate-600 dark:text-slate-400">Revisions</dt>
              <dd className="min-w-0">
                <Revisions revisions={stage.revisions} />
              </dd>
            </dl>
            <StageConditions pipeline={mount.pipeline} stageName={stage.stageName} executionId={stage.executionId} declared={declaredStage(declaration, stage.stageName)} conditions={stage.conditions} />
            {stageActions && (
              <div className="mt-3 flex flex-wrap gap-2" data-testid="stage-actions">
                <StageMountProvider value={{ ...mount, board, stage }}>{stageActions}</StageMountProvider>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
