import "server-only";
import type { DeliveryMetrics, ExecutionFact } from "@/lib/domain/dashboard/metrics";
import { deliveryMetrics } from "@/lib/domain/dashboard/metrics";
import { nameSelected, tagSelected, type Selection } from "@/lib/domain/dashboard/selection";
import type { RegionMetrics, RegionWall, WallCard } from "@/lib/domain/dashboard/wire";
import type { PipelineExecutionSummary } from "@/lib/domain/execution/view-model";
import { readBackendInfo, readDashboardCard, readExecutionHistory, readPipelineSummaries, readPipelineTags, type ReadContext } from "./cached-reads";
import { describeGatewayError, GatewayException, type GatewayError } from "./errors";
import { settle } from "./result";

/**
 * The dashboard's reads of one region, all through the shared read cache (cached-reads.ts):
 * ListPipelines, then per selected pipeline its card (GetPipelineState, ListPipelineExecutions),
 * its tags when the selection names one (ListTagsForResource), and its history for the metrics
 * (ListPipelineExecutions). Only read APIs. Each throws GatewayException when the region cannot
 * be read at all; a pipeline that cannot be read is a card saying so.
 */

type Criteria = Pick<Selection, "pipelines" | "tag" | "q">;

/** The region's pipelines the selection names, by name. Throws GatewayException. */
export async function selectedPipelines(region: string, selection: Criteria, ctx?: ReadContext): Promise<string[]> {
  const { value: summaries } = await readPipelineSummaries(region, {}, ctx);
  const named = summaries.map((p) => p.name).filter((name) => nameSelected(name, selection));
  const { tag } = selection;
  if (tag === undefined) return named;
  const { account } = await readBackendInfo(ctx);
  if (!/^\d{12}$/.test(account)) {
    throw new GatewayException({ kind: "unavailable", name: "AccountUnknown", message: "The account is not known yet, so tags cannot be read; retrying." });
  }
  const keep = await Promise.all(
    named.map(async (name) => tagSelected((await readPipelineTags(region, account, name, ctx)).value, tag)),
  );
  return named.filter((_, i) => keep[i]);
}

/**
 * Failures that are the region's, not one pipeline's: the whole wall of the region is answered with
 * the error, so the browser keeps its last cards marked stale instead of losing them.
 */
const REGION_FAILURES: ReadonlySet<GatewayError["kind"]> = new Set(["unreachable", "throttled", "access-denied", "unavailable", "misconfigured"]);

export async function readRegionWall(region: string, selection: Criteria, ctx?: ReadContext): Promise<RegionWall> {
  const names = await selectedPipelines(region, selection, ctx);
  let fetchedAt = Date.now();
  const reads = await Promise.all(names.map((name) => settle(() => readDashboardCard(region, name, {}, ctx))));
  const regional = reads.find((r) => !r.ok && REGION_FAILURES.has(r.error.kind));
  if (regional && !regional.ok) throw new GatewayException(regional.error);
  const cards = reads.map((read, i): WallCard => {
    if (!read.ok) return { name: names[i]!, region, unread: { title: describeGatewayError(read.error).title } };
    fetchedAt = Math.min(fetchedAt, read.value.fetchedAt);
    return read.value.value;
  });
  return { region, cards, fetchedAt };
}

function factOf(e: PipelineExecutionSummary): ExecutionFact {
  const startMs = e.startTime === undefined ? undefined : Date.parse(e.startTime);
  const endMs = e.lastUpdateTime === undefined ? undefined : Date.parse(e.lastUpdateTime);
  return { executionId: e.executionId, ...(e.status && { status: e.status }), ...(startMs !== undefined && { startMs }), ...(endMs !== undefined && { endMs }) };
}

export async function readRegionMetrics(region: string, selection: Criteria & Pick<Selection, "window">, ctx?: ReadContext): Promise<RegionMetrics> {
  const names = await selectedPipelines(region, selection, ctx);
  const now = Date.now();
  const unread: string[] = [];
  const pipelines: { name: string; metrics: DeliveryMetrics }[] = [];
  await Promise.all(
    names.map(async (name) => {
      const read = await settle(() => readExecutionHistory(region, name, ctx));
      if (!read.ok) unread.push(name);
      else pipelines.push({ name, metrics: deliveryMetrics(read.value.value.map(factOf), selection.window, now) });
    }),
  );
  pipelines.sort((a, b) => a.name.localeCompare(b.name));
  return { region, windowDays: selection.window, pipelines, unread: unread.sort() };
}
