"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useCanvasController } from "../canvas-context";
import { nodeIdOf, type ActionNode as ActionNodeType } from "../project";
import { categoryStyle } from "./category-style";
import { IssueBadge } from "./issue-badge";

/** One action: name, provider, artifacts in/out and its validation state. Drag it to move it. */
function ActionNodeView({ data, selected }: NodeProps<ActionNodeType>) {
  const controller = useCanvasController();
  const style = categoryStyle(data.category);
  const selection = { kind: "action", actionId: data.actionId } as const;
  const border = data.errors
    ? "border-red-500"
    : data.warnings
      ? "border-amber-400"
      : "border-slate-300 dark:border-slate-600";
  return (
    <div
      role="button"
      tabIndex={0}
      data-testid="action-node"
      data-action-id={data.actionId}
      data-stage={data.stageId}
      aria-label={`Action ${data.name}`}
      aria-pressed={selected}
      onFocus={(e) => {
        controller.select(selection);
        // Keyboard focus only: a mouse press must not pan the canvas under the pointer.
        if (e.currentTarget.matches(":focus-visible")) controller.reveal(nodeIdOf(selection)!);
      }}
      onClick={() => controller.select(selection)}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        controller.beginDrag({ kind: "action", actionId: data.actionId }, data.name || "action", e);
      }}
      className={`nodrag nopan pointer-events-auto flex h-full w-full cursor-grab select-none flex-col gap-1 rounded-lg border-2 bg-white p-2 text-left text-xs shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:bg-slate-900 ${border} ${
        selected ? "ring-2 ring-indigo-500" : ""
      }`}
    >
      <Handle type="target" position={Position.Left} id="in" className="!opacity-0" isConnectable={false} />
      <div className="flex items-center gap-1.5">
        <span
          aria-hidden
          className={`flex h-5 w-5 shrink-0 items-center justify-center rounded text-[11px] font-bold ${style.className}`}
        >
          {style.glyph}
        </span>
        <span className="min-w-0 flex-1 truncate font-semibold" data-testid="action-name" title={data.name}>
          {data.name || "(unnamed)"}
        </span>
        <IssueBadge errors={data.errors} warnings={data.warnings} />
      </div>
      <div className="truncate text-[11px] text-slate-500 dark:text-slate-400" title={`${data.owner} ${data.provider} v${data.version}`}>
        {data.provider || "?"} · {data.category || "?"}
      </div>
      <div className="mt-auto flex flex-col gap-0.5 text-[10px] text-slate-600 dark:text-slate-300">
        <span className="truncate" title={data.inputs.join(", ")}>
          <span className="text-slate-400">in </span>
          {data.inputs.length === 0
            ? "—"
            : data.inputs.map((name, i) => (
                <span key={i} className={data.dangling.includes(name) ? "font-semibold text-red-600" : undefined} data-dangling={data.dangling.includes(name) || undefined}>
                  {i > 0 ? ", " : ""}
                  {name}
                </span>
              ))}
        </span>
        <span className="truncate" title={data.outputs.join(", ")}>
          <span className="text-slate-400">out </span>
          {data.outputs.length ? data.outputs.join(", ") : "—"}
        </span>
      </div>
      <Handle type="source" position={Position.Right} id="out" className="!opacity-0" isConnectable={false} />
    </div>
  );
}

export const ActionNode = memo(ActionNodeView);
