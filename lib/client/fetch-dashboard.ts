/**
 * The browser's polls of the dashboard routes (app/api/dashboard): each sends the ETag of what it
 * holds and keeps that on a 304. No server-only imports: this runs in the browser.
 */
import type { Selection } from "@/lib/domain/dashboard/selection";
import { metricsUrl, wallUrl, type RegionMetrics, type RegionWall, type WireError } from "@/lib/domain/dashboard/wire";

export interface Held<T> {
  readonly value: T;
  /** Empty when the value came with the page (no ETag yet). */
  readonly etag: string;
  /** When the server read it from CodePipeline, epoch ms. */
  readonly fetchedAt: number;
}

/** A poll the route answered with an error (or that got no answer: status 0, kind `offline`). */
export class DashboardFetchError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    readonly title: string,
    readonly detail: string,
  ) {
    super(title);
    this.name = "DashboardFetchError";
  }
}

export function fetchErrorOf(error: WireError, status = 503): DashboardFetchError {
  return new DashboardFetchError(status, error.kind, error.title, error.detail);
}

function wireError(value: unknown): WireError | undefined {
  if (typeof value !== "object" || value === null || !("error" in value)) return undefined;
  const error = (value as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const { kind, title, detail } = error as Record<string, unknown>;
  return typeof kind === "string" && typeof title === "string" ? { kind, title, detail: typeof detail === "string" ? detail : "" } : undefined;
}

async function poll<T>(url: string, held: Held<T> | undefined, signal?: AbortSignal): Promise<Held<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", headers: held?.etag ? { "If-None-Match": held.etag } : {}, signal });
  } catch (thrown) {
    if (signal?.aborted) throw thrown;
    throw new DashboardFetchError(0, "offline", "Pipewright's server did not answer.", thrown instanceof Error ? thrown.message : String(thrown));
  }
  const fetchedHeader = response.headers.get("X-Pipewright-Fetched-At");
  const fetchedAt = fetchedHeader ? Date.parse(fetchedHeader) : Date.now();
  if (response.status === 304 && held) return { value: held.value, etag: held.etag, fetchedAt };
  if (!response.ok) {
    const body = wireError(await response.json().catch(() => undefined));
    throw fetchErrorOf(body ?? { kind: "unknown", title: `The dashboard could not be read (HTTP ${response.status}).`, detail: "" }, response.status);
  }
  return { value: (await response.json()) as T, etag: response.headers.get("ETag") ?? "", fetchedAt };
}

export function fetchRegionWall(region: string, selection: Selection, held: Held<RegionWall> | undefined, signal?: AbortSignal) {
  return poll<RegionWall>(wallUrl(region, selection), held, signal);
}

export function fetchRegionMetrics(region: string, selection: Selection, held: Held<RegionMetrics> | undefined, signal?: AbortSignal) {
  return poll<RegionMetrics>(metricsUrl(region, selection), held, signal);
}
