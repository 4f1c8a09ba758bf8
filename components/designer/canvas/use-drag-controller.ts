"use client";

/**
 * Pointer-event drag and drop (works the same with a mouse, a pen, touch and Playwright's
 * mouse). A drag starts once the pointer has moved a few pixels from where it went down, so a
 * plain click still selects. While dragging, the zone under the pointer is found with
 * document.elementsFromPoint (drop zones sit under the group and action nodes, so the first
 * zone in the stack is the one the user sees); the drop itself is interpreted by interpret.ts.
 */
import { useCallback, useEffect, useRef, type PointerEvent as ReactPointerEvent } from "react";
import type { DragStore } from "./drag-store";
import { stageGapAt, zoneFromDataset, type DragPayload, type ZoneRef } from "./interpret";

const THRESHOLD_PX = 4;

export interface DropResult {
  readonly payload: DragPayload;
  readonly zone?: ZoneRef;
  readonly stageGap?: number;
}

function hitTest(payload: DragPayload, x: number, y: number): { zone?: ZoneRef; stageGap?: number } {
  const stack = document.elementsFromPoint(x, y);
  if (payload.kind === "stage") {
    // Stages follow each other along the time axis: down the canvas, or across it.
    const along = (el: HTMLElement) => {
      const r = el.getBoundingClientRect();
      return el.dataset.orientation === "horizontal" ? { at: x, start: r.left, size: r.width } : { at: y, start: r.top, size: r.height };
    };
    let stage = stack.find((el): el is HTMLElement => el instanceof HTMLElement && el.dataset.stageIndex !== undefined);
    if (!stage) {
      // In the gap between stages (still over the canvas): the nearest stage along that axis.
      if (!stack.some((el) => el instanceof HTMLElement && el.dataset.testid === "canvas")) return {};
      let best = Infinity;
      for (const el of document.querySelectorAll<HTMLElement>("[data-testid=canvas] [data-stage-index]")) {
        const { at, start, size } = along(el);
        const distance = at < start ? start - at : at > start + size ? at - start - size : 0;
        if (distance < best) {
          best = distance;
          stage = el;
        }
      }
      if (!stage) return {};
    }
    const { at, start, size } = along(stage);
    return { stageGap: stageGapAt(Number(stage.dataset.stageIndex), at, start, size) };
  }
  for (const el of stack) {
    if (el instanceof HTMLElement && el.dataset.testid === "drop-zone") {
      const zone = zoneFromDataset(el.dataset);
      if (zone) return { zone };
    }
  }
  return {};
}

/**
 * `autoPan(x, y)` is called every frame of a drag; it pans the canvas when the pointer is near
 * its edge and returns true then (so frames continue while the pointer rests there).
 */
export function useDragController(
  dragStore: DragStore,
  onDrop: (result: DropResult) => void,
  autoPan?: (x: number, y: number) => boolean,
) {
  const autoPanRef = useRef(autoPan);
  useEffect(() => {
    autoPanRef.current = autoPan;
  }, [autoPan]);
  const onDropRef = useRef(onDrop);
  useEffect(() => {
    onDropRef.current = onDrop;
  }, [onDrop]);
  const cleanupRef = useRef<(() => void) | null>(null);
  useEffect(() => () => cleanupRef.current?.(), []);

  return useCallback(
    (payload: DragPayload, label: string, event: ReactPointerEvent) => {
      cleanupRef.current?.();
      const startX = event.clientX;
      const startY = event.clientY;
      let active = false;
      let frame = 0;
      let last = { x: startX, y: startY };

      const update = () => {
        frame = 0;
        const panned = autoPanRef.current?.(last.x, last.y) ?? false;
        dragStore.set({ payload, label, x: last.x, y: last.y, ...hitTest(payload, last.x, last.y) });
        if (panned && active) frame = requestAnimationFrame(update);
      };
      const move = (e: PointerEvent) => {
        last = { x: e.clientX, y: e.clientY };
        if (!active && Math.hypot(last.x - startX, last.y - startY) < THRESHOLD_PX) return;
        if (!active) {
          active = true;
          document.body.style.cursor = "grabbing";
        }
        e.preventDefault();
        // One hit test per frame, however many pointer events arrive.
        if (!frame) frame = requestAnimationFrame(update);
      };
      const end = (e: PointerEvent) => {
        const wasActive = active;
        finish();
        if (!wasActive || e.type === "pointercancel") return;
        const hit = hitTest(payload, e.clientX, e.clientY);
        onDropRef.current({ payload, ...hit });
      };
      const keydown = (e: KeyboardEvent) => {
        if (e.key === "Escape") finish();
      };
      const finish = () => {
        if (frame) cancelAnimationFrame(frame);
        window.removeEventListener("pointermove", move);
        window.removeEventListener("pointerup", end);
        window.removeEventListener("pointercancel", end);
        window.removeEventListener("keydown", keydown, true);
        document.body.style.cursor = "";
        active = false;
        cleanupRef.current = null;
        dragStore.set(undefined);
      };
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", end);
      window.addEventListener("pointercancel", end);
      window.addEventListener("keydown", keydown, true);
      cleanupRef.current = finish;
    },
    [dragStore],
  );
}
