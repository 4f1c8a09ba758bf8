import { Clock } from "@/components/execution/state/clock";
import type { RegionSeed } from "@/lib/queries";
import { assembleWall, WallView, type RegionRead } from "./wall-view";

interface StaticWallProps {
  readonly regions: readonly string[];
  readonly seeds: Readonly<Record<string, Promise<RegionSeed>>>;
  readonly tv: boolean;
  readonly linked: boolean;
}

/**
 * The wall as the server streams it into the page, before any JavaScript runs: the cards of every
 * region as the page's own reads answered, in the wall's order. The browser's live wall (wall.tsx,
 * loaded after hydration) takes over from it and keeps it up to date.
 */
export async function StaticWall({ regions, seeds, tv, linked }: StaticWallProps) {
  const reads = await Promise.all(
    regions.map(async (region): Promise<RegionRead> => {
      const seed = await seeds[region]!;
      return seed.ok ? { region, pending: false, cards: seed.wall.cards, fetchedAt: seed.wall.fetchedAt } : { region, pending: false, error: seed.error };
    }),
  );
  return (
    <Clock>
      <WallView wall={assembleWall(reads, { tv, linked })} tv={tv} page={0} />
    </Clock>
  );
}

/** The wall while the page's reads are still under way. */
export function WaitingWall({ regions, tv }: { regions: readonly string[]; tv: boolean }) {
  return <WallView wall={{ cards: [], notices: [], waiting: regions }} tv={tv} page={0} />;
}
