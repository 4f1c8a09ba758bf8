"use client";

import { useDragSelector, type DragStore } from "./drag-store";

/** The label following the pointer while something is dragged. */
export function DragGhost({ store }: { store: DragStore }) {
  const label = useDragSelector(store, (s) => s?.label);
  const x = useDragSelector(store, (s) => s?.x ?? 0);
  const y = useDragSelector(store, (s) => s?.y ?? 0);
  const landing = useDragSelector(store, (s) => s?.zone !== undefined || s?.stageGap !== undefined);
  if (label === undefined) return null;
  return (
    <div
      aria-hidden
      data-testid="drag-ghost"
      className={`pointer-events-none fixed z-50 rounded-md border px-2 py-1 text-xs font-medium shadow-lg ${
        landing ? "border-indigo-500 bg-indigo-600 text-white" : "border-slate-300 bg-white text-slate-700 dark:bg-slate-800 dark:text-slate-200"
      }`}
      style={{ left: x + 12, top: y + 12 }}
    >
      {label}
    </div>
  );
}
