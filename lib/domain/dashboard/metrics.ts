/**
 * Delivery metrics of pipelines over a window of days, from their executions (ListPipelineExecutions):
 * the four measures DORA popularised (https://dora.dev/guides/dora-metrics-four-keys/), computed
 * from what CodePipeline records. Pure: the caller passes the executions and "now".
 *
 * - **Deployments**: executions that Succeeded, per day of the window.
 * - **Change failure rate**: Failed ÷ (Succeeded + Failed). Superseded, Stopped and Cancelled
 *   executions are neither: a newer change or a person ended them, the change did not fail.
 *   Executions still running count nowhere yet.
 * - **Lead time**: for each success, from the source revision's time (when known) to the end of
 *   the execution; else from the execution's start, and the result says how many were measured so.
 * - **Time to restore**: from the end of a failure that followed a success (or began the window)
 *   to the end of the next success; failures in between belong to the same outage. An outage not
 *   restored yet is counted apart (`unrestored`), with its start.
 *
 * An execution belongs to the window when it started in it.
 */
import type { PipelineExecutionStatus } from "../execution/status";
import { mean, median, percentile } from "./stats";

const DAY_MS = 86_400_000;

/** What the metrics read of one execution. Times are epoch ms. */
export interface ExecutionFact {
  readonly executionId: string;
  readonly status?: PipelineExecutionStatus;
  readonly startMs?: number;
  /** The last status change: for a finished execution, when it finished. */
  readonly endMs?: number;
  /** When the source revision it carries was made (commit or upload time), when known. */
  readonly revisionMs?: number;
}

export interface DayBucket {
  /** Start of the day (UTC), epoch ms. */
  readonly dayMs: number;
  readonly succeeded: number;
  readonly failed: number;
}

export interface LeadTime {
  readonly medianMs?: number;
  readonly p90Ms?: number;
  /** Successes measured from their revision's time, and from their start (revision time unknown). */
  readonly fromRevision: number;
  readonly fromStart: number;
  /** Every success's lead time, ascending: what merging several pipelines' figures needs. */
  readonly samplesMs: readonly number[];
}

export interface DeliveryMetrics {
  readonly windowDays: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Ended another way (Superseded, Stopped, Cancelled): in no rate. */
  readonly other: number;
  readonly running: number;
  readonly deploymentsPerDay: number;
  /** 0..1; undefined when nothing succeeded or failed in the window. */
  readonly changeFailureRate?: number;
  readonly leadTime: LeadTime;
  /** Mean time to restore of the outages that ended in the window. */
  readonly meanTimeToRestoreMs?: number;
  readonly restored: number;
  /** The outage still going on (the newest finished execution failed), since its first failure. */
  readonly unrestoredSinceMs?: number;
  /** One bucket per day of the window, oldest first (for the trend charts). */
  readonly days: readonly DayBucket[];
}

const OTHER_ENDINGS: ReadonlySet<PipelineExecutionStatus> = new Set(["Superseded", "Stopped", "Cancelled"]);

/** The executions of one pipeline (any order) → its metrics over the `windowDays` before `nowMs`. */
export function deliveryMetrics(executions: readonly ExecutionFact[], windowDays: number, nowMs: number): DeliveryMetrics {
  const from = nowMs - windowDays * DAY_MS;
  const inWindow = executions
    .filter((e) => e.startMs !== undefined && e.startMs >= from && e.startMs <= nowMs)
    .sort((a, b) => (a.endMs ?? a.startMs!) - (b.endMs ?? b.startMs!));
  const succeeded = inWindow.filter((e) => e.status === "Succeeded");
  const failed = inWindow.filter((e) => e.status === "Failed");
  const other = inWindow.filter((e) => e.status !== undefined && OTHER_ENDINGS.has(e.status)).length;
  const running = inWindow.filter((e) => e.status === "InProgress" || e.status === "Stopping").length;

  const fromRevision: number[] = [];
  const fromStart: number[] = [];
  for (const e of succeeded) {
    if (e.endMs === undefined) continue;
    if (e.revisionMs !== undefined && e.revisionMs <= e.endMs) fromRevision.push(e.endMs - e.revisionMs);
    else fromStart.push(e.endMs - e.startMs!);
  }
  const leads = [...fromRevision, ...fromStart].sort((a, b) => a - b);
  const decided = succeeded.length + failed.length;
  const restore = timeToRestore(inWindow);

  return {
    windowDays,
    succeeded: succeeded.length,
    failed: failed.length,
    other,
    running,
    deploymentsPerDay: succeeded.length / windowDays,
    ...(decided > 0 && { changeFailureRate: failed.length / decided }),
    leadTime: leadTime(leads, fromRevision.length, fromStart.length),
    ...(restore.durations.length > 0 && { meanTimeToRestoreMs: mean(restore.durations) }),
    restored: restore.durations.length,
    ...(restore.openSince !== undefined && { unrestoredSinceMs: restore.openSince }),
    days: dayBuckets(inWindow, windowDays, nowMs),
  };
}

function leadTime(samplesMs: number[], fromRevision: number, fromStart: number): LeadTime {
  return {
    ...(samplesMs.length > 0 && { medianMs: median(samplesMs), p90Ms: percentile(samplesMs, 90) }),
    fromRevision,
    fromStart,
    samplesMs,
  };
}

/** Outages in finished executions ordered by their end: failed → the next success. */
function timeToRestore(ordered: readonly ExecutionFact[]): { durations: number[]; openSince?: number } {
  const durations: number[] = [];
  let outageFrom: number | undefined;
  for (const e of ordered) {
    if (e.endMs === undefined) continue;
    if (e.status === "Failed") outageFrom ??= e.endMs;
    else if (e.status === "Succeeded" && outageFrom !== undefined) {
      durations.push(e.endMs - outageFrom);
      outageFrom = undefined;
    }
  }
  return { durations, ...(outageFrom !== undefined && { openSince: outageFrom }) };
}

function dayBuckets(executions: readonly ExecutionFact[], windowDays: number, nowMs: number): DayBucket[] {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const first = today - (windowDays - 1) * DAY_MS;
  const buckets = Array.from({ length: windowDays }, (_, i) => ({ dayMs: first + i * DAY_MS, succeeded: 0, failed: 0 }));
  for (const e of executions) {
    const at = e.endMs ?? e.startMs!;
    const index = Math.floor((at - first) / DAY_MS);
    const bucket = buckets[Math.min(Math.max(index, 0), windowDays - 1)]!;
    if (e.status === "Succeeded") bucket.succeeded++;
    else if (e.status === "Failed") bucket.failed++;
  }
  return buckets;
}

/**
 * The selection's metrics from each pipeline's (same window): counts and day buckets add up,
 * lead times are taken over every success, time to restore is averaged over every restored
 * outage (each pipeline's own: one pipeline's success does not restore another), and the oldest
 * outage still open is reported.
 */
export function mergeMetrics(parts: readonly DeliveryMetrics[], windowDays: number, nowMs: number): DeliveryMetrics {
  const empty = deliveryMetrics([], windowDays, nowMs);
  const sum = (pick: (m: DeliveryMetrics) => number) => parts.reduce((n, m) => n + pick(m), 0);
  const succeeded = sum((m) => m.succeeded);
  const failed = sum((m) => m.failed);
  const restored = sum((m) => m.restored);
  const restoredMs = sum((m) => (m.meanTimeToRestoreMs ?? 0) * m.restored);
  const open = parts.map((m) => m.unrestoredSinceMs).filter((v): v is number => v !== undefined);
  const samples = parts.flatMap((m) => m.leadTime.samplesMs).sort((a, b) => a - b);
  const days = empty.days.map((day) => {
    const same = parts.map((m) => m.days.find((d) => d.dayMs === day.dayMs));
    return {
      dayMs: day.dayMs,
      succeeded: same.reduce((n, d) => n + (d?.succeeded ?? 0), 0),
      failed: same.reduce((n, d) => n + (d?.failed ?? 0), 0),
    };
  });
  return {
    windowDays,
    succeeded,
    failed,
    other: sum((m) => m.other),
    running: sum((m) => m.running),
    deploymentsPerDay: succeeded / windowDays,
    ...(succeeded + failed > 0 && { changeFailureRate: failed / (succeeded + failed) }),
    leadTime: leadTime(samples, sum((m) => m.leadTime.fromRevision), sum((m) => m.leadTime.fromStart)),
    ...(restored > 0 && { meanTimeToRestoreMs: restoredMs / restored }),
    restored,
    ...(open.length > 0 && { unrestoredSinceMs: Math.min(...open) }),
    days,
  };
}
