/**
 * An AWS JSON 1.1 request body → a JSON object, or the error AWS answers: SerializationException
 * for what is not a JSON object, ValidationException for nesting deeper than any CodePipeline
 * input needs (the deepest, a stage condition's rule configuration, is about ten levels).
 *
 * The depth is bounded while the text is scanned, before JSON.parse builds anything: every later
 * step (zod, the validation engine, structuredClone, SQLite) then walks a shallow value, so a
 * body of 2,000 nested unknown members cannot exhaust the stack anywhere.
 */
import { isObject, type JsonObject } from "@/lib/domain/json";
import { serviceErrors } from "./errors";

export const MAX_JSON_DEPTH = 64;

/** JSON 1.1 bodies are JSON objects; an empty body counts as `{}` (no input members). */
export function parseBody(raw: string): JsonObject {
  if (raw.trim() === "") return {};
  if (nestsDeeperThan(raw, MAX_JSON_DEPTH)) {
    throw serviceErrors.validation(`The request body nests objects and lists more than ${MAX_JSON_DEPTH} levels deep.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw serviceErrors.serialization("The request body is not valid JSON.");
  }
  if (!isObject(parsed)) {
    throw serviceErrors.serialization(`The request body must be a JSON object, not ${Array.isArray(parsed) ? "an array" : String(parsed === null ? "null" : typeof parsed)}.`);
  }
  return parsed;
}

/** True when `{`/`[` nest more than `max` deep outside string literals (the text need not be valid JSON). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}
