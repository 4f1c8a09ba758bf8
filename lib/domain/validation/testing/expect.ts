/**
 * Assertions the rule tests share. A rule test breaks one thing in a valid pipeline and expects
 * exactly that finding, so the failure message shows every diagnostic the engine gave instead.
 */
import { expect } from "vitest";
import type { Diagnostic, Severity } from "../diagnostic";
import { codesOf } from "./fixtures";

const dump = (diagnostics: readonly Diagnostic[]) => JSON.stringify(diagnostics, null, 1);

/**
 * Asserts that `code` is the one code reported (besides the `also` codes a case documents), and
 * returns its diagnostics.
 */
export function onlyCode(diagnostics: readonly Diagnostic[], code: string, also: readonly string[] = []): Diagnostic[] {
  expect(codesOf(diagnostics).filter((c) => !also.includes(c)), dump(diagnostics)).toEqual([code]);
  return withCode(diagnostics, code);
}

/**
 * Asserts that `code` is the one code reported (besides the `also` codes a case documents), and
 * returns its diagnostic: the one at `path` (with `severity`) when given, else the first.
 */
export function only(
  diagnostics: readonly Diagnostic[],
  code: string,
  path?: string,
  severity?: Severity,
  also: readonly string[] = [],
): Diagnostic {
  onlyCode(diagnostics, code, also);
  return find(diagnostics, code, path, severity);
}

/** Asserts that a `code` diagnostic (at `path`, with `severity`, when given) is reported, and returns it. */
export function find(diagnostics: readonly Diagnostic[], code: string, path?: string, severity?: Severity): Diagnostic {
  const found = diagnostics.find(
    (d) => d.code === code && (path === undefined || d.path === path) && (severity === undefined || d.severity === severity),
  );
  expect(found, `${code} ${severity ?? ""} at ${path ?? "any path"} in ${dump(diagnostics)}`).toBeDefined();
  return found!;
}

/** The diagnostics with `code`. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** Asserts that none of `codes` is reported. */
export function without(diagnostics: readonly Diagnostic[], ...codes: string[]): void {
  for (const code of codes) expect(codesOf(diagnostics), dump(diagnostics)).not.toContain(code);
}
