"use client";

import { useQueries } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { Providers } from "@/app/providers";
import { Clock } from "@/components/execution/state/clock";
import type { Selection } from "@/lib/domain/dashboard/selection";
import { dashboardWallQuery, type RegionSeed } from "@/lib/queries";
import { assembleWall, TV_PAGE_SIZE, WallView } from "./wall-view";

/** How long a wall display shows one page of cards before the next. */
const TV_PAGE_MS = 20_000;

export interface WallProps {
  readonly regions: readonly string[];
  readonly selection: Selection;
  /** Each region's first answer, read by the page on the server and streamed as it arrives. */
  readonly seeds: Readonly<Record<string, Promise<RegionSeed>>>;
  /** Cards lead to the pipeline's page. */
  readonly linked: boolean;
  /**
   * What stays on screen until some region has answered: the server-rendered wall this one
   * replaces, so taking over from it never flashes an empty wall (the seeds' answers arrive a
   * tick after the first render).
   */
  readonly untilAnswered?: ReactNode;
}

/**
 * The live wall: every selected pipeline of every region as a card, kept up to date. Each region
 * is polled on its own (lib/queries.ts), so its cards appear as soon as it answers and a region
 * that stops answering keeps its last cards, each marked stale with the reason, while the others
 * go on updating.
 */
export function Wall(props: WallProps) {
  return (
    <Providers>
      <PolledWall {...props} />
    </Providers>
  );
}

function PolledWall({ regions, selection, seeds, linked, untilAnswered }: WallProps) {
  const queries = useQueries({ queries: regions.map((region) => dashboardWallQuery(region, selection, seeds[region])) });
  const wall = assembleWall(
    regions.map((region, i) => {
      const q = queries[i]!;
      return {
        region,
        pending: q.isPending,
        ...(q.data && { cards: q.data.value.cards, fetchedAt: q.data.fetchedAt }),
        ...(q.error && { error: q.error }),
      };
    }),
    { tv: selection.tv, linked },
  );
  const page = useRotation(selection.tv ? Math.ceil(wall.cards.length / TV_PAGE_SIZE) : 1);
  if (untilAnswered !== undefined && queries.every((q) => q.isPending)) return untilAnswered;
  return (
    <Clock>
      <WallView wall={wall} tv={selection.tv} page={page} />
    </Clock>
  );
}

/** The page of cards a wall display shows now, moving on every TV_PAGE_MS. */
function useRotation(pages: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setTick((t) => t + 1), TV_PAGE_MS);
    return () => clearInterval(timer);
  }, [pages]);
  return pages <= 1 ? 0 : tick % pages;
}
