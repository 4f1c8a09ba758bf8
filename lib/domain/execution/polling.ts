/**
 * How often the browser asks for a pipeline's state: every 5 s while something runs, every 30 s
 * when idle, and further apart after failures (doubling from the normal interval up to
 * BACKOFF_CAP_MS) so a throttled or unreachable backend is not asked more when it is struggling.
 * The server's read cache refreshes on the same two intervals (lib/aws/cached-reads.ts).
 */
export const ACTIVE_POLL_MS = 5_000;
export const IDLE_POLL_MS = 30_000;
/** The longest wait between two polls after repeated failures: the page must notice recovery. */
export const BACKOFF_CAP_MS = 30_000;

export interface PollSituation {
  /** Something is running (or the state is not known yet). */
  readonly active: boolean;
  /** Failed polls in a row (0 after a success). */
  readonly failures: number;
}

export function pollInterval({ active, failures }: PollSituation): number {
  const base = active ? ACTIVE_POLL_MS : IDLE_POLL_MS;
  if (failures <= 0) return base;
  // From the active interval: after a failure the page wants to know soon whether it recovered.
  return Math.min(BACKOFF_CAP_MS, ACTIVE_POLL_MS * 2 ** (failures - 1));
}
