import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { readHistoryPage } from "@/lib/aws/history";
import { settle } from "@/lib/aws/result";
import { historySearch, isFiltered, MAX_SCAN_PAGES, parseHistoryQuery, UPSTREAM_PAGE_SIZE } from "@/lib/domain/execution/history";
import { GatewayErrorNotice } from "../../_components/gateway-error-notice";
import { pageRef } from "../_components/page-ref";
import { PipelineHeader } from "../_components/pipeline-header";
import { HistoryFilters } from "./_components/history-filters";
import { HistoryTable } from "./_components/history-table";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/pipelines/[name]/executions">): Promise<Metadata> {
  return { title: `${(await params).name} · History` };
}

/**
 * /pipelines/<name>/executions: the execution history, one page at a time (ListPipelineExecutions'
 * nextToken in `?token=`), filtered by status, trigger and revision (`?status=&trigger=&revision=`).
 */
export default async function HistoryPage({ params, searchParams }: PageProps<"/pipelines/[name]/executions">) {
  const ref = await pageRef(params, searchParams);
  const query = parseHistoryQuery(await searchParams);
  const base = `/pipelines/${encodeURIComponent(ref.key.name)}/executions`;
  const page = ref.ok ? await settle(() => readHistoryPage(ref.region, ref.key.name, query)) : undefined;
  if (page && !page.ok && page.error.kind === "not-found" && page.error.resource === "pipeline") notFound();
  const executionHref = (id: string) => {
    const path = `${base}/${encodeURIComponent(id)}`;
    return ref.key.region ? `${path}?region=${encodeURIComponent(ref.key.region)}` : path;
  };
  return (
    <div className="mx-auto max-w-7xl px-4 py-10">
      <PipelineHeader pipeline={ref.key} current="history" subtitle="Execution history, newest first" />
      <div className="mt-6 space-y-4">
        <HistoryFilters query={query} region={ref.key.region} />
        {!ref.ok && <GatewayErrorNotice error={ref.error} />}
        {page && !page.ok && <GatewayErrorNotice error={page.error} />}
        {page?.ok && (
          <>
            {page.value.executions.length === 0 ? (
              <p data-testid="history-empty" className="rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800">
                {isFiltered(query)
                  ? `No execution matches among the ${page.value.scanned} looked at${page.value.nextToken ? "; older ones may." : "."}`
                  : query.token ? "No older executions." : "This pipeline has never run."}
              </p>
            ) : (
              <HistoryTable executions={page.value.executions} executionHref={executionHref} now={Date.now()} />
            )}
            {isFiltered(query) && page.value.nextToken && (
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Filters are applied {MAX_SCAN_PAGES * UPSTREAM_PAGE_SIZE} executions at a time at most; {page.value.scanned} were looked at for this page.
              </p>
            )}
            <nav aria-label="History pages" className="flex gap-3 text-sm">
              {query.token && (
                <Link href={base + historySearch(query, undefined, ref.key.region)} className="rounded-md border border-slate-300 px-3 py-1.5 dark:border-slate-700">
                  Newest
                </Link>
              )}
              {page.value.nextToken && (
                <Link href={base + historySearch(query, page.value.nextToken, ref.key.region)} data-testid="history-older" className="rounded-md border border-slate-300 px-3 py-1.5 dark:border-slate-700">
                  Older executions
                </Link>
              )}
            </nav>
          </>
        )}
      </div>
    </div>
  );
}
