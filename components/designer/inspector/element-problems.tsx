"use client";

import type { Diagnostic } from "@/lib/domain/validation/diagnostic";
import { focusPathOf } from "./selection-from-path";

/**
 * A compact list of the selected element's problems at the top of the inspector; each one
 * jumps to its field. Fields show the same diagnostics inline; this list also catches those
 * no field displays.
 */
export function ElementProblems({ diagnostics, onReveal }: { diagnostics: readonly Diagnostic[]; onReveal: (path: string) => void }) {
  if (diagnostics.length === 0) return null;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return (
    <details className="rounded-md border border-slate-200 text-xs dark:border-slate-800" open={errors > 0}>
      <summary className="cursor-pointer px-2 py-1.5 font-medium">
        {errors} error{errors === 1 ? "" : "s"}, {diagnostics.length - errors} warning{diagnostics.length - errors === 1 ? "" : "s"} here
      </summary>
      <ul className="flex flex-col gap-1 px-2 pb-2">
        {diagnostics.map((d, i) => (
          <li key={`${d.code}-${i}`}>
            <button
              type="button"
              className={`text-left hover:underline ${d.severity === "error" ? "text-red-700 dark:text-red-400" : "text-amber-700 dark:text-amber-400"}`}
              onClick={() => onReveal(focusPathOf(d))}
            >
              <code className="font-mono">{d.code}</code> {d.message}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
