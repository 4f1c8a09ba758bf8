/** Defensive reads of the declaration (imports may hold anything). */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

/** Undefined for an empty string: clearing an optional field removes the member. */
export function orUndefined(value: string): string | undefined {
  return value === "" ? undefined : value;
}

/** The names of an artifact list (`[{name}]`). */
export function artifactNames(value: unknown): string[] {
  return list(value).map((a) => str(obj(a).name));
}

export function toArtifacts(names: readonly string[]): { name: string }[] | undefined {
  return names.length === 0 ? undefined : names.map((name) => ({ name }));
}

/**
 * The object without undefined members, or undefined when nothing is left: nested edits
 * (a stage's onFailure, a trigger's filter) must not leave `{ "conditions": undefined }` or `{}`.
 */
export function compact(value: Json): Json | undefined {
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length === 0 ? undefined : out;
}
