"use client";

import { useQueries } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Clock } from "@/components/execution/state/clock";
import { compareCards } from "@/lib/domain/dashboard/card";
import type { Selection } from "@/lib/domain/dashboard/selection";
import { isUnread, type WallCard } from "@/lib/domain/dashboard/wire";
import { dashboardWallQuery, type RegionSeed } from "@/lib/queries";
import { PipelineCard, type CardLook } from "./pipeline-card";

/** Cards a wall display shows at once: 6 × 4 fit 1920 × 1080 in large type. */
export const TV_PAGE_SIZE = 24;
/** How long a wall display shows one page of cards before the next. */
const TV_PAGE_MS = 20_000;

export interface WallProps {
  readonly regions: readonly string[];
  readonly selection: Selection;
  /** Each region's first answer, read by the page on the server and streamed as it arrives. */
  readonly seeds: Readonly<Record<string, Promise<RegionSeed>>>;
  /** Cards lead to the pipeline's page. */
  readonly linked: boolean;
}

/**
 * The wall: every selected pipeline of every region as a card, failing first, then running, then
 * the rest. Each region is polled on its own (lib/queries.ts), so its cards appear as soon as it
 * answers and a region that stops answering keeps its last cards, each marked stale with the
 * reason, while the others go on updating.
 */
export function Wall({ regions, selection, seeds, linked }: WallProps) {
  const queries = useQueries({ queries: regions.map((region) => dashboardWallQuery(region, selection, seeds[region])) });
  const cards: { card: WallCard; look: CardLook }[] = [];
  const notices: { region: string; title: string; detail: string }[] = [];
  regions.forEach((region, i) => {
    const q = queries[i]!;
    const stale = q.error && q.data ? { since: q.data.fetchedAt, reason: q.error.title } : undefined;
    if (q.error && !q.data) notices.push({ region, title: q.error.title, detail: q.error.detail });
    for (const card of q.data?.value.cards ?? []) cards.push({ card, look: { tv: selection.tv, linked, ...(stale && { stale }) } });
  });
  cards.sort((a, b) => rankUnread(a.card) - rankUnread(b.card) || (isUnread(a.card) || isUnread(b.card) ? a.card.name.localeCompare(b.card.name) : compareCards(a.card, b.card)));
  const waiting = regions.filter((_, i) => queries[i]!.isPending);
  const page = useRotation(selection.tv ? Math.ceil(cards.length / TV_PAGE_SIZE) : 1);
  const shown = selection.tv ? cards.slice(page * TV_PAGE_SIZE, (page + 1) * TV_PAGE_SIZE) : cards;
  const pages = Math.ceil(cards.length / TV_PAGE_SIZE);

  return (
    <Clock>
      <div data-testid="wall" data-tv={selection.tv ? "1" : undefined} className={selection.tv ? "flex min-h-0 flex-1 flex-col gap-2" : ""}>
        {notices.map((n) => (
          <div
            key={n.region}
            role="alert"
            data-testid="region-notice"
            data-region={n.region}
            className={`rounded-lg border p-3 ${selection.tv ? "border-amber-600 bg-amber-950 text-xl text-amber-100" : "border-amber-300 bg-amber-50 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"}`}
          >
            <p className="font-medium">
              {n.region}: {n.title}
            </p>
            {!selection.tv && n.detail && n.detail !== n.title && <p className="mt-1">{n.detail}</p>}
            <p className="mt-1">Its pipelines are not shown; retrying automatically.</p>
          </div>
        ))}
        <p aria-live="polite" className={selection.tv ? "sr-only" : "text-sm text-slate-600 dark:text-slate-400"} data-testid="wall-status">
          {waiting.length > 0 ? `Reading ${waiting.join(", ")}…` : `${cards.length} pipeline${cards.length === 1 ? "" : "s"}`}
          {selection.tv && pages > 1 ? `, page ${page + 1} of ${pages}` : ""}
        </p>
        {cards.length === 0 && waiting.length === 0 && notices.length === 0 ? (
          <p data-testid="wall-empty" className={selection.tv ? "text-2xl" : "mt-4 text-slate-600 dark:text-slate-400"}>
            No pipeline matches this selection.
          </p>
        ) : (
          <ul
            aria-label="Pipelines"
            data-testid="wall-cards"
            className={
              selection.tv
                ? "grid min-h-0 flex-1 grid-cols-6 grid-rows-4 gap-3"
                : "mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4"
            }
          >
            {shown.map(({ card, look }) => (
              <PipelineCard key={`${card.region} ${card.name}`} card={card} look={look} />
            ))}
          </ul>
        )}
        {selection.tv && pages > 1 && (
          <p className="text-right text-lg text-slate-300" data-testid="tv-page">
            Page {page + 1} of {pages}
          </p>
        )}
      </div>
    </Clock>
  );
}

const rankUnread = (card: WallCard) => (isUnread(card) ? 1 : 0);

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
