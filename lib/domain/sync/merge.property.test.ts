/**
 * Properties of the three-way merge: a side that changed nothing gives way to the other
 * (merge(base, x, base) = x, merge(base, base, y) = y), identical edits merge to themselves, and
 * random designer edits confined to disjoint stages and pipeline members both survive, without
 * conflicts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DesignerDocument, JsonObject } from "../designer/contract";
import { documentFromDeclaration } from "../designer/document";
import { sampleDeclaration } from "../designer/test-fixtures";
import { STARTER_TEMPLATES } from "../designer/templates";
import { declarationArb } from "../formats/testing/arbitrary-declaration";
import { deepFreeze } from "../validation/testing/edits";
import { arbitraryPipelineGarbage } from "../validation/testing/garbage";
import { arbitraryValidPipeline } from "../validation/testing/generator";
import { mergeDeclarations, resolveMerge } from "./merge";
import { editsArb, runEdits, type PipelineMember } from "./testing/edits";

const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const baseArb = fc.oneof(
  fc.constant(sampleDeclaration()),
  fc.constantFrom(...STARTER_TEMPLATES.map((t) => t.declaration)),
  arbitraryValidPipeline({ minStages: 2, maxStages: 6 }),
  declarationArb,
).map((d) => deepFreeze(asJson(d as JsonObject)));

const edited = (base: JsonObject, edits: Parameters<typeof runEdits>[1]) => asJson(runEdits(documentFromDeclaration(base), edits).declaration);

/** Generous: the suite shares two cores with everything else. */
const TIMEOUT = 120_000;

describe("mergeDeclarations (property)", () => {
  it("takes the other side whole when one side changed nothing", () => {
    fc.assert(
      fc.property(baseArb, editsArb(15), (base, edits) => {
        const x = deepFreeze(edited(base, edits));
        const theirsOnly = mergeDeclarations(base, x, base);
        expect(theirsOnly.conflicts).toEqual([]);
        expect(asJson(resolveMerge(theirsOnly))).toEqual(x);
        const mineOnly = mergeDeclarations(base, base, x);
        expect(mineOnly.conflicts).toEqual([]);
        expect(asJson(resolveMerge(mineOnly))).toEqual(x);
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it("merges identical edits on both sides to that edit", () => {
    fc.assert(
      fc.property(baseArb, editsArb(12), (base, edits) => {
        const x = deepFreeze(edited(base, edits));
        const merge = mergeDeclarations(base, x, structuredClone(x));
        expect(merge.conflicts).toEqual([]);
        expect(asJson(resolveMerge(merge))).toEqual(x);
      }),
      { numRuns: 200 },
    );
  }, TIMEOUT);

  it("keeps both sides' edits when they touch different stages and pipeline members", () => {
    const theirsMembers: PipelineMember[] = ["roleArn", "variables"];
    const mineMembers: PipelineMember[] = ["executionMode", "artifactStore"];
    fc.assert(
      fc.property(baseArb, fc.infiniteStream(fc.boolean()), editsArb(15), editsArb(15), (base, coin, theirsEdits, mineEdits) => {
        const doc: DesignerDocument = documentFromDeclaration(base);
        const split = doc.stageIds.map(() => coin.next().value as boolean);
        const theirsStages = doc.stageIds.filter((_, i) => split[i]);
        const mineStages = doc.stageIds.filter((_, i) => !split[i]);
        const theirs = asJson(runEdits(doc, theirsEdits, { stageIds: theirsStages, pipelineMembers: theirsMembers }).declaration);
        const mine = asJson(runEdits(doc, mineEdits, { stageIds: mineStages, pipelineMembers: mineMembers }).declaration);

        const merge = mergeDeclarations(base, theirs, mine);
        expect(merge.conflicts).toEqual([]);
        const stages = (side: JsonObject) => side.stages as unknown[];
        const expected = {
          ...base,
          roleArn: theirs.roleArn,
          variables: theirs.variables,
          executionMode: mine.executionMode,
          artifactStore: mine.artifactStore,
          stages: doc.stageIds.map((_, i) => (split[i] ? stages(theirs)[i] : stages(mine)[i])),
        };
        expect(asJson(resolveMerge(merge))).toEqual(asJson(expected));
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it("is total: any three documents merge, and any choices resolve, without throwing or mutating", () => {
    const anyDocument = fc.oneof(baseArb, arbitraryPipelineGarbage({ maxStages: 3 }).map(asJson), fc.constant(null));
    const related = fc.tuple(baseArb, editsArb(10), editsArb(10)).map(([base, t, m]) => [base, edited(base, t), edited(base, m)] as const);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(anyDocument, anyDocument, anyDocument), related), fc.array(fc.boolean(), { maxLength: 8 }), ([base, theirs, mine], picks) => {
        for (const d of [base, theirs, mine]) deepFreeze(d);
        const merge = mergeDeclarations(base, theirs, mine);
        const choices = Object.fromEntries(merge.conflicts.map((c, i) => [c.id, picks[i] ? "mine" : "theirs"] as const));
        resolveMerge(merge, choices);
        for (const c of merge.conflicts) expect([c.theirs.length > 0, c.mine.length > 0]).toEqual([true, true]);
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);
});
