/**
 * What a gesture means for the model. Pure: drop zones, drag payloads and keys in, a
 * DropTarget or a DesignerCommand out. The canvas only finds the zone under the pointer (or the
 * key pressed) and dispatches what these functions return, so the mapping is unit-tested here.
 */
import type { ActionTypeRef, DesignerCommand, DesignerDocument, DropTarget } from "@/lib/domain/designer/contract";
import { locateStage, readDocument } from "@/lib/domain/designer/document";
import { actionWithId } from "@/lib/domain/pipeline/pipeline-index";

/** A drop zone as the DOM describes it (data-stage, data-kind, data-index). */
export interface ZoneRef {
  readonly stageId: string;
  readonly kind: "join" | "insert";
  readonly index: number;
}

/** What is being dragged. */
export type DragPayload =
  | { readonly kind: "provider"; readonly actionType: ActionTypeRef }
  | { readonly kind: "action"; readonly actionId: string }
  | { readonly kind: "stage"; readonly stageId: string };

/** Reads a zone from an element's data attributes (undefined when they are not a zone's). */
export function zoneFromDataset(dataset: { readonly [key: string]: string | undefined }): ZoneRef | undefined {
  const { stage, kind, index } = dataset;
  const n = Number(index);
  if (!stage || (kind !== "join" && kind !== "insert") || !Number.isInteger(n) || n < 0) return undefined;
  return { stageId: stage, kind, index: n };
}

export function dropTargetOf(zone: ZoneRef): DropTarget {
  return zone.kind === "join"
    ? { stageId: zone.stageId, kind: "join", group: zone.index }
    : { stageId: zone.stageId, kind: "insert", position: zone.index };
}

/**
 * Whether dropping the action there would change nothing: joining its own group, or making a
 * new group right before/after its own group when it is alone there.
 */
export function isNoOpDrop(doc: DesignerDocument, actionId: string, target: DropTarget): boolean {
  const action = actionWithId(readDocument(doc), actionId);
  if (action === undefined || action.stage.id !== target.stageId) return false;
  const g = action.groupIndex;
  if (target.kind === "join") return target.group === g;
  const alone = action.stage.groups[g]!.actions.length === 1;
  return alone && (target.position === g || target.position === g + 1);
}

/** The command a drop makes, or undefined when it would change nothing. */
export function commandForDrop(
  doc: DesignerDocument,
  payload: DragPayload,
  target: DropTarget,
): DesignerCommand | undefined {
  if (payload.kind === "provider") return { type: "addAction", actionType: payload.actionType, target };
  if (payload.kind === "action") {
    return isNoOpDrop(doc, payload.actionId, target) ? undefined : { type: "moveAction", actionId: payload.actionId, target };
  }
  return undefined;
}

/**
 * A stage dropped at gap `position` (0 = before the first stage, n = after the last) moves to
 * this index among the stages once it has been taken out; undefined when it stays where it is.
 */
export function stageMoveIndex(from: number, position: number): number | undefined {
  const to = position > from ? position - 1 : position;
  return to === from ? undefined : to;
}

export function commandForStageDrop(doc: DesignerDocument, stageId: string, position: number): DesignerCommand | undefined {
  const from = locateStage(doc, stageId);
  if (from === undefined) return undefined;
  const toIndex = stageMoveIndex(from, Math.max(0, Math.min(position, doc.stageIds.length)));
  return toIndex === undefined ? undefined : { type: "moveStage", stageId, toIndex };
}

/**
 * The stage gap nearest a pointer over stage `index`, along the axis stages follow each other
 * on: its first half (top, or left) means before it.
 */
export function stageGapAt(index: number, pointer: number, start: number, size: number): number {
  return pointer < start + size / 2 ? index : index + 1;
}

export type MoveKey = "up" | "down" | "new-before" | "new-after" | "left" | "right";

/**
 * The keyboard alternative to dragging an action. up/down join the previous/next group;
 * new-before/new-after make the action its own group just before/after the group it was in
 * (alone there, it swaps with the neighbouring group); left/right append it as a new last group
 * of the previous/next stage.
 */
export function commandForActionKey(doc: DesignerDocument, actionId: string, key: MoveKey): DesignerCommand | undefined {
  const index = readDocument(doc);
  const action = actionWithId(index, actionId);
  if (action === undefined) return undefined;
  const { stage, groupIndex: g } = action;
  const stageId = stage.id;
  const groups = stage.groups;
  const alone = groups[g]!.actions.length === 1;
  const move = (target: DropTarget): DesignerCommand => ({ type: "moveAction", actionId, target });
  switch (key) {
    case "up":
      return g > 0 ? move({ stageId, kind: "join", group: g - 1 }) : undefined;
    case "down":
      return g + 1 < groups.length ? move({ stageId, kind: "join", group: g + 1 }) : undefined;
    case "new-before":
      if (!alone) return move({ stageId, kind: "insert", position: g });
      return g > 0 ? move({ stageId, kind: "insert", position: g - 1 }) : undefined;
    case "new-after":
      if (!alone) return move({ stageId, kind: "insert", position: g + 1 });
      return g + 1 < groups.length ? move({ stageId, kind: "insert", position: g + 2 }) : undefined;
    case "left":
    case "right": {
      const other = index.stages[key === "left" ? stage.index - 1 : stage.index + 1];
      if (other === undefined) return undefined;
      return move({ stageId: other.id, kind: "insert", position: other.groups.length });
    }
  }
}

/** Alt+Left/Right on a selected stage. */
export function commandForStageKey(doc: DesignerDocument, stageId: string, key: "left" | "right"): DesignerCommand | undefined {
  const from = locateStage(doc, stageId);
  if (from === undefined) return undefined;
  const toIndex = key === "left" ? from - 1 : from + 1;
  return toIndex < 0 || toIndex >= doc.stageIds.length ? undefined : { type: "moveStage", stageId, toIndex };
}
