/**
 * Properties of the semantic diff over random documents (the formats' and the validator's
 * arbitraries, random JSON) and over random designer edit sequences:
 * diff(a, a) is empty, applying diff(a, b) to a gives b, and neither function mutates its input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentFromDeclaration } from "../designer/document";
import { sampleDeclaration } from "../designer/test-fixtures";
import { STARTER_TEMPLATES } from "../designer/templates";
import { declarationArb } from "../formats/testing/arbitrary-declaration";
import { deepFreeze } from "../validation/testing/edits";
import { arbitraryPipelineGarbage } from "../validation/testing/garbage";
import { arbitraryValidPipeline } from "../validation/testing/generator";
import { applyChanges } from "./apply";
import { diffDeclarations } from "./diff";
import { editsArb, runEdits } from "./testing/edits";

/** Documents as JSON holds them (no -0, no undefined members): what both sides of a diff are. */
const asJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

const documentArb = fc.oneof(declarationArb, arbitraryValidPipeline({ maxStages: 5 }), arbitraryPipelineGarbage({ maxStages: 3 }));

const baseArb = fc.oneof(
  fc.constant(sampleDeclaration()),
  fc.constantFrom(...STARTER_TEMPLATES.map((t) => t.declaration)),
  arbitraryValidPipeline({ maxStages: 5 }),
  declarationArb,
);

/** A base and what random designer edits made of it. */
const editedPairArb = fc.tuple(baseArb, editsArb(15)).map(([base, edits]) => {
  const json = asJson(base) as Record<string, unknown>;
  return [json, asJson(runEdits(documentFromDeclaration(json), edits).declaration)] as const;
});

function assertRoundTrip(a: unknown, b: unknown): void {
  deepFreeze(a);
  deepFreeze(b);
  const { changes } = diffDeclarations(a, b);
  expect(asJson(applyChanges(a, changes))).toEqual(b);
}

/** Generous: the suite shares two cores with everything else. */
const TIMEOUT = 120_000;

describe("diffDeclarations (property)", () => {
  it("finds nothing between a document and itself, or a copy of it", () => {
    fc.assert(
      fc.property(documentArb, (a) => {
        const json = asJson(a);
        expect(diffDeclarations(json, json).changes).toEqual([]);
        expect(diffDeclarations(json, structuredClone(json)).changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it("rebuilds b from a and diff(a, b) for documents edited in the designer", () => {
    fc.assert(
      fc.property(editedPairArb, ([a, b]) => assertRoundTrip(a, b)),
      { numRuns: 400 },
    );
  }, TIMEOUT);

  it("rebuilds b from a and diff(a, b) for unrelated documents, valid or not", () => {
    fc.assert(
      fc.property(documentArb.map(asJson), documentArb.map(asJson), (a, b) => assertRoundTrip(a, b)),
      { numRuns: 400 },
    );
  }, TIMEOUT);
});
