/**
 * What node components need from the editor (they are declared at module scope for React
 * Flow, so they reach the editor through context rather than props).
 */
import { createContext, useContext, type PointerEvent as ReactPointerEvent } from "react";
import type { Selection } from "@/lib/domain/designer/contract";
import type { DragStore } from "./drag-store";
import type { DragPayload } from "./interpret";

export interface CanvasController {
  readonly dragStore: DragStore;
  select(selection: Selection): void;
  toggleCollapsed(stageId: string): void;
  /** Pans the canvas to a node when it is not fully in view (keyboard focus, problem clicks). */
  reveal(nodeId: string): void;
  /** A pointer went down on something draggable; a drag starts once it moves a few pixels. */
  beginDrag(payload: DragPayload, label: string, event: ReactPointerEvent): void;
}

export const CanvasControllerContext = createContext<CanvasController | null>(null);

export function useCanvasController(): CanvasController {
  const controller = useContext(CanvasControllerContext);
  if (!controller) throw new Error("useCanvasController: no CanvasControllerContext provider");
  return controller;
}
