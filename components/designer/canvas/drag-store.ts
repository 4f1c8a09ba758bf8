/**
 * The transient state of a drag (what is dragged, where the pointer is, which zone it is over).
 * Kept apart from the design store so pointer moves re-render only the ghost and the hovered
 * stage, never the projection.
 */
import { useSyncExternalStore } from "react";
import type { DragPayload, ZoneRef } from "./interpret";

export interface DragState {
  readonly payload: DragPayload;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  /** The action drop zone under the pointer. */
  readonly zone?: ZoneRef;
  /** For stage drags: the gap between stages the stage would land in. */
  readonly stageGap?: number;
}

export interface DragStore {
  get(): DragState | undefined;
  set(state: DragState | undefined): void;
  subscribe(listener: () => void): () => void;
}

export function createDragStore(): DragStore {
  let state: DragState | undefined;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      state = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A slice of the drag state; `select` must return a primitive (or a stable value). */
export function useDragSelector<T>(store: DragStore, select: (state: DragState | undefined) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.get()),
    () => select(undefined),
  );
}
