import { statusLabel, type PipelineExecutionStatus } from "@/lib/domain/execution/status";
import type { CardResult } from "@/lib/domain/dashboard/card";

/** The last results as a row of small marks, oldest first; the list says each in words for screen readers. */
const MARK: Record<string, { glyph: string; className: string }> = {
  Succeeded: { glyph: "✓", className: "bg-emerald-600 text-white" },
  Failed: { glyph: "✕", className: "bg-red-600 text-white" },
  InProgress: { glyph: "↻", className: "bg-sky-600 text-white" },
  Stopping: { glyph: "■", className: "bg-amber-500 text-black" },
  Stopped: { glyph: "■", className: "bg-amber-500 text-black" },
};
const OTHER = { glyph: "–", className: "bg-slate-400 text-black" };

export function ResultsRow({ results, large = false }: { results: readonly CardResult[]; large?: boolean }) {
  if (results.length === 0) return null;
  const size = large ? "h-6 w-6 text-sm" : "h-4 w-4 text-[10px]";
  return (
    <ol data-testid="card-results" aria-label={`Last ${results.length} results, oldest first`} className="flex gap-1">
      {results.map((r) => {
        const mark = (r.status && MARK[r.status]) || OTHER;
        const words = r.status ? statusLabel(r.status as PipelineExecutionStatus) : "Unknown";
        return (
          <li key={r.executionId} title={words} className={`inline-flex items-center justify-center rounded-sm font-bold leading-none ${size} ${mark.className}`}>
            <span aria-hidden="true">{mark.glyph}</span>
            <span className="sr-only">{words}</span>
          </li>
        );
      })}
    </ol>
  );
}
