/**
 * Reading already-validated request bodies and writing response values. The shell's zod
 * schemas checked types and bounds; these helpers only narrow `unknown` for the compiler and
 * answer ValidationException if something slipped through.
 */
import type { JsonObject } from "../contract";
import { serviceErrors } from "../errors";

export function requiredString(input: JsonObject, key: string): string {
  const value = input[key];
  if (typeof value !== "string" || value.length === 0) {
    throw serviceErrors.validation(`1 validation error detected: Value at '${key}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

export function optionalString(input: JsonObject, key: string): string | undefined {
  const value = input[key];
  return typeof value === "string" ? value : undefined;
}

export function optionalObject(input: JsonObject, key: string): JsonObject | undefined {
  const value = input[key];
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function optionalArray(input: JsonObject, key: string): JsonObject[] {
  const value = input[key];
  return Array.isArray(value) ? (value.filter((v) => v !== null && typeof v === "object") as JsonObject[]) : [];
}

/** Epoch seconds with a fractional part, as the AWS JSON protocol sends timestamps. */
export function seconds(ms: number): number {
  return ms / 1000;
}

/** Drops undefined members so responses carry only what is set. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
