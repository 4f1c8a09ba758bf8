/**
 * Every TanStack Query `queryOptions` factory of the app, in one module, so a query key and how
 * its data is fetched and refreshed are written once and every component that reads the same
 * data (the state page, the controls mounted in it) shares one cache entry and one poll
 * (https://tanstack.com/query/latest/docs/framework/react/guides/query-options).
 */
import { hashKey, queryOptions } from "@tanstack/react-query";
import type { PollError } from "@/lib/client/conditional-poll";
import { fetchBoard, type BoardSnapshot } from "@/lib/client/fetch-board";
import { fetchExecutionDetail } from "@/lib/client/fetch-execution";
import { fetchErrorOf, fetchRegionMetrics, fetchRegionWall, type Held } from "@/lib/client/fetch-dashboard";
import { cardIsActive } from "@/lib/domain/dashboard/card";
import { selectionQuery, type Selection } from "@/lib/domain/dashboard/selection";
import { isUnread, type RegionMetrics, type RegionWall, type WireError } from "@/lib/domain/dashboard/wire";
import type { ExecutionDetailSnapshot } from "@/lib/domain/execution/execution-detail";
import type { ExecutionRef } from "@/lib/domain/execution/execution-ref";
import { pollInterval } from "@/lib/domain/execution/polling";
import { approvalContextAction, rollbackTargetsAction } from "@/app/pipelines/[name]/actions";

export interface PipelineKey {
  readonly name: string;
  /** Absent for the backend's own region. */
  readonly region?: string;
}

export const pipelineQueryKeys = {
  /** Everything cached about one pipeline: invalidate this after an operation on it. */
  all: (p: PipelineKey) => ["pipeline", p.region ?? "", p.name] as const,
  board: (p: PipelineKey) => ["pipeline", p.region ?? "", p.name, "board"] as const,
  execution: (ref: ExecutionRef) => ["pipeline", ref.region ?? "", ref.name, "execution", ref.executionId] as const,
};

/**
 * Failed polls in a row per query. TanStack Query's own
 * `fetchFailureCount` starts again at every fetch, so it cannot say how long a failure lasts.
 */
const failureStreaks = new Map<string, number>();

async function counted<T>(key: string, poll: () => Promise<T>): Promise<T> {
  try {
    const snapshot = await poll();
    failureStreaks.set(key, 0);
    return snapshot;
  } catch (thrown) {
    failureStreaks.set(key, (failureStreaks.get(key) ?? 0) + 1);
    throw thrown;
  }
}

/**
 * The live state of a pipeline (GetPipelineState and the runs it refers to), polled: every 5 s
 * while something runs, every 30 s when idle, further apart after failures
 * (lib/domain/execution/polling.ts), never while the tab is hidden (TanStack Query's interval
 * waits for the page to be visible again, then `refetchOnWindowFocus` catches up at once).
 * Failures keep the last data: the page shows it marked stale.
 */
export function pipelineBoardQuery(pipeline: PipelineKey, initial?: BoardSnapshot) {
  return queryOptions<BoardSnapshot, PollError>({
    queryKey: pipelineQueryKeys.board(pipeline),
    queryFn: ({ client, queryKey, signal }) =>
      counted(hashKey(queryKey), () => fetchBoard(pipeline, client.getQueryData<BoardSnapshot>(queryKey), signal)),
    refetchInterval: (query) =>
      pollInterval({ active: query.state.data?.active ?? true, failures: failureStreaks.get(query.queryHash) ?? 0 }),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    // A poll is the retry: the interval above backs off instead.
    retry: false,
    staleTime: 0,
    ...(initial && { initialData: initial, initialDataUpdatedAt: initial.fetchedAt }),
  });
}

/**
 * One execution's detail, polled while it may still change on its own (every 5 s, further apart
 * after failures, paused while the tab is hidden) and not at all once it has finished: an
 * operation on it (a retry) invalidates `pipelineQueryKeys.all`, which reads it again.
 */
export function executionDetailQuery(ref: ExecutionRef, initial?: ExecutionDetailSnapshot) {
  return queryOptions<ExecutionDetailSnapshot, PollError>({
    queryKey: pipelineQueryKeys.execution(ref),
    queryFn: ({ client, queryKey, signal }) =>
      counted(hashKey(queryKey), () => fetchExecutionDetail(ref, client.getQueryData<ExecutionDetailSnapshot>(queryKey), signal)),
    refetchInterval: (query) => {
      const failures = failureStreaks.get(query.queryHash) ?? 0;
      return query.state.data?.active === false && failures === 0 ? false : pollInterval({ active: true, failures });
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

/** The first answer of a dashboard region, read by the page on the server and streamed with it. */
export type RegionSeed = { readonly ok: true; readonly wall: RegionWall } | { readonly ok: false; readonly error: WireError };

/** Seeds already used: the first fetch takes the page's, every later one polls the route. */
const usedSeeds = new WeakSet<Promise<RegionSeed>>();

const criteriaKey = (s: Selection) => selectionQuery({ pipelines: s.pipelines, tag: s.tag, q: s.q });

/** Metrics are days long: read again every few minutes (the server caches histories as long). */
const METRICS_POLL_MS = 5 * 60_000;

/**
 * One region's dashboard cards (app/api/dashboard), polled like the state page: every 5 s while a
 * card's execution runs, every 30 s when all are idle, further apart after failures, paused while
 * the tab is hidden. The first answer is the page's own (`seed`, streamed from the server as the
 * region's reads finish), so cards appear without a second round trip. Failures keep the last
 * cards: the wall marks them stale.
 */
export function dashboardWallQuery(region: string, selection: Selection, seed?: Promise<RegionSeed>) {
  return queryOptions<Held<RegionWall>, PollError>({
    queryKey: ["dashboard", region, criteriaKey(selection), "wall"] as const,
    queryFn: ({ client, queryKey, signal }) =>
      counted(hashKey(queryKey), async () => {
        if (seed && !usedSeeds.has(seed)) {
          usedSeeds.add(seed);
          const first = await seed;
          if (!first.ok) throw fetchErrorOf(first.error);
          return { value: first.wall, etag: "", fetchedAt: first.wall.fetchedAt };
        }
        return fetchRegionWall(region, selection, client.getQueryData<Held<RegionWall>>(queryKey), signal);
      }),
    refetchInterval: (query) =>
      pollInterval({
        active: query.state.data?.value.cards.some((c) => !isUnread(c) && cardIsActive(c)) ?? true,
        failures: failureStreaks.get(query.queryHash) ?? 0,
      }),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: false,
    staleTime: 0,
  });
}

/** One region's delivery metrics over the selection's window, read every few minutes. */
export function dashboardMetricsQuery(region: string, selection: Selection) {
  return queryOptions<Held<RegionMetrics>, PollError>({
    queryKey: ["dashboard", region, criteriaKey(selection), "metrics", selection.window] as const,
    queryFn: ({ client, queryKey, signal }) =>
      counted(hashKey(queryKey), () => fetchRegionMetrics(region, selection, client.getQueryData<Held<RegionMetrics>>(queryKey), signal)),
    refetchInterval: (query) => ((failureStreaks.get(query.queryHash) ?? 0) > 0 ? pollInterval({ active: true, failures: failureStreaks.get(query.queryHash)! }) : METRICS_POLL_MS),
    refetchIntervalInBackground: false,
    retry: false,
    staleTime: 60_000,
  });
}
