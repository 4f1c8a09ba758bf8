/**
 * Field-level differences inside one element (the pipeline's own members, a stage's, an action's),
 * and writing them back. Objects are compared member by member down to the leaves; lists are
 * leaves (their order means something: artifacts, commands), except the lists AWS keys by name
 * (pipeline variables, triggers by source action), whose changed items are named for people.
 */
import { arrayOf, hasOwn, isObject, isString, jsonEqual, own, setOwn, type JsonObject } from "../json";
import type { FieldPath, ListItemChange } from "./changes";

export interface LeafDifference {
  readonly path: FieldPath;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Every leaf where `before` and `after` differ, below `path`; members in `skip` are left out at the top. */
export function leafDifferences(before: unknown, after: unknown, skip: ReadonlySet<string> = NO_KEYS): LeafDifference[] {
  const out: LeafDifference[] = [];
  walk(before, after, [], skip, out);
  return out;
}

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * The keys of both objects are visited `before`'s in their order, then the ones only `after` has;
 * for...in with own-key guards rather than key arrays (a merge walks every changed action twice).
 */
function walk(before: unknown, after: unknown, path: string[], skip: ReadonlySet<string>, out: LeafDifference[]): void {
  if (isObject(before) && isObject(after)) {
    for (const key in before) if (hasOwn(before, key)) member(before, after, key, path, skip, out);
    for (const key in after) if (hasOwn(after, key) && !hasOwn(before, key)) member(before, after, key, path, skip, out);
    return;
  }
  if (jsonEqual(before, after)) return;
  out.push({ path, ...(before !== undefined && { before }), ...(after !== undefined && { after }) });
}

function member(before: JsonObject, after: JsonObject, key: string, path: string[], skip: ReadonlySet<string>, out: LeafDifference[]): void {
  if (path.length === 0 && skip.has(key)) return;
  const b = own(before, key);
  const a = own(after, key);
  if (b === a || jsonEqual(b, a)) return;
  walk(b, a, [...path, key], skip, out);
}

/** A copy of `root` with the value at `path` replaced (`undefined` removes the member). Never mutates. */
export function writePath(root: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const object: JsonObject = isObject(root) ? root : {};
  const next = writePath(own(object, head), rest, value);
  // Spread copies own members as data properties (safe for `__proto__`) and keeps their order,
  // so a field edit does not reorder the document; only `__proto__` needs defineProperty to set.
  const out: JsonObject = { ...object };
  if (next === undefined) delete out[head];
  else if (head === "__proto__") setOwn<unknown>(out, head, next);
  else out[head] = next;
  return out;
}

/** The value at `path`, or undefined. */
export function readPath(root: unknown, path: FieldPath): unknown {
  let value = root;
  for (const key of path) {
    if (!isObject(value)) return undefined;
    value = own(value, key);
  }
  return value;
}

/** How items of a keyed list are identified: pipeline variables by name, triggers by source action. */
export type KeyOf = (item: unknown) => string | undefined;

export const variableKey: KeyOf = (item) => (isObject(item) && isString(item.name) ? item.name : undefined);
export const triggerKey: KeyOf = (item) =>
  isObject(item) && isObject(item.gitConfiguration) && isString(item.gitConfiguration.sourceActionName)
    ? item.gitConfiguration.sourceActionName
    : undefined;

/** The keyed lists of the pipeline: top-level member → how its items are keyed. */
export const KEYED_LISTS: ReadonlyMap<string, KeyOf> = new Map([
  ["variables", variableKey],
  ["triggers", triggerKey],
]);

/** Items by key, when every item has a key and no key repeats; undefined otherwise. */
export function keyedItems(list: unknown, keyOf: KeyOf): Map<string, unknown> | undefined {
  if (list === undefined) return new Map();
  if (!Array.isArray(list)) return undefined;
  const items = new Map<string, unknown>();
  for (const item of list) {
    const key = keyOf(item);
    if (key === undefined || items.has(key)) return undefined;
    items.set(key, item);
  }
  return items;
}

/** Which items of a keyed list were added, removed or changed; undefined when the lists are not keyed. */
export function keyedItemChanges(before: unknown, after: unknown, keyOf: KeyOf): ListItemChange[] | undefined {
  const b = keyedItems(before, keyOf);
  const a = keyedItems(after, keyOf);
  if (!b || !a) return undefined;
  const out: ListItemChange[] = [];
  for (const [key, item] of b) {
    if (!a.has(key)) out.push({ key, change: "removed" });
    else if (!jsonEqual(item, a.get(key))) out.push({ key, change: "changed" });
  }
  for (const key of a.keys()) if (!b.has(key)) out.push({ key, change: "added" });
  return out;
}

/**
 * Three-way merge of a keyed list: items changed on one side only merge; an item changed on both
 * sides differently is a conflict (undefined). Order: `theirs`, with items only `mine` added after
 * the item they follow in `mine`.
 */
export function mergeKeyedLists(base: unknown, theirs: unknown, mine: unknown, keyOf: KeyOf): unknown[] | undefined {
  const b = keyedItems(base, keyOf);
  const t = keyedItems(theirs, keyOf);
  const m = keyedItems(mine, keyOf);
  if (!b || !t || !m) return undefined;
  const result = new Map<string, unknown>(t);
  for (const key of new Set([...b.keys(), ...t.keys(), ...m.keys()])) {
    const bv = b.get(key);
    const tv = t.get(key);
    const mv = m.get(key);
    if (jsonEqual(mv, bv) || jsonEqual(mv, tv)) continue; // mine did not change it, or both agree
    if (!jsonEqual(tv, bv)) return undefined; // both changed it, differently
    if (mv === undefined) result.delete(key);
    else result.set(key, mv);
  }
  const order = [...arrayOf(theirs)].map(keyOf).filter((k): k is string => k !== undefined && result.has(k));
  const mineOrder = [...arrayOf(mine)].map(keyOf).filter((k): k is string => k !== undefined);
  mineOrder.forEach((key, i) => {
    if (order.includes(key) || !result.has(key)) return;
    const previous = mineOrder.slice(0, i).reverse().find((k) => order.includes(k));
    order.splice(previous === undefined ? 0 : order.indexOf(previous) + 1, 0, key);
  });
  return order.map((key) => result.get(key));
}
