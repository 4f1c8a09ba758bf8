/**
 * The history page's query and filters. ListPipelineExecutions filters by nothing but
 * "succeeded in stage" (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListPipelineExecutions.html),
 * so status, trigger and revision are matched here, page by page: a page reads at most
 * MAX_SCAN_PAGES upstream pages and stops as soon as it holds PAGE_SIZE matches, then offers
 * the token where it stopped. Nothing ever reads the whole history.
 */
import { z } from "zod";
import { PIPELINE_EXECUTION_STATUSES, type PipelineExecutionStatus } from "./status";
import type { ExecutionType, PipelineExecutionSummary } from "./view-model";

/** The TriggerType values of the API reference's ExecutionTrigger. */
export const TRIGGER_TYPES = [
  "CreatePipeline",
  "StartPipelineExecution",
  "PollForSourceChanges",
  "Webhook",
  "CloudWatchEvent",
  "PutActionRevision",
  "WebhookV2",
  "ManualRollback",
  "AutomatedRollback",
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

/** ExecutionType: a rollback (manual or automated) runs as a ROLLBACK execution (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html). */
export const EXECUTION_TYPES = ["STANDARD", "ROLLBACK"] as const satisfies readonly ExecutionType[];

export const PAGE_SIZE = 25;
/** Upstream pages (of 100) one history page reads at most while filters discard rows. */
export const MAX_SCAN_PAGES = 4;
export const UPSTREAM_PAGE_SIZE = 100;

export interface HistoryQuery {
  readonly status?: PipelineExecutionStatus;
  readonly trigger?: TriggerType;
  /** Rollbacks only, or every execution but rollbacks. */
  readonly type?: ExecutionType;
  /** Part of a revision id or of its summary (commit message), case-insensitive. */
  readonly revision?: string;
  /** ListPipelineExecutions' nextToken of the page to show; absent for the newest. */
  readonly token?: string;
}

// Each member falls back on its own: one bad value does not throw away the others.
const querySchema = z.object({
  status: z.enum(PIPELINE_EXECUTION_STATUSES).optional().catch(undefined),
  trigger: z.enum(TRIGGER_TYPES).optional().catch(undefined),
  type: z.enum(EXECUTION_TYPES).optional().catch(undefined),
  revision: z.string().trim().max(200).optional().catch(undefined),
  token: z.string().min(1).max(2048).optional().catch(undefined),
});

type SearchParams = Readonly<Record<string, string | readonly string[] | undefined>>;

export function parseHistoryQuery(params: SearchParams): HistoryQuery {
  const first = (key: string) => {
    const value = params[key];
    const one = typeof value === "string" ? value : value?.[0];
    return one === "" ? undefined : one;
  };
  const parsed = querySchema.parse({ status: first("status"), trigger: first("trigger"), type: first("type"), revision: first("revision"), token: first("token") });
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined && v !== "")) as HistoryQuery;
}

export function isFiltered(query: HistoryQuery): boolean {
  return query.status !== undefined || query.trigger !== undefined || query.type !== undefined || query.revision !== undefined;
}

export function matchesHistory(execution: PipelineExecutionSummary, query: HistoryQuery): boolean {
  if (query.status !== undefined && execution.status !== query.status) return false;
  if (query.trigger !== undefined && execution.trigger?.triggerType !== query.trigger) return false;
  // An execution that does not say its type is a standard one (older replies, V1 pipelines).
  if (query.type !== undefined && (execution.executionType ?? "STANDARD") !== query.type) return false;
  if (query.revision !== undefined) {
    const needle = query.revision.toLowerCase();
    const hit = execution.sourceRevisions.some(
      (r) => r.revisionId?.toLowerCase().includes(needle) || r.revisionSummary?.toLowerCase().includes(needle),
    );
    if (!hit) return false;
  }
  return true;
}

/** The URL search of a history page: the filters kept, the token given (or none: the newest page). */
export function historySearch(query: HistoryQuery, token: string | undefined, region: string | undefined): string {
  const params = new URLSearchParams();
  if (region) params.set("region", region);
  if (query.status) params.set("status", query.status);
  if (query.trigger) params.set("trigger", query.trigger);
  if (query.type) params.set("type", query.type);
  if (query.revision) params.set("revision", query.revision);
  if (token) params.set("token", token);
  const text = params.toString();
  return text ? `?${text}` : "";
}
