"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { GroupNode as GroupNodeType } from "../project";

/**
 * An action group (one runOrder). Transparent, so the stage's join-zone highlight underneath
 * shows through when an item is dragged over it; outlined only when its actions run in parallel.
 */
function GroupNodeView({ data }: NodeProps<GroupNodeType>) {
  return (
    <div
      data-testid="action-group"
      data-stage={data.stageId}
      data-group={data.index}
      className={`pointer-events-none relative h-full w-full rounded-[10px] ${
        data.parallel ? "border border-dashed border-indigo-300 dark:border-indigo-700" : ""
      }`}
    >
      {data.parallel && (
        <span className="absolute -top-[7px] left-2 rounded bg-slate-50 px-1 text-[9px] font-semibold uppercase leading-3 tracking-wide text-indigo-500 dark:bg-slate-900 dark:text-indigo-300">
          parallel
        </span>
      )}
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
