"use client";

/**
 * Keyboard shortcuts of the editor: every drag has a key alternative (see SHORTCUTS), plus
 * delete, undo/redo, copy/paste and duplicate. Keys typed into form fields are left alone.
 */
import { useEffect, useRef } from "react";
import { copySelection, parseClipboard, pasteCommand } from "@/lib/domain/designer/clipboard";
import type { DesignerCommand, DesignerDocument, Selection } from "@/lib/domain/designer/contract";
import { commandForActionKey, commandForStageKey, type MoveKey } from "@/components/designer/canvas/interpret";

export const SHORTCUTS: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: "Tab / Shift+Tab", does: "Move between stages and actions (focus selects)" },
  { keys: "Alt+↑ / Alt+↓", does: "Action: join the previous / next group (run in parallel)" },
  { keys: "Alt+Shift+↑ / Alt+Shift+↓", does: "Action: own group before / after (run in sequence)" },
  { keys: "Alt+← / Alt+→", does: "Action: move to the previous / next stage · Stage: reorder" },
  { keys: "Delete / Backspace", does: "Remove the selected action or stage" },
  { keys: "Ctrl/⌘+Z, Ctrl/⌘+Shift+Z (or Ctrl+Y)", does: "Undo, redo" },
  { keys: "Ctrl/⌘+C, Ctrl/⌘+V", does: "Copy, paste the selected action or stage" },
  { keys: "Ctrl/⌘+D", does: "Duplicate the selection" },
  { keys: "Enter on a palette item", does: "Add it to the selected stage (as a new last group)" },
  { keys: "Escape", does: "Cancel a drag; select the pipeline" },
];

function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

const ARROWS: Record<string, "up" | "down" | "left" | "right"> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

export interface EditorKeyApi {
  readonly getDocument: () => DesignerDocument;
  readonly getSelection: () => Selection;
  readonly dispatch: (command: DesignerCommand) => void;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly select: (selection: Selection) => void;
}

/**
 * Listens on the window, not on a node: a node that moves re-renders elsewhere in the DOM and
 * may lose focus, and the shortcuts must keep working. `afterCommand` restores focus.
 */
export function useEditorKeys(api: EditorKeyApi, afterCommand: () => void) {
  // In-app clipboard: reading the system clipboard needs a permission prompt.
  const clipboard = useRef<string | undefined>(undefined);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isFormField(e.target)) return;
      if (e.target instanceof HTMLElement && e.target.closest("[role=dialog]")) return;
      const doc = api.getDocument();
      const selection = api.getSelection();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let command: DesignerCommand | undefined;
      let handled = true;

      if (mod && key === "z") {
        if (e.shiftKey) api.redo();
        else api.undo();
        afterCommand();
      } else if (mod && key === "y") {
        api.redo();
        afterCommand();
      } else if (mod && key === "c") {
        const text = copySelection(doc, selection);
        if (text === undefined) handled = false;
        else {
          clipboard.current = text;
          // Best effort: the system clipboard too (to paste into another tab or a file).
          void navigator.clipboard?.writeText(text).catch(() => undefined);
        }
      } else if (mod && key === "v") {
        const content = clipboard.current === undefined ? undefined : parseClipboard(clipboard.current);
        if (content) command = pasteCommand(doc, content, selection);
        else handled = false;
      } else if (mod && key === "d") {
        if (selection.kind === "action") command = { type: "duplicateAction", actionId: selection.actionId };
        else if (selection.kind === "stage") command = { type: "duplicateStage", stageId: selection.stageId };
      } else if (!mod && (e.key === "Delete" || e.key === "Backspace")) {
        if (selection.kind === "action") command = { type: "removeAction", actionId: selection.actionId };
        else if (selection.kind === "stage") command = { type: "removeStage", stageId: selection.stageId };
        else handled = false;
      } else if (e.altKey && !mod && ARROWS[e.key]) {
        const arrow = ARROWS[e.key]!;
        if (selection.kind === "action") {
          const move: MoveKey = e.shiftKey && (arrow === "up" || arrow === "down") ? (arrow === "up" ? "new-before" : "new-after") : arrow;
          command = commandForActionKey(doc, selection.actionId, move);
        } else if (selection.kind === "stage" && (arrow === "left" || arrow === "right")) {
          command = commandForStageKey(doc, selection.stageId, arrow);
        }
      } else if (e.key === "Escape") {
        api.select({ kind: "pipeline" });
      } else {
        handled = false;
      }
      if (command) {
        api.dispatch(command);
        afterCommand();
      }
      if (handled) e.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [api, afterCommand]);
}
