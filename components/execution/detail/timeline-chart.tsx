"use client";

import { statusLabel, statusTone, type StatusTone } from "@/lib/domain/execution/status";
import { barPosition, type Timeline } from "@/lib/domain/execution/timeline";
import { formatDuration } from "@/lib/domain/execution/format";
import { clockTime } from "./format";

const BAR_TONE: Record<StatusTone, string> = {
  success: "bg-emerald-700 text-white",
  failure: "bg-red-700 text-white",
  progress: "bg-sky-700 text-white",
  attention: "bg-amber-400 text-slate-900",
  neutral: "bg-slate-400 text-slate-900",
};

const STATUS_MARK: Record<StatusTone, string> = { success: "✓", failure: "✕", progress: "▶", attention: "■", neutral: "–" };

/**
 * The Gantt of an execution: a row group per stage, a lane per set of attempts that overlap (a
 * runOrder group's parallel actions sit side by side on separate lanes), retries as further bars
 * of the same action, and the critical path outlined. Every bar carries its whole story as text
 * (status as a mark and a word, not colour alone), so the chart reads without seeing it.
 */
export function TimelineChart({ timeline, attempts }: {
  timeline: Timeline;
  /** Per stage, how often it ran ("Attempt 2 · 1 automatic retry"), for stages that ran more than once. */
  attempts?: ReadonlyMap<string, string>;
}) {
  const critical = new Set(timeline.criticalPath);
  const span = timeline.endMs - timeline.startMs;
  if (timeline.stages.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No action has started yet.</p>;
  }
  return (
    <figure aria-labelledby="timeline-caption" data-testid="timeline">
      <figcaption id="timeline-caption" className="text-sm text-slate-600 dark:text-slate-400">
        {clockTime(timeline.startMs)} → {clockTime(timeline.endMs)} ({formatDuration(span)}). Outlined bars are the critical path: the chain of
        actions the end of the execution waited for.
      </figcaption>
      <div className="mt-3 space-y-2">
        {timeline.stages.map((stage) => (
          <section key={stage.stageName} aria-label={`Stage ${stage.stageName}`} data-testid="timeline-stage" data-stage={stage.stageName} data-lanes={stage.lanes} className="grid grid-cols-[8rem_1fr] items-start gap-2">
            <div className="min-w-0 pt-1">
              <h3 className="truncate text-sm font-medium" title={stage.stageName}>
                {stage.stageName}
              </h3>
              {attempts?.get(stage.stageName) && (
                <p data-testid="timeline-stage-attempts" className="text-xs text-slate-700 dark:text-slate-300">
                  {attempts.get(stage.stageName)}
                </p>
              )}
            </div>
            <ol className="relative rounded bg-slate-50 dark:bg-slate-900" style={{ height: `${stage.lanes * 1.75 + 0.25}rem` }}>
              {stage.bars.map((bar) => {
                const { left, width } = barPosition(timeline, bar);
                const tone = bar.status ? statusTone(bar.status) : "neutral";
                const onPath = critical.has(bar.id);
                const words = `${bar.actionName}, attempt ${bar.attempt}: ${bar.status ? statusLabel(bar.status) : "Unknown"}, started ${formatDuration(bar.startMs - timeline.startMs)} in, ${bar.running ? "running for" : "took"} ${formatDuration(bar.endMs - bar.startMs)}${onPath ? ", on the critical path" : ""}`;
                return (
                  <li
                    key={bar.id}
                    data-testid="timeline-bar"
                    data-action={bar.actionName}
                    data-attempt={bar.attempt}
                    data-status={bar.status ?? "Unknown"}
                    data-start={bar.startMs}
                    data-end={bar.endMs}
                    data-lane={bar.lane}
                    data-critical={onPath}
                    title={words}
                    className={`absolute flex h-6 items-center overflow-hidden whitespace-nowrap rounded px-1 text-xs ${BAR_TONE[tone]} ${onPath ? "outline-2 outline-offset-1 outline-amber-500" : ""}`}
                    style={{ left: `${left}%`, width: `${width}%`, top: `${bar.lane * 1.75 + 0.25}rem` }}
                  >
                    <span aria-hidden="true">
                      {STATUS_MARK[tone]} {bar.actionName}
                      {bar.attempt > 1 ? ` #${bar.attempt}` : ""}
                    </span>
                    <span className="sr-only">{words}</span>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </figure>
  );
}
