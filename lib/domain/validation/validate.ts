/**
 * The one validation engine: browser, server actions, emulator and CLI all call this.
 * Pure, synchronous, total: it never throws, and it reports every finding.
 */
import type { ValidationContext } from "./context";
import type { Diagnostic } from "./diagnostic";
import { isObject, jsonType } from "../json";
import { buildIndex } from "../pipeline/pipeline-index";
import { createReporter, type Rule } from "./rule";
import { RULES } from "./rules";
import { dropFindingsOnReferences } from "./unresolved";

/** Pipewright's own codes, outside the rule families: they are about the input, not about a rule. */
export const NOT_AN_OBJECT = "PW001";
export const INTERNAL_ERROR = "PW000";

export function validate(declaration: unknown, context: ValidationContext = {}): Diagnostic[] {
  return runRules(RULES, declaration, context);
}

/** Runs a chosen set of rules; tests use it to exercise one rule alone. */
export function runRules(
  rules: readonly Rule[],
  declaration: unknown,
  context: ValidationContext = {},
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (!isObject(declaration)) {
    diagnostics.push({
      code: NOT_AN_OBJECT,
      severity: "error",
      path: "",
      message: `A pipeline declaration must be a JSON object, not a ${jsonType(declaration)}.`,
    });
    return diagnostics;
  }
  const index = buildIndex(declaration, context);
  for (const rule of rules) {
    try {
      rule.check(index, context, createReporter(diagnostics, rule.id));
    } catch (error) {
      // A rule bug must not hide the other findings; property tests assert this never happens.
      diagnostics.push({
        code: INTERNAL_ERROR,
        severity: "error",
        path: "",
        message: `Internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return diagnostics.length === 0 ? diagnostics : dropFindingsOnReferences(declaration, diagnostics);
}
