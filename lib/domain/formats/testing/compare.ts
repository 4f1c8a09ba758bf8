/**
 * Test helpers: a document as comparable plain data. Short forms become `{"!Tag": value}` so that
 * `toEqual` tells `!Ref X` from `{Ref: X}`, and `keyOrder` lists every object's keys so that a
 * changed order fails too.
 */
import { isUnresolvedReference } from "../../pipeline/unresolved-reference";
import { isObject, type JsonMap, type JsonValue } from "../../json";
import { ShortForm, toLongForms, type CfnObject, type CfnValue } from "../cloudformation/intrinsics";
import { fromPlaceholder, toPlaceholder } from "../cloudformation/placeholder";
import { parseText } from "../parse-text";
import { FormatError } from "../errors";

export function comparable(value: CfnValue): unknown {
  if (value instanceof ShortForm) return { [`!${value.fn}`]: comparable(value.value) };
  if (Array.isArray(value)) return value.map(comparable);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v as CfnValue)]));
  return value;
}

/** Every object's key list, depth-first: equal only when key orders are equal everywhere. */
export function keyOrder(value: unknown): string[][] {
  const out: string[][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) {
      out.push(Object.keys(v));
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return out;
}

/** The parsed document of a text (JSON or YAML, tags kept), for comparing exports. */
export function documentOf(text: string): unknown {
  const parsed = parseText(text);
  if (parsed instanceof FormatError) throw parsed;
  return comparable(parsed.value);
}

/**
 * The same declaration with every placeholder in long form, for comparing across a YAML → JSON
 * template export (JSON has no tags, so `!Ref X` is written, and read back, as `{"Ref": "X"}`).
 */
export function withLongFormPlaceholders(value: JsonValue): JsonValue {
  if (isUnresolvedReference(value)) {
    const intrinsic = fromPlaceholder(value);
    return intrinsic === undefined ? value : toPlaceholder(toLongForms(intrinsic) as CfnObject);
  }
  if (Array.isArray(value)) return value.map(withLongFormPlaceholders);
  if (isObject(value)) {
    const out: JsonMap = {};
    for (const [k, v] of Object.entries(value)) out[isUnresolvedReference(k) ? (withLongFormPlaceholders(k) as string) : k] = withLongFormPlaceholders(v as JsonValue);
    return out;
  }
  return value;
}

/**
 * The lines of `before` that `after` no longer has and the lines it gained, by a longest common
 * subsequence of lines (what a text diff shows).
 */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) removed.push(a[i++]!);
    else added.push(b[j++]!);
  }
  return { removed: [...removed, ...a.slice(i)], added: [...added, ...b.slice(j)] };
}
