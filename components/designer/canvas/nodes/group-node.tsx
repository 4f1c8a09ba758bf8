"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { GroupNode as GroupNodeType } from "../project";

/**
 * An action group (one runOrder). Transparent, so the stage's join-zone highlight underneath
 * shows through when an item is dragged over it.
 */
function GroupNodeView({ data }: NodeProps<GroupNodeType>) {
  return (
    <div
      data-testid="action-group"
      data-stage={data.stageId}
      data-group={data.index}
      className="pointer-events-none h-full w-full rounded-lg border border-dashed border-slate-300 dark:border-slate-600"
    >
      {data.parallel && (
        <div className="px-2.5 pt-1 text-[10px] font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
          runs in parallel
        </div>
      )}
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
