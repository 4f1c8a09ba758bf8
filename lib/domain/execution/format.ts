/**
 * Durations and ages as the execution pages show them. Pure: the caller passes "now", so the
 * server and the browser render the same text for the same instant.
 */

/** "850 ms", "42 s", "3 min 07 s", "2 h 05 min"; "—" for a negative or unknown span. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  const seconds = Math.floor(ms / 1_000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, "0")} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** The span from `start` to `end` (or to `now` while it runs), formatted; "—" without a start. */
export function durationBetween(start: string | undefined, end: string | undefined, now: number): string {
  if (start === undefined) return "—";
  const from = Date.parse(start);
  const to = end === undefined ? now : Date.parse(end);
  return Number.isNaN(from) || Number.isNaN(to) ? "—" : formatDuration(to - from);
}

/** "just now", "3 s ago", "4 min ago", "2 h ago", "3 d ago". */
export function formatAgo(then: number, now: number): string {
  const seconds = Math.floor((now - then) / 1_000);
  if (!Number.isFinite(seconds)) return "—";
  if (seconds < 1) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}
