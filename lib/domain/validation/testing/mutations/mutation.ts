/**
 * A single-rule breakage: a valid generated pipeline, one edit, and the one code the engine must
 * report for it (the property test in breakages.property.test.ts runs every mutation).
 */
import type { ValidationContext } from "../../context";
import type { Severity } from "../../diagnostic";
import type { Chooser } from "../chooser";
import type { Json } from "../edits";
import type { GenOptions } from "../generator-options";

export interface Mutation {
  readonly code: string;
  readonly name: string;
  readonly gen?: GenOptions;
  /** Context for validating; built from a copy of the valid pipeline (before the mutation). */
  readonly context?: (original: Json) => ValidationContext;
  /** Severity every diagnostic with `code` must have; "both" = an error and a warning. */
  readonly severity?: Severity | "both";
  /** Other codes the breakage legitimately raises as well (documented per case). */
  readonly also?: readonly string[];
  /** Mutates the pipeline in place; false when it does not apply (the run is skipped). */
  readonly apply: (p: Json, c: Chooser) => boolean;
  /** numRuns (before PW_PROPERTY_SCALE); sweeps over many fields want more. */
  readonly runs?: number;
}

/** Thrown by helpers when the generated pipeline leaves no room for the mutation (run skipped). */
export class NotApplicable extends Error {}

/** Runs a mutation; false when it does not apply. */
export function applyMutation(m: Mutation, p: Json, c: Chooser): boolean {
  try {
    return m.apply(p, c);
  } catch (error) {
    if (error instanceof NotApplicable) return false;
    throw error;
  }
}
