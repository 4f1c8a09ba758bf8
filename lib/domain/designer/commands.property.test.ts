/**
 * Random command sequences keep the document consistent: ids parallel to the declaration and
 * unique, every stage's runOrders exactly 1..n, no command throws, no input is mutated.
 * Commands are generated abstractly (indices) and resolved against the current document, with
 * some deliberately pointing at ids that do not exist.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_PROVIDERS } from "../catalog/catalog";
import { validate } from "../validation/validate";
import { artifactFlow } from "./artifact-flow";
import { applyCommandStrict } from "./commands";
import type { DesignerCommand, DesignerDocument, DropTarget, JsonObject } from "./contract";
import { arrayOf, asObject } from "../json";
import { effectiveRunOrder } from "../pipeline/pipeline-index";
import { actionById, documentFromDeclaration, stageById } from "./document";
import { groupIssues } from "./issues";
import { sampleDeclaration } from "./test-fixtures";
import { STARTER_TEMPLATES } from "./templates";

type Pick = number;

const abstractCommand = fc.oneof(
  fc.record({ t: fc.constant("addStage"), i: fc.integer({ min: -1, max: 8 }) }),
  fc.record({ t: fc.constantFrom("removeStage", "duplicateStage", "renameStage", "updateStage"), s: fc.nat() }),
  fc.record({ t: fc.constant("moveStage"), s: fc.nat(), i: fc.integer({ min: -1, max: 8 }) }),
  fc.record({ t: fc.constant("addAction"), p: fc.nat(ACTION_PROVIDERS.length - 1), target: fc.tuple(fc.nat(), fc.boolean(), fc.integer({ min: -1, max: 6 })) }),
  fc.record({ t: fc.constant("moveAction"), a: fc.nat(), target: fc.tuple(fc.nat(), fc.boolean(), fc.integer({ min: -1, max: 6 })) }),
  fc.record({ t: fc.constantFrom("removeAction", "duplicateAction", "renameAction"), a: fc.nat() }),
  fc.record({ t: fc.constant("updateAction"), a: fc.nat(), runOrder: fc.oneof(fc.integer({ min: -3, max: 1000 }), fc.constant("x"), fc.constant(undefined)) }),
  fc.record({ t: fc.constant("updatePipeline"), v: fc.constantFrom("V1", "V2", undefined) }),
  fc.record({ t: fc.constant("pasteActions"), a: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), target: fc.tuple(fc.nat(), fc.boolean(), fc.integer({ min: -1, max: 6 })) }),
  fc.record({ t: fc.constant("pasteStage"), s: fc.nat(), after: fc.option(fc.nat()) }),
  fc.record({ t: fc.constant("replaceDeclaration"), n: fc.nat(STARTER_TEMPLATES.length - 1) }),
);

type Abstract = typeof abstractCommand extends fc.Arbitrary<infer T> ? T : never;

function allActionIds(doc: DesignerDocument): string[] {
  return doc.actionIds.flat();
}

/** Picks an existing id most of the time, and now and then one that does not exist. */
function pick(ids: readonly string[], n: Pick): string {
  if (ids.length === 0 || n % 11 === 10) return "missing";
  return ids[n % ids.length]!;
}

function target(doc: DesignerDocument, [s, join, k]: [number, boolean, number]): DropTarget {
  const stageId = pick(doc.stageIds, s);
  return join ? { stageId, kind: "join", group: k } : { stageId, kind: "insert", position: k };
}

function resolve(doc: DesignerDocument, c: Abstract): DesignerCommand {
  switch (c.t) {
    case "addStage":
      return { type: "addStage", index: c.i };
    case "removeStage":
    case "duplicateStage":
      return { type: c.t, stageId: pick(doc.stageIds, c.s) };
    case "renameStage":
      return { type: "renameStage", stageId: pick(doc.stageIds, c.s), name: `S${c.s}` };
    case "updateStage":
      return { type: "updateStage", stageId: pick(doc.stageIds, c.s), patch: { onFailure: { result: "ROLLBACK" }, actions: [] } };
    case "moveStage":
      return { type: "moveStage", stageId: pick(doc.stageIds, c.s), toIndex: c.i };
    case "addAction": {
      const p = ACTION_PROVIDERS[c.p]!;
      const actionType = { category: p.category, owner: p.owner, provider: p.provider, version: p.version };
      return { type: "addAction", actionType, target: target(doc, c.target) };
    }
    case "moveAction":
      return { type: "moveAction", actionId: pick(allActionIds(doc), c.a), target: target(doc, c.target) };
    case "removeAction":
    case "duplicateAction":
      return { type: c.t, actionId: pick(allActionIds(doc), c.a) };
    case "renameAction":
      return { type: "renameAction", actionId: pick(allActionIds(doc), c.a), name: `A${c.a}` };
    case "updateAction":
      return { type: "updateAction", actionId: pick(allActionIds(doc), c.a), patch: { runOrder: c.runOrder } };
    case "updatePipeline":
      return { type: "updatePipeline", patch: { pipelineType: c.v, stages: [] } };
    case "pasteActions": {
      const actions = c.a.map((n) => actionById(doc, pick(allActionIds(doc), n))).filter((a): a is JsonObject => !!a);
      return { type: "pasteActions", actions, target: target(doc, c.target) };
    }
    case "pasteStage": {
      const stage = stageById(doc, pick(doc.stageIds, c.s)) ?? { name: "Empty", actions: [] };
      return c.after === null
        ? { type: "pasteStage", stage }
        : { type: "pasteStage", stage, afterStageId: pick(doc.stageIds, c.after) };
    }
    case "replaceDeclaration":
      return { type: "replaceDeclaration", declaration: structuredClone(STARTER_TEMPLATES[c.n]!.declaration) };
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function assertConsistent(doc: DesignerDocument): void {
  const stages = arrayOf(doc.declaration.stages);
  expect(doc.stageIds).toHaveLength(stages.length);
  expect(doc.actionIds).toHaveLength(stages.length);
  stages.forEach((stage, i) => {
    const actions = arrayOf(asObject(stage).actions);
    expect(doc.actionIds[i]).toHaveLength(actions.length);
    const orders = [...new Set(actions.map(effectiveRunOrder))].sort((a, b) => a - b);
    expect(orders).toEqual(orders.map((_, k) => k + 1));
    for (const action of actions) expect(Number.isInteger((action as JsonObject).runOrder)).toBe(true);
  });
  const ids = [...doc.stageIds, ...allActionIds(doc)];
  expect(new Set(ids).size).toBe(ids.length);
}

/** Commands aimed at one stage leave every other stage object as it was. */
function assertUntouchedStagesKeepIdentity(before: DesignerDocument, command: DesignerCommand, after: DesignerDocument): void {
  let touched: string | undefined;
  if (command.type === "renameStage" || command.type === "updateStage") touched = command.stageId;
  else if (command.type === "renameAction" || command.type === "updateAction" || command.type === "removeAction") {
    touched = before.stageIds[before.actionIds.findIndex((ids) => ids.includes(command.actionId))];
  } else return;
  for (const id of before.stageIds) {
    if (id !== touched) expect(stageById(after, id)).toBe(stageById(before, id));
  }
}

describe("applyCommand (property)", () => {
  it("keeps documents consistent and never mutates its input", () => {
    fc.assert(
      fc.property(fc.array(abstractCommand, { maxLength: 25 }), (commands) => {
        let doc = deepFreeze(documentFromDeclaration(sampleDeclaration()));
        for (const abstract of commands) {
          const before = JSON.stringify(doc);
          const command = resolve(doc, abstract);
          const result = applyCommandStrict(doc, deepFreeze(command));
          expect(JSON.stringify(doc)).toBe(before);
          assertConsistent(result.document);
          assertUntouchedStagesKeepIdentity(doc, command, result.document);
          for (const id of result.createdIds) {
            expect(result.document.stageIds.includes(id) || allActionIds(result.document).includes(id)).toBe(true);
          }
          doc = deepFreeze(result.document);
        }
        // The views over a document stay total too.
        artifactFlow(doc);
        groupIssues(doc, validate(doc.declaration, { region: "us-east-1" }));
      }),
      { numRuns: 300 },
    );
  });
});
