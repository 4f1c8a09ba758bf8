/**
 * A finding of the validation engine.
 *
 * `code` is stable and never reused, so that filters people write against it keep working: it is
 * a rule id (`ART004`) or one of its sub-cases (`ART004b`). `path` points at the offending field
 * of the pipeline declaration, 0-based, e.g. `stages[1].actions[0].inputArtifacts[0].name`; the
 * empty string means the pipeline as a whole.
 */
import { parsePath } from "./path";

export type Severity = "error" | "warning";

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly path: string;
  readonly message: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Errors first, then by path in document order (numeric indices compared as numbers), then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      comparePaths(a.path, b.path) ||
      a.code.localeCompare(b.code),
  );
}

function severityRank(severity: Severity): number {
  return severity === "error" ? 0 : 1;
}

export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  const ta = parsePath(a);
  const tb = parsePath(b);
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x).localeCompare(String(y));
  }
  return ta.length - tb.length;
}
