"use client";

import { createContext, useContext } from "react";
import type { Diagnostic } from "@/lib/domain/validation/diagnostic";
import { pathWithin } from "./selection-from-path";

/** The diagnostics of the element being inspected; each field shows those inside its path. */
export const DiagnosticsContext = createContext<readonly Diagnostic[]>([]);

export function useFieldDiagnostics(path: string): readonly Diagnostic[] {
  const all = useContext(DiagnosticsContext);
  return all.filter((d) => pathWithin(d.path, path));
}

export function FieldDiagnostics({ path, exact = false }: { path: string; exact?: boolean }) {
  const all = useFieldDiagnostics(path);
  const shown = exact ? all.filter((d) => d.path === path) : all;
  if (shown.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-col gap-0.5" data-testid="field-diagnostics">
      {shown.map((d, i) => (
        <li
          key={`${d.code}-${i}`}
          className={`text-xs ${d.severity === "error" ? "text-red-700 dark:text-red-400" : "text-amber-700 dark:text-amber-400"}`}
        >
          <code className="font-mono">{d.code}</code> {d.message}
        </li>
      ))}
    </ul>
  );
}
