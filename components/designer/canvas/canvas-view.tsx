"use client";

import { Background, Controls, MiniMap, ReactFlow, useReactFlow, useStore, type NodeTypes } from "@xyflow/react";
import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import "@xyflow/react/dist/style.css";
import "./canvas-view.css";
import type { Orientation } from "./layout";
import { openingViewport } from "./opening-view";
import type { CanvasNode, Projection } from "./project";
import { ActionNode } from "./nodes/action-node";
import { GroupNode } from "./nodes/group-node";
import { StageNode } from "./nodes/stage-node";

// Module scope: a new object per render would remount every node.
const NODE_TYPES: NodeTypes = { stage: StageNode, actionGroup: GroupNode, action: ActionNode };

function miniMapColor(node: CanvasNode): string {
  if (node.type === "stage") return "rgba(148, 163, 184, 0.35)";
  if (node.type === "actionGroup") return "transparent";
  return node.data.errors ? "#dc2626" : node.data.warnings ? "#f59e0b" : "#6366f1";
}

/** "Fit view" shows everything, however small; the opening view keeps names legible instead. */
const FIT_OPTIONS = { padding: 0.08, maxZoom: 1 };

const EDGE_PX = 48;
const PAN_STEP_PX = 14;
const DWELL_MS = 300;

interface CanvasViewProps {
  readonly projection: Projection;
  readonly orientation: Orientation;
  readonly revealRef: RefObject<((nodeId: string) => void) | null>;
  readonly autoPanRef: RefObject<((x: number, y: number) => boolean) | null>;
}

/**
 * React Flow as a read-only view of the projection: nodes are neither dragged by React Flow
 * nor selected by it (the drag controller and the store do both), so no node state lives here.
 */
export function CanvasView({ projection, orientation, revealRef, autoPanRef }: CanvasViewProps) {
  const flow = useReactFlow<CanvasNode>();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // The opening view, once the canvas has a size, and again when the orientation changes (the
  // whole layout turns); edits never move the user's viewport.
  const openedFor = useRef<Orientation | undefined>(undefined);
  const bounds = projection.bounds;
  useLayoutEffect(() => {
    if (openedFor.current === orientation || width === 0 || height === 0) return;
    openedFor.current = orientation;
    void flow.setViewport(openingViewport(bounds, { width, height }, orientation));
  }, [flow, bounds, orientation, width, height]);
  useEffect(() => {
    // While dragging near an edge of the canvas, pan towards it (large pipelines exceed the view).
    // Only after a short dwell, so merely crossing the edge on the way in moves nothing.
    let edgeSince: number | undefined;
    autoPanRef.current = (x, y) => {
      const container = document.querySelector<HTMLElement>("[data-testid=canvas] .react-flow");
      if (!container) return false;
      const rect = container.getBoundingClientRect();
      if (x < rect.left || x > rect.right || y < rect.top || y > rect.bottom) {
        edgeSince = undefined;
        return false;
      }
      const dx = x < rect.left + EDGE_PX ? PAN_STEP_PX : x > rect.right - EDGE_PX ? -PAN_STEP_PX : 0;
      const dy = y < rect.top + EDGE_PX ? PAN_STEP_PX : y > rect.bottom - EDGE_PX ? -PAN_STEP_PX : 0;
      if (dx === 0 && dy === 0) {
        edgeSince = undefined;
        return false;
      }
      const now = performance.now();
      edgeSince ??= now;
      if (now - edgeSince < DWELL_MS) return true; // keep frames coming until the dwell is over
      const viewport = flow.getViewport();
      void flow.setViewport({ x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom });
      return true;
    };
    return () => {
      autoPanRef.current = null;
    };
  }, [flow, autoPanRef]);
  useEffect(() => {
    revealRef.current = (nodeId) => {
      const container = document.querySelector<HTMLElement>("[data-testid=canvas] .react-flow");
      if (!container) return;
      // Focusing an element inside the viewport makes the browser scroll the overflow-hidden
      // container; React Flow positions by transform, so undo that scroll first.
      for (const el of [container, ...container.querySelectorAll<HTMLElement>(".react-flow__renderer, .react-flow__pane, .react-flow__viewport")]) {
        el.scrollTop = 0;
        el.scrollLeft = 0;
      }
      const node = flow.getInternalNode(nodeId);
      if (!node) return;
      const { x, y } = node.internals.positionAbsolute;
      const width = node.measured.width ?? node.width ?? 0;
      const height = node.measured.height ?? node.height ?? 0;
      const rect = container.getBoundingClientRect();
      const topLeft = flow.flowToScreenPosition({ x, y });
      const bottomRight = flow.flowToScreenPosition({ x: x + width, y: y + height });
      const inView = topLeft.x >= rect.left && topLeft.y >= rect.top && bottomRight.x <= rect.right && bottomRight.y <= rect.bottom;
      if (!inView) void flow.setCenter(x + width / 2, y + Math.min(height / 2, 200), { zoom: Math.max(flow.getZoom(), 0.6), duration: 150 });
    };
    return () => {
      revealRef.current = null;
    };
  }, [flow, revealRef]);
  return (
    <ReactFlow<CanvasNode>
      nodes={projection.nodes}
      edges={projection.edges}
      nodeTypes={NODE_TYPES}
      className="designer-canvas"
      colorMode="system"
      minZoom={0.05}
      maxZoom={2}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      disableKeyboardA11y
    >
      <Background />
      <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS} />
      <MiniMap<CanvasNode>
        pannable
        zoomable
        nodeColor={miniMapColor}
        maskColor="rgba(148, 163, 184, 0.18)"
        style={{ width: 160, height: 112 }}
        className="!rounded-lg !border !border-slate-200 !shadow-sm dark:!border-slate-700"
      />
    </ReactFlow>
  );
}
