/**
 * Scalar conversion between a template and the API. CloudFormation users write
 * `PollForSourceChanges: false`, `RunOrder: "1"` or `Version: 1`; the API has the strings and
 * integers of the model. Export restores what was written whenever the value did not change, by
 * checking that the original converts to the current value.
 */
import type { Field } from "../shapes";
import type { CfnValue } from "./intrinsics";

type ScalarKind = "string" | "int";

/** The API value of a template scalar for a string or integer field. */
export function apiScalar(kind: ScalarKind, value: CfnValue): CfnValue {
  if (kind === "string" && (typeof value === "number" || typeof value === "boolean")) return String(value);
  if (kind === "int" && typeof value === "string" && /^[+-]?\d+$/.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
  }
  return value;
}

export function scalarKind(field: Field): ScalarKind | undefined {
  return field.kind === "string" || field.kind === "int" ? field.kind : undefined;
}

export function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** `original` when it converts to `value` (so the template keeps `false`, not `"false"`), else `value`. */
export function restoreScalar(kind: ScalarKind, original: CfnValue | undefined, value: CfnValue): CfnValue {
  if (original !== undefined && isPrimitive(original) && sameScalar(apiScalar(kind, original), value)) return original;
  return value;
}

function sameScalar(a: CfnValue, b: CfnValue): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}
