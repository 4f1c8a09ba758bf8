/**
 * Small reusable checks that rules compose. Each reports through the reporter it is given (the
 * rule's own code) and keeps the ownership convention of rule.ts: empty strings are GEN004's, so
 * these skip them unless told otherwise.
 */
import type { StringConstraint } from "../pipeline/patterns";
import { describe, jsonType } from "../json";
import type { Reporter } from "./rule";

export interface StringCheckOptions {
  /** Report a missing value (undefined) as an error. */
  readonly required?: boolean;
  /** Words for the field in messages, e.g. "Stage name". */
  readonly label: string;
  /** A plain-words description of the pattern, e.g. "letters, digits and . @ - _". */
  readonly allowed?: string;
  /** Report "" as too short: inputs outside the declaration (operation inputs) have no GEN004. */
  readonly ownsEmpty?: boolean;
}

/**
 * Checks presence, type, length and pattern of a string member. True when the value is a string
 * that satisfies the constraint.
 */
export function checkString(
  report: Reporter,
  path: string,
  value: unknown,
  c: StringConstraint,
  options: StringCheckOptions,
): value is string {
  const { label } = options;
  if (value === undefined) {
    if (options.required) report.error(path, `${label} is required.`);
    return false;
  }
  if (typeof value !== "string") {
    report.error(path, `${label} must be a string, not a ${jsonType(value)}.`);
    return false;
  }
  if (value === "" && c.min >= 1 && !options.ownsEmpty) return false; // GEN004
  if (value.length < c.min || value.length > c.max) {
    report.error(
      path,
      `${label} must be ${c.min} to ${c.max} characters long; ${describe(value)} has ${value.length}.`,
    );
    return false;
  }
  if (c.pattern && !c.pattern.test(value)) {
    const allowed = options.allowed ?? `the pattern ${c.patternText}`;
    report.error(path, `${label} ${describe(value)} may only contain ${allowed}.`);
    return false;
  }
  return true;
}
