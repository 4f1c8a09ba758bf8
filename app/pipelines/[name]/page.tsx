import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { PipelineAudit } from "@/components/access/pipeline-audit";
import { PipelineControls } from "@/components/execution/operations/pipeline-controls";
import { StageControls } from "@/components/execution/operations/stage-controls";
import { PipelineStateView } from "@/components/execution/state/pipeline-state-view";
import { readPipelineBoard, readPipelineDefinition } from "@/lib/aws/cached-reads";
import { settle } from "@/lib/aws/result";
import { snapshotOf } from "@/lib/client/fetch-board";
import { startChoices } from "@/lib/domain/execution/start-choices";
import type { JsonObject } from "@/lib/domain/json";
import { deployment } from "@/lib/server/deployment";
import { GatewayErrorNotice } from "../_components/gateway-error-notice";
import { pageRef } from "./_components/page-ref";
import { EditInDesigner } from "../_components/edit-in-designer";
import { PipelineHeader } from "./_components/pipeline-header";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/pipelines/[name]">): Promise<Metadata> {
  return { title: (await params).name };
}

/**
 * /pipelines/<name>[?region=]: the pipeline as the designer draws it, with its live state,
 * polled (lib/queries.ts). The first state comes with the page, from the same read cache the
 * polls use; a pipeline that does not exist is the 404 page.
 */
export default async function PipelineStatePage({ params, searchParams }: PageProps<"/pipelines/[name]">) {
  const ref = await pageRef(params, searchParams);
  if (!ref.ok) {
    return (
      <div className="mx-auto max-w-7xl px-4 py-10">
        <PipelineHeader pipeline={ref.key} current="state" />
        <div className="mt-6"><GatewayErrorNotice error={ref.error} /></div>
      </div>
    );
  }
  const { key, region } = ref;
  const [firstDefinition, board] = await Promise.all([
    settle(() => readPipelineDefinition(region, key.name)),
    settle(() => readPipelineBoard(region, key.name)),
  ]);
  let definition = firstDefinition;
  // The state runs on a newer version than the cached declaration (someone pushed): read it again.
  const liveVersion = board.ok ? board.value.value.state.pipelineVersion : undefined;
  if (definition.ok && liveVersion !== undefined && liveVersion > definition.value.value.version) {
    definition = await settle(() => readPipelineDefinition(region, key.name, { force: true }));
  }
  if (!definition.ok && definition.error.kind === "not-found") notFound();
  const detail = definition.ok ? definition.value.value : undefined;
  const initial = board.ok ? snapshotOf(board.value.value, board.value.etag, board.value.fetchedAt) : undefined;
  return (
    <div className="mx-auto max-w-7xl px-4 py-10">
      <PipelineHeader
        pipeline={key}
        current="state"
        actions={(!key.region || key.region === deployment().backend?.region) && <EditInDesigner name={key.name} />}
        subtitle={detail && <>{detail.declaration.pipelineType ?? "V1"} · version {detail.version}{key.region && <> · {key.region}</>}</>}
      />
      <div className="mt-6">
        {detail ? (
          <PipelineStateView
            pipeline={key}
            declaration={detail.declaration as unknown as JsonObject}
            version={detail.version}
            initial={initial}
            headerActions={<PipelineControls choices={startChoices(detail.declaration)} />}
            parallel={detail.declaration.executionMode === "PARALLEL"}
            stageActions={<StageControls v2={detail.declaration.pipelineType === "V2"} parallel={detail.declaration.executionMode === "PARALLEL"} />}
          />
        ) : (
          !definition.ok && <GatewayErrorNotice error={definition.error} />
        )}
      </div>
      {/* The log is the app's own storage, not CodePipeline: it streams in after the state. */}
      <Suspense fallback={<p className="mt-10 text-sm text-slate-600 dark:text-slate-400">Reading the audit log…</p>}>
        <PipelineAudit name={key.name} region={region} />
      </Suspense>
    </div>
  );
}

