/**
 * The execution detail's timeline (Gantt) from ListActionExecutions
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListActionExecutions.html):
 * one bar per action attempt, grouped by stage, overlapping attempts (a runOrder group's
 * parallel actions) on separate lanes, retries as further attempts of the same action, and the
 * critical path — the chain of attempts the execution's end waited for.
 *
 * Pure: times are epoch milliseconds, `now` is passed in (a running attempt ends "now").
 */
import type { ActionExecutionStatus } from "./status";
import type { ActionExecutionView } from "./view-model";

export interface TimelineBar {
  /** Unique within the timeline: the action execution id, or stage/action/attempt when the service sent none. */
  readonly id: string;
  readonly stageName: string;
  readonly actionName: string;
  /** 1 for the first run of the action in this execution; retries are 2, 3, … */
  readonly attempt: number;
  readonly status?: ActionExecutionStatus;
  readonly startMs: number;
  /** When it finished; `now` while it runs. Never before `startMs`. */
  readonly endMs: number;
  readonly running: boolean;
  /** Row within its stage: attempts that overlap in time never share a lane. */
  readonly lane: number;
}

export interface TimelineStage {
  readonly stageName: string;
  readonly bars: readonly TimelineBar[];
  /** Number of lanes (rows) the stage needs: 1 when everything ran in sequence. */
  readonly lanes: number;
}

export interface Timeline {
  readonly startMs: number;
  readonly endMs: number;
  readonly stages: readonly TimelineStage[];
  /** Bar ids on the critical path, earliest first. */
  readonly criticalPath: readonly string[];
}

export interface TimelineOptions {
  /** Epoch ms: where running attempts end. */
  readonly now: number;
  /** Stage names in pipeline order; stages not listed follow, by first start. */
  readonly stageOrder?: readonly string[];
}

/** Half a second of slack: the service's timestamps are not exact to the millisecond between actions. */
export const TOUCH_MS = 500;

const parseTime = (iso: string | undefined): number | undefined => {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
};

interface RawBar {
  readonly view: ActionExecutionView;
  readonly startMs: number;
  readonly endMs: number;
  readonly running: boolean;
}

function rawBar(view: ActionExecutionView, now: number): RawBar | undefined {
  const startMs = parseTime(view.startTime);
  if (startMs === undefined) return undefined;
  const running = view.status === "InProgress";
  const last = parseTime(view.lastUpdateTime) ?? startMs;
  const endMs = Math.max(startMs, running ? Math.max(now, last) : last);
  return { view, startMs, endMs, running };
}

const byStart = (a: { startMs: number; endMs: number }, b: { startMs: number; endMs: number }) => a.startMs - b.startMs || a.endMs - b.endMs;

/** Greedy interval partitioning: each bar takes the lowest lane free at its start (optimal for intervals). */
export function assignLanes<T extends { startMs: number; endMs: number }>(bars: readonly T[]): Array<T & { lane: number }> {
  const laneEnds: number[] = [];
  return [...bars].sort(byStart).map((bar) => {
    let lane = laneEnds.findIndex((end) => end <= bar.startMs);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = Math.max(bar.endMs, bar.startMs + 1);
    return { ...bar, lane };
  });
}

/**
 * The chain the execution's end waited for: from the bar that ends last, repeatedly the bar that
 * ended last before the current one started (within TOUCH_MS). Ties prefer the longer bar.
 */
export function criticalPath(bars: readonly Pick<TimelineBar, "id" | "startMs" | "endMs">[]): string[] {
  if (bars.length === 0) return [];
  const latest = (candidates: readonly Pick<TimelineBar, "id" | "startMs" | "endMs">[]) =>
    candidates.reduce((best, b) => (b.endMs > best.endMs || (b.endMs === best.endMs && b.endMs - b.startMs > best.endMs - best.startMs) ? b : best));
  const path = [latest(bars)];
  for (;;) {
    const current = path[path.length - 1]!;
    const before = bars.filter((b) => b.endMs <= current.startMs + TOUCH_MS && b.startMs < current.startMs && !path.includes(b));
    if (before.length === 0) break;
    path.push(latest(before));
  }
  return path.reverse().map((b) => b.id);
}

export function buildTimeline(actions: readonly ActionExecutionView[], options: TimelineOptions): Timeline {
  const raw = actions.map((a) => rawBar(a, options.now)).filter((b): b is RawBar => b !== undefined);
  // Attempts: the runs of one action, in start order.
  const attempts = new Map<string, number>();
  const numbered = [...raw].sort(byStart).map((b) => {
    const key = `${b.view.stageName}\u0000${b.view.actionName}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    return { ...b, attempt, id: b.view.actionExecutionId ?? `${b.view.stageName}/${b.view.actionName}#${attempt}` };
  });

  const byStage = new Map<string, typeof numbered>();
  for (const b of numbered) {
    const list = byStage.get(b.view.stageName) ?? [];
    list.push(b);
    byStage.set(b.view.stageName, list);
  }
  const order = options.stageOrder ?? [];
  const stageNames = [...byStage.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
    return byStage.get(a)![0]!.startMs - byStage.get(b)![0]!.startMs;
  });

  const stages: TimelineStage[] = stageNames.map((stageName) => {
    const laned = assignLanes(byStage.get(stageName)!);
    const bars: TimelineBar[] = laned.map((b) => ({
      id: b.id,
      stageName,
      actionName: b.view.actionName,
      attempt: b.attempt,
      ...(b.view.status !== undefined && { status: b.view.status }),
      startMs: b.startMs,
      endMs: b.endMs,
      running: b.running,
      lane: b.lane,
    }));
    return { stageName, bars, lanes: Math.max(1, ...bars.map((b) => b.lane + 1)) };
  });

  const all = stages.flatMap((s) => s.bars);
  const startMs = all.length ? Math.min(...all.map((b) => b.startMs)) : options.now;
  const endMs = all.length ? Math.max(...all.map((b) => b.endMs)) : options.now;
  return { startMs, endMs, stages, criticalPath: criticalPath(all) };
}

/** Where a bar sits on a 0–100 scale of the timeline's span (at least a sliver wide, so it stays visible). */
export function barPosition(timeline: Pick<Timeline, "startMs" | "endMs">, bar: Pick<TimelineBar, "startMs" | "endMs">): { left: number; width: number } {
  const span = Math.max(1, timeline.endMs - timeline.startMs);
  const left = Math.min(99.5, Math.max(0, ((bar.startMs - timeline.startMs) / span) * 100));
  const width = Math.max(0.5, ((bar.endMs - bar.startMs) / span) * 100);
  return { left, width: Math.min(width, 100 - left) };
}
