"use client";

import { afterHydration } from "@/components/ui/after-hydration";

/**
 * The polling wall (wall.tsx, with TanStack Query's observers and the poll code), fetched after
 * the page has hydrated; the server-rendered wall is shown until it is there.
 */
export const LiveWall = afterHydration(() => import("./polled").then((m) => m.Wall));

/** The delivery metrics (metrics-panel.tsx), read only in the browser, likewise fetched after hydration. */
export const LiveMetricsPanel = afterHydration(() => import("./polled").then((m) => m.MetricsPanel));
