/**
 * Every TanStack Query `queryOptions` factory of the app, in one module, so a query key and how
 * its data is fetched and refreshed are written once and every component that reads the same
 * data (the state page, the controls mounted in it) shares one cache entry and one poll
 * (https://tanstack.com/query/latest/docs/framework/react/guides/query-options).
 */
import { hashKey, queryOptions } from "@tanstack/react-query";
import { BoardFetchError, fetchBoard, type BoardSnapshot } from "@/lib/client/fetch-board";
import { pollInterval } from "@/lib/domain/execution/polling";

export interface PipelineKey {
  readonly name: string;
  /** Absent for the backend's own region. */
  readonly region?: string;
}

export const pipelineQueryKeys = {
  /** Everything cached about one pipeline: invalidate this after an operation on it. */
  all: (p: PipelineKey) => ["pipeline", p.region ?? "", p.name] as const,
  board: (p: PipelineKey) => ["pipeline", p.region ?? "", p.name, "board"] as const,
};

/**
 * Failed polls in a row per query. TanStack Query's own
 * `fetchFailureCount` starts again at every fetch, so it cannot say how long a failure lasts.
 */
const failureStreaks = new Map<string, number>();

async function counted(key: string, poll: () => Promise<BoardSnapshot>): Promise<BoardSnapshot> {
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
  return queryOptions<BoardSnapshot, BoardFetchError>({
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
