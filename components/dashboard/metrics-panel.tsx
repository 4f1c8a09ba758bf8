"use client";

import { useQueries } from "@tanstack/react-query";
import { Providers } from "@/app/providers";
import { mergeMetrics, type DeliveryMetrics } from "@/lib/domain/dashboard/metrics";
import type { Selection } from "@/lib/domain/dashboard/selection";
import { formatDuration } from "@/lib/domain/execution/format";
import { dashboardMetricsQuery } from "@/lib/queries";
import { DayChart } from "./day-chart";
import { MetricsReading, MetricsSection } from "./metrics-section";

/**
 * Delivery metrics of the selection over 7, 30 or 90 days (the window is in the URL): the whole
 * selection's figures and chart, then a row per pipeline. Each region is read on its own; one that
 * fails is named, the others still count.
 */
export function MetricsPanel(props: { regions: readonly string[]; selection: Selection }) {
  return (
    <Providers>
      <PolledMetrics {...props} />
    </Providers>
  );
}

function PolledMetrics({ regions, selection }: { regions: readonly string[]; selection: Selection }) {
  const queries = useQueries({ queries: regions.map((region) => dashboardMetricsQuery(region, selection)) });
  const loaded = queries.flatMap((q) => (q.data ? [q.data.value] : []));
  const failed = regions.filter((_, i) => queries[i]!.error && !queries[i]!.data);
  const rows = loaded
    .flatMap((m) => m.pipelines.map((p) => ({ region: m.region, ...p })))
    .sort((a, b) => a.name.localeCompare(b.name) || a.region.localeCompare(b.region));
  const now = Date.now();
  const all = mergeMetrics(rows.map((r) => r.metrics), selection.window, now);
  const pending = queries.some((q) => q.isPending);
  return (
    <MetricsSection selection={selection}>
      {failed.length > 0 && (
        <p role="status" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
          Not counted: {failed.join(", ")} could not be read ({queries.find((q) => q.error)?.error?.title}).
        </p>
      )}
      {pending && loaded.length === 0 ? (
        <MetricsReading />
      ) : (
        <>
          <Figures metrics={all} />
          <div className="mt-3">
            <DayChart days={all.days} label="All selected pipelines" width={Math.min(720, all.days.length * 12)} height={60} />
          </div>
          <table className="mt-6 w-full text-left text-sm" data-testid="metrics-table">
            <caption className="sr-only">Delivery metrics per pipeline, last {selection.window} days</caption>
            <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3">Pipeline</th>
                <th scope="col" className="pr-3">Deployments / day</th>
                <th scope="col" className="pr-3">Change failure rate</th>
                <th scope="col" className="pr-3">Lead time (median / p90)</th>
                <th scope="col" className="pr-3">Time to restore</th>
                <th scope="col">Per day</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {rows.map((r) => (
                <tr key={`${r.region} ${r.name}`} data-testid="metrics-row" data-name={r.name}>
                  <th scope="row" className="py-1 pr-3 font-medium">
                    {r.name} <span className="text-xs font-normal text-slate-600 dark:text-slate-400">{r.region}</span>
                  </th>
                  <td className="pr-3 tabular-nums">{r.metrics.deploymentsPerDay.toFixed(2)}</td>
                  <td className="pr-3 tabular-nums">{rate(r.metrics)}</td>
                  <td className="pr-3 tabular-nums">{lead(r.metrics)}</td>
                  <td className="pr-3 tabular-nums">{restore(r.metrics)}</td>
                  <td>
                    <DayChart days={r.metrics.days} label={r.name} width={Math.min(180, r.metrics.days.length * 6)} height={20} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </MetricsSection>
  );
}

function Figures({ metrics }: { metrics: DeliveryMetrics }) {
  const items: [string, string][] = [
    ["Deployments", `${metrics.succeeded} (${metrics.deploymentsPerDay.toFixed(2)} a day)`],
    ["Change failure rate", rate(metrics)],
    ["Lead time, median / p90", lead(metrics)],
    ["Mean time to restore", restore(metrics)],
  ];
  return (
    <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="metrics-figures">
      {items.map(([term, value]) => (
        <div key={term} className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
          <dt className="text-xs text-slate-600 dark:text-slate-400">{term}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function rate(m: DeliveryMetrics): string {
  return m.changeFailureRate === undefined ? "—" : `${Math.round(m.changeFailureRate * 100)} % (${m.failed} of ${m.succeeded + m.failed})`;
}

function lead(m: DeliveryMetrics): string {
  const { medianMs, p90Ms, fromStart, fromRevision } = m.leadTime;
  if (medianMs === undefined || p90Ms === undefined) return "—";
  // CodePipeline's execution list carries no revision time: say what the figure is measured from.
  const basis = fromRevision === 0 ? " from start" : fromStart === 0 ? " from commit" : ` (${fromStart} from start)`;
  return `${formatDuration(medianMs)} / ${formatDuration(p90Ms)}${basis}`;
}

function restore(m: DeliveryMetrics): string {
  const mean = m.meanTimeToRestoreMs === undefined ? "—" : formatDuration(m.meanTimeToRestoreMs);
  return m.unrestoredSinceMs === undefined ? mean : `${mean}; failing since ${new Date(m.unrestoredSinceMs).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
