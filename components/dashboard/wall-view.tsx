import { compareCards } from "@/lib/domain/dashboard/card";
import { isUnread, type WallCard } from "@/lib/domain/dashboard/wire";
import { PipelineCard, type CardLook } from "./pipeline-card";

/** Cards a wall display shows at once: 6 × 4 fit 1920 × 1080 in large type. */
export const TV_PAGE_SIZE = 24;

/** What is known of one region right now: its cards (possibly stale), why it failed, whether it is still being read. */
export interface RegionRead {
  readonly region: string;
  readonly cards?: readonly WallCard[];
  /** When `cards` were read (the server's clock). */
  readonly fetchedAt?: number;
  readonly error?: { readonly title: string; readonly detail: string };
  readonly pending: boolean;
}

export interface AssembledWall {
  readonly cards: readonly { readonly card: WallCard; readonly look: CardLook }[];
  readonly notices: readonly { readonly region: string; readonly title: string; readonly detail: string }[];
  /** Regions not answered yet. */
  readonly waiting: readonly string[];
}

/**
 * Every region's cards on one wall, failing first, then running, then the rest (cards that could
 * not be read last); a region that failed with cards shown before keeps them, marked stale with the
 * reason, and one that failed without any gets a notice instead.
 */
export function assembleWall(reads: readonly RegionRead[], look: Omit<CardLook, "stale">): AssembledWall {
  const cards: { card: WallCard; look: CardLook }[] = [];
  const notices: { region: string; title: string; detail: string }[] = [];
  for (const read of reads) {
    const stale = read.error && read.cards ? { since: read.fetchedAt ?? 0, reason: read.error.title } : undefined;
    if (read.error && !read.cards) notices.push({ region: read.region, title: read.error.title, detail: read.error.detail });
    for (const card of read.cards ?? []) cards.push({ card, look: { ...look, ...(stale && { stale }) } });
  }
  cards.sort((a, b) => rankUnread(a.card) - rankUnread(b.card) || (isUnread(a.card) || isUnread(b.card) ? a.card.name.localeCompare(b.card.name) : compareCards(a.card, b.card)));
  return { cards, notices, waiting: reads.filter((r) => r.pending).map((r) => r.region) };
}

const rankUnread = (card: WallCard) => (isUnread(card) ? 1 : 0);

/**
 * The wall as the server renders it first and the browser keeps it up to date (wall.tsx): region
 * notices, a status line for screen readers, and the cards; on a wall display one page of
 * TV_PAGE_SIZE cards.
 */
export function WallView({ wall, tv, page }: { wall: AssembledWall; tv: boolean; page: number }) {
  const { cards, notices, waiting } = wall;
  const pages = Math.ceil(cards.length / TV_PAGE_SIZE);
  const shown = tv ? cards.slice(page * TV_PAGE_SIZE, (page + 1) * TV_PAGE_SIZE) : cards;
  return (
    <div data-testid="wall" data-tv={tv ? "1" : undefined} className={tv ? "flex min-h-0 flex-1 flex-col gap-2" : ""}>
      {notices.map((n) => (
        <div
          key={n.region}
          role="alert"
          data-testid="region-notice"
          data-region={n.region}
          className={`rounded-lg border p-3 ${tv ? "border-amber-600 bg-amber-950 text-xl text-amber-100" : "border-amber-300 bg-amber-50 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"}`}
        >
          <p className="font-medium">
            {n.region}: {n.title}
          </p>
          {!tv && n.detail && n.detail !== n.title && <p className="mt-1">{n.detail}</p>}
          <p className="mt-1">Its pipelines are not shown; retrying automatically.</p>
        </div>
      ))}
      <p aria-live="polite" className={tv ? "sr-only" : "text-sm text-slate-600 dark:text-slate-400"} data-testid="wall-status">
        {waiting.length > 0 ? `Reading ${waiting.join(", ")}…` : `${cards.length} pipeline${cards.length === 1 ? "" : "s"}`}
        {tv && pages > 1 ? `, page ${page + 1} of ${pages}` : ""}
      </p>
      {cards.length === 0 && waiting.length === 0 && notices.length === 0 ? (
        <p data-testid="wall-empty" className={tv ? "text-2xl" : "mt-4 text-slate-600 dark:text-slate-400"}>
          No pipeline matches this selection.
        </p>
      ) : (
        <ul
          aria-label="Pipelines"
          data-testid="wall-cards"
          className={tv ? "grid min-h-0 flex-1 grid-cols-6 grid-rows-4 gap-3" : "mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4"}
        >
          {shown.map(({ card, look }) => (
            <PipelineCard key={`${card.region} ${card.name}`} card={card} look={look} />
          ))}
        </ul>
      )}
      {tv && pages > 1 && (
        <p className="text-right text-lg text-slate-300" data-testid="tv-page">
          Page {page + 1} of {pages}
        </p>
      )}
    </div>
  );
}
