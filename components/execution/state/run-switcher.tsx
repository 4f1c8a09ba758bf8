"use client";

import { formatTime } from "@/app/pipelines/_components/format-time";
import type { PipelineExecutionSummary } from "@/lib/domain/execution/view-model";

/**
 * A PARALLEL pipeline's runs in flight: the board draws the one chosen here (parallel-runs.ts),
 * never stages of several. Radio buttons, so the arrow keys move between runs.
 */
export function RunSwitcher({ runs, chosen, onChoose }: {
  runs: readonly PipelineExecutionSummary[];
  chosen: string | undefined;
  onChoose: (executionId: string) => void;
}) {
  return (
    <fieldset data-testid="run-switcher" className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-950">
      <legend className="px-1 font-medium">
        Runs in flight ({runs.length}) <span className="font-normal text-slate-600 dark:text-slate-400">· the board shows one run at a time</span>
      </legend>
      {runs.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">None: the board shows the newest execution.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {runs.map((run) => {
            const revision = run.sourceRevisions[0]?.revisionId;
            return (
              <li key={run.executionId}>
                <label
                  data-testid="run-option"
                  data-execution-id={run.executionId}
                  className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-2 py-1 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 dark:border-slate-700 dark:has-[:checked]:bg-indigo-950"
                >
                  <input type="radio" name="parallel-run" value={run.executionId} checked={chosen === run.executionId} onChange={() => onChoose(run.executionId)} />
                  <span className="font-mono text-xs">{run.executionId.slice(0, 8)}</span>
                  {run.status === "Stopping" && <span className="text-xs">(stopping)</span>}
                  {run.startTime && <span className="text-xs text-slate-600 dark:text-slate-400">started <time dateTime={run.startTime}>{formatTime(run.startTime)}</time></span>}
                  {revision && <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{revision.slice(0, 7)}</span>}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
