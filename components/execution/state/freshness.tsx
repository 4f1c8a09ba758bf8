"use client";

import type { BoardFetchError } from "@/lib/client/fetch-board";
import { Ago } from "./clock";

/**
 * How fresh the page's state is: "updated 3 s ago" while polls succeed; once one fails (or the
 * server could only answer an old copy) a visible notice that the state shown is stale, since
 * when, and why — the last known state stays on the page under it.
 */
export function Freshness({ fetchedAt, staleReason, error }: { fetchedAt?: number; staleReason?: string; error: BoardFetchError | null }) {
  const reason = error ? error.title : staleReason;
  if (reason === undefined) {
    return fetchedAt === undefined ? null : (
      <p data-testid="updated-ago" className="text-xs text-slate-600 dark:text-slate-400" aria-live="off">
        Updated <Ago at={fetchedAt} />
      </p>
    );
  }
  return (
    <div role="status" data-testid="stale-banner" data-kind={error?.kind ?? "refresh"} className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-medium">
        {fetchedAt === undefined ? "The state could not be read." : <>Stale since <Ago at={fetchedAt} />: showing the last known state.</>}
      </p>
      <p className="mt-1">{reason}{error?.detail && error.detail !== reason ? ` ${error.detail}` : ""} Retrying automatically.</p>
    </div>
  );
}
