/**
 * JSON values as the importers produce them, and helpers that are safe for any key
 * (`__proto__`, `constructor`): imported documents are untrusted.
 */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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

/** What a value is, for messages. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
