import "server-only";
import { inFlightExecutions, type InFlightExecution } from "@/lib/domain/sync/in-flight";
import type { Gateway } from "../client";
import { getPipelineState, listPipelineExecutions } from "../executions";

/**
 * The executions a push would end: ListPipelineExecutions (newest first; running ones are among
 * the newest) filtered to InProgress / Stopping, placed in their stage by GetPipelineState.
 */
export async function lookUpInFlight(name: string, gw: Gateway): Promise<InFlightExecution[]> {
  const summaries = await listPipelineExecutions({ pipelineName: name, limit: 100 }, gw);
  if (!summaries.some((s) => s.status === "InProgress" || s.status === "Stopping")) return [];
  return inFlightExecutions(summaries, await getPipelineState({ name }, gw));
}

/** How many executions are in flight (for the validation's EXEC001/EXEC002 warnings). */
export async function countInFlight(name: string, gw: Gateway): Promise<number> {
  const summaries = await listPipelineExecutions({ pipelineName: name, limit: 100 }, gw);
  return summaries.filter((s) => s.status === "InProgress" || s.status === "Stopping").length;
}
