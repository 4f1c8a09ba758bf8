"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useCanvasController } from "../canvas-context";
import { useDragSelector } from "../drag-store";
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

  const zone = (kind: "join" | "insert", index: number, rect: { x: number; y: number; width: number; height: number }) => {
    const active = hovered === `${kind}:${index}`;
    const look =
      kind === "insert"
        ? active
          ? "after:absolute after:inset-x-0 after:top-1/2 after:h-1 after:-translate-y-1/2 after:rounded after:bg-indigo-500"
          : placingAction
            ? "after:absolute after:inset-x-6 after:top-1/2 after:h-px after:bg-slate-300 dark:after:bg-slate-600"
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

  return (
    <div
      data-testid="stage-node"
      data-stage-id={data.stageId}
      data-stage-index={data.index}
      className={`pointer-events-auto relative h-full w-full rounded-xl border-2 bg-slate-50/90 dark:bg-slate-900/90 ${
        selected ? "border-indigo-500" : data.errors ? "border-red-400" : "border-slate-300 dark:border-slate-700"
      }`}
    >
      <Handle type="target" position={Position.Left} className="!opacity-0" isConnectable={false} />
      {stageGap === data.index && <div className="absolute -left-5 top-0 h-full w-1.5 rounded bg-indigo-500" data-testid="stage-drop-indicator" />}
      {stageGap === data.index + 1 && <div className="absolute -right-5 top-0 h-full w-1.5 rounded bg-indigo-500" data-testid="stage-drop-indicator" />}
      <div
        role="button"
        tabIndex={0}
        data-testid="stage-header"
        aria-label={`Stage ${data.name}`}
        aria-pressed={selected}
        onFocus={(e) => {
          select();
          if (e.currentTarget.matches(":focus-visible")) controller.reveal(nodeIdOf(selection)!);
        }}
        onClick={select}
        onPointerDown={(e) => {
          if (e.button !== 0 || (e.target as HTMLElement).closest("button")) return;
          controller.beginDrag({ kind: "stage", stageId: data.stageId }, data.name || "stage", e);
        }}
        className="nodrag nopan flex h-12 cursor-grab select-none items-center gap-2 rounded-t-xl px-3 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500"
      >
        <button
          type="button"
          tabIndex={-1}
          data-testid="collapse-toggle"
          aria-label={data.collapsed ? `Expand stage ${data.name}` : `Collapse stage ${data.name}`}
          aria-expanded={!data.collapsed}
          onClick={(e) => {
            e.stopPropagation();
            controller.toggleCollapsed(data.stageId);
          }}
          className="rounded px-1 text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-800"
        >
          {data.collapsed ? "▸" : "▾"}
        </button>
        <span className="min-w-0 flex-1 truncate text-sm font-semibold" data-testid="stage-name" title={data.name}>
          {data.name || "(unnamed stage)"}
        </span>
        <IssueBadge errors={data.errors} warnings={data.warnings} />
        <span className="shrink-0 text-[11px] text-slate-500" data-testid="action-count">
          {data.actionCount} action{data.actionCount === 1 ? "" : "s"}
        </span>
      </div>
      {data.collapsed && (
        <p className="px-3 text-xs text-slate-500">
          {data.actionCount} action{data.actionCount === 1 ? "" : "s"} hidden
        </p>
      )}
      {data.groupRects.map((rect, i) => zone("join", i, rect))}
      {data.insertZones.map((rect, i) => zone("insert", i, rect))}
      {placingAction && data.insertZones.length === 1 && data.groupRects.length === 0 && (
        <p className="pointer-events-none absolute inset-x-0 top-20 text-center text-xs text-slate-400">Drop an action here</p>
      )}
      {!placingAction && data.actionCount === 0 && !data.collapsed && (
        <p className="pointer-events-none absolute inset-x-0 top-20 text-center text-xs text-slate-400">
          Drag a provider from the palette
        </p>
      )}
      <Handle type="source" position={Position.Right} className="!opacity-0" isConnectable={false} />
    </div>
  );
}

export const StageNode = memo(StageNodeView);
