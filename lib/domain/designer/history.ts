/**
 * Undo/redo over documents. Every command that changed the document is one entry; a command
 * that left it unchanged (same object) records nothing, so a no-op never fills the undo stack.
 */
import type { CommandResult, DesignerDocument, History } from "./contract";

/** The number of undo steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

export function createHistory(document: DesignerDocument): History {
  return { past: [], present: document, future: [] };
}

/** Makes a command's result the present: the old present goes to the past, the future is cleared. */
export function record(history: History, result: CommandResult | DesignerDocument, limit = HISTORY_LIMIT): History {
  const next = "document" in result && "createdIds" in result ? result.document : result;
  if (next === history.present) return history;
  const past = [...history.past, history.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

export function canUndo(history: History): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History): boolean {
  return history.future.length > 0;
}

export function undo(history: History): History {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo(history: History): History {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}
