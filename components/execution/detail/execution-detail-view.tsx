"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { ExecutionStatusBadge } from "@/app/pipelines/_components/execution-status-badge";
import type { ExecutionDetailSnapshot } from "@/lib/domain/execution/execution-detail";
import type { ExecutionRef } from "@/lib/domain/execution/execution-ref";
import { executionPageUrl } from "@/lib/domain/execution/urls";
import { describeAttempts, stageAttempts } from "@/lib/domain/execution/stage-attempts";
import { buildTimeline } from "@/lib/domain/execution/timeline";
import { executionDetailQuery } from "@/lib/queries";
import { IfAllowed } from "@/components/access/session-context";
import { ShareReportButton } from "@/components/share/share-report-button";
import { SafeLink } from "../operations/fields";
import { OperationsNote } from "../operations/operations-note";
import { StartDialog } from "../operations/start-dialog";
import { StopDialog } from "../operations/stop-dialog";
import { clockTime } from "./format";
import { KeyValues } from "./key-values";
import { StageSection } from "./stage-section";
import { TimelineChart } from "./timeline-chart";

function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-label={title} data-testid={testId} className="rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * The execution detail: polled while it runs (lib/queries.ts), the last data kept on screen and
 * marked stale when a poll fails. `tracker` is the server-rendered "where is my commit" panel.
 */
export function ExecutionDetailView({ executionRef, initial, tracker }: { executionRef: ExecutionRef; initial: ExecutionDetailSnapshot; tracker: ReactNode }) {
  const query = useQuery(executionDetailQuery(executionRef, initial));
  const snapshot = query.data ?? initial;
  const { execution } = snapshot;
  const pipeline = { name: executionRef.name, ...(executionRef.region && { region: executionRef.region }) };
  const timeline = useMemo(
    () => buildTimeline(snapshot.actions, { now: snapshot.fetchedAt, stageOrder: snapshot.stages.map((s) => s.name) }),
    [snapshot],
  );
  const attempts = useMemo(() => {
    const most = new Map<string, number>();
    for (const stage of timeline.stages) most.set(stage.stageName, Math.max(1, ...stage.bars.map((b) => b.attempt)));
    const words = new Map<string, string>();
    for (const stage of snapshot.stages) {
      const text = describeAttempts(stageAttempts(stage.retries, most.get(stage.name)));
      if (text) words.set(stage.name, text);
    }
    return words;
  }, [snapshot, timeline]);
  const href = (id: string, revision?: string) => executionPageUrl({ ...executionRef, executionId: id }, revision);
  const pipelineHref = `/pipelines/${encodeURIComponent(executionRef.name)}${executionRef.region ? `?region=${encodeURIComponent(executionRef.region)}` : ""}`;

  return (
    <div className="space-y-6" data-testid="execution-detail" data-status={execution.status ?? "Unknown"}>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm">
            <Link href="/pipelines" className="text-sky-800 underline dark:text-sky-300">
              Pipelines
            </Link>{" "}
            /{" "}
            <Link href={pipelineHref} prefetch={false} className="text-sky-800 underline dark:text-sky-300">
              {executionRef.name}
            </Link>{" "}
            /{" "}
            <Link prefetch={false} href={`/pipelines/${encodeURIComponent(executionRef.name)}/executions${executionRef.region ? `?region=${encodeURIComponent(executionRef.region)}` : ""}`} className="text-sky-800 underline dark:text-sky-300">
              History
            </Link>
          </nav>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">
            Execution <span className="font-mono text-lg">{execution.executionId}</span>
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
            <ExecutionStatusBadge status={execution.status} />
            {execution.statusSummary && <span data-testid="status-summary">{execution.statusSummary}</span>}
            <span>
              Trigger: <span data-testid="execution-trigger">{execution.trigger?.triggerType ?? "unknown"}</span>
              {execution.trigger?.triggerDetail ? ` (${execution.trigger.triggerDetail})` : ""}
            </span>
            <span>· {execution.executionMode ?? snapshot.executionMode} mode</span>
            {execution.pipelineVersion !== undefined && <span>· pipeline version {execution.pipelineVersion}</span>}
            {execution.executionType === "ROLLBACK" && execution.rollbackTargetExecutionId && (
              <span>
                · rollback to{" "}
                <Link href={href(execution.rollbackTargetExecutionId)} className="font-mono text-xs text-sky-800 underline dark:text-sky-300">
                  {execution.rollbackTargetExecutionId}
                </Link>
              </span>
            )}
          </p>
        </div>
        <div className="flex flex-wrap gap-2" data-testid="pipeline-operations">
          <OperationsNote />
          <StartDialog pipeline={pipeline} choices={snapshot.start} />
          <StopDialog pipeline={pipeline} executionId={execution.executionId} stopping={execution.status === "Stopping"} available={execution.status === "InProgress" || execution.status === "Stopping"} />
          {/* A report is read in the server's own region (the share action takes no other). */}
          {!executionRef.region && (
            <IfAllowed mutation="share">
              <ShareReportButton pipelineName={executionRef.name} executionId={execution.executionId} />
            </IfAllowed>
          )}
        </div>
      </header>

      <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        {query.isError ? (
          <span role="alert" data-testid="stale-notice" className="text-amber-800 dark:text-amber-200">
            ■ Stale since {clockTime(snapshot.fetchedAt)}: {query.error.title} {query.error.detail}
          </span>
        ) : (
          <span data-testid="read-at">
            Read at {clockTime(snapshot.fetchedAt)}
            {snapshot.active ? "; updating every few seconds while it runs." : "."}
          </span>
        )}
      </p>

      <Panel title="Timeline" testId="timeline-panel">
        <TimelineChart timeline={timeline} attempts={attempts} />
      </Panel>

      <div className="grid gap-6 md:grid-cols-2">
        <Panel title="Source revisions" testId="source-revisions">
          {execution.artifactRevisions.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">None recorded.</p>
          ) : (
            <ul className="space-y-2">
              {execution.artifactRevisions.map((r, i) => (
                <li key={`${r.name}-${i}`} data-testid="source-revision">
                  <span className="font-medium">{r.name}</span>: <span className="font-mono text-xs">{r.revisionId}</span>
                  {r.revisionSummary && <span className="block">{r.revisionSummary}</span>}
                  <span className="flex gap-3 text-xs">
                    {r.revisionUrl && <SafeLink href={r.revisionUrl}>View revision ↗</SafeLink>}
                    {r.revisionId && (
                      <Link href={href(execution.executionId, r.revisionId)} className="text-sky-800 underline dark:text-sky-300">
                        Where is this revision?
                      </Link>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Pipeline variables" testId="pipeline-variables">
          <KeyValues entries={execution.variables.map((v) => [v.name, v.resolvedValue] as const)} empty="This execution has no pipeline variables." />
        </Panel>
      </div>

      {tracker}

      <section aria-labelledby="stages-heading" className="space-y-3">
        <h2 id="stages-heading" className="text-lg font-semibold">
          Stages and actions
        </h2>
        {snapshot.stages.map((stage, index) => (
          <StageSection key={stage.name} snapshot={snapshot} stage={stage} index={index} pipeline={pipeline} />
        ))}
      </section>
    </div>
  );
}
