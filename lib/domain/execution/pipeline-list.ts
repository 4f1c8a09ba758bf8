/**
 * The pipelines list as a user narrows it: the query in the URL (search, filters, sort, page),
 * and the pure arithmetic that turns every pipeline of every region into the page on screen.
 * A malformed URL value is dropped (the list shows unfiltered), never an error page: links get
 * shared, edited by hand and outlive the values they name. The URL's parsing (zod) is in
 * ./pipeline-list-params.ts: the list's browser controls import this module.
 */
import { PIPELINE_EXECUTION_STATUSES, statusLabel, type PipelineExecutionStatus } from "./status";
import type { ExecutionMode, PipelineExecutionSummary, PipelineSummary, PipelineType } from "./view-model";

/** Rows per page: enough to scan, few enough that 1,000 pipelines stay quick to render and send. */
export const LIST_PAGE_SIZE = 50;

/** Filter value for pipelines that have no execution yet. */
export const NEVER_RUN = "NeverRun";
export type StatusFilter = PipelineExecutionStatus | typeof NEVER_RUN;
export const STATUS_FILTERS: readonly StatusFilter[] = [...PIPELINE_EXECUTION_STATUSES, NEVER_RUN];

export const LIST_SORTS = ["name", "name-desc", "last-run", "last-run-asc", "status"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const SORT_LABELS: Readonly<Record<ListSort, string>> = {
  name: "Name (A–Z)",
  "name-desc": "Name (Z–A)",
  "last-run": "Last run (newest first)",
  "last-run-asc": "Last run (oldest first)",
  status: "Status (failing first)",
};

export function statusFilterLabel(status: StatusFilter): string {
  return status === NEVER_RUN ? "Never run" : statusLabel(status);
}

export interface PipelineListQuery {
  /** Case-insensitive part of the name; "" for all. */
  readonly q: string;
  readonly status?: StatusFilter;
  readonly type?: PipelineType;
  readonly mode?: ExecutionMode;
  readonly region?: string;
  readonly sort: ListSort;
  /** 1-based; clamped to the last page when rows are arranged. */
  readonly page: number;
}

export const DEFAULT_LIST_QUERY: PipelineListQuery = { q: "", sort: "name", page: 1 };

/** The query as a search string ("" or "?q=…"), in a fixed order, defaults left out. */
export function listSearch(query: PipelineListQuery): string {
  const params = new URLSearchParams();
  if (query.q !== "") params.set("q", query.q);
  if (query.status) params.set("status", query.status);
  if (query.type) params.set("type", query.type);
  if (query.mode) params.set("mode", query.mode);
  if (query.region) params.set("region", query.region);
  if (query.sort !== DEFAULT_LIST_QUERY.sort) params.set("sort", query.sort);
  if (query.page !== 1) params.set("page", String(query.page));
  const search = params.toString();
  return search === "" ? "" : `?${search}`;
}

/** The query with `changes`; any change but the page goes back to page 1. Undefined clears a filter. */
export function changeListQuery(query: PipelineListQuery, changes: Partial<PipelineListQuery>): PipelineListQuery {
  const next: Record<string, unknown> = { ...query, ...changes };
  if (!("page" in changes)) next.page = 1;
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as unknown as PipelineListQuery;
}

/** Whether any filter narrows the list (the search included). */
export function isNarrowed(query: PipelineListQuery): boolean {
  return query.q !== "" || !!query.status || !!query.type || !!query.mode || !!query.region;
}

/**
 * Whether the list needs every matching pipeline's latest execution before it can show a page:
 * a status filter, or a sort by last run or status. Otherwise each row's execution can arrive
 * after the row.
 */
export function needsLatestExecutions(query: PipelineListQuery): boolean {
  return query.status !== undefined || (query.sort !== "name" && query.sort !== "name-desc");
}

// --- rows ----------------------------------------------------------------------------------------

/** A pipeline of one region. */
export interface ListedPipeline extends PipelineSummary {
  readonly region: string;
}

/** What a row shows of a pipeline's newest execution (and all that sorting and filtering need). */
export type LatestRun = Pick<PipelineExecutionSummary, "executionId" | "status" | "startTime">;

/** What is known about a pipeline's latest execution: the execution (absent: never run), or why not. */
export type LatestExecutionRead =
  | { readonly ok: true; readonly execution?: LatestRun }
  | { readonly ok: false; readonly message: string };

export interface ListRow {
  readonly pipeline: ListedPipeline;
  /** Present when the query needed it (`needsLatestExecutions`); otherwise each row reads its own. */
  readonly latest?: LatestExecutionRead;
}

/** The pipelines the search and the summary filters (type, mode, region) keep. */
export function matchingPipelines(pipelines: readonly ListedPipeline[], query: PipelineListQuery): ListedPipeline[] {
  const needle = query.q.toLowerCase();
  return pipelines.filter(
    (p) =>
      (needle === "" || p.name.toLowerCase().includes(needle)) &&
      (!query.type || p.pipelineType === query.type) &&
      (!query.mode || p.executionMode === query.mode) &&
      (!query.region || p.region === query.region),
  );
}

function matchesStatus(latest: LatestExecutionRead | undefined, status: StatusFilter): boolean {
  if (!latest?.ok) return false;
  return status === NEVER_RUN ? latest.execution === undefined : latest.execution?.status === status;
}

// "Failing first": what needs someone, then what is moving, then what is fine, then what says nothing.
const STATUS_RANK: Readonly<Record<PipelineExecutionStatus, number>> = {
  Failed: 0,
  Stopped: 1,
  Stopping: 2,
  InProgress: 3,
  Succeeded: 4,
  Superseded: 5,
  Cancelled: 6,
};
function statusRank(latest: LatestExecutionRead | undefined): number {
  if (!latest?.ok) return 9;
  if (!latest.execution) return 8;
  return latest.execution.status === undefined ? 7 : STATUS_RANK[latest.execution.status];
}

function startOf(latest: LatestExecutionRead | undefined): number {
  const start = latest?.ok ? latest.execution?.startTime : undefined;
  return start === undefined ? Number.NEGATIVE_INFINITY : Date.parse(start);
}

const names = new Intl.Collator("en", { sensitivity: "base", numeric: true });
const byName = (a: ListRow, b: ListRow) => names.compare(a.pipeline.name, b.pipeline.name) || a.pipeline.region.localeCompare(b.pipeline.region);

const COMPARE: Readonly<Record<ListSort, (a: ListRow, b: ListRow) => number>> = {
  name: byName,
  "name-desc": (a, b) => byName(b, a),
  // Never-run pipelines count as the oldest: last when newest first, first when oldest first.
  "last-run": (a, b) => startOf(b.latest) - startOf(a.latest) || byName(a, b),
  "last-run-asc": (a, b) => startOf(a.latest) - startOf(b.latest) || byName(a, b),
  status: (a, b) => statusRank(a.latest) - statusRank(b.latest) || byName(a, b),
};

export interface ListPage {
  readonly rows: readonly ListRow[];
  /** Rows after every filter, over all pages. */
  readonly total: number;
  /** The page shown (the query's, clamped to 1..pageCount). */
  readonly page: number;
  readonly pageCount: number;
  /** 1-based index of the first row shown (0 when none), and of the last. */
  readonly from: number;
  readonly to: number;
  /** Rows a status filter had to leave out because their history could not be read. */
  readonly unreadable: number;
}

/** Status filter, sort and page over rows already narrowed by `matchingPipelines`. */
export function arrangeRows(rows: readonly ListRow[], query: PipelineListQuery, pageSize = LIST_PAGE_SIZE): ListPage {
  const status = query.status;
  const kept = status ? rows.filter((r) => matchesStatus(r.latest, status)) : [...rows];
  const unreadable = status ? rows.filter((r) => r.latest?.ok === false).length : 0;
  kept.sort(COMPARE[query.sort]);
  const pageCount = Math.max(1, Math.ceil(kept.length / pageSize));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const start = (page - 1) * pageSize;
  const shown = kept.slice(start, start + pageSize);
  return {
    rows: shown,
    total: kept.length,
    page,
    pageCount,
    from: shown.length === 0 ? 0 : start + 1,
    to: start + shown.length,
    unreadable,
  };
}
