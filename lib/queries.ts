/**
 * Every TanStack Query `queryOptions` factory of the app, in one module, so a query key and how
 * its data is fetched and refreshed are written once and every component that reads the same
 * data shares one cache entry and one poll
 * (https://tanstack.com/query/latest/docs/framework/react/guides/query-options).
 */
import { queryOptions } from "@tanstack/react-query";
import { ExecutionFetchError, fetchExecutionDetail } from "@/lib/client/fetch-execution";
import type { ExecutionDetailSnapshot } from "@/lib/domain/execution/execution-detail";
import type { ExecutionRef } from "@/lib/domain/execution/execution-ref";
import { approvalContextAction, rollbackTargetsAction } from "@/app/pipelines/[name]/actions";

export interface PipelineKey {
  readonly name: string;
  /** Absent for the backend's own region. */
  readonly region?: string;
}

export const pipelineQueryKeys = {
  /** Everything cached about one pipeline: invalidate this after an operation on it. */
  all: (p: PipelineKey) => ["pipeline", p.region ?? "", p.name] as const,
  execution: (ref: ExecutionRef) => ["pipeline", ref.region ?? "", ref.name, "execution", ref.executionId] as const,
};

/** A running execution is read every 5 s; after failures further apart, up to a minute. */
const ACTIVE_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

/**
 * One execution's detail, polled while it may still change on its own (5 s, backing off on
 * errors, paused while the tab is hidden) and not at all once it has finished: an operation on it
 * (retry, a new approval) invalidates `pipelineQueryKeys.all`, which reads it again.
 */
export function executionDetailQuery(ref: ExecutionRef, initial?: ExecutionDetailSnapshot) {
  return queryOptions<ExecutionDetailSnapshot, ExecutionFetchError>({
    queryKey: pipelineQueryKeys.execution(ref),
    queryFn: ({ signal }) => fetchExecutionDetail(ref, signal),
    refetchInterval: (query) => {
      const failures = query.state.fetchFailureCount;
      if (failures > 0) return Math.min(MAX_BACKOFF_MS, ACTIVE_MS * 2 ** failures);
      return query.state.data?.active === false ? false : ACTIVE_MS;
    },
    refetchIntervalInBackground: false,
    retry: false,
    staleTime: 0,
    ...(initial && { initialData: initial, initialDataUpdatedAt: initial.fetchedAt }),
  });
}

/** Query keys of the operation dialogs' reads (under the pipeline, so an operation refreshes them). */
const dialogKey = (p: PipelineKey, what: string, stageName: string, executionId?: string) => [...pipelineQueryKeys.all(p), what, stageName, executionId ?? ""] as const;

/**
 * The approval panel's data, read when the panel opens: custom data, URL, the waiting token, and
 * the revisions since the last release through the stage (server action `approvalContextAction`).
 */
export function approvalContextQuery(p: PipelineKey, stageName: string, executionId: string | undefined, enabled: boolean) {
  return queryOptions({
    queryKey: dialogKey(p, "approval", stageName, executionId),
    queryFn: () => approvalContextAction({ pipelineName: p.name, ...(p.region && { region: p.region }), stageName, ...(executionId && { executionId }) }),
    enabled,
    staleTime: 0,
    retry: false,
  });
}

/** The rollback dialog's choices, read when it opens (server action `rollbackTargetsAction`). */
export function rollbackTargetsQuery(p: PipelineKey, stageName: string, enabled: boolean) {
  return queryOptions({
    queryKey: dialogKey(p, "rollback-targets", stageName),
    queryFn: () => rollbackTargetsAction({ pipelineName: p.name, ...(p.region && { region: p.region }), stageName }),
    enabled,
    staleTime: 0,
    retry: false,
  });
}
