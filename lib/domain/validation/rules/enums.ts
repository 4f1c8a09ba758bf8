/** Enum checks that respect ownership: wrong-case values are GEN006's, empty strings GEN004's. */
export type EnumState = "exact" | "wrong-case" | "unknown" | "not-string" | "empty";

/** Classifies a value against a model enum (case-sensitive, as the service compares). */
export function enumState(value: unknown, values: readonly string[]): EnumState {
  if (typeof value !== "string") return "not-string";
  if (value === "") return "empty";
  if (values.includes(value)) return "exact";
  const upper = value.toUpperCase();
  return values.some((v) => v.toUpperCase() === upper) ? "wrong-case" : "unknown";
}
