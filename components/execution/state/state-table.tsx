"use client";

import { formatTime } from "@/app/pipelines/_components/format-time";
import type { BoardView } from "@/lib/domain/execution/board";
import { Duration } from "./clock";
import { StatusMark } from "./status-mark";

/** The same state as rows, one per action, for people who prefer a table to a diagram. */
export function StateTable({ board, executionHref }: { board: BoardView; executionHref: (executionId: string) => string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table data-testid="state-table" className="w-full text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2">
        <caption className="sr-only">Every action of the pipeline with its latest run</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Action</th>
            <th scope="col">Status</th>
            <th scope="col">Execution</th>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {board.stages.flatMap((stage) =>
            stage.actions.map((a) => {
              const error = a.status === "Failed" ? (a.errorDetails?.message ?? a.summary) : undefined;
              return (
                <tr key={`${stage.stageName}/${a.actionName}`} data-testid="state-row" data-stage-name={stage.stageName} data-action-name={a.actionName} data-status={a.status ?? "none"}>
                  <td>{stage.stageName}</td>
                  <th scope="row" className="font-medium">{a.actionName}</th>
                  <td className="whitespace-nowrap"><StatusMark status={a.status} /></td>
                  <td className="font-mono text-xs">
                    {a.executionId ? <a href={executionHref(a.executionId)} className="text-indigo-700 underline dark:text-indigo-300" title={a.executionId}>{a.executionId.slice(0, 8)}</a> : "—"}
                  </td>
                  <td className="whitespace-nowrap text-xs">{a.startTime ? <time dateTime={a.startTime}>{formatTime(a.startTime)}</time> : "—"}</td>
                  <td className="whitespace-nowrap text-xs"><Duration start={a.startTime} end={a.endTime} /></td>
                  <td className="max-w-md text-xs">
                    {error && <p data-testid="action-error" className="break-words text-red-800 dark:text-red-300">{error}</p>}
                    {!error && a.summary && <p className="break-words">{a.summary}</p>}
                    {a.externalExecutionUrl && (
                      <a href={a.externalExecutionUrl} target="_blank" rel="noreferrer noopener" className="text-indigo-700 underline dark:text-indigo-300">
                        {a.externalExecutionId ?? "Execution details"}<span className="sr-only"> (opens in a new tab)</span>
                      </a>
                    )}
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}
