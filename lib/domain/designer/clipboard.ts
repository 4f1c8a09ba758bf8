/**
 * Copy/paste of actions and stages through the system clipboard as JSON text. The text carries
 * a marker so a paste knows it came from Pipewright; a bare action or stage declaration (copied
 * from an exported JSON file, say) is accepted too. Parsing is zod-checked: clipboard text is
 * input from outside, and a paste must never put something that is not an object into a stage.
 */
import { z } from "zod";
import type { DesignerCommand, DesignerDocument, JsonObject, Selection } from "./contract";
import { actionWithId } from "../pipeline/pipeline-index";
import { actionById, readDocument, stageById, stageOfAction } from "./document";

export const CLIPBOARD_MARKER = "pipewright/designer-clipboard";

const objectSchema = z.record(z.string(), z.unknown());

const clipboardSchema = z.discriminatedUnion("kind", [
  z.object({ marker: z.literal(CLIPBOARD_MARKER), version: z.literal(1), kind: z.literal("actions"), actions: z.array(objectSchema).min(1) }),
  z.object({ marker: z.literal(CLIPBOARD_MARKER), version: z.literal(1), kind: z.literal("stage"), stage: objectSchema }),
]);

const bareActionSchema = z.looseObject({ name: z.string(), actionTypeId: objectSchema });
const bareStageSchema = z.looseObject({ name: z.string(), actions: z.array(objectSchema) });

export type ClipboardContent =
  | { readonly kind: "actions"; readonly actions: readonly JsonObject[] }
  | { readonly kind: "stage"; readonly stage: JsonObject };

/** The clipboard text of some actions (in the order given; missing ids are skipped). */
export function copyActions(doc: DesignerDocument, actionIds: readonly string[]): string | undefined {
  const actions = actionIds.map((id) => actionById(doc, id)).filter((a): a is JsonObject => a !== undefined);
  if (actions.length === 0) return undefined;
  return JSON.stringify({ marker: CLIPBOARD_MARKER, version: 1, kind: "actions", actions }, null, 2);
}

/** The clipboard text of a stage with its actions. */
export function copyStage(doc: DesignerDocument, stageId: string): string | undefined {
  const stage = stageById(doc, stageId);
  if (!stage) return undefined;
  return JSON.stringify({ marker: CLIPBOARD_MARKER, version: 1, kind: "stage", stage }, null, 2);
}

/** The clipboard text of the selection (the pipeline itself is not copyable this way). */
export function copySelection(doc: DesignerDocument, selection: Selection): string | undefined {
  if (selection.kind === "action") return copyActions(doc, [selection.actionId]);
  if (selection.kind === "stage") return copyStage(doc, selection.stageId);
  return undefined;
}

/** Parses clipboard text; undefined when it is neither Pipewright clipboard content nor a bare action/stage. */
export function parseClipboard(text: string): ClipboardContent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const marked = clipboardSchema.safeParse(json);
  if (marked.success) {
    return marked.data.kind === "actions"
      ? { kind: "actions", actions: marked.data.actions }
      : { kind: "stage", stage: marked.data.stage };
  }
  const action = bareActionSchema.safeParse(json);
  if (action.success) return { kind: "actions", actions: [action.data] };
  const stage = bareStageSchema.safeParse(json);
  if (stage.success) return { kind: "stage", stage: stage.data };
  return undefined;
}

/**
 * The command that pastes clipboard content where the user expects it: actions after the
 * selected action's group (or at the end of the selected stage, or of the last stage); a stage
 * after the selected stage (or the stage of the selected action, or at the end).
 */
export function pasteCommand(
  doc: DesignerDocument,
  content: ClipboardContent,
  selection: Selection,
): DesignerCommand | undefined {
  const stageId =
    selection.kind === "stage"
      ? selection.stageId
      : selection.kind === "action"
        ? stageOfAction(doc, selection.actionId)
        : undefined;
  if (content.kind === "stage") {
    return stageId === undefined
      ? { type: "pasteStage", stage: content.stage }
      : { type: "pasteStage", stage: content.stage, afterStageId: stageId };
  }
  const selected = selection.kind === "action" ? actionWithId(readDocument(doc), selection.actionId) : undefined;
  if (selected !== undefined && stageId !== undefined) {
    return { type: "pasteActions", actions: content.actions, target: { stageId, kind: "insert", position: selected.groupIndex + 1 } };
  }
  const target = stageId ?? doc.stageIds[doc.stageIds.length - 1];
  if (target === undefined) return undefined;
  // A position past the last group is clamped to "after the last group".
  return { type: "pasteActions", actions: content.actions, target: { stageId: target, kind: "insert", position: Number.MAX_SAFE_INTEGER } };
}
