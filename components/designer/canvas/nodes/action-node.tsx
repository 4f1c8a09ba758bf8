"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useCanvasController } from "../canvas-context";
import { NAME_FONT_PX } from "../layout";
import { nodeIdOf, type ActionNode as ActionNodeType } from "../project";
import { categoryStyle } from "./category-style";
import { IssueBadge } from "./issue-badge";

/** One action: name, provider, artifacts in/out and its validation state. Drag it to move it. */
function ActionNodeView({ data, selected }: NodeProps<ActionNodeType>) {
  const controller = useCanvasController();
  const style = categoryStyle(data.category);
  const selection = { kind: "action", actionId: data.actionId } as const;
  const vertical = data.orientation === "vertical";
  const border = data.errors
    ? "border-red-500"
    : data.warnings
      ? "border-amber-400"
      : "border-slate-300 hover:border-slate-400 dark:border-slate-600";
  return (
    <div
      role="button"
      tabIndex={0}
      data-testid="action-node"
      data-action-id={data.actionId}
      data-stage={data.stageId}
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
      className={`nodrag nopan pointer-events-auto flex h-full w-full cursor-grab select-none flex-col justify-center rounded-lg border bg-white px-2 py-[3px] text-left shadow-sm outline-none transition-shadow hover:shadow focus-visible:ring-2 focus-visible:ring-indigo-500 dark:bg-slate-900 ${border} ${
        selected ? "ring-2 ring-indigo-500" : ""
      }`}
    >
      <Handle type="target" position={vertical ? Position.Top : Position.Left} id="in" className="!opacity-0" isConnectable={false} />
      <div className="flex min-w-0 items-center gap-1.5">
        <span aria-hidden className={`flex h-4 w-4 shrink-0 items-center justify-center rounded text-[10px] font-bold ${style.className}`}>
          {style.glyph}
        </span>
        {/* Named by its visible text (WCAG 2.5.3 Label in Name: https://www.w3.org/WAI/WCAG21/Understanding/label-in-name.html),
            so speech users can say what they see; the hidden word tells screen readers what it is. */}
        <span className="sr-only">Action </span>
        <span
          className="min-w-0 flex-1 truncate font-semibold leading-5 text-slate-900 dark:text-slate-100"
          style={{ fontSize: NAME_FONT_PX }}
          data-testid="action-name"
          title={data.name}
        >
          {data.name || "(unnamed)"}
        </span>
        <IssueBadge errors={data.errors} warnings={data.warnings} />
      </div>
      <div className="truncate text-[11px] leading-[14px] text-slate-500 dark:text-slate-400" title={`${data.owner} ${data.provider} v${data.version}`}>
        {data.provider || "?"} · {data.category || "?"}
      </div>
      <div className="truncate text-[10.5px] leading-[14px] text-slate-600 dark:text-slate-300" title={`in: ${data.inputs.join(", ") || "—"} · out: ${data.outputs.join(", ") || "—"}`}>
        {data.inputs.length === 0 ? (
          <span className="text-slate-500 dark:text-slate-400">no input</span>
        ) : (
          data.inputs.map((name, i) => (
            <span key={i} className={data.dangling.includes(name) ? "font-semibold text-red-600" : undefined} data-dangling={data.dangling.includes(name) || undefined}>
              {i > 0 ? ", " : ""}
              {name}
            </span>
          ))
        )}
        <span className="text-slate-500 dark:text-slate-400"> → </span>
        {data.outputs.length ? data.outputs.join(", ") : <span className="text-slate-500 dark:text-slate-400">no output</span>}
      </div>
      <Handle type="source" position={vertical ? Position.Bottom : Position.Right} id="out" className="!opacity-0" isConnectable={false} />
    </div>
  );
}

export const ActionNode = memo(ActionNodeView);
