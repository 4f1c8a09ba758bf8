import { describe, expect, it } from "vitest";
import {
  arrangeRows,
  changeListQuery,
  DEFAULT_LIST_QUERY,
  isNarrowed,
  listSearch,
  matchingPipelines,
  needsLatestExecutions,
  type LatestExecutionRead,
  type ListedPipeline,
  type ListRow,
  type PipelineListQuery,
} from "./pipeline-list";
import { parseListQuery } from "./pipeline-list-params";
import type { PipelineExecutionStatus } from "./status";

const pipeline = (name: string, extra: Partial<ListedPipeline> = {}): ListedPipeline => ({
  name,
  region: "us-east-1",
  pipelineType: "V2",
  executionMode: "QUEUED",
  version: 1,
  ...extra,
});
const ran = (status: PipelineExecutionStatus | undefined, startTime: string): LatestExecutionRead => ({
  ok: true,
  execution: { executionId: `${status}-${startTime}`, status, startTime },
});
const row = (name: string, latest?: LatestExecutionRead, extra: Partial<ListedPipeline> = {}): ListRow => ({
  pipeline: pipeline(name, extra),
  ...(latest && { latest }),
});
const query = (changes: Partial<PipelineListQuery> = {}): PipelineListQuery => ({ ...DEFAULT_LIST_QUERY, ...changes });
const namesOf = (rows: readonly ListRow[]) => rows.map((r) => r.pipeline.name);

describe("parseListQuery", () => {
  it("reads every member from the URL", () => {
    expect(
      parseListQuery({ q: " Payments ", status: "Failed", type: "V2", mode: "PARALLEL", region: "eu-west-1", sort: "status", page: "3" }),
    ).toEqual({ q: "Payments", status: "Failed", type: "V2", mode: "PARALLEL", region: "eu-west-1", sort: "status", page: 3 });
    expect(parseListQuery({ status: "NeverRun" }).status).toBe("NeverRun");
  });

  it("is the default list for no parameters", () => {
    expect(parseListQuery({})).toEqual({ q: "", sort: "name", page: 1 });
  });

  it("drops each malformed value on its own and keeps the rest", () => {
    expect(
      parseListQuery({ q: "x".repeat(101), status: "failed", type: "V3", mode: "queued", region: "Ireland", sort: "newest", page: "-2" }),
    ).toEqual({ q: "", sort: "name", page: 1 });
    expect(parseListQuery({ status: "Bogus", type: "V1", page: "2.5" })).toEqual({ q: "", type: "V1", sort: "name", page: 1 });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseListQuery({ type: ["V1", "V2"], q: ["a", "b"] })).toMatchObject({ type: "V1", q: "a" });
  });
});

describe("listSearch and changeListQuery", () => {
  it("writes only what differs from the default, in a fixed order, and round-trips", () => {
    expect(listSearch(query())).toBe("");
    const q = query({ page: 2, sort: "last-run", region: "eu-west-1", mode: "QUEUED", type: "V1", status: "InProgress", q: "a b&c" });
    const search = listSearch(q);
    expect(search).toBe("?q=a+b%26c&status=InProgress&type=V1&mode=QUEUED&region=eu-west-1&sort=last-run&page=2");
    expect(parseListQuery(Object.fromEntries(new URLSearchParams(search)))).toEqual(q);
  });

  it("goes back to page 1 on any change but the page, and clears a filter given undefined", () => {
    const on3 = query({ page: 3, status: "Failed" });
    expect(changeListQuery(on3, { q: "pay" })).toEqual({ q: "pay", status: "Failed", sort: "name", page: 1 });
    expect(changeListQuery(on3, { page: 4 })).toEqual({ ...on3, page: 4 });
    expect(changeListQuery(on3, { status: undefined })).toEqual({ q: "", sort: "name", page: 1 });
  });

  it("knows when the list is narrowed and when it needs every latest execution", () => {
    expect(isNarrowed(query())).toBe(false);
    expect(isNarrowed(query({ sort: "status", page: 2 }))).toBe(false);
    expect(isNarrowed(query({ mode: "PARALLEL" }))).toBe(true);
    expect(needsLatestExecutions(query({ q: "pay", type: "V1", sort: "name-desc" }))).toBe(false);
    expect(needsLatestExecutions(query({ status: "Failed" }))).toBe(true);
    expect(needsLatestExecutions(query({ sort: "last-run-asc" }))).toBe(true);
    expect(needsLatestExecutions(query({ sort: "status" }))).toBe(true);
  });
});

describe("matchingPipelines", () => {
  const all = [
    pipeline("payments-api", { pipelineType: "V1", executionMode: "SUPERSEDED" }),
    pipeline("Payments-web", { region: "eu-west-1" }),
    pipeline("orders-api", { executionMode: "PARALLEL" }),
  ];
  it("searches names case-insensitively and filters by type, mode and region", () => {
    expect(matchingPipelines(all, query({ q: "PAYMENTS" })).map((p) => p.name)).toEqual(["payments-api", "Payments-web"]);
    expect(matchingPipelines(all, query({ q: "api", type: "V2" })).map((p) => p.name)).toEqual(["orders-api"]);
    expect(matchingPipelines(all, query({ mode: "SUPERSEDED" })).map((p) => p.name)).toEqual(["payments-api"]);
    expect(matchingPipelines(all, query({ region: "eu-west-1" })).map((p) => p.name)).toEqual(["Payments-web"]);
    expect(matchingPipelines(all, query({ q: "nothing" }))).toEqual([]);
  });
});

describe("arrangeRows", () => {
  const rows = [
    row("b-ok", ran("Succeeded", "2025-01-02T00:00:00.000Z")),
    row("a-failed", ran("Failed", "2025-01-01T00:00:00.000Z")),
    row("c-never", { ok: true }),
    row("d-running", ran("InProgress", "2025-01-03T00:00:00.000Z")),
    row("e-broken", { ok: false, message: "Throttled" }),
    row("f-newer-status", ran(undefined, "2025-01-04T00:00:00.000Z")),
    row("app-10", ran("Succeeded", "2024-12-01T00:00:00.000Z")),
    row("app-9", ran("Stopped", "2024-12-02T00:00:00.000Z")),
  ];

  it("sorts names naturally, and in reverse", () => {
    expect(namesOf(arrangeRows(rows, query()).rows)).toEqual(["a-failed", "app-9", "app-10", "b-ok", "c-never", "d-running", "e-broken", "f-newer-status"]);
    expect(namesOf(arrangeRows(rows, query({ sort: "name-desc" })).rows)[0]).toBe("f-newer-status");
  });

  it("sorts by last run, newest first or oldest first, never-run and unreadable counted as oldest", () => {
    expect(namesOf(arrangeRows(rows, query({ sort: "last-run" })).rows)).toEqual([
      "f-newer-status", "d-running", "b-ok", "a-failed", "app-9", "app-10", "c-never", "e-broken",
    ]);
    expect(namesOf(arrangeRows(rows, query({ sort: "last-run-asc" })).rows).slice(0, 3)).toEqual(["c-never", "e-broken", "app-10"]);
  });

  it("sorts failing first, then running, then fine, then unknown, never run and unreadable", () => {
    expect(namesOf(arrangeRows(rows, query({ sort: "status" })).rows)).toEqual([
      "a-failed", "app-9", "d-running", "app-10", "b-ok", "f-newer-status", "c-never", "e-broken",
    ]);
  });

  it("filters by latest status, never run included, and counts the rows it could not judge", () => {
    const failed = arrangeRows(rows, query({ status: "Failed" }));
    expect(namesOf(failed.rows)).toEqual(["a-failed"]);
    expect(failed.unreadable).toBe(1);
    expect(namesOf(arrangeRows(rows, query({ status: "NeverRun" })).rows)).toEqual(["c-never"]);
    expect(arrangeRows(rows, query()).unreadable).toBe(0);
  });

  it("ties on name break by region", () => {
    const twins = [row("same", undefined, { region: "us-east-1" }), row("same", undefined, { region: "eu-west-1" })];
    expect(arrangeRows(twins, query()).rows.map((r) => r.pipeline.region)).toEqual(["eu-west-1", "us-east-1"]);
  });

  it("pages, clamping the page to the last one", () => {
    const many = Array.from({ length: 120 }, (_, i) => row(`p-${String(i).padStart(3, "0")}`));
    expect(arrangeRows(many, query(), 50)).toMatchObject({ total: 120, page: 1, pageCount: 3, from: 1, to: 50 });
    const last = arrangeRows(many, query({ page: 9 }), 50);
    expect(last).toMatchObject({ page: 3, from: 101, to: 120 });
    expect(namesOf(last.rows)[0]).toBe("p-100");
    expect(arrangeRows([], query({ page: 2 }), 50)).toMatchObject({ total: 0, page: 1, pageCount: 1, from: 0, to: 0 });
  });
});
