"use client";

import { useMemo, useState } from "react";
import { Background, Controls, MiniMap, ReactFlow, applyNodeChanges, type Edge, type Node, type NodeChange } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { gridEdges, gridNodes } from "./grid";

interface BareFlowProps {
  readonly columns: number;
  readonly count: number;
  /** Background, controls and minimap, as the designer has them. */
  readonly chrome: boolean;
}

/** Plain React Flow, default nodes and edges, no custom components: what the designer is compared to. */
export function BareFlow({ columns, count, chrome }: BareFlowProps) {
  const [nodes, setNodes] = useState<Node[]>(() => gridNodes(count, columns));
  const edges = useMemo<Edge[]>(() => gridEdges(count, columns), [count, columns]);
  return (
    // React Flow needs an explicit height: the viewport below the 3.5 rem app header.
    <div className="h-[calc(100dvh-3.5rem-1px)] w-full" data-testid="bench-bare">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={(changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current))}
        fitView
        minZoom={0.05}
      >
        {chrome && <Background />}
        {chrome && <Controls />}
        {chrome && <MiniMap pannable zoomable />}
      </ReactFlow>
    </div>
  );
}
