import type { Metadata } from "next";
import { Suspense } from "react";
import { configuredRegions } from "@/lib/aws/overview";
import { parseListQuery } from "@/lib/domain/execution/pipeline-list-params";
import { refreshPipelines } from "./actions";
import { GatewayErrorNotice } from "./_components/gateway-error-notice";
import { ListControls } from "./_components/list-controls";
import { DeletedNotice } from "./_components/deleted-notice";
import { ListLoading } from "./_components/list-loading";
import { PipelineList } from "./_components/pipeline-list";
import { RefreshButton } from "./_components/refresh-button";

export const metadata: Metadata = { title: "Pipelines" };
// The list is the backend's state right now: render per request, never at build time.
export const dynamic = "force-dynamic";

/**
 * The heading, the controls and the Refresh button go out at once; the list streams in behind
 * them (PipelineList), and each row's latest execution behind its row.
 */
export default async function PipelinesPage({ searchParams }: PageProps<"/pipelines">) {
  const params = await searchParams;
  const query = parseListQuery(params);
  const regions = configuredRegions();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Pipelines</h1>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Every pipeline in {regions.ok && regions.value.length > 1 ? `${regions.value.length} regions` : "the backend's region"},
            with how its latest execution went.
          </p>
        </div>
        <form action={refreshPipelines}>
          <RefreshButton />
        </form>
      </div>
      <DeletedNotice name={params.deleted} />
      <div className="mt-6">
        {regions.ok ? (
          <>
            <ListControls query={query} regions={regions.value} />
            <Suspense fallback={<ListLoading />}>
              <PipelineList query={query} regions={regions.value} />
            </Suspense>
          </>
        ) : (
          <GatewayErrorNotice error={regions.error} />
        )}
      </div>
    </div>
  );
}
