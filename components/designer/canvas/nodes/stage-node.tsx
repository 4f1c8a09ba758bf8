"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useCanvasController } from "../canvas-context";
import { useDragSelector } from "../drag-store";
import { HEADER_EXTENT, NAME_FONT_PX } from "../layout";
import { nodeIdOf, type StageNode as StageNodeType } from "../project";
import { IssueBadge } from "./issue-badge";

/**
 * A stage: a header (drag it to reorder stages; collapse toggle) and the drop zones where an
 * action can land — each group (join: run in parallel) and each gap between, before and after
 * the groups (insert: a new sequential group). The zones are DOM elements with data attributes,
 * found under the pointer by the drag controller.
 */
function StageNodeView({ data, selected }: NodeProps<StageNodeType>) {
  const controller = useCanvasController();
  const { dragStore } = controller;
  // Primitive slices only, so a pointer move re-renders just the stage under it.
  const dragKind = useDragSelector(dragStore, (s) => s?.payload.kind);
  const hovered = useDragSelector(dragStore, (s) =>
    s?.zone?.stageId === data.stageId ? `${s.zone.kind}:${s.zone.index}` : undefined,
  );
  const stageGap = useDragSelector(dragStore, (s) => (s?.payload.kind === "stage" ? s.stageGap : undefined));
  const placingAction = dragKind === "action" || dragKind === "provider";
  const selection = { kind: "stage", stageId: data.stageId } as const;
  const select = () => controller.select(selection);

  const vertical = data.orientation === "vertical";
  // An insert zone is a gap across the flow: a line along it shows where the new group goes.
  const line = vertical
    ? { active: "after:inset-x-0 after:top-1/2 after:h-1 after:-translate-y-1/2", idle: "after:inset-x-6 after:top-1/2 after:h-px" }
    : { active: "after:inset-y-0 after:left-1/2 after:w-1 after:-translate-x-1/2", idle: "after:inset-y-6 after:left-1/2 after:w-px" };
  const zone = (kind: "join" | "insert", index: number, rect: { x: number; y: number; width: number; height: number }) => {
    const active = hovered === `${kind}:${index}`;
    const look =
      kind === "insert"
        ? active
          ? `after:absolute after:rounded after:bg-indigo-500 ${line.active}`
          : placingAction
            ? `after:absolute after:bg-slate-300 dark:after:bg-slate-600 ${line.idle}`
            : ""
        : active
          ? "rounded-lg bg-indigo-500/15 outline-2 outline-indigo-500"
          : "";
    return (
      <div
        key={`${kind}:${index}`}
        data-testid="drop-zone"
        data-stage={data.stageId}
        data-kind={kind}
        data-index={index}
        data-active={active ? "true" : undefined}
        className={`pointer-events-auto absolute ${look}`}
        style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
      />
    );
  };

  const header = HEADER_EXTENT[data.orientation];
  // The body (groups, hints) starts after the header: right of it, or below it.
  const body = vertical ? { left: header, top: 0, right: 0, bottom: 0 } : { left: 0, top: header, right: 0, bottom: 0 };
  const count = `${data.actionCount} action${data.actionCount === 1 ? "" : "s"}`;

  return (
    <div
      data-testid="stage-node"
      data-stage-id={data.stageId}
      data-stage-index={data.index}
      data-orientation={data.orientation}
      className={`pointer-events-auto relative h-full w-full rounded-xl border-2 bg-slate-50/95 shadow-sm dark:bg-slate-900/95 ${
        selected ? "border-indigo-500" : data.errors ? "border-red-400" : "border-slate-200 dark:border-slate-700"
      }`}
    >
      <Handle type="target" position={vertical ? Position.Top : Position.Left} className="!opacity-0" isConnectable={false} />
      {stageGap === data.index && <DropIndicator before vertical={vertical} />}
      {stageGap === data.index + 1 && <DropIndicator before={false} vertical={vertical} />}
      <div
        role="button"
        tabIndex={0}
        data-testid="stage-header"
        aria-pressed={selected}
        onFocus={(e) => {
          select();
          if (e.currentTarget.matches(":focus-visible")) controller.reveal(nodeIdOf(selection)!);
        }}
        onClick={select}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          controller.beginDrag({ kind: "stage", stageId: data.stageId }, data.name || "stage", e);
        }}
        style={vertical ? { width: header } : { height: header }}
        className={`nodrag nopan absolute left-0 top-0 flex cursor-grab select-none gap-1 bg-slate-100/80 px-2.5 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 dark:bg-slate-800/60 ${
          vertical
            ? "h-full flex-col justify-center rounded-l-[10px] border-r border-slate-200 dark:border-slate-700"
            : "w-full items-center rounded-t-[10px] border-b border-slate-200 dark:border-slate-700"
        }`}
      >
        {/* Named by its visible text (WCAG 2.5.3 Label in Name: https://www.w3.org/WAI/WCAG21/Understanding/label-in-name.html). */}
        <span className="sr-only">Stage </span>
        <span className="flex min-w-0 items-center gap-1 pl-5">
          <span
            style={{ fontSize: NAME_FONT_PX }}
            className={`min-w-0 font-semibold leading-5 text-slate-800 dark:text-slate-100 ${vertical ? "line-clamp-2 break-words" : "truncate"}`}
            data-testid="stage-name"
            title={data.name}
          >
            {data.name || "(unnamed stage)"}
          </span>
        </span>
        <span className={`flex items-center gap-1.5 ${vertical ? "pl-5" : "ml-auto shrink-0"}`}>
          <span className="text-[11px] text-slate-500" data-testid="action-count">
            {count}
          </span>
          <IssueBadge errors={data.errors} warnings={data.warnings} />
        </span>
      </div>
      {/* Beside the header, not inside it: a button inside the header's button would be a nested
          interactive control, which screen readers announce as one (https://www.w3.org/TR/wai-aria-1.2/#button). */}
      <button
        type="button"
        tabIndex={-1}
        data-testid="collapse-toggle"
        aria-label={data.collapsed ? `Expand stage ${data.name}` : `Collapse stage ${data.name}`}
        aria-expanded={!data.collapsed}
        onClick={() => controller.toggleCollapsed(data.stageId)}
        className={`nodrag nopan absolute left-2 z-10 h-5 rounded px-0.5 text-xs leading-5 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700 ${
          vertical ? "top-2" : "top-1/2 -translate-y-1/2"
        }`}
      >
        {data.collapsed ? "▸" : "▾"}
      </button>
      <div className="pointer-events-none absolute flex items-center justify-center text-xs text-slate-500" style={body}>
        {data.collapsed && <span>{count} hidden</span>}
        {!data.collapsed && data.actionCount === 0 && <span>{placingAction ? "Drop an action here" : "Drag a provider from the palette"}</span>}
      </div>
      {data.groupRects.map((rect, i) => zone("join", i, rect))}
      {data.insertZones.map((rect, i) => zone("insert", i, rect))}
      <Handle type="source" position={vertical ? Position.Bottom : Position.Right} className="!opacity-0" isConnectable={false} />
    </div>
  );
}

/** Where a dragged stage would land: a bar before or after this stage, across the flow. */
function DropIndicator({ before, vertical }: { before: boolean; vertical: boolean }) {
  const place = vertical ? (before ? "-top-4 left-0 h-1.5 w-full" : "-bottom-4 left-0 h-1.5 w-full") : before ? "-left-4 top-0 h-full w-1.5" : "-right-4 top-0 h-full w-1.5";
  return <div className={`absolute rounded bg-indigo-500 ${place}`} data-testid="stage-drop-indicator" />;
}

export const StageNode = memo(StageNodeView);
