import { StatusMark } from "@/components/execution/state/status-mark";
import { Revisions } from "@/components/execution/state/revisions";
import { durationBetween } from "@/lib/domain/execution/format";
import { isTerminal } from "@/lib/domain/execution/status";
import type { PipelineExecutionSummary } from "@/lib/domain/execution/view-model";
import { formatTime } from "../../../_components/format-time";

/** One row per execution, newest first; each links to its detail page. */
export function HistoryTable({ executions, executionHref, now }: {
  executions: readonly PipelineExecutionSummary[];
  executionHref: (id: string) => string;
  /** The render's instant, for the durations of executions still running. */
  now: number;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table data-testid="history-table" className="w-full text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2">
        <caption className="sr-only">Executions, newest first</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col">Execution</th>
            <th scope="col">Status</th>
            <th scope="col">Trigger</th>
            <th scope="col">Source revision</th>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {executions.map((e) => {
            const running = e.status === undefined || !isTerminal(e.status);
            return (
              <tr key={e.executionId} data-testid="history-row" data-execution-id={e.executionId} data-status={e.status ?? "Unknown"} data-execution-type={e.executionType ?? "STANDARD"}>
                <th scope="row" className="font-mono text-xs font-normal">
                  <a href={executionHref(e.executionId)} className="text-indigo-700 underline dark:text-indigo-300" title={e.executionId}>
                    {e.executionId.slice(0, 8)}
                  </a>
                  {e.executionType === "ROLLBACK" && (
                    <span data-testid="rollback-mark" className="ml-1 block font-sans">
                      <span className="rounded bg-amber-100 px-1 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">Rollback</span>
                      {e.rollbackTargetExecutionId && (
                        <>
                          {" "}to{" "}
                          <a href={executionHref(e.rollbackTargetExecutionId)} data-testid="rollback-target" className="font-mono text-indigo-700 underline dark:text-indigo-300" title={e.rollbackTargetExecutionId}>
                            {e.rollbackTargetExecutionId.slice(0, 8)}
                          </a>
                        </>
                      )}
                    </span>
                  )}
                </th>
                <td className="whitespace-nowrap"><StatusMark status={e.status} idle="Unknown" /></td>
                <td className="text-xs">{e.trigger?.triggerType ?? "—"}</td>
                <td className="max-w-md text-xs"><Revisions revisions={e.sourceRevisions} /></td>
                <td className="whitespace-nowrap text-xs">{e.startTime ? <time dateTime={e.startTime}>{formatTime(e.startTime)}</time> : "—"}</td>
                <td className="whitespace-nowrap text-xs tabular-nums">
                  {durationBetween(e.startTime, running ? undefined : e.lastUpdateTime, now)}
                  {running && " so far"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
