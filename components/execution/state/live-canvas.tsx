"use client";

import { Background, Controls, Handle, Position, ReactFlow, ReactFlowProvider, type Node, type NodeProps, type NodeTypes } from "@xyflow/react";
import { memo, useMemo } from "react";
import "@xyflow/react/dist/style.css";
import { GroupNode } from "@/components/designer/canvas/nodes/group-node";
import { HEADER_EXTENT, NAME_FONT_PX } from "@/components/designer/canvas/layout";
import { project, type ActionData, type StageData } from "@/components/designer/canvas/project";
import type { ActionBoard, BoardView, StageBoard } from "@/lib/domain/execution/board";
import { documentFromDeclaration } from "@/lib/domain/designer/document";
import type { JsonObject } from "@/lib/domain/json";
import { Duration } from "./clock";
import { StatusMark, TONE_BORDER, toneOf } from "./status-mark";

/**
 * The pipeline drawn exactly as the designer lays it out (its projection and layout, not a
 * copy), read-only, with each stage's and action's live status on it. Nothing can be dragged,
 * connected or selected; the canvas pans and zooms.
 */

interface LiveStageData extends StageData {
  readonly live?: StageBoard;
}
interface LiveActionData extends ActionData {
  readonly live?: ActionBoard;
}
type LiveStageNode = Node<LiveStageData, "stage">;
type LiveActionNode = Node<LiveActionData, "action">;

const EMPTY_ISSUES = { pipeline: { errors: [], warnings: [] }, stages: new Map(), actions: new Map() };

function LiveStageView({ data }: NodeProps<LiveStageNode>) {
  const live = data.live;
  const vertical = data.orientation === "vertical";
  const disabled = live && !live.inboundTransition.enabled;
  return (
    <div
      data-testid="live-stage"
      data-stage-name={data.name}
      data-status={live?.status ?? "none"}
      className={`relative h-full w-full rounded-xl border-2 bg-slate-50/80 dark:bg-slate-900/60 ${TONE_BORDER[toneOf(live?.status)]}`}
    >
      <Handle type="target" position={vertical ? Position.Top : Position.Left} className="!opacity-0" isConnectable={false} />
      <div
        className="absolute left-0 top-0 flex flex-col gap-1 overflow-hidden p-2 text-xs"
        style={vertical ? { width: HEADER_EXTENT.vertical, height: "100%" } : { height: HEADER_EXTENT.horizontal, width: "100%" }}
      >
        <span className="truncate text-sm font-semibold text-slate-900 dark:text-slate-100" title={data.name}>
          {data.name}
        </span>
        <StatusMark status={live?.status} />
        {disabled && (
          <span data-testid="transition-disabled" className="truncate rounded bg-amber-100 px-1 text-[11px] font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200" title={live.inboundTransition.disabledReason}>
            Transition disabled
          </span>
        )}
      </div>
      <Handle type="source" position={vertical ? Position.Bottom : Position.Right} className="!opacity-0" isConnectable={false} />
    </div>
  );
}

function LiveActionView({ data }: NodeProps<LiveActionNode>) {
  const live = data.live;
  const error = live?.status === "Failed" ? (live.errorDetails?.message ?? live.summary) : undefined;
  return (
    <div
      data-testid="live-action"
      data-stage-name={live?.stageName}
      data-action-name={data.name}
      data-status={live?.status ?? "none"}
      className={`flex h-full w-full flex-col justify-center rounded-lg border-2 bg-white px-2 py-[2px] text-left shadow-sm dark:bg-slate-900 ${TONE_BORDER[toneOf(live?.status)]}`}
    >
      <span className="truncate font-semibold leading-5 text-slate-900 dark:text-slate-100" style={{ fontSize: NAME_FONT_PX - 1 }} title={data.name}>
        {data.name}
      </span>
      <span className="flex min-w-0 items-center gap-1.5 text-[11px] leading-[14px]">
        <StatusMark status={live?.status} />
        {live?.startTime && (
          <span className="text-slate-600 dark:text-slate-300">
            · <Duration start={live.startTime} end={live.endTime} />
          </span>
        )}
      </span>
      <span className="truncate text-[11px] leading-[14px] text-slate-600 dark:text-slate-300" title={error ?? live?.summary}>
        {live?.externalExecutionUrl ? (
          <a href={live.externalExecutionUrl} target="_blank" rel="noreferrer noopener" className="nodrag nopan text-indigo-700 underline dark:text-indigo-300">
            {error ? "Failed: details" : "Execution details"}
            <span className="sr-only"> of {data.name} (opens in a new tab)</span>
          </a>
        ) : (
          (error ?? `${data.provider} · ${data.category}`)
        )}
      </span>
    </div>
  );
}

const NODE_TYPES: NodeTypes = { stage: memo(LiveStageView), actionGroup: GroupNode, action: memo(LiveActionView) };
const FIT = { padding: 0.06, maxZoom: 1 };

export function LiveCanvas({ declaration, board }: { declaration: JsonObject; board: BoardView | undefined }) {
  // The projection depends on the declaration only; the live status is laid over it by name.
  const projection = useMemo(() => project(documentFromDeclaration(declaration), EMPTY_ISSUES, { orientation: "vertical" }), [declaration]);
  const nodes = useMemo(() => {
    const stages = new Map(board?.stages.map((s) => [s.stageName, s]));
    const stageNames = new Map<string, string>();
    return projection.nodes.map((node) => {
      if (node.type === "stage") {
        stageNames.set(node.data.stageId, node.data.name);
        return { ...node, selectable: false, data: { ...node.data, live: stages.get(node.data.name) } };
      }
      if (node.type === "action") {
        const stage = stages.get(stageNames.get(node.data.stageId) ?? "");
        const live = stage?.actions.find((a) => a.actionName === node.data.name);
        return { ...node, selectable: false, data: { ...node.data, live } };
      }
      return node;
    });
  }, [projection, board]);
  return (
    <div data-testid="live-canvas" className="h-[560px] w-full overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800">
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={projection.edges}
          nodeTypes={NODE_TYPES}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          zoomOnScroll={false}
          preventScrolling={false}
          fitView
          fitViewOptions={FIT}
          minZoom={0.1}
          aria-label="Pipeline diagram with live status"
        >
          <Background gap={16} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
