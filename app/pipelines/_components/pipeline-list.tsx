import Link from "next/link";
import { readLatestForRow, readRegionListings } from "@/lib/aws/overview";
import { deployment } from "@/lib/server/deployment";
import {
  arrangeRows,
  isNarrowed,
  matchingPipelines,
  needsLatestExecutions,
  type ListRow,
  type PipelineListQuery,
} from "@/lib/domain/execution/pipeline-list";
import { formatTime } from "./format-time";
import { GatewayErrorNotice } from "./gateway-error-notice";
import { Pagination } from "./pagination";
import { PipelinesEmpty } from "./pipelines-empty";
import { PipelinesTable, type TableRow } from "./pipelines-table";

/**
 * The list for one URL query. It waits for ListPipelines of every region (one call each, cached),
 * then shows the page: by name, each row's latest execution streams in after the row; a status
 * filter or a sort by run or status needs every matching row's execution first, so that page
 * comes whole (from the cache when it is warm).
 */
export async function PipelineList({ query, regions }: { query: PipelineListQuery; regions: readonly string[] }) {
  const listings = await readRegionListings(regions);
  const pipelines = listings.flatMap((l) => (l.ok ? l.pipelines : []));
  const failures = listings.flatMap((l) => (l.ok ? [] : [l]));
  const several = regions.length > 1;

  const matching = matchingPipelines(pipelines, query);
  const rows: ListRow[] = needsLatestExecutions(query)
    ? await Promise.all(matching.map(async (pipeline) => ({ pipeline, latest: await readLatestForRow(pipeline.region, pipeline.name) })))
    : matching.map((pipeline) => ({ pipeline }));
  const page = arrangeRows(rows, query);
  const readAt = Math.min(...listings.flatMap((l) => (l.ok ? [l.fetchedAt] : [])));

  return (
    <div className="space-y-4">
      {failures.map((f) => (
        <GatewayErrorNotice key={f.region} error={f.error} region={several ? f.region : undefined} />
      ))}
      {pipelines.length === 0 ? (
        failures.length === 0 && <PipelinesEmpty />
      ) : page.total === 0 ? (
        <div data-testid="list-no-match" className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm dark:border-slate-700">
          <p className="font-medium">No pipeline matches.</p>
          {page.unreadable > 0 && <UnreadableNote count={page.unreadable} />}
          <Link href="/pipelines" prefetch={false} className="mt-2 inline-block text-indigo-700 underline dark:text-indigo-300">
            Show every pipeline
          </Link>
        </div>
      ) : (
        <>
          <p data-testid="list-summary" className="text-sm text-slate-600 dark:text-slate-400">
            {page.from}–{page.to} of {page.total} {isNarrowed(query) ? `matching pipelines (${pipelines.length} in all)` : "pipelines"}
            {Number.isFinite(readAt) && <> · list read {formatTime(new Date(readAt).toISOString())}</>}
          </p>
          {page.unreadable > 0 && <UnreadableNote count={page.unreadable} />}
          <PipelinesTable rows={page.rows.map(toTableRow)} showRegion={several} sort={query.sort} editRegion={deployment().backend?.region} />
          <Pagination page={page} query={query} />
        </>
      )}
    </div>
  );
}

/** A row for the browser; a latest execution not read yet is read now and streamed into its cell. */
function toTableRow({ pipeline, latest }: ListRow): TableRow {
  const { name, region, pipelineType, executionMode, version, updated } = pipeline;
  return {
    pipeline: { name, region, pipelineType, executionMode, version, ...(updated && { updated }) },
    latest: latest ?? readLatestForRow(region, name),
  };
}

function UnreadableNote({ count }: { count: number }) {
  return (
    <p data-testid="list-unreadable" className="text-sm text-amber-700 dark:text-amber-300">
      {count === 1 ? "1 pipeline is" : `${count} pipelines are`} left out: {count === 1 ? "its" : "their"} execution history could
      not be read just now.
    </p>
  );
}
