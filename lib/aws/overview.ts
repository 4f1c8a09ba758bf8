import "server-only";
import type { LatestExecutionRead, ListedPipeline } from "@/lib/domain/execution/pipeline-list";
import { readLatestExecution, readPipelineSummaries, type ReadContext } from "./cached-reads";
import { readRegions } from "./config";
import { describeGatewayError, toGatewayError, type GatewayError } from "./errors";
import { settle, type GatewayResult } from "./result";

/**
 * The pipelines list's reads, through the shared cache (cached-reads.ts). Each region stands on
 * its own, and so does each row: one failing shows its notice while the rest are listed.
 */

/** The regions the list covers (PIPEWRIGHT_REGIONS), or the setting's error in words. */
export function configuredRegions(): GatewayResult<readonly string[]> {
  try {
    return { ok: true, value: readRegions() };
  } catch (thrown) {
    return { ok: false, error: toGatewayError(thrown, { endpoint: "" }) };
  }
}

export type RegionListing =
  | { readonly region: string; readonly ok: true; readonly pipelines: readonly ListedPipeline[]; readonly fetchedAt: number }
  | { readonly region: string; readonly ok: false; readonly error: GatewayError };

/** Every pipeline of every region (ListPipelines per region), in the order the regions are given. */
export function readRegionListings(regions: readonly string[], options: { force?: boolean } = {}, ctx?: ReadContext): Promise<RegionListing[]> {
  return Promise.all(
    regions.map(async (region): Promise<RegionListing> => {
      const result = await settle(() => readPipelineSummaries(region, options, ctx));
      if (!result.ok) return { region, ok: false, error: result.error };
      const { value, fetchedAt } = result.value;
      return { region, ok: true, pipelines: value.map((p) => ({ ...p, region })), fetchedAt };
    }),
  );
}

/** A row's latest execution, or why it could not be read, in words. Never throws. */
export async function readLatestForRow(region: string, pipelineName: string, ctx?: ReadContext): Promise<LatestExecutionRead> {
  const result = await settle(() => readLatestExecution(region, pipelineName, {}, ctx));
  if (!result.ok) return { ok: false, message: describeGatewayError(result.error).title };
  const latest = result.value.value;
  if (latest === null) return { ok: true };
  // Only what the row shows: the rest of the summary would travel to every browser for nothing.
  const { executionId, status, startTime } = latest;
  return { ok: true, execution: { executionId, ...(status && { status }), ...(startTime && { startTime }) } };
}
