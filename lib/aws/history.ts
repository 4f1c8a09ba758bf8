import "server-only";
import { isFiltered, matchesHistory, MAX_SCAN_PAGES, PAGE_SIZE, UPSTREAM_PAGE_SIZE, type HistoryQuery } from "@/lib/domain/execution/history";
import type { PipelineExecutionSummary } from "@/lib/domain/execution/view-model";
import { defaultGateway } from "./client";
import { listPipelineExecutionsPage } from "./execution-pages";

export interface HistoryPage {
  readonly executions: readonly PipelineExecutionSummary[];
  /** Where the next page starts, when there is more history. */
  readonly nextToken?: string;
  /** Upstream rows looked at (more than shown when filters discard some). */
  readonly scanned: number;
}

/**
 * One page of a pipeline's history (lib/domain/execution/history.ts says how filters page).
 * Unfiltered, one upstream page of PAGE_SIZE. Throws GatewayException.
 */
export async function readHistoryPage(region: string, pipelineName: string, query: HistoryQuery): Promise<HistoryPage> {
  const gw = defaultGateway(region);
  if (!isFiltered(query)) {
    const page = await listPipelineExecutionsPage({ pipelineName, maxResults: PAGE_SIZE, ...(query.token && { nextToken: query.token }) }, gw);
    return { executions: page.items, scanned: page.items.length, ...(page.nextToken && { nextToken: page.nextToken }) };
  }
  const executions: PipelineExecutionSummary[] = [];
  let token = query.token;
  let scanned = 0;
  for (let pages = 0; pages < MAX_SCAN_PAGES; pages++) {
    const page = await listPipelineExecutionsPage({ pipelineName, maxResults: UPSTREAM_PAGE_SIZE, ...(token && { nextToken: token }) }, gw);
    scanned += page.items.length;
    executions.push(...page.items.filter((e) => matchesHistory(e, query)));
    token = page.nextToken;
    if (!token || executions.length >= PAGE_SIZE) break;
  }
  return { executions, scanned, ...(token && { nextToken: token }) };
}
