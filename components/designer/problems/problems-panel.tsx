"use client";

import { useMemo } from "react";
import type { DesignerViewProps } from "@/lib/domain/designer/contract";
import { sortDiagnostics } from "@/lib/domain/validation/diagnostic";
import { elementLabel, focusPathOf, selectionFromPath } from "@/components/designer/inspector/selection-from-path";
import { SeverityPill } from "@/components/ui/severity-pill";

type ProblemsPanelProps = Pick<DesignerViewProps, "document" | "diagnostics" | "select">;

/**
 * Every diagnostic of the design, errors first; clicking one selects its element and focuses
 * the field in the inspector.
 */
export function ProblemsPanel({ document, diagnostics, select }: ProblemsPanelProps) {
  const sorted = useMemo(() => sortDiagnostics(diagnostics), [diagnostics]);
  const errors = sorted.filter((d) => d.severity === "error").length;
  const warnings = sorted.length - errors;
  return (
    <section aria-label="Problems" data-testid="problems-panel" className="flex h-full min-h-0 flex-col text-sm">
      <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <h2 className="font-medium">Problems</h2>
        <span className="ml-auto flex gap-2 text-xs">
          <Count n={errors} word="error" tone={errors > 0 ? "error" : "ok"} testId="problems-errors" />
          <Count n={warnings} word="warning" tone={warnings > 0 ? "warning" : "ok"} testId="problems-warnings" />
        </span>
      </header>
      {sorted.length === 0 ? (
        <p className="px-3 py-2 text-emerald-700 dark:text-emerald-400">No problems: CodePipeline should accept this pipeline.</p>
      ) : (
        <ul className="min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto dark:divide-slate-900">
          {sorted.map((d, i) => (
            <li key={`${d.path}-${d.code}-${i}`}>
              <button
                type="button"
                data-testid="problem"
                data-code={d.code}
                data-severity={d.severity}
                data-diagnostic-path={d.path}
                className="flex w-full flex-col gap-0.5 px-3 py-2 text-left hover:bg-slate-50 focus:bg-slate-50 focus:outline-none dark:hover:bg-slate-900 dark:focus:bg-slate-900"
                onClick={() => select(selectionFromPath(document, d.path), focusPathOf(d))}
              >
                <span className="flex flex-wrap items-baseline gap-x-2">
                  <SeverityPill severity={d.severity} />
                  <code className="font-mono text-xs text-indigo-700 dark:text-indigo-300">{d.code}</code>
                  <span className="truncate text-xs font-medium text-slate-600 dark:text-slate-400">{elementLabel(document, d.path)}</span>
                </span>
                <span className="break-words text-slate-800 dark:text-slate-200">{d.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Count({ n, word, tone, testId }: { n: number; word: string; tone: "error" | "warning" | "ok"; testId: string }) {
  const colours = {
    error: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
    warning: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
    ok: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-400",
  };
  return (
    <span className={`rounded-full px-2 py-0.5 font-medium ${colours[tone]}`} data-testid={testId}>
      {n} {word}
      {n === 1 ? "" : "s"}
    </span>
  );
}
