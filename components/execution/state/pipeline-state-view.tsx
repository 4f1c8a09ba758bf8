"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { formatTime } from "@/app/pipelines/_components/format-time";
import type { BoardSnapshot } from "@/lib/client/fetch-board";
import { boardView } from "@/lib/domain/execution/board";
import { chooseRun, runBoardView, runsInFlight } from "@/lib/domain/execution/parallel-runs";
import type { JsonObject } from "@/lib/domain/json";
import { pipelineBoardQuery, type PipelineKey } from "@/lib/queries";
import { Clock, Duration } from "./clock";
import { Freshness } from "./freshness";
import { LiveCanvas } from "./live-canvas";
import { PipelineMountProvider, type PipelineMount } from "./mount-points";
import { Revisions } from "./revisions";
import { RunSwitcher } from "./run-switcher";
import { StageCards } from "./stage-cards";
import { StateTable } from "./state-table";
import { StatusMark } from "./status-mark";

export interface PipelineStateViewProps {
  readonly pipeline: PipelineKey;
  readonly declaration: JsonObject;
  readonly version: number;
  /** What the server read while rendering, so the page shows the state at once. */
  readonly initial?: BoardSnapshot;
  /** Pipeline-level controls (start, stop …), shown in the latest-execution bar. */
  readonly headerActions?: ReactNode;
  /** Stage-level controls (retry, approve, transitions …), shown in every stage's card; see mount-points.tsx. */
  readonly stageActions?: ReactNode;
  /** A PARALLEL pipeline: the board draws one chosen run at a time, with a switcher of the runs in flight. */
  readonly parallel?: boolean;
}

/** The live state page's body: the latest execution, freshness, then the diagram or the table. */
export function PipelineStateView({ pipeline, declaration, version, initial, headerActions, stageActions, parallel = false }: PipelineStateViewProps) {
  const query = useQuery(pipelineBoardQuery(pipeline, initial));
  const snapshot = query.data;
  const [requestedRun, setRequestedRun] = useState<string | undefined>(undefined);
  const chosenRun = parallel && snapshot ? chooseRun(snapshot.payload, requestedRun) : undefined;
  const inFlight = useMemo(() => (parallel && snapshot ? runsInFlight(snapshot.payload) : []), [parallel, snapshot]);
  const board = useMemo(() => {
    if (!snapshot) return undefined;
    return chosenRun !== undefined ? runBoardView(snapshot.payload, chosenRun) : boardView(snapshot.payload);
  }, [snapshot, chosenRun]);
  const [view, setView] = useState<"diagram" | "table">("diagram");
  const router = useRouter();
  // A push made a new version: render the page again with the new declaration.
  const liveVersion = board?.pipelineVersion;
  useEffect(() => {
    if (liveVersion !== undefined && liveVersion !== version) router.refresh();
  }, [liveVersion, version, router]);

  const executionHref = (id: string) => {
    const path = `/pipelines/${encodeURIComponent(pipeline.name)}/executions/${encodeURIComponent(id)}`;
    return pipeline.region ? `${path}?region=${encodeURIComponent(pipeline.region)}` : path;
  };
  const mount: PipelineMount = { pipeline, version, ...(board && { board }) };
  const latest = board?.latestExecution;
  const gone = query.error?.status === 404;

  return (
    <Clock>
      <PipelineMountProvider value={mount}>
        <section aria-label="Latest execution" className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-950">
          <div data-testid="latest-execution-bar" data-status={latest?.status ?? "none"} className="min-w-0 space-y-1">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{parallel ? "Shown execution" : "Latest execution"}</span>
              {latest ? (
                <>
                  <StatusMark status={latest.status} />
                  <a href={executionHref(latest.executionId)} data-testid="latest-execution-id" className="font-mono text-xs text-indigo-700 underline dark:text-indigo-300">
                    {latest.executionId}
                  </a>
                </>
              ) : (
                <span className="text-slate-600 dark:text-slate-400">{board ? "Never run" : "—"}</span>
              )}
            </p>
            {latest && (
              <p className="text-xs text-slate-700 dark:text-slate-300">
                {latest.startTime && <>Started <time dateTime={latest.startTime}>{formatTime(latest.startTime)}</time> · </>}
                Duration <Duration start={latest.startTime} end={latest.status === "InProgress" || latest.status === "Stopping" ? undefined : latest.lastUpdateTime} />
                {latest.trigger?.triggerType && <> · Trigger {latest.trigger.triggerType}</>}
              </p>
            )}
            {latest?.statusSummary && <p className="break-words text-xs text-slate-700 dark:text-slate-300">{latest.statusSummary}</p>}
            {latest && latest.sourceRevisions.length > 0 && (
              <div className="text-xs">
                <Revisions revisions={latest.sourceRevisions} />
              </div>
            )}
          </div>
          <div className="flex flex-col items-end gap-2">
            {headerActions && <div data-testid="header-actions" className="flex flex-wrap gap-2">{headerActions}</div>}
            <Freshness fetchedAt={snapshot?.fetchedAt} error={query.error} />
          </div>
        </section>

        {gone && (
          <div role="alert" data-testid="pipeline-gone" className="mt-4 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
            This pipeline no longer exists. <Link href="/pipelines" className="underline">Back to the pipelines</Link>
          </div>
        )}
        {query.error && !snapshot && !gone && <div className="mt-4"><Freshness error={query.error} /></div>}

        {parallel && board && (
          <div className="mt-4">
            <RunSwitcher runs={inFlight} chosen={chosenRun} onChoose={setRequestedRun} />
          </div>
        )}

        <div className="mt-6 flex items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">Stages</h2>
          <div role="group" aria-label="Show the state as" className="inline-flex rounded-md border border-slate-300 text-sm dark:border-slate-700">
            {(["diagram", "table"] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                data-testid={`view-${v}`}
                onClick={() => setView(v)}
                className={`px-3 py-1 first:rounded-l-md last:rounded-r-md ${view === v ? "bg-indigo-600 text-white" : "bg-white text-slate-800 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-100"}`}
              >
                {v === "diagram" ? "Diagram" : "Table"}
              </button>
            ))}
          </div>
        </div>
        <div className="mt-3 space-y-4">
          {view === "diagram" ? <LiveCanvas declaration={declaration} board={board} /> : board && <StateTable board={board} executionHref={executionHref} />}
          {board && <StageCards board={board} declaration={declaration} mount={mount} stageActions={stageActions} executionHref={executionHref} />}
        </div>
      </PipelineMountProvider>
    </Clock>
  );
}
