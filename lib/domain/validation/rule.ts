import type { ValidationContext } from "./context";
import type { Diagnostic, Severity } from "./diagnostic";
import type { PipelineIndex } from "./pipeline-index";

/** Collects findings; rules never throw and never stop at the first finding. */
export interface Reporter {
  error(code: string, path: string, message: string): void;
  warning(code: string, path: string, message: string): void;
  report(code: string, severity: Severity, path: string, message: string): void;
}

/**
 * One rule of the spec (validation-rules.md). `id` is the spec's rule id; `codes` lists every
 * diagnostic code the rule can emit (the id itself, or sub-cases such as ART004a..d).
 *
 * Ownership, so that one problem gives one diagnostic: an empty string is GEN004's, an empty
 * list GEN003's, a wrong-case enum value GEN006's, a non-string configuration value GEN001's,
 * a non-integer where the model wants an integer GEN002's, an unknown member GEN005's. Specific
 * rules report every other violation of their field and stay silent on those.
 */
export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly codes: readonly string[];
  readonly check: (pipeline: PipelineIndex, context: ValidationContext, report: Reporter) => void;
}

export function createReporter(sink: Diagnostic[]): Reporter {
  const report = (code: string, severity: Severity, path: string, message: string) => {
    sink.push({ code, severity, path, message });
  };
  return {
    report,
    error: (code, path, message) => report(code, "error", path, message),
    warning: (code, path, message) => report(code, "warning", path, message),
  };
}
