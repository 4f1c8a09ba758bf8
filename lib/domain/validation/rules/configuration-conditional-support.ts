/**
 * The table format of the CFG005 sub-rules and the helpers they share. A sub-rule is a row
 * `{ code, title, providers, check }`; configuration-conditional.ts dispatches every action
 * (and stage-condition rule) to the rows of its catalog entry, in one pass.
 */
import type { ProviderEntry, ProviderKind } from "../../catalog/catalog";
import { describe, isString, type JsonObject } from "../../json";
import { joinPath } from "../path";
import type { ActionRef, PipelineIndex } from "../../pipeline/pipeline-index";
import type { Reporter } from "../rule";
import { hasReference } from "./actions-support";

/** What a sub-rule checks: an action, or a stage-condition rule of the same provider family. */
export interface Subject {
  readonly kind: "action" | "rule";
  /** Path of the action or rule declaration. */
  readonly path: string;
  /** `action "Build" in stage "Build"` / `rule "Tests" in stage "Deploy"`. */
  readonly label: string;
  readonly entry: ProviderEntry;
  /** The configuration map; `{}` when absent. */
  readonly config: JsonObject;
  /** Input artifact names that are strings. */
  readonly inputNames: readonly string[];
  /** Number of input artifact entries (named or not). */
  readonly inputCount: number;
  readonly action?: ActionRef;
}

export interface CheckContext {
  readonly pipeline: PipelineIndex;
  /** Files under the sub-rule's own code. */
  readonly report: Reporter;
}

export type ProviderTuple = readonly [kind: ProviderKind, category: string, owner: string, provider: string];

export interface ConditionalCheck {
  /** `CFG005a` … `CFG005s`. */
  readonly code: string;
  readonly title: string;
  readonly providers: readonly ProviderTuple[];
  readonly check: (subject: Subject, ctx: CheckContext) => void;
}

export function keyPath(s: Subject, key: string): string {
  return joinPath(joinPath(s.path, "configuration"), key);
}

export function inputsPath(s: Subject): string {
  return joinPath(s.path, "inputArtifacts");
}

/** The key is present (an empty or non-string value is GEN004's / GEN001's, not "missing"). */
export function has(s: Subject, key: string): boolean {
  return s.config[key] !== undefined;
}

/** A non-empty string value without variable references: something we can check offline. */
export function literal(s: Subject, key: string): string | undefined {
  const value = s.config[key];
  return isString(value) && value !== "" && !hasReference(value) ? value : undefined;
}

/** A non-empty string value, references included. */
export function text(s: Subject, key: string): string | undefined {
  const value = s.config[key];
  return isString(value) && value !== "" ? value : undefined;
}

/** Keys the catalog marks `required: true` are CFG002's when missing. */
export function catalogRequired(s: Subject, key: string): boolean {
  return s.entry.configuration.some((c) => c.key === key && c.required);
}

/** Reports `key` as missing (warning) unless it is present or CFG002 owns it. */
export function requireKey(ctx: CheckContext, s: Subject, key: string, why: string): void {
  if (has(s, key) || catalogRequired(s, key)) return;
  ctx.report.warning(keyPath(s, key), `${why} Add ${key} to the configuration of ${s.label}.`);
}

export function inputList(s: Subject): string {
  return s.inputNames.length === 0 ? "none" : s.inputNames.map((n) => describe(n)).join(", ");
}

/** Whole decimal number within [min, max], or undefined when the text is not one. */
export function integerIn(value: string, min: number, max: number): number | undefined {
  if (!/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

const PARSE_CACHE = new Map<string, { ok: true; value: unknown } | { ok: false; error: string }>();
const PARSE_CACHE_LIMIT = 1000;
const REFERENCE = /#\{[^}]*\}/g;

/**
 * JSON.parse with a bounded cache (the designer re-validates the same values on every edit).
 * A value that only parses once its `#{…}` references are replaced by a placeholder is
 * accepted: references are resolved textually before the provider parses the value.
 */
export function parseJson(value: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const cached = PARSE_CACHE.get(value);
  if (cached) return cached;
  let result: { ok: true; value: unknown } | { ok: false; error: string };
  try {
    result = { ok: true, value: JSON.parse(value) };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
    if (hasReference(value)) {
      try {
        result = { ok: true, value: JSON.parse(value.replace(REFERENCE, "0")) };
      } catch {
        // keep the original error
      }
    }
  }
  if (PARSE_CACHE.size >= PARSE_CACHE_LIMIT) PARSE_CACHE.clear();
  PARSE_CACHE.set(value, result);
  return result;
}

/**
 * Memoizes a value → problem function (bounded), so re-validating an unchanged document does
 * not re-walk parsed JSON. `undefined` means "no problem".
 */
export function memoProblem(check: (value: string) => string | undefined): (value: string) => string | undefined {
  const cache = new Map<string, string | null>();
  return (value) => {
    const hit = cache.get(value);
    if (hit !== undefined) return hit ?? undefined;
    const problem = check(value);
    if (cache.size >= PARSE_CACHE_LIMIT) cache.clear();
    cache.set(value, problem ?? null);
    return problem;
  };
}
