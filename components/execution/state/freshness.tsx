"use client";

import type { PollError } from "@/lib/client/conditional-poll";
import { Ago } from "./clock";

/**
 * How fresh the page's state is: "updated 3 s ago" while polls succeed; once one fails a visible
 * notice that the state shown is stale, since when, and why — the last known state stays on the
 * page under it.
 */
export function Freshness({ fetchedAt, error }: { fetchedAt?: number; error: PollError | null }) {
  if (error === null) {
    return fetchedAt === undefined ? null : (
      <p data-testid="updated-ago" className="text-xs text-slate-600 dark:text-slate-400" aria-live="off">
        Updated <Ago at={fetchedAt} />
      </p>
    );
  }
  return (
    <div role="status" data-testid="stale-banner" data-kind={error.kind} className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-medium">
        {fetchedAt === undefined ? "The state could not be read." : <>Stale since <Ago at={fetchedAt} />: showing the last known state.</>}
      </p>
      <p className="mt-1">{error.title}{error.detail && error.detail !== error.title ? ` ${error.detail}` : ""} Retrying automatically.</p>
    </div>
  );
}
