/**
 * JSON as the domain reads and writes it, and guards that are safe for any key (`__proto__`,
 * `constructor`): imported documents and live pipelines are untrusted and may hold anything.
 *
 * Two shapes, for two jobs:
 * - `JsonObject` is an object read from untrusted input: members are `unknown` until narrowed.
 * - `JsonValue` / `JsonMap` are JSON the domain produces (exports, documents), fully typed.
 */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonMap;
export interface JsonMap {
  [key: string]: JsonValue;
}

/** An object read from untrusted JSON: nothing is known about its members yet. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === "string";
}

export function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/** The value as an array, or an empty array when it is anything else. */
export function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value when it is an object, else a new empty object: for reading members that may be absent. */
export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

/** The value when it is a string, else the empty string: for showing a member that may be absent. */
export function asString(value: unknown): string {
  return isString(value) ? value : "";
}

/**
 * The object without its undefined members, or undefined when nothing is left: an edit that
 * clears the last member of a nested block (a stage's onFailure, a trigger's filter) removes the
 * block instead of leaving `{}` behind.
 */
export function compact(object: JsonObject): JsonObject | undefined {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) setOwn<unknown>(out, key, value);
  return Object.keys(out).length === 0 ? undefined : out;
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** The own property `key`, never one inherited from Object.prototype. */
export function own<T>(object: Record<string, T>, key: string): T | undefined {
  return hasOwn(object, key) ? object[key] : undefined;
}

/** Sets an own enumerable property even for `__proto__` (plain assignment would set the prototype). */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** An object built from entries in their order, safe for any key. */
export function fromEntries<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of entries) setOwn(out, k, v);
  return out;
}

/** A short, safe rendering of a value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** What a value is, in a sentence: "a list", "an object", "a number". */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** JSON type names as users know them, for "expected a string but got a number" messages. */
export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  if (typeof value === "object") return "object";
  return typeof value;
}

/**
 * Structural equality of JSON values: same primitives, same list items in order, same own keys
 * with equal values in any key order. A member holding `undefined` counts as absent, as in JSON.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    // NaN is not JSON, but a document may still hold one: it equals itself.
    return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
  }
  const aList = Array.isArray(a);
  if (aList !== Array.isArray(b)) return false;
  if (aList) {
    const bList = b as unknown[];
    if (a.length !== bList.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bList[i])) return false;
    return true;
  }
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  // for...in rather than Object.keys: no key arrays to allocate on this hot path (the diff
  // compares whole pipelines). Plain JSON objects inherit no enumerable keys; hasOwn guards anyway.
  let count = 0;
  for (const key in ao) {
    if (!hasOwn(ao, key) || ao[key] === undefined) continue;
    if (!hasOwn(bo, key) || !jsonEqual(ao[key], bo[key])) return false;
    count++;
  }
  for (const key in bo) if (hasOwn(bo, key) && bo[key] !== undefined) count--;
  return count === 0;
}
