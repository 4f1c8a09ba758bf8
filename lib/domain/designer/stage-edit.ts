/**
 * Editing the action groups of one stage. Commands read a stage as groups of entries
 * ({id, action}), rearrange them, and write them back. Writing changes as little of the
 * declaration as the edit allows, so that a diff against the deployed pipeline shows only what
 * the user did: actions the edit did not move keep their runOrder and their place in the list,
 * unless a new group must fit between two consecutive runOrders (then the later groups move up
 * just enough). Everything returns new objects; untouched actions, stages and documents keep
 * their identity.
 */
import type { DesignerDocument, DropTarget, JsonObject } from "./contract";
import { arrayOf, asObject, isInteger, isObject } from "../json";
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

/** Sets a runOrder, keeping the action's identity when its effective runOrder already is that. */
function withRunOrder(action: unknown, runOrder: number): unknown {
  if (!isObject(action) || effectiveRunOrder(action) === runOrder) return action;
  return { ...action, runOrder };
}

/** The runOrder all entries declare, when they declare the same valid one. */
function sharedRunOrder(group: readonly Entry[]): number | undefined {
  const first = asObject(group[0]?.action).runOrder;
  if (!isInteger(first) || first < 1) return undefined;
  return group.every((e) => asObject(e.action).runOrder === first) ? first : undefined;
}

/**
 * The runOrder of each group, strictly ascending, changing as few as the new grouping allows.
 * `placed` are the entries this edit moved or created. A group holding an entry that stayed keeps
 * that entry's runOrder (its anchor) unless the groups before it now need that value or more;
 * then it takes the next one. Groups of placed entries fill the room below the next anchor: they
 * keep the runOrder their entries share when it fits there (leaving room for the placed groups
 * after them), else take the value after the previous group's.
 */
export function assignRunOrders(groups: readonly (readonly Entry[])[], placed: ReadonlySet<string>): number[] {
  const anchors = groups.map((group) => {
    const stayed = group.find((e) => !placed.has(e.id));
    return stayed === undefined ? undefined : effectiveRunOrder(stayed.action);
  });
  let previous = 0;
  return groups.map((group, g) => {
    const anchor = anchors[g];
    let value: number;
    if (anchor !== undefined) value = Math.max(anchor, previous + 1);
    else {
      let next = g + 1;
      while (next < groups.length && anchors[next] === undefined) next++;
      const nextAnchor = anchors[next];
      // The highest value that still leaves one below the next anchor for each placed group after this one.
      const ceiling = nextAnchor === undefined ? Infinity : nextAnchor - 1 - (next - g - 1);
      const own = sharedRunOrder(group);
      value = own !== undefined && own > previous && own <= ceiling ? own : previous + 1;
    }
    previous = value;
    return value;
  });
}

/**
 * Writes groups back as stage `stageIndex`: empty groups vanish, each group gets its runOrder
 * (assignRunOrders), entries that stayed keep their order in the list, and each placed entry goes
 * right after the entry it follows on the canvas (so a group's actions stay in canvas order).
 */
export function writeGroups(
  doc: DesignerDocument,
  stageIndex: number,
  groups: Groups,
  placed: ReadonlySet<string> = NONE,
): DesignerDocument {
  const stage = arrayOf(doc.declaration.stages)[stageIndex];
  if (!isObject(stage)) return doc;
  const nonEmpty = groups.filter((g) => g.length > 0);
  const orders = assignRunOrders(nonEmpty, placed);
  const canvas = nonEmpty.flatMap((group, g) => group.map((entry) => ({ id: entry.id, action: withRunOrder(entry.action, orders[g]!) })));
  const byId = new Map(canvas.map((entry) => [entry.id, entry]));
  const beforeIds = doc.actionIds[stageIndex] ?? [];
  const list = beforeIds.filter((id) => byId.has(id) && !placed.has(id)).map((id) => byId.get(id)!);
  canvas.forEach((entry, k) => {
    if (!placed.has(entry.id)) return;
    list.splice(k === 0 ? 0 : list.indexOf(canvas[k - 1]!) + 1, 0, entry);
  });
  const actions = list.map((e) => e.action);
  const ids = list.map((e) => e.id);
  const before = stageEntries(doc, stageIndex);
  const same =
    Array.isArray(stage.actions) &&
    before.length === actions.length &&
    actions.every((a, k) => a === before[k] && ids[k] === beforeIds[k]);
  if (same) return doc;
  return replaceStage(doc, stageIndex, { ...stage, actions }, ids);
}

const NONE: ReadonlySet<string> = new Set();

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

/** Groups copied actions by their runOrder, preserving their relative order, for paste. */
export function groupCopies(actions: readonly JsonObject[], ids: readonly string[]): Entry[][] {
  return groupByRunOrder(actions.map(effectiveRunOrder)).map((group) =>
    group.members.map((k) => ({ id: ids[k]!, action: actions[k] })),
  );
}
