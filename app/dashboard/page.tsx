import type { Metadata } from "next";
import { Suspense } from "react";
import { GatewayErrorNotice } from "@/app/pipelines/_components/gateway-error-notice";
import { LiveMetricsPanel, LiveWall } from "@/components/dashboard/live-wall";
import { MetricsReading, MetricsSection } from "@/components/dashboard/metrics-section";
import { SelectionForm } from "@/components/dashboard/selection-form";
import { TvChrome } from "@/components/dashboard/tv-chrome";
import { StaticWall, WaitingWall } from "@/components/dashboard/static-wall";
import { readRegionWall } from "@/lib/aws/dashboard";
import { describeGatewayError } from "@/lib/aws/errors";
import { configuredRegions } from "@/lib/aws/overview";
import { settle } from "@/lib/aws/result";
import { parseSelection, wallRegions } from "@/lib/domain/dashboard/selection";
import type { RegionSeed } from "@/lib/queries";
import { isReadOnly } from "@/lib/server/read-only";

export const metadata: Metadata = { title: "Dashboard" };
// The wall is the backend's state right now: render per request, never at build time.
export const dynamic = "force-dynamic";

/** One region's first answer for the wall; never rejects (a failure is a value the wall shows). */
async function seedOf(region: string, selection: ReturnType<typeof parseSelection>): Promise<RegionSeed> {
  const read = await settle(() => readRegionWall(region, selection));
  if (read.ok) return { ok: true, wall: read.value };
  return { ok: false, error: { kind: read.error.kind, ...describeGatewayError(read.error) } };
}

/**
 * The read-only dashboard: the selected pipelines of the selected regions as cards, and their
 * delivery metrics. The selection is the URL (lib/domain/dashboard/selection.ts). The page goes out
 * at once; the cards follow in the same response as the regions answer (the reads are started here,
 * not awaited). The code that polls (the live wall and the metrics, with TanStack Query's
 * observers) is fetched after hydration, so it is not part of the route's first-load JavaScript
 * (README, "What the dashboard loads first"); the live wall shows each region's cards as soon as
 * that region answers, so one slow region holds up only its own cards.
 */
export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const selection = parseSelection(await searchParams);
  const configured = configuredRegions();
  if (!configured.ok) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <GatewayErrorNotice error={configured.error} />
      </div>
    );
  }
  const { covered, refused } = wallRegions(selection, configured.value);
  const seeds = Object.fromEntries(covered.map((region) => [region, seedOf(region, selection)]));
  // On a read-only wall display nobody should wander off the wall; elsewhere a card opens its pipeline.
  const linked = !(selection.tv && isReadOnly());
  // The server's wall streams in as the regions answer and needs no JavaScript; the live wall
  // that keeps it up to date takes over once the page has hydrated.
  const firstWall = (
    <Suspense fallback={<WaitingWall regions={covered} tv={selection.tv} />}>
      <StaticWall regions={covered} seeds={seeds} tv={selection.tv} linked={linked} />
    </Suspense>
  );
  const wall = <LiveWall regions={covered} selection={selection} seeds={seeds} linked={linked} fallback={firstWall} untilAnswered={firstWall} />;
  const refusedNotice = refused.length > 0 && (
    <p role="alert" data-testid="regions-refused" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      Not shown: {refused.join(", ")} {refused.length === 1 ? "is not a region" : "are not regions"} this app covers ({configured.value.join(", ")}).
    </p>
  );

  if (selection.tv) {
    return (
      <div data-testid="tv" className="fixed inset-0 z-30 flex flex-col gap-2 overflow-hidden bg-slate-950 p-4 text-slate-100 [color-scheme:dark]">
        <TvChrome />
        <h1 className="sr-only">Dashboard</h1>
        {refusedNotice}
        {wall}
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-7xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        The latest execution of every selected pipeline, failing first, then running, then the rest; kept up to date by itself.
      </p>
      <SelectionForm selection={selection} regions={configured.value} />
      <div className="mt-4">{refusedNotice}</div>
      <div className="mt-4">{wall}</div>
      <LiveMetricsPanel
        regions={covered}
        selection={selection}
        fallback={
          <MetricsSection selection={selection}>
            <MetricsReading />
          </MetricsSection>
        }
      />
    </div>
  );
}
