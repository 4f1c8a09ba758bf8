import type { PipelineOverview } from "@/lib/domain/execution/view-model";
import { ExecutionStatusBadge } from "./execution-status-badge";

/** "2025-01-31 14:05 UTC": the same on the server and in every browser. */
function formatTime(iso: string | undefined): string {
  return iso === undefined ? "—" : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const MODE_LABEL = { SUPERSEDED: "Superseded", QUEUED: "Queued", PARALLEL: "Parallel" } as const;

export function PipelinesTable({ pipelines }: { pipelines: readonly PipelineOverview[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm" data-testid="pipelines-table">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-900">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Name</th>
            <th scope="col" className="px-4 py-2 font-medium">Type</th>
            <th scope="col" className="px-4 py-2 font-medium">Execution mode</th>
            <th scope="col" className="px-4 py-2 font-medium text-right">Version</th>
            <th scope="col" className="px-4 py-2 font-medium">Updated</th>
            <th scope="col" className="px-4 py-2 font-medium">Latest execution</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {pipelines.map((p) => (
            <tr key={p.name} data-testid="pipeline-row" data-name={p.name}>
              <th scope="row" className="px-4 py-2.5 font-medium">{p.name}</th>
              <td className="px-4 py-2.5">{p.pipelineType}</td>
              <td className="px-4 py-2.5">{MODE_LABEL[p.executionMode]}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{p.version}</td>
              <td className="px-4 py-2.5 whitespace-nowrap">
                {p.updated ? <time dateTime={p.updated}>{formatTime(p.updated)}</time> : "—"}
              </td>
              <td className="px-4 py-2.5">
                {p.latestExecution ? (
                  <span className="flex items-center gap-2">
                    <ExecutionStatusBadge status={p.latestExecution.status} />
                    <time dateTime={p.latestExecution.startTime} className="text-xs text-slate-500">
                      {formatTime(p.latestExecution.startTime)}
                    </time>
                  </span>
                ) : p.historyError ? (
                  <span className="text-xs text-amber-700 dark:text-amber-300">{p.historyError}</span>
                ) : (
                  <span className="text-xs text-slate-500">Never run</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
