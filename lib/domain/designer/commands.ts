/**
 * `applyCommand(doc, command)`: every designer edit as a pure function, in the spirit of
 * React Flow's `applyChanges`. It never mutates its input, never throws, and returns the
 * document unchanged (same object) when the command names an element that does not exist.
 * Commands keep the runOrders they find: only the actions an edit places get one, and other
 * actions move up only when a new group has no free runOrder between its neighbours (stage-edit.ts).
 */
import type { CommandResult, DesignerCommand, DesignerDocument, DropTarget, JsonObject } from "./contract";
import { arrayOf, asObject, isObject } from "../json";
import { documentFromDeclaration, idAllocator, locateAction, locateStage, readDocument } from "./document";
import { namesOf, renameCopies, uniqueName } from "./naming";
import { buildAction, outputsOf } from "./new-action";
import {
  editableGroups,
  groupCopies,
  placeGroups,
  replaceStage,
  targetStageIndex,
  withoutEntry,
  writeGroups,
  type Entry,
} from "./stage-edit";

const unchanged = (document: DesignerDocument): CommandResult => ({ document, createdIds: [] });
const changed = (document: DesignerDocument, createdIds: readonly string[] = []): CommandResult => ({
  document,
  createdIds,
});

export function applyCommand(doc: DesignerDocument, command: DesignerCommand): CommandResult {
  try {
    return applyCommandStrict(doc, command);
  } catch {
    // Commands are total by design; this guard only keeps a bug from crashing the editor.
    return unchanged(doc);
  }
}

/** `applyCommand` without the safety net: tests use it so a bug shows up as a throw. */
export function applyCommandStrict(doc: DesignerDocument, c: DesignerCommand): CommandResult {
  switch (c.type) {
    case "addStage":
      return addStage(doc, c.index, c.name);
    case "removeStage":
      return removeStage(doc, c.stageId);
    case "renameStage":
      return patchStage(doc, c.stageId, { name: c.name });
    case "moveStage":
      return moveStage(doc, c.stageId, c.toIndex);
    case "duplicateStage":
      return duplicateStage(doc, c.stageId);
    case "updateStage":
      return patchStage(doc, c.stageId, c.patch);
    case "addAction":
      return addAction(doc, c);
    case "moveAction":
      return moveAction(doc, c.actionId, c.target);
    case "removeAction":
      return removeAction(doc, c.actionId);
    case "duplicateAction":
      return duplicateAction(doc, c.actionId);
    case "renameAction":
      return patchAction(doc, c.actionId, { name: c.name });
    case "updateAction":
      return patchAction(doc, c.actionId, c.patch);
    case "updatePipeline":
      return updatePipeline(doc, c.patch);
    case "pasteActions":
      return pasteActions(doc, c.actions, c.target);
    case "pasteStage":
      return pasteStage(doc, c.stage, c.afterStageId);
    case "replaceDeclaration":
      return replaceDeclaration(doc, c.declaration);
    default:
      return unchanged(doc);
  }
}

// --- helpers --------------------------------------------------------------------------------

/** Applies a patch: `undefined` removes a member; `protectedKeys` are ignored (they carry ids). */
function applyPatch(object: JsonObject, patch: JsonObject, protectedKeys: readonly string[]): JsonObject {
  const out: JsonObject = { ...object };
  for (const [key, value] of Object.entries(patch)) {
    if (protectedKeys.includes(key)) continue;
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

/** True when applying the patch would change nothing (so no undo entry is recorded for it). */
function patchIsNoOp(object: JsonObject, patch: JsonObject, protectedKeys: readonly string[]): boolean {
  return Object.entries(patch).every(
    ([key, value]) => protectedKeys.includes(key) || (value === undefined ? !(key in object) : object[key] === value),
  );
}

function withStages(
  doc: DesignerDocument,
  stages: unknown[],
  stageIds: readonly string[],
  actionIds: readonly (readonly string[])[],
): DesignerDocument {
  return { declaration: { ...doc.declaration, stages }, stageIds, actionIds };
}

/** The names of stage `stageIndex`'s actions (to keep new names unique in the stage). */
function actionNamesIn(doc: DesignerDocument, stageIndex: number): Set<string> {
  const names = new Set<string>();
  for (const action of readDocument(doc).stages[stageIndex]?.actions ?? []) if (action.name !== undefined) names.add(action.name);
  return names;
}

function clampIndex(index: number, length: number): number {
  if (!Number.isFinite(index)) return length;
  return Math.min(Math.max(Math.trunc(index), 0), length);
}

// --- stages ---------------------------------------------------------------------------------

function addStage(doc: DesignerDocument, index: number, name?: string): CommandResult {
  const stages = [...arrayOf(doc.declaration.stages)];
  const at = clampIndex(index, stages.length);
  const id = idAllocator(doc)("stage");
  const stageName = name ?? uniqueName(`Stage${stages.length + 1}`, namesOf(stages));
  stages.splice(at, 0, { name: stageName, actions: [] });
  const stageIds = [...doc.stageIds];
  stageIds.splice(at, 0, id);
  const actionIds = [...doc.actionIds];
  actionIds.splice(at, 0, []);
  return changed(withStages(doc, stages, stageIds, actionIds), [id]);
}

function removeStage(doc: DesignerDocument, stageId: string): CommandResult {
  const i = locateStage(doc, stageId);
  if (i === undefined) return unchanged(doc);
  const stages = arrayOf(doc.declaration.stages).filter((_, k) => k !== i);
  return changed(
    withStages(
      doc,
      stages,
      doc.stageIds.filter((_, k) => k !== i),
      doc.actionIds.filter((_, k) => k !== i),
    ),
  );
}

function moveStage(doc: DesignerDocument, stageId: string, toIndex: number): CommandResult {
  const i = locateStage(doc, stageId);
  if (i === undefined) return unchanged(doc);
  const to = clampIndex(toIndex, doc.stageIds.length - 1);
  if (to === i) return unchanged(doc);
  const move = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    const [item] = copy.splice(i, 1);
    copy.splice(to, 0, item!);
    return copy;
  };
  return changed(withStages(doc, move(arrayOf(doc.declaration.stages)), move(doc.stageIds), move(doc.actionIds)));
}

function patchStage(doc: DesignerDocument, stageId: string, patch: JsonObject): CommandResult {
  const i = locateStage(doc, stageId);
  const stage = i === undefined ? undefined : arrayOf(doc.declaration.stages)[i];
  if (i === undefined || !isObject(stage) || patchIsNoOp(stage, patch, ["actions"])) return unchanged(doc);
  // `actions` is edited through action commands only: replacing it here would orphan the ids.
  return changed(replaceStage(doc, i, applyPatch(stage, patch, ["actions"]), doc.actionIds[i] ?? []));
}

/** Inserts a copy of a stage (its actions renamed to stay unique) at `at`. */
function insertStageCopy(doc: DesignerDocument, source: JsonObject, at: number, copyName: boolean): CommandResult {
  const allocate = idAllocator(doc);
  const stages = [...arrayOf(doc.declaration.stages)];
  const stageNames = namesOf(stages);
  const baseName = typeof source.name === "string" ? source.name : "Stage";
  const name = copyName ? uniqueName(`${baseName}-copy`, stageNames) : uniqueName(baseName, stageNames);
  const sourceActions = arrayOf(asObject(source).actions).filter(isObject);
  const actions = renameCopies(doc.declaration, sourceActions, new Set(), false);
  const stageId = allocate("stage");
  const ids = actions.map(() => allocate("action"));
  const stage = { ...structuredClone(source), name, actions };
  stages.splice(at, 0, stage);
  const stageIds = [...doc.stageIds];
  stageIds.splice(at, 0, stageId);
  const actionIds = [...doc.actionIds];
  actionIds.splice(at, 0, ids);
  // The copy keeps its actions' runOrders: they only order actions within the stage.
  return changed(withStages(doc, stages, stageIds, actionIds), [stageId, ...ids]);
}

function duplicateStage(doc: DesignerDocument, stageId: string): CommandResult {
  const i = locateStage(doc, stageId);
  const stage = i === undefined ? undefined : arrayOf(doc.declaration.stages)[i];
  if (i === undefined || !isObject(stage)) return unchanged(doc);
  return insertStageCopy(doc, stage, i + 1, true);
}

function pasteStage(doc: DesignerDocument, stage: JsonObject, afterStageId?: string): CommandResult {
  if (!isObject(stage)) return unchanged(doc);
  let at = doc.stageIds.length;
  if (afterStageId !== undefined) {
    const i = locateStage(doc, afterStageId);
    if (i === undefined) return unchanged(doc);
    at = i + 1;
  }
  return insertStageCopy(doc, stage, at, false);
}

// --- actions --------------------------------------------------------------------------------

function addAction(doc: DesignerDocument, c: Extract<DesignerCommand, { type: "addAction" }>): CommandResult {
  const si = targetStageIndex(doc, c.target);
  if (si === undefined) return unchanged(doc);
  const id = idAllocator(doc)("action");
  const groups = editableGroups(doc, si);
  const marker: Entry = { id, action: undefined };
  const placed = placeGroups(groups, c.target, [[marker]]);
  if (!placed) return unchanged(doc);
  const g = placed.findIndex((group) => group.includes(marker));
  // Artifacts of actions that run strictly earlier: earlier stages, then earlier groups here.
  const earlier = [
    ...readDocument(doc).actions.filter((a) => a.stageIndex < si).map((a) => a.raw),
    ...placed.slice(0, g).flatMap((group) => group.map((e) => e.action)),
  ];
  const taken = actionNamesIn(doc, si);
  const action = buildAction(doc.declaration, c.actionType, taken, outputsOf(earlier), c.name);
  const final = placed.map((group) => group.map((e) => (e === marker ? { id, action } : e)));
  return changed(writeGroups(doc, si, final, new Set([id])), [id]);
}

function moveAction(doc: DesignerDocument, actionId: string, target: DropTarget): CommandResult {
  const from = locateAction(doc, actionId);
  const to = targetStageIndex(doc, target);
  if (from === undefined || to === undefined) return unchanged(doc);
  const removed = withoutEntry(editableGroups(doc, from.stageIndex), actionId);
  if (!removed) return unchanged(doc);
  if (from.stageIndex === to) {
    // Target indices count the moved action's group even if it empties: they are what the user saw.
    const placed = placeGroups(removed.groups, target, [[removed.entry]]);
    return placed ? changed(writeGroups(doc, to, placed, new Set([actionId]))) : unchanged(doc);
  }
  const placed = placeGroups(editableGroups(doc, to), target, [[removed.entry]]);
  if (!placed) return unchanged(doc);
  const afterRemoval = writeGroups(doc, from.stageIndex, removed.groups);
  return changed(writeGroups(afterRemoval, to, placed, new Set([actionId])));
}

function removeAction(doc: DesignerDocument, actionId: string): CommandResult {
  const from = locateAction(doc, actionId);
  if (from === undefined) return unchanged(doc);
  const removed = withoutEntry(editableGroups(doc, from.stageIndex), actionId);
  return removed ? changed(writeGroups(doc, from.stageIndex, removed.groups)) : unchanged(doc);
}

function duplicateAction(doc: DesignerDocument, actionId: string): CommandResult {
  const from = locateAction(doc, actionId);
  if (from === undefined) return unchanged(doc);
  const action = arrayOf(asObject(arrayOf(doc.declaration.stages)[from.stageIndex]).actions)[from.actionIndex];
  if (!isObject(action)) return unchanged(doc);
  const [copy] = renameCopies(doc.declaration, [action], actionNamesIn(doc, from.stageIndex), true);
  const id = idAllocator(doc)("action");
  // The copy runs in parallel with the original, right beside it.
  const groups = editableGroups(doc, from.stageIndex).map((group) => {
    const k = group.findIndex((e) => e.id === actionId);
    if (k < 0) return group;
    const next = [...group];
    next.splice(k + 1, 0, { id, action: copy });
    return next;
  });
  return changed(writeGroups(doc, from.stageIndex, groups, new Set([id])), [id]);
}

function patchAction(doc: DesignerDocument, actionId: string, patch: JsonObject): CommandResult {
  const at = locateAction(doc, actionId);
  if (at === undefined) return unchanged(doc);
  const stage = arrayOf(doc.declaration.stages)[at.stageIndex];
  const action = arrayOf(asObject(stage).actions)[at.actionIndex];
  if (!isObject(stage) || !isObject(action) || patchIsNoOp(action, patch, [])) return unchanged(doc);
  const actions = [...arrayOf(asObject(stage).actions)];
  actions[at.actionIndex] = applyPatch(action, patch, []);
  // A patched runOrder regroups the action by itself: the value is the user's, kept as given.
  return changed(replaceStage(doc, at.stageIndex, { ...stage, actions }, doc.actionIds[at.stageIndex] ?? []));
}

function pasteActions(doc: DesignerDocument, copied: readonly JsonObject[], target: DropTarget): CommandResult {
  const si = targetStageIndex(doc, target);
  if (si === undefined) return unchanged(doc);
  const objects = copied.filter(isObject);
  if (objects.length === 0) return unchanged(doc);
  const taken = actionNamesIn(doc, si);
  const copies = renameCopies(doc.declaration, objects, taken, false);
  const allocate = idAllocator(doc);
  const ids = copies.map(() => allocate("action"));
  // Copied sequential groups stay sequential (a Build → Test pair keeps its order).
  const placed = placeGroups(editableGroups(doc, si), target, groupCopies(copies, ids));
  return placed ? changed(writeGroups(doc, si, placed, new Set(ids)), ids) : unchanged(doc);
}

// --- pipeline -------------------------------------------------------------------------------

function updatePipeline(doc: DesignerDocument, patch: JsonObject): CommandResult {
  // `stages` is edited through stage commands (or replaceDeclaration) so ids stay parallel.
  if (patchIsNoOp(doc.declaration, patch, ["stages"])) return unchanged(doc);
  const declaration = applyPatch(doc.declaration, patch, ["stages"]);
  return changed({ ...doc, declaration });
}

function replaceDeclaration(doc: DesignerDocument, declaration: JsonObject): CommandResult {
  if (!isObject(declaration)) return unchanged(doc);
  const next = documentFromDeclaration(declaration, idAllocator(doc));
  return changed(next);
}
