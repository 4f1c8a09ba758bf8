/**
 * Editing the action groups of one stage. Commands read a stage as groups of entries
 * ({id, action}), rearrange them, and write them back: writing flattens the groups in order
 * and renumbers runOrders 1..n, so the declaration and the canvas always agree.
 * Everything returns new objects; untouched actions, stages and documents keep their identity.
 */
import type { DesignerDocument, DropTarget, JsonObject } from "./contract";
import { arrayOf, asObject, isObject } from "../json";
import { effectiveRunOrder, groupByRunOrder } from "../pipeline/pipeline-index";
import { locateStage, readDocument } from "./document";

export interface Entry {
  readonly id: string;
  readonly action: unknown;
}

/** A stage's actions as groups in ascending runOrder; empty groups may appear while editing. */
export type Groups = Entry[][];

/** The action entries of a stage as they appear in its declaration (anything: imports are untrusted). */
function stageEntries(doc: DesignerDocument, stageIndex: number): readonly unknown[] {
  return arrayOf(asObject(arrayOf(doc.declaration.stages)[stageIndex]).actions);
}

/** A stage's runOrder groups, read through the read model, as entries commands can rearrange. */
export function editableGroups(doc: DesignerDocument, stageIndex: number): Groups {
  const stage = readDocument(doc).stages[stageIndex];
  if (!stage) return [];
  const entries = stageEntries(doc, stageIndex);
  return stage.groups.map((group) => group.actions.map((a) => ({ id: a.id, action: entries[a.actionIndex] })));
}

/** The stage index of a drop target, when the stage exists and can hold actions. */
export function targetStageIndex(doc: DesignerDocument, target: DropTarget): number | undefined {
  const i = locateStage(doc, target.stageId);
  return i !== undefined && isObject(arrayOf(doc.declaration.stages)[i]) ? i : undefined;
}

/**
 * Places new groups at a drop target. `join` adds the first group's entries to group `group`
 * (parallel) and inserts the rest as sequential groups right after it; `insert` inserts them all
 * as new sequential groups at `position` (clamped). Indices refer to `groups` as given, which may
 * still hold an empty slot left by a moved action, so they match what the user saw.
 * Returns undefined when a `join` names a group that does not exist.
 */
export function placeGroups(groups: Groups, target: DropTarget, incoming: readonly Entry[][]): Groups | undefined {
  const result = groups.map((g) => [...g]);
  const added = incoming.filter((g) => g.length > 0).map((g) => [...g]);
  if (target.kind === "join") {
    const g = target.group;
    if (!Number.isInteger(g) || g < 0 || g >= result.length) return undefined;
    const [first, ...rest] = added;
    if (first) result[g] = [...result[g]!, ...first];
    result.splice(g + 1, 0, ...rest);
    return result;
  }
  const p = Number.isFinite(target.position) ? Math.min(Math.max(Math.trunc(target.position), 0), result.length) : result.length;
  result.splice(p, 0, ...added);
  return result;
}

/** Removes an entry, leaving its (possibly now empty) group in place so indices stay stable. */
export function withoutEntry(groups: Groups, id: string): { groups: Groups; entry: Entry } | undefined {
  for (let g = 0; g < groups.length; g++) {
    const k = groups[g]!.findIndex((e) => e.id === id);
    if (k >= 0) {
      const copy = groups.map((group) => [...group]);
      const [entry] = copy[g]!.splice(k, 1);
      return { groups: copy, entry: entry! };
    }
  }
  return undefined;
}

/** Sets a runOrder, keeping the action's identity when it already has it. */
function withRunOrder(action: unknown, runOrder: number): unknown {
  if (!isObject(action) || action.runOrder === runOrder) return action;
  return { ...action, runOrder };
}

/**
 * Writes groups back as stage `stageIndex`: empty groups vanish, runOrders become 1..n in group
 * order, and actions are stored in group order (the canvas order).
 */
export function writeGroups(doc: DesignerDocument, stageIndex: number, groups: Groups): DesignerDocument {
  const nonEmpty = groups.filter((g) => g.length > 0);
  const actions: unknown[] = [];
  const ids: string[] = [];
  nonEmpty.forEach((group, g) => {
    for (const entry of group) {
      actions.push(withRunOrder(entry.action, g + 1));
      ids.push(entry.id);
    }
  });
  const stage = arrayOf(doc.declaration.stages)[stageIndex];
  if (!isObject(stage)) return doc;
  const before = stageEntries(doc, stageIndex);
  const beforeIds = doc.actionIds[stageIndex] ?? [];
  const same =
    Array.isArray(stage.actions) &&
    before.length === actions.length &&
    actions.every((a, k) => a === before[k] && ids[k] === beforeIds[k]);
  if (same) return doc;
  return replaceStage(doc, stageIndex, { ...stage, actions }, ids);
}

/** A document with stage `stageIndex` replaced (declaration and action ids). */
export function replaceStage(
  doc: DesignerDocument,
  stageIndex: number,
  stage: JsonObject,
  actionIds: readonly string[],
): DesignerDocument {
  const stages = [...arrayOf(doc.declaration.stages)];
  stages[stageIndex] = stage;
  const allIds = [...doc.actionIds];
  allIds[stageIndex] = actionIds;
  return { declaration: { ...doc.declaration, stages }, stageIds: doc.stageIds, actionIds: allIds };
}

/** Renumbers a stage's runOrders 1..n (after a patch that may have changed one). */
export function renumberStage(doc: DesignerDocument, stageIndex: number): DesignerDocument {
  return writeGroups(doc, stageIndex, editableGroups(doc, stageIndex));
}

/** Groups copied actions by their runOrder, preserving their relative order, for paste. */
export function groupCopies(actions: readonly JsonObject[], ids: readonly string[]): Entry[][] {
  return groupByRunOrder(actions.map(effectiveRunOrder)).map((group) =>
    group.members.map((k) => ({ id: ids[k]!, action: actions[k] })),
  );
}
