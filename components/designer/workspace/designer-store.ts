/**
 * The editor's state: undo history of documents, the selection and the collapsed stages.
 * A hand-written external store (read with useSyncExternalStore): `dispatch(command)` applies a
 * DesignerCommand with the domain's applyCommand and records it in the history; no-op commands
 * (applyCommand returned the same document) are not recorded.
 */
import { useSyncExternalStore } from "react";
import { applyCommand } from "@/lib/domain/designer/commands";
import type { DesignerCommand, DesignerDocument, History, Selection } from "@/lib/domain/designer/contract";
import { locateAction, locateStage } from "@/lib/domain/designer/document";
import { canRedo, canUndo, createHistory, record, redo as redoHistory, undo as undoHistory } from "@/lib/domain/designer/history";
import type { Orientation } from "../canvas/layout";

export interface DesignerState {
  readonly history: History;
  readonly selection: Selection;
  readonly collapsed: ReadonlySet<string>;
  /** A diagnostic path the inspector should reveal (set by the problems panel). */
  readonly focusPath?: string;
  /** Incremented by every select that asks for a field to be focused. */
  readonly focusRequest: number;
  readonly showFlow: boolean;
  /** Which way time runs on the canvas. */
  readonly orientation: Orientation;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

export interface DesignerStore {
  getState(): DesignerState;
  subscribe(listener: () => void): () => void;
  dispatch(command: DesignerCommand): void;
  undo(): void;
  redo(): void;
  select(selection: Selection, focusPath?: string): void;
  toggleCollapsed(stageId: string): void;
  setShowFlow(on: boolean): void;
  setOrientation(orientation: Orientation): void;
}

const PIPELINE: Selection = { kind: "pipeline" };

/** The selection if it still names an element of the document, else the pipeline. */
function stillValid(doc: DesignerDocument, selection: Selection): Selection {
  if (selection.kind === "stage") return locateStage(doc, selection.stageId) === undefined ? PIPELINE : selection;
  if (selection.kind === "action") return locateAction(doc, selection.actionId) === undefined ? PIPELINE : selection;
  return selection;
}

function selectionOf(doc: DesignerDocument, id: string): Selection | undefined {
  if (locateAction(doc, id) !== undefined) return { kind: "action", actionId: id };
  if (locateStage(doc, id) !== undefined) return { kind: "stage", stageId: id };
  return undefined;
}

export function createDesignerStore(initial: DesignerDocument, orientation: Orientation = "vertical"): DesignerStore {
  let state: DesignerState = withFlags({
    history: createHistory(initial),
    selection: PIPELINE,
    focusRequest: 0,
    collapsed: new Set(),
    showFlow: false,
    orientation,
    canUndo: false,
    canRedo: false,
  });
  const listeners = new Set<() => void>();

  function withFlags(s: DesignerState): DesignerState {
    return { ...s, canUndo: canUndo(s.history), canRedo: canRedo(s.history) };
  }
  function set(next: DesignerState) {
    state = withFlags(next);
    for (const l of listeners) l();
  }
  function moveTo(history: History, selection: Selection = state.selection) {
    set({ ...state, history, selection: stillValid(history.present, selection), focusPath: undefined });
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(command) {
      const present = state.history.present;
      const result = applyCommand(present, command);
      if (result.document === present) return;
      const created = result.createdIds.map((id) => selectionOf(result.document, id)).find((s) => s !== undefined);
      moveTo(record(state.history, result), created ?? state.selection);
    },
    undo() {
      if (canUndo(state.history)) moveTo(undoHistory(state.history));
    },
    redo() {
      if (canRedo(state.history)) moveTo(redoHistory(state.history));
    },
    select(selection, focusPath) {
      const current = state.selection;
      const same =
        current.kind === selection.kind &&
        (selection.kind === "pipeline" ||
          (selection.kind === "stage" && current.kind === "stage" && current.stageId === selection.stageId) ||
          (selection.kind === "action" && current.kind === "action" && current.actionId === selection.actionId));
      if (same && focusPath === undefined && state.focusPath === undefined) return;
      // Selecting an action of a collapsed stage (e.g. from the problems panel) expands the stage.
      let collapsed = state.collapsed;
      if (selection.kind === "action") {
        const at = locateAction(state.history.present, selection.actionId);
        const stageId = at === undefined ? undefined : state.history.present.stageIds[at.stageIndex];
        if (stageId !== undefined && collapsed.has(stageId)) {
          const expanded = new Set(collapsed);
          expanded.delete(stageId);
          collapsed = expanded;
        }
      }
      const focusRequest = focusPath === undefined ? state.focusRequest : state.focusRequest + 1;
      set({ ...state, selection: stillValid(state.history.present, selection), focusPath, focusRequest, collapsed });
    },
    toggleCollapsed(stageId) {
      const collapsed = new Set(state.collapsed);
      if (!collapsed.delete(stageId)) collapsed.add(stageId);
      set({ ...state, collapsed });
    },
    setShowFlow(on) {
      set({ ...state, showFlow: on });
    },
    setOrientation(orientation) {
      if (orientation !== state.orientation) set({ ...state, orientation });
    },
  };
}

export function useDesignerState(store: DesignerStore): DesignerState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
