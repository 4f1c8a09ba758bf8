/**
 * Random command sequences keep the document consistent: ids parallel to the declaration and
 * unique, no command throws, no input is mutated. They keep runOrders: an edit never changes the
 * runOrder of an action it did not move, except to make room for a new group, and then only to
 * the value right after the previous group's; and what an edit means (the groups it leaves)
 * does not depend on the runOrder values, only on the groups they make.
 * Commands are generated abstractly (indices) and resolved against the current document, with
 * some deliberately pointing at ids that do not exist. Documents start with runOrders spread
 * apart or left out, as imported pipelines have them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_PROVIDERS } from "../catalog/catalog";
import { validate } from "../validation/validate";
import { artifactFlow } from "./artifact-flow";
import { applyCommandStrict } from "./commands";
import type { DesignerCommand, DesignerDocument, DropTarget, JsonObject } from "./contract";
import { arrayOf, asObject, isInteger, isObject } from "../json";
import { actionWithId, effectiveRunOrder } from "../pipeline/pipeline-index";
import { actionById, documentFromDeclaration, readDocument, stageById } from "./document";
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
  stages.forEach((stage, i) => expect(doc.actionIds[i]).toHaveLength(arrayOf(asObject(stage).actions).length));
  const ids = [...doc.stageIds, ...allActionIds(doc)];
  expect(new Set(ids).size).toBe(ids.length);
}

/** What a document means to CodePipeline: per stage, its groups of action ids in run order. */
function meaning(doc: DesignerDocument): string[][][] {
  return readDocument(doc).stages.map((stage) => stage.groups.map((group) => group.actions.map((a) => a.id)));
}

/** The same document with each stage's groups numbered 1..n: the same groups, other values. */
function renumbered(doc: DesignerDocument): DesignerDocument {
  const index = readDocument(doc);
  const stages = arrayOf(doc.declaration.stages).map((stage, i) => {
    if (!isObject(stage)) return stage;
    const refs = index.stages[i]!.actions;
    const actions = arrayOf(stage.actions).map((action, j) => (isObject(action) ? { ...action, runOrder: refs[j]!.groupIndex + 1 } : action));
    return { ...stage, actions };
  });
  return { ...doc, declaration: { ...doc.declaration, stages } };
}

/** The actions a command places (moves or creates): the only ones whose runOrder it chooses. */
function placedBy(command: DesignerCommand, createdIds: readonly string[]): Set<string> {
  const placed = new Set(createdIds);
  if (command.type === "moveAction" || command.type === "updateAction") placed.add(command.actionId);
  return placed;
}

/**
 * Every action that stays where it was keeps its runOrder as declared (absent stays absent),
 * unless the groups placed before it leave no room below its value: then it takes the lowest
 * value above them. A runOrder the command chooses is a valid one.
 */
function assertRunOrdersKept(before: DesignerDocument, command: DesignerCommand, after: DesignerDocument, createdIds: readonly string[]): void {
  const placed = placedBy(command, createdIds);
  const old = readDocument(before);
  for (const action of readDocument(after).actions) {
    const was = actionWithId(old, action.id);
    const declared = action.raw.runOrder;
    if (was === undefined || placed.has(action.id)) {
      // A moved or added action gets a valid value when it gets one (copies keep the original's).
      const chosen = command.type === "addAction" || (command.type === "moveAction" && was?.raw.runOrder !== declared);
      if (chosen && declared !== undefined) expect(isInteger(declared) && declared >= 1, `runOrder written for ${action.id}`).toBe(true);
      continue;
    }
    if (was.raw.runOrder === declared) continue;
    // The nearest earlier group that holds an action which stayed, and the placed groups between.
    const groups = action.stage.groups;
    let h = action.groupIndex - 1;
    while (h >= 0 && groups[h]!.actions.every((a) => placed.has(a.id) || actionWithId(old, a.id) === undefined)) h--;
    const base = h < 0 ? 0 : groups[h]!.runOrder;
    const between = action.groupIndex - h - 1;
    expect(was.runOrder <= base + between, `runOrder of ${action.id} changed though there was room`).toBe(true);
    expect(declared).toBe(base + between + 1);
  }
}

/** A command's meaning does not depend on the runOrder values, only on the groups they make. */
function assertMeaningIgnoresValues(doc: DesignerDocument, command: DesignerCommand, after: DesignerDocument): void {
  // A runOrder patch sets a value, whose meaning depends on the values around it by definition.
  if (command.type === "updateAction" && "runOrder" in command.patch) return;
  expect(meaning(applyCommandStrict(renumbered(doc), command).document)).toEqual(meaning(after));
}

/** A declaration whose runOrders are spread apart (1, 4, 7…) or, where 1, left out. */
const startingDeclaration = fc.record({ spread: fc.integer({ min: 1, max: 4 }), omitOnes: fc.boolean() }).map(({ spread, omitOnes }) => {
  const declaration = sampleDeclaration();
  for (const stage of arrayOf(declaration.stages)) {
    for (const action of arrayOf(asObject(stage).actions)) {
      if (!isObject(action)) continue;
      const value = 1 + (effectiveRunOrder(action) - 1) * spread;
      if (omitOnes && value === 1) delete action.runOrder;
      else action.runOrder = value;
    }
  }
  return declaration;
});

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
  it("keeps documents consistent, keeps runOrders, and never mutates its input", () => {
    fc.assert(
      fc.property(startingDeclaration, fc.array(abstractCommand, { maxLength: 25 }), (declaration, commands) => {
        let doc = deepFreeze(documentFromDeclaration(declaration));
        for (const abstract of commands) {
          const before = JSON.stringify(doc);
          const command = deepFreeze(resolve(doc, abstract));
          const result = applyCommandStrict(doc, command);
          expect(JSON.stringify(doc)).toBe(before);
          assertConsistent(result.document);
          assertUntouchedStagesKeepIdentity(doc, command, result.document);
          assertRunOrdersKept(doc, command, result.document, result.createdIds);
          assertMeaningIgnoresValues(doc, command, result.document);
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
  }, 120_000);
});
