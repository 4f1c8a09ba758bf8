/** Settings and helpers the property-based test files share. */
import type { Diagnostic } from "../diagnostic";

/** Multiplies every numRuns (e.g. PW_PROPERTY_SCALE=20 for a long local soak run). */
const SCALE = Math.max(1, Number(process.env.PW_PROPERTY_SCALE ?? 1) || 1);
/** numRuns scaled by PW_PROPERTY_SCALE. */
export const runs = (n: number) => Math.round(n * SCALE);
/** Per-test timeout, scaled with the runs. */
export const TIMEOUT = 30_000 * SCALE;

/** The distinct codes, sorted. */
export const codeSet = (diagnostics: readonly Diagnostic[]) => [...new Set(diagnostics.map((d) => d.code))].sort();
/** One line per diagnostic, for failure messages. */
export const describeDiagnostics = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.code} ${d.severity} ${d.path}: ${d.message}`).join("\n");
