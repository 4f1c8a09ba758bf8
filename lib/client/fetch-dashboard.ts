/**
 * The browser's polls of the dashboard routes (app/api/dashboard), through the one conditional
 * poller. No server-only imports: this runs in the browser.
 */
import type { Selection } from "@/lib/domain/dashboard/selection";
import { metricsUrl, wallUrl, type RegionMetrics, type RegionWall, type WireError } from "@/lib/domain/dashboard/wire";
import { pollJson, PollError, type Held } from "./conditional-poll";

export type { Held };

/** An error a region's first answer carried in the page (no poll yet), as a poll's error. */
export function fetchErrorOf(error: WireError, status = 503): PollError {
  return new PollError(status, error.kind, error.title, error.detail);
}

export function fetchRegionWall(region: string, selection: Selection, held: Held<RegionWall> | undefined, signal?: AbortSignal) {
  return pollJson<RegionWall>(wallUrl(region, selection), held, "The dashboard", signal);
}

export function fetchRegionMetrics(region: string, selection: Selection, held: Held<RegionMetrics> | undefined, signal?: AbortSignal) {
  return pollJson<RegionMetrics>(metricsUrl(region, selection), held, "The metrics", signal);
}
