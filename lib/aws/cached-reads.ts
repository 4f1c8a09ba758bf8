import "server-only";
import { boardPayload, stateIsActive, type BoardPayload } from "@/lib/domain/execution/board";
import { CARD_HISTORY, cardIsActive, dashboardCard, stateFingerprint, type DashboardCard } from "@/lib/domain/dashboard/card";
import { ACTIVE_POLL_MS, IDLE_POLL_MS } from "@/lib/domain/execution/polling";
import { isTerminal } from "@/lib/domain/execution/status";
import type { ExecutionDetail } from "@/lib/domain/execution/execution-detail";
import type { PipelineDetail, PipelineExecutionSummary, PipelineSummary } from "@/lib/domain/execution/view-model";
import { createLimiter, type Limiter } from "@/lib/server/limiter";
import { ReadCache, type CachedValue, type ReadOptions, type ReadPolicy } from "@/lib/server/read-cache";
import { getBackendInfo, type BackendInfo } from "./backend-info";
import { defaultGateway, type Gateway } from "./client";
import { listActionExecutionsPage, listPipelineExecutionsPage } from "./execution-pages";
import { loadExecutionDetail } from "./execution-detail";
import { getPipelineState, listPipelineExecutions } from "./executions";
import { getPipeline, listPipelines } from "./pipelines";
import { listPipelineTags, type PipelineTag } from "./tags";

/**
 * Every read the app polls or many people look at goes through here, on the one process-wide
 * ReadCache (lib/server/read-cache.ts): the pipelines list, the header's backend probe, and the
 * execution view's and dashboard's polling. New cached reads are added to this file with their
 * policy, so there is one place that says how often CodePipeline is asked for what.
 *
 * Keys start with the gateway's scope (backend, endpoint, profile, region), so switching
 * backends never mixes answers and `expireRegion` reaches everything read from one region.
 */

/** A running execution changes by the second; a finished one only when a new run starts. */
export const ACTIVE_INTERVAL_MS = 5_000;
export const SETTLED_INTERVAL_MS = 15_000;
/** A stale value is still shown (while one call refreshes it) for this long, then reads wait. */
const STALE_MS = 10 * 60_000;
/** A failure is answered from memory this long: a throttled account is not asked again by every viewer. */
const ERROR_TTL_MS = 5_000;

const PIPELINES_POLICY: ReadPolicy<PipelineSummary[]> = { ttlMs: 30_000, staleMs: STALE_MS, errorTtlMs: ERROR_TTL_MS };
const LATEST_EXECUTION_POLICY: ReadPolicy<PipelineExecutionSummary | null> = {
  ttlMs: (latest) => (latest?.status !== undefined && !isTerminal(latest.status) ? ACTIVE_INTERVAL_MS : SETTLED_INTERVAL_MS),
  staleMs: STALE_MS,
  errorTtlMs: ERROR_TTL_MS,
};
// A finished execution changes only when someone retries it, which expires it (expirePipeline).
const EXECUTION_DETAIL_POLICY: ReadPolicy<ExecutionDetail> = {
  ttlMs: (detail) => (detail.active ? ACTIVE_INTERVAL_MS : 5 * 60_000),
  staleMs: STALE_MS,
  errorTtlMs: ERROR_TTL_MS,
};
// getBackendInfo never throws: an unreachable backend is a value, kept only briefly and never
// shown once its TTL is over (the badge waits for a new probe, in its own Suspense boundary).
const BACKEND_INFO_POLICY: ReadPolicy<BackendInfo> = {
  ttlMs: (info) => (info.reachable ? 60_000 : 3_000),
  staleMs: (info) => (info.reachable ? STALE_MS : 0),
  errorTtlMs: ERROR_TTL_MS,
};

// The state page's board refreshes on the browser's polling intervals (lib/domain/execution/polling.ts):
// however many viewers poll, each interval costs one GetPipelineState (and one page each of
// ListPipelineExecutions and ListActionExecutions, read with it so the three always agree).
// Never served stale: a poll past the TTL waits for the one call (viewers arriving meanwhile join
// it), so a change shows on the next poll; when the call fails the browser keeps what it has and
// marks it stale itself.
// Fresh until the end of the polling interval in which it was read, intervals counted on the
// clock's grid: however many viewers poll, and whenever, an interval costs at most one read. A
// TTL of one interval from the read would let a lone viewer's next poll, arriving a few ms early,
// be answered the previous read (a whole interval late); a shorter TTL would let many viewers,
// one arriving just after it ran out, cost more than one read per interval.
const BOARD_POLICY: ReadPolicy<BoardPayload> = {
  ttlMs: (board, fetchedAt) => untilIntervalEnds(fetchedAt, stateIsActive(board.state) ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  staleMs: 0,
  errorTtlMs: ERROR_TTL_MS,
};

/** From `at` to the end of the `intervalMs` interval (on the epoch's grid) that holds it. */
function untilIntervalEnds(at: number, intervalMs: number): number {
  return intervalMs - (((at % intervalMs) + intervalMs) % intervalMs);
}

// The declaration only changes when someone pushes; the board's pipelineVersion tells the page when.
const DEFINITION_POLICY: ReadPolicy<PipelineDetail> = { ttlMs: 30_000, staleMs: STALE_MS, errorTtlMs: ERROR_TTL_MS };
/** Executions and action runs read with the state: enough for every stage's current run in practice. */
const BOARD_EXECUTIONS = 25;
const BOARD_ACTION_RUNS = 100;

// A dashboard card is polled like the state page (the wall's intervals are the same two), and
// detects change with GetPipelineState alone: the newest executions are read again only when the
// state's fingerprint moved (an execution started, moved on or ended) or every RECENT_TTL_MS, so
// a quiet wall costs one call per pipeline per interval.
const CARD_POLICY: ReadPolicy<DashboardCard> = {
  ttlMs: (card, fetchedAt) => untilIntervalEnds(fetchedAt, cardIsActive(card) ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  staleMs: 0,
  errorTtlMs: ERROR_TTL_MS,
};
interface RecentExecutions {
  readonly fingerprint: string;
  readonly executions: readonly PipelineExecutionSummary[];
}
const RECENT_TTL_MS = 5 * 60_000;
const RECENT_POLICY: ReadPolicy<RecentExecutions> = { ttlMs: RECENT_TTL_MS, staleMs: 0, errorTtlMs: ERROR_TTL_MS };
// Tags change rarely and only select pipelines; the metrics' history is days long, so minutes late is fine.
const TAGS_POLICY: ReadPolicy<PipelineTag[]> = { ttlMs: 5 * 60_000, staleMs: STALE_MS, errorTtlMs: ERROR_TTL_MS };
const HISTORY_POLICY: ReadPolicy<PipelineExecutionSummary[]> = { ttlMs: 5 * 60_000, staleMs: STALE_MS, errorTtlMs: ERROR_TTL_MS };
/** The metrics read back at most this far (the longest window) and at most this many executions. */
const HISTORY_DAYS = 90;
const HISTORY_MAX = 2_000;

/** Upstream calls in flight per region at most: a page of rows is read 8 at a time. */
const CONCURRENCY_PER_REGION = 8;

/** What the reads run on: the cache, and a gateway per region. Tests pass their own. */
export interface ReadContext {
  readonly cache: ReadCache;
  readonly gateway: (region?: string) => Gateway;
  readonly limiters: Map<string, Limiter>;
}

// On globalThis, not in a module variable: Next.js may evaluate this module more than once in
// one server process (per bundle layer, and again on every hot reload in development), and the
// whole point is one cache per process.
const PROCESS_CONTEXT = Symbol.for("pipewright.read-context");

function processContext(): ReadContext {
  const holder = globalThis as { [PROCESS_CONTEXT]?: ReadContext };
  return (holder[PROCESS_CONTEXT] ??= { cache: new ReadCache(), gateway: defaultGateway, limiters: new Map() });
}

/** A context of its own (tests): a fresh cache and the given gateways. */
export function createReadContext(gateway: (region?: string) => Gateway, cache = new ReadCache()): ReadContext {
  return { cache, gateway, limiters: new Map() };
}

function scopeOf(gw: Gateway): string {
  return `${gw.config.kind} ${gw.endpoint} ${gw.config.profile ?? ""} ${gw.config.region}|`;
}

function limiterFor(ctx: ReadContext, scope: string): Limiter {
  let limit = ctx.limiters.get(scope);
  if (!limit) ctx.limiters.set(scope, (limit = createLimiter(CONCURRENCY_PER_REGION)));
  return limit;
}

/** Every pipeline of the region (ListPipelines, all pages). Throws GatewayException. */
export function readPipelineSummaries(
  region: string,
  options: ReadOptions = {},
  ctx: ReadContext = processContext(),
): Promise<CachedValue<PipelineSummary[]>> {
  const gw = ctx.gateway(region);
  return ctx.cache.read(`${scopeOf(gw)}pipelines`, () => listPipelines({}, gw), PIPELINES_POLICY, options);
}

/** The pipeline's newest execution, `null` when it never ran (ListPipelineExecutions, one result). Throws GatewayException. */
export function readLatestExecution(
  region: string,
  pipelineName: string,
  options: ReadOptions = {},
  ctx: ReadContext = processContext(),
): Promise<CachedValue<PipelineExecutionSummary | null>> {
  const gw = ctx.gateway(region);
  const scope = scopeOf(gw);
  const limit = limiterFor(ctx, scope);
  return ctx.cache.read(
    // The closing "|" ends the name (pipeline names cannot hold one): expiring "payments" leaves "payments-api".
    `${scope}latest-execution|${pipelineName}|`,
    () => limit(async () => (await listPipelineExecutions({ pipelineName, limit: 1 }, gw))[0] ?? null),
    LATEST_EXECUTION_POLICY,
    options,
  );
}

/**
 * What the state page shows of a pipeline (GetPipelineState with the executions and action runs
 * it refers to), one read for every viewer per polling interval. Throws GatewayException.
 */
export function readPipelineBoard(
  region: string,
  pipelineName: string,
  options: ReadOptions = {},
  ctx: ReadContext = processContext(),
): Promise<CachedValue<BoardPayload>> {
  const gw = ctx.gateway(region);
  const scope = scopeOf(gw);
  const limit = limiterFor(ctx, scope);
  return ctx.cache.read(
    `${scope}pipeline|${pipelineName}|board`,
    () =>
      limit(async () => {
        const [state, executions, runs] = await Promise.all([
          getPipelineState({ name: pipelineName }, gw),
          listPipelineExecutionsPage({ pipelineName, maxResults: BOARD_EXECUTIONS }, gw),
          listActionExecutionsPage({ pipelineName, maxResults: BOARD_ACTION_RUNS }, gw),
        ]);
        return boardPayload(state, executions.items, runs.items);
      }),
    BOARD_POLICY,
    options,
  );
}

/**
 * A pipeline's dashboard card (card.ts): GetPipelineState every interval, and its newest
 * executions (ListPipelineExecutions) when that state changed. One read for every viewer per
 * interval. Throws GatewayException.
 */
export function readDashboardCard(
  region: string,
  pipelineName: string,
  options: ReadOptions = {},
  ctx: ReadContext = processContext(),
): Promise<CachedValue<DashboardCard>> {
  const gw = ctx.gateway(region);
  const scope = scopeOf(gw);
  const limit = limiterFor(ctx, scope);
  const recentKey = `${scope}pipeline|${pipelineName}|recent`;
  return ctx.cache.read(
    `${scope}pipeline|${pipelineName}|card`,
    () =>
      limit(async () => {
        const state = await getPipelineState({ name: pipelineName }, gw);
        const fingerprint = stateFingerprint(state);
        const loadRecent = async (): Promise<RecentExecutions> => ({
          fingerprint,
          executions: (await listPipelineExecutionsPage({ pipelineName, maxResults: CARD_HISTORY }, gw)).items,
        });
        let recent = await ctx.cache.read(recentKey, loadRecent, RECENT_POLICY);
        if (recent.value.fingerprint !== fingerprint) recent = await ctx.cache.read(recentKey, loadRecent, RECENT_POLICY, { force: true });
        return dashboardCard(pipelineName, region, state, recent.value.executions);
      }),
    CARD_POLICY,
    options,
  );
}

/** A pipeline's tags (ListTagsForResource), for the dashboard's `?tag=`. Throws GatewayException. */
export function readPipelineTags(
  region: string,
  account: string,
  pipelineName: string,
  ctx: ReadContext = processContext(),
): Promise<CachedValue<PipelineTag[]>> {
  const gw = ctx.gateway(region);
  const scope = scopeOf(gw);
  const limit = limiterFor(ctx, scope);
  return ctx.cache.read(`${scope}pipeline|${pipelineName}|tags`, () => limit(() => listPipelineTags({ region, account, name: pipelineName }, gw)), TAGS_POLICY);
}

/**
 * The executions of the last HISTORY_DAYS days (ListPipelineExecutions, page by page, newest first,
 * stopping at the first older one), for delivery metrics over any window up to it. Throws GatewayException.
 */
export function readExecutionHistory(
  region: string,
  pipelineName: string,
  ctx: ReadContext = processContext(),
): Promise<CachedValue<PipelineExecutionSummary[]>> {
  const gw = ctx.gateway(region);
  const scope = scopeOf(gw);
  const limit = limiterFor(ctx, scope);
  return ctx.cache.read(
    `${scope}pipeline|${pipelineName}|history`,
    async () => {
      const since = Date.now() - HISTORY_DAYS * 86_400_000;
      const all: PipelineExecutionSummary[] = [];
      let nextToken: string | undefined;
      do {
        const page = await limit(() => listPipelineExecutionsPage({ pipelineName, maxResults: 100, ...(nextToken && { nextToken }) }, gw));
        const inRange = page.items.filter((e) => e.startTime === undefined || Date.parse(e.startTime) >= since);
        all.push(...inRange);
        nextToken = inRange.length < page.items.length ? undefined : page.nextToken;
      } while (nextToken && all.length < HISTORY_MAX);
      return all;
    },
    HISTORY_POLICY,
  );
}

/** The pipeline's declaration (GetPipeline, latest version), for drawing it. Throws GatewayException. */
export function readPipelineDefinition(
  region: string,
  pipelineName: string,
  options: ReadOptions = {},
  ctx: ReadContext = processContext(),
): Promise<CachedValue<PipelineDetail>> {
  const gw = ctx.gateway(region);
  const scope = scopeOf(gw);
  return ctx.cache.read(`${scope}pipeline|${pipelineName}|definition`, () => getPipeline({ name: pipelineName }, gw), DEFINITION_POLICY, options);
}

/** One execution as its detail page shows it (execution-detail.ts). Throws GatewayException. */
export function readExecutionDetail(
  region: string,
  pipelineName: string,
  executionId: string,
  options: ReadOptions = {},
  ctx: ReadContext = processContext(),
): Promise<CachedValue<ExecutionDetail>> {
  const gw = ctx.gateway(region);
  const scope = scopeOf(gw);
  const limit = limiterFor(ctx, scope);
  return ctx.cache.read(
    `${scope}pipeline|${pipelineName}|execution|${executionId}`,
    () => limit(() => loadExecutionDetail(pipelineName, executionId, gw)),
    EXECUTION_DETAIL_POLICY,
    options,
  );
}

/**
 * After an operation on one pipeline (start, stop, retry, approve, a transition, a push): the next
 * read of its board, definition and latest execution calls CodePipeline again.
 */
export function expirePipeline(region: string, pipelineName: string, ctx: ReadContext = processContext()): void {
  let gw: Gateway;
  try {
    gw = ctx.gateway(region);
  } catch {
    return; // misconfigured: nothing was read, so nothing is cached
  }
  const scope = scopeOf(gw);
  ctx.cache.expire(`${scope}pipeline|${pipelineName}|`);
  ctx.cache.expire(`${scope}latest-execution|${pipelineName}|`);
}

/** The header's backend probe (backend-info.ts), shared by every page view. Never throws. */
export async function readBackendInfo(ctx: ReadContext = processContext()): Promise<BackendInfo> {
  let gw: Gateway;
  try {
    gw = ctx.gateway();
  } catch {
    return getBackendInfo(); // misconfigured: backend-info puts the setting's error into words
  }
  return ctx.cache.get(`${scopeOf(gw)}backend-info`, () => getBackendInfo(gw), BACKEND_INFO_POLICY);
}

/** The next read of anything from these regions calls CodePipeline again (the list's Refresh). */
export function expireRegions(regions: readonly string[], ctx: ReadContext = processContext()): void {
  for (const region of regions) {
    let gw: Gateway;
    try {
      gw = ctx.gateway(region);
    } catch {
      continue; // misconfigured: nothing was read, so nothing is cached
    }
    ctx.cache.expire(scopeOf(gw));
  }
}
