/**
 * Which pipelines a dashboard shows is its URL, so a saved link shows the same wall to everyone:
 * `?pipelines=a,b,c` (names), `?tag=team:payments` (a tag key and value; `team` alone: any value),
 * `?q=payments-*` (a name pattern, `*` any characters; without `*`, a part of the name, either way
 * ignoring case), `?regions=us-east-1,eu-west-1` (of the app's regions), `?window=7|30|90` (days
 * of delivery metrics) and `?tv=1` (the wall display). Criteria combine: a pipeline must pass all.
 */
import { METRIC_WINDOWS, type MetricWindow } from "./windows";

export interface TagFilter {
  readonly key: string;
  readonly value?: string;
}

export interface Selection {
  readonly pipelines?: readonly string[];
  readonly tag?: TagFilter;
  readonly q?: string;
  readonly regions?: readonly string[];
  readonly window: MetricWindow;
  readonly tv: boolean;
}

export const DEFAULT_WINDOW: MetricWindow = 30;
/** Names, regions and a pattern longer than a URL should carry are cut here. */
const MAX_NAMES = 200;
const MAX_TEXT = 200;

type Params = Readonly<Record<string, string | string[] | undefined>> | URLSearchParams;

function one(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed.slice(0, MAX_TEXT * 50);
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = [...new Set(value.split(",").map((v) => v.trim()).filter((v) => v !== ""))].slice(0, MAX_NAMES);
  return items.length === 0 ? undefined : items;
}

export function parseSelection(params: Params): Selection {
  const tagText = one(params, "tag")?.slice(0, MAX_TEXT);
  const colon = tagText?.indexOf(":") ?? -1;
  const tag = tagText === undefined ? undefined : colon < 0 ? { key: tagText } : { key: tagText.slice(0, colon), value: tagText.slice(colon + 1) };
  const windowDays = Number(one(params, "window"));
  const pipelines = list(one(params, "pipelines"));
  const regions = list(one(params, "regions"));
  const q = one(params, "q")?.slice(0, MAX_TEXT);
  return {
    ...(pipelines && { pipelines }),
    ...(tag && tag.key !== "" && { tag }),
    ...(q && { q }),
    ...(regions && { regions }),
    window: (METRIC_WINDOWS as readonly number[]).includes(windowDays) ? (windowDays as MetricWindow) : DEFAULT_WINDOW,
    tv: one(params, "tv") === "1",
  };
}

/** The query string of a selection (without `?`), defaults left out, in a fixed order. */
export function selectionQuery(selection: Partial<Selection>): string {
  const out = new URLSearchParams();
  if (selection.pipelines?.length) out.set("pipelines", selection.pipelines.join(","));
  if (selection.tag) out.set("tag", selection.tag.value === undefined ? selection.tag.key : `${selection.tag.key}:${selection.tag.value}`);
  if (selection.q) out.set("q", selection.q);
  if (selection.regions?.length) out.set("regions", selection.regions.join(","));
  if (selection.window !== undefined && selection.window !== DEFAULT_WINDOW) out.set("window", String(selection.window));
  if (selection.tv) out.set("tv", "1");
  // Commas and colons stay readable in a shared link.
  return out.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
}

/** Whether a name passes the `pipelines` and `q` criteria (tags are checked apart: they need a read). */
export function nameSelected(name: string, selection: Pick<Selection, "pipelines" | "q">): boolean {
  if (selection.pipelines && !selection.pipelines.includes(name)) return false;
  if (selection.q === undefined) return true;
  const pattern = selection.q.toLowerCase();
  const lower = name.toLowerCase();
  if (!pattern.includes("*")) return lower.includes(pattern);
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`).test(lower);
}

export function tagSelected(tags: ReadonlyArray<{ readonly key: string; readonly value: string }>, filter: TagFilter): boolean {
  return tags.some((t) => t.key === filter.key && (filter.value === undefined || t.value === filter.value));
}

/** The regions a wall covers: the selection's that the app has, in the app's order; all of them without one. */
export function wallRegions(selection: Pick<Selection, "regions">, configured: readonly string[]): { covered: string[]; refused: string[] } {
  if (!selection.regions) return { covered: [...configured], refused: [] };
  return {
    covered: configured.filter((r) => selection.regions!.includes(r)),
    refused: selection.regions.filter((r) => !configured.includes(r)),
  };
}
