/**
 * Enum values as CodePipeline compares them: case-sensitively. A value that matches only when case
 * is ignored is GEN006's finding and "" is GEN004's, so the rules of specific enum members ask here
 * and stay silent on both.
 */
export type EnumState = "exact" | "wrong-case" | "unknown" | "not-string" | "empty";

/** The value `value` meant when it matches one of `values` only when case is ignored, else undefined. */
export function caseVariantOf(value: unknown, values: readonly string[]): string | undefined {
  if (typeof value !== "string" || values.includes(value)) return undefined;
  const lower = value.toLowerCase();
  return values.find((v) => v.toLowerCase() === lower);
}

/** Classifies a value against a model enum. */
export function enumState(value: unknown, values: readonly string[]): EnumState {
  if (typeof value !== "string") return "not-string";
  if (value === "") return "empty";
  if (values.includes(value)) return "exact";
  return caseVariantOf(value, values) === undefined ? "unknown" : "wrong-case";
}
