import "server-only";
import { rollbackHorizon, rollbackHorizonNotice, type VersionedRun } from "@/lib/domain/execution/rollback-horizon";
import type { JsonObject } from "@/lib/domain/json";
import type { Gateway } from "../client";
import { getPipelineExecution, listPipelineExecutions } from "../executions";

/** Newest executions read for the count; a longer history reads as "at least". */
const RUNS_READ = 50;
/** GetPipelineExecution calls at a time (ListPipelineExecutions carries no pipeline version). */
const BATCH = 10;

/**
 * The review's warning that a push takes the live version's successful runs out of reach of
 * rollback (lib/domain/execution/rollback-horizon.ts), for pipelines whose stages can be rolled
 * back at all (V2, not PARALLEL). Throws GatewayException.
 */
export async function rollbackHorizonNoticeFor(name: string, live: JsonObject, liveVersion: number, gw: Gateway): Promise<string | undefined> {
  if (live.pipelineType !== "V2" || live.executionMode === "PARALLEL") return undefined;
  const summaries = await listPipelineExecutions({ pipelineName: name, limit: RUNS_READ }, gw);
  const runs: VersionedRun[] = [];
  for (let i = 0; i < summaries.length; i += BATCH) {
    const batch = summaries.slice(i, i + BATCH);
    const details = await Promise.all(batch.map((s) => getPipelineExecution({ pipelineName: name, executionId: s.executionId }, gw)));
    batch.forEach((s, k) => runs.push({ status: s.status, executionType: s.executionType, pipelineVersion: details[k]!.pipelineVersion }));
    if (details.some((d) => d.pipelineVersion !== undefined && d.pipelineVersion < liveVersion)) break;
  }
  return rollbackHorizonNotice(rollbackHorizon(runs, liveVersion, summaries.length < RUNS_READ), liveVersion);
}
