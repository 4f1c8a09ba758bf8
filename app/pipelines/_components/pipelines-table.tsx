"use client";

import Link from "next/link";
import { pipelinePath } from "@/lib/domain/execution/urls";
import type { LatestExecutionRead, ListedPipeline, ListSort } from "@/lib/domain/execution/pipeline-list";
import { EditInDesigner } from "./edit-in-designer";
import { formatTime } from "./format-time";
import { LatestExecutionCell } from "./latest-execution";

const MODE_LABEL = { SUPERSEDED: "Superseded", QUEUED: "Queued", PARALLEL: "Parallel" } as const;

/** A row as it crosses to the browser: what the columns show, nothing more. */
export interface TableRow {
  readonly pipeline: Pick<ListedPipeline, "name" | "region" | "pipelineType" | "executionMode" | "version" | "updated">;
  /** Known already, or on its way from the server. */
  readonly latest: LatestExecutionRead | Promise<LatestExecutionRead>;
}

function ariaSort(column: "name" | "latest", sort: ListSort): "ascending" | "descending" | undefined {
  if (column === "name") return sort === "name" ? "ascending" : sort === "name-desc" ? "descending" : undefined;
  return sort === "last-run" ? "descending" : sort === "last-run-asc" ? "ascending" : undefined;
}

/**
 * One page of the list. A client component so that the server sends the rows as data (not as
 * markup twice, in the HTML and again in the React payload) and each row's latest execution as a
 * promise that streams into its cell. Cell spacing is set once on the table, not on every cell.
 */
export function PipelinesTable({ rows, showRegion, sort, editRegion }: { rows: readonly TableRow[]; showRegion: boolean; sort: ListSort; editRegion?: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table
        data-testid="pipelines-table"
        className="w-full text-left text-sm [&_td]:px-4 [&_td]:py-2 [&_th]:px-4 [&_th]:py-2 [&_tbody_th]:font-medium"
      >
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-900">
          <tr className="[&_th]:font-medium">
            <th scope="col" aria-sort={ariaSort("name", sort)}>Name</th>
            {showRegion && <th scope="col">Region</th>}
            <th scope="col">Type</th>
            <th scope="col">Execution mode</th>
            <th scope="col" className="text-right">Version</th>
            <th scope="col">Updated</th>
            <th scope="col" aria-sort={ariaSort("latest", sort)}>Latest execution</th>
            <th scope="col"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map(({ pipeline: p, latest }) => (
            <tr key={`${p.region} ${p.name}`} data-testid="pipeline-row" data-name={p.name} data-region={p.region}>
              <th scope="row">
                <Link href={pipelinePath({ name: p.name, ...(showRegion && { region: p.region }) })} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  {p.name}
                </Link>
              </th>
              {showRegion && <td>{p.region}</td>}
              <td>{p.pipelineType}</td>
              <td>{MODE_LABEL[p.executionMode]}</td>
              <td className="text-right tabular-nums">{p.version}</td>
              <td className="whitespace-nowrap">{p.updated ? <time dateTime={p.updated}>{formatTime(p.updated)}</time> : "—"}</td>
              <td>
                <LatestExecutionCell read={latest} />
              </td>
              {/* The designer pushes to the server's own region: pipelines of the others are viewed only. */}
              <td className="text-right">{p.region === editRegion && <EditInDesigner name={p.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
