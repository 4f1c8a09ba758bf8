/**
 * What the dashboard's routes answer and the browser polls: one region's wall (its cards) and one
 * region's delivery metrics, each on its own, so one slow or failing region holds nothing else up.
 */
import type { DashboardCard } from "./card";
import type { DeliveryMetrics } from "./metrics";
import { selectionQuery, type Selection } from "./selection";

/** A card whose pipeline could not be read (deleted since it was listed, access denied...). */
export interface UnreadCard {
  readonly name: string;
  readonly region: string;
  readonly unread: { readonly title: string };
}

export type WallCard = DashboardCard | UnreadCard;

export function isUnread(card: WallCard): card is UnreadCard {
  return "unread" in card;
}

export interface RegionWall {
  readonly region: string;
  readonly cards: readonly WallCard[];
  /** The oldest of its cards' reads from CodePipeline, epoch ms. */
  readonly fetchedAt: number;
}

export interface RegionMetrics {
  readonly region: string;
  readonly windowDays: number;
  readonly pipelines: ReadonlyArray<{ readonly name: string; readonly metrics: DeliveryMetrics }>;
  /** Pipelines whose history could not be read. */
  readonly unread: readonly string[];
}

/** A route's failure: `{error: {kind, title, detail}}` with an HTTP status. */
export interface WireError {
  readonly kind: string;
  readonly title: string;
  readonly detail: string;
}

const criteria = (region: string, selection: Pick<Selection, "pipelines" | "tag" | "q">) => {
  const query = selectionQuery({ pipelines: selection.pipelines, tag: selection.tag, q: selection.q });
  return `region=${encodeURIComponent(region)}${query ? `&${query}` : ""}`;
};

export function wallUrl(region: string, selection: Pick<Selection, "pipelines" | "tag" | "q">): string {
  return `/api/dashboard?${criteria(region, selection)}`;
}

export function metricsUrl(region: string, selection: Pick<Selection, "pipelines" | "tag" | "q" | "window">): string {
  return `/api/dashboard/metrics?${criteria(region, selection)}&window=${selection.window}`;
}
