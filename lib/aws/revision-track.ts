import "server-only";
import { revisionMatches, trackRevision, type RevisionTrack, type StageOutline } from "@/lib/domain/execution/revision-tracking";
import type { Gateway } from "./client";
import { listActionExecutions, listPipelineExecutions } from "./executions";

/** How far back the search looks, and how many carrying executions it reads the action runs of. */
const HISTORY_DEPTH = 100;
const CARRIERS = 5;

/**
 * "Where is my commit" against the backend: the newest executions that carried the revision
 * (ListPipelineExecutions' sourceRevisions) and their action runs. Throws GatewayException.
 */
export async function trackRevisionLive(pipelineName: string, query: string, stages: readonly StageOutline[], gw: Gateway): Promise<RevisionTrack> {
  const history = await listPipelineExecutions({ pipelineName, limit: HISTORY_DEPTH }, gw);
  const carriers = history.filter((e) => e.sourceRevisions.some((r) => revisionMatches(query, r.revisionId))).slice(0, CARRIERS);
  const runs = await Promise.all(carriers.map((e) => listActionExecutions({ pipelineName, executionId: e.executionId }, gw)));
  return trackRevision(query, stages, carriers.map((summary, i) => ({ summary, actions: runs[i]! })));
}
