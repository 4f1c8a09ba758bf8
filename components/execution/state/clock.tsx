"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { durationBetween, formatAgo } from "@/lib/domain/execution/format";

/**
 * One ticking clock for the page: only the few components that show a running time (durations,
 * "updated 3 s ago") subscribe, so a tick re-renders them and not the canvas.
 */
const NowContext = createContext<number | undefined>(undefined);

export function Clock({ children }: { children: ReactNode }) {
  // Undefined until mounted: the server's render and the first browser render must agree.
  const [now, setNow] = useState<number | undefined>(undefined);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return <NowContext.Provider value={now}>{children}</NowContext.Provider>;
}

/** From `start` to `end`, or to now while it runs. */
export function Duration({ start, end }: { start: string | undefined; end: string | undefined }) {
  const now = useContext(NowContext);
  if (start === undefined) return <span>—</span>;
  if (end === undefined && now === undefined) return <span>…</span>;
  return <span className="tabular-nums">{durationBetween(start, end, now ?? 0)}</span>;
}

/** "3 s ago" for an epoch-ms instant. */
export function Ago({ at }: { at: number }) {
  const now = useContext(NowContext);
  return (
    <time dateTime={new Date(at).toISOString()} className="tabular-nums">
      {now === undefined ? new Date(at).toISOString().slice(11, 19) + " UTC" : formatAgo(at, now)}
    </time>
  );
}

/** Time left until an epoch-ms instant, ticking with the page's clock ("4 min 05 s"). */
export function Countdown({ until, format }: { until: number; format: (untilMs: number, now: number) => string }) {
  const now = useContext(NowContext);
  return (
    <time dateTime={new Date(until).toISOString()} className="tabular-nums">
      {now === undefined ? "…" : format(until, now)}
    </time>
  );
}
