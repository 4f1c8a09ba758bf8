import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GatewayErrorNotice } from "@/app/pipelines/_components/gateway-error-notice";
import { ExecutionDetailView } from "@/components/execution/detail/execution-detail-view";
import { RevisionTracker } from "@/components/execution/detail/revision-tracker";
import { readExecutionDetail } from "@/lib/aws/cached-reads";
import { defaultGateway } from "@/lib/aws/client";
import { chooseRegion } from "@/lib/aws/region-choice";
import { settle } from "@/lib/aws/result";
import { trackRevisionLive } from "@/lib/aws/revision-track";
import type { ExecutionDetailSnapshot } from "@/lib/domain/execution/execution-detail";
import { ExecutionRefSchema } from "@/lib/domain/execution/execution-ref";
import { executionPageUrl } from "@/lib/domain/execution/urls";

export const metadata: Metadata = { title: "Execution" };
// The execution as it is now: render per request.
export const dynamic = "force-dynamic";

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * `/pipelines/<name>/executions/<id>[?region=&revision=]`: the execution's timeline, variables,
 * revisions, every action attempt, the operations, and where a revision is ("where is my commit").
 */
export default async function ExecutionPage({ params, searchParams }: PageProps<"/pipelines/[name]/executions/[id]">) {
  const { name, id } = await params;
  const search = await searchParams;
  const region = first(search.region);
  const revision = first(search.revision)?.trim().slice(0, 1500);
  const ref = ExecutionRefSchema.safeParse({ name: decoded(name), executionId: id, ...(region && { region }) });
  if (!ref.success) notFound();

  const read = await settle(async () => {
    const chosen = chooseRegion(ref.data.region);
    const cached = await readExecutionDetail(chosen, ref.data.name, ref.data.executionId);
    const detail: ExecutionDetailSnapshot = { ...cached.value, fetchedAt: cached.fetchedAt, etag: cached.etag };
    const stages = detail.stages.map((s) => ({ name: s.name, actions: s.actions.map((a) => a.name) }));
    const track = revision ? await trackRevisionLive(ref.data.name, revision, stages, defaultGateway(chosen)) : undefined;
    return { detail, track };
  });
  if (!read.ok) {
    if (read.error.kind === "not-found" && (read.error.resource === "pipeline" || read.error.resource === "execution")) notFound();
    return (
      <div className="mx-auto max-w-6xl px-4 py-10">
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">Execution {ref.data.executionId}</h1>
        <GatewayErrorNotice error={read.error} />
      </div>
    );
  }
  const pageUrl = executionPageUrl(ref.data);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <ExecutionDetailView
        executionRef={ref.data}
        initial={read.value.detail}
        tracker={
          <RevisionTracker
            action={pageUrl.split("?")[0]!}
            region={ref.data.region}
            query={revision}
            track={read.value.track}
            executionHref={(executionId) => executionPageUrl({ ...ref.data, executionId })}
          />
        }
      />
    </div>
  );
}
