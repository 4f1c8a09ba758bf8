import type { Metadata } from "next";
import { listPipelineOverviews } from "@/lib/aws/overview";
import { settle } from "@/lib/aws/result";
import { GatewayErrorNotice } from "./_components/gateway-error-notice";
import { PipelinesEmpty } from "./_components/pipelines-empty";
import { PipelinesTable } from "./_components/pipelines-table";

export const metadata: Metadata = { title: "Pipelines" };
// The list is the backend's state right now: render per request, never at build time.
export const dynamic = "force-dynamic";

export default async function PipelinesPage() {
  const result = await settle(() => listPipelineOverviews());
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Pipelines</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Every pipeline in the backend&apos;s region, with how its latest execution went.
      </p>
      <div className="mt-6">
        {!result.ok ? (
          <GatewayErrorNotice error={result.error} />
        ) : result.value.length === 0 ? (
          <PipelinesEmpty />
        ) : (
          <PipelinesTable
            pipelines={[...result.value].sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }))}
          />
        )}
      </div>
    </div>
  );
}
