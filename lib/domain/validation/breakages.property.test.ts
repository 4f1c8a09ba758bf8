/**
 * Single-rule breakages (fast-check): each mutation of a valid generated pipeline reports exactly
 * its code. The table (testing/mutations/) holds at least one mutation per registered code; the
 * ownership sweeps apply the GEN breakages to any member of their kind.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RULES } from "./rules";
import { arbitraryChooser } from "./testing/chooser";
import { clone } from "./testing/edits";
import { TEST_CONTEXT } from "./testing/fixtures";
import { arbitraryValidPipeline } from "./testing/generator";
import { MUTATIONS } from "./testing/mutations";
import { applyMutation } from "./testing/mutations/mutation";
import { SWEEPS } from "./testing/mutations/sweeps";
import { codeSet, describeDiagnostics, runs, TIMEOUT } from "./testing/properties";
import { validate } from "./validate";

/** Codes no single declaration edit can raise on its own, with the reason. */
const EXEMPT: Readonly<Record<string, string>> = {};

describe("single-rule breakages", () => {
  it("cover every code of the RULES registry", () => {
    const registered = new Set(RULES.flatMap((r) => r.codes));
    const covered = new Set(MUTATIONS.map((m) => m.code));
    const missing = [...registered].filter((code) => !covered.has(code) && !(code in EXEMPT));
    expect(missing).toEqual([]);
    const unknown = [...covered].filter((code) => !registered.has(code));
    expect(unknown).toEqual([]);
  });

  for (const m of [...MUTATIONS, ...SWEEPS]) {
    it(`${m.code}: ${m.name}`, () => {
      fc.assert(
        fc.property(arbitraryValidPipeline(m.gen), arbitraryChooser(), (generated, c) => {
          // fast-check may pass the same value again while shrinking: never mutate it.
          const pipeline = clone(generated);
          const context = m.context ? m.context(clone(pipeline)) : TEST_CONTEXT;
          fc.pre(applyMutation(m, pipeline, c));
          const diagnostics = validate(pipeline, context);
          const codes = codeSet(diagnostics);
          const allowed = new Set([m.code, ...(m.also ?? [])]);
          const extra = codes.filter((code) => !allowed.has(code));
          if (!codes.includes(m.code) || extra.length > 0) {
            throw new Error(`expected {${m.code}}${m.also ? ` (+ ${m.also.join(", ")})` : ""}, got {${codes.join(", ")}}\n${describeDiagnostics(diagnostics)}`);
          }
          if (m.severity) {
            const severities = new Set(diagnostics.filter((d) => d.code === m.code).map((d) => d.severity));
            const expected = m.severity === "both" ? ["error", "warning"] : [m.severity];
            expect([...severities].sort()).toEqual(expected);
          }
        }),
        { numRuns: runs(m.runs ?? 20) },
      );
    }, TIMEOUT);
  }
});

