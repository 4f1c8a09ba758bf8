import Link from "next/link";
import type { ReactNode } from "react";
import { METRIC_WINDOWS } from "@/lib/domain/dashboard/windows";
import { selectionQuery, type Selection } from "@/lib/domain/dashboard/selection";

/**
 * The metrics' section with its heading and the window's links (7 / 30 / 90 days, in the URL): the
 * same frame while the server renders the page and once the browser has read the metrics.
 */
export function MetricsSection({ selection, children }: { selection: Selection; children: ReactNode }) {
  return (
    <section aria-labelledby="metrics-heading" data-testid="metrics-panel" className="mt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="metrics-heading" className="text-xl font-semibold tracking-tight">
          Delivery metrics, last {selection.window} days
        </h2>
        <nav aria-label="Metrics window" className="flex gap-1 text-sm">
          {METRIC_WINDOWS.map((w) => {
            const query = selectionQuery({ ...selection, window: w });
            return (
              <Link
                key={w}
                href={`/dashboard${query ? `?${query}` : ""}`}
                aria-current={w === selection.window ? "page" : undefined}
                scroll={false}
                className="rounded-md px-2 py-1 ring-1 ring-slate-300 aria-[current=page]:bg-indigo-700 aria-[current=page]:text-white dark:ring-slate-700"
              >
                {w} days
              </Link>
            );
          })}
        </nav>
      </div>
      {children}
    </section>
  );
}

/** Said while the executions are being read. */
export function MetricsReading() {
  return <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">Reading the executions…</p>;
}
