/**
 * The pipelines list's query read from a page's search params (./pipeline-list.ts says what the
 * query is). Apart from it because of zod: only the server parses the URL, while the list's
 * browser controls import the query's shape and arithmetic.
 */
import { z } from "zod";
import { REGION_SHAPE } from "../catalog/regions";
import { LIST_SORTS, STATUS_FILTERS, type PipelineListQuery, type StatusFilter } from "./pipeline-list";

const MAX_SEARCH_LENGTH = 100;

// Each member falls back on its own: one bad value does not throw away the others.
const querySchema = z.object({
  q: z.string().trim().max(MAX_SEARCH_LENGTH).catch(""),
  status: z.enum(STATUS_FILTERS as [StatusFilter, ...StatusFilter[]]).optional().catch(undefined),
  type: z.enum(["V1", "V2"]).optional().catch(undefined),
  mode: z.enum(["SUPERSEDED", "QUEUED", "PARALLEL"]).optional().catch(undefined),
  region: z.string().regex(REGION_SHAPE).optional().catch(undefined),
  sort: z.enum(LIST_SORTS).catch("name"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

type SearchParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The query from a page's search params (the first value of a repeated one). */
export function parseListQuery(params: SearchParams): PipelineListQuery {
  const first = (key: string) => {
    const value = params[key];
    return typeof value === "string" ? value : value?.[0];
  };
  const parsed = querySchema.parse({
    q: first("q") ?? "",
    status: first("status"),
    type: first("type"),
    mode: first("mode"),
    region: first("region"),
    sort: first("sort") ?? "name",
    page: first("page") ?? 1,
  });
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as unknown as PipelineListQuery;
}
