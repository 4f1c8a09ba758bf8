/**
 * The canvas as a projection of the design: (document, issues, collapsed stages, artifact flow)
 * → React Flow nodes and edges. Pure and deterministic; recomputed with useMemo on every change.
 * Business data is never read back from node.data: the document stays the source of truth.
 *
 * Node ids come from domain ids, so selection and React Flow's internal state survive moves
 * and renames: `stage:<id>`, `group:<stageId>:<n>` (n = group position), `action:<id>`.
 */
import { MarkerType, type Edge, type Node } from "@xyflow/react";
import type { DesignerDocument, ElementIssues, IssuesByElement, Selection } from "@/lib/domain/designer/contract";
import type { ArtifactFlow } from "@/lib/domain/designer/artifact-flow";
import { readDocument } from "@/lib/domain/designer/document";
import { artifactNames } from "@/lib/domain/pipeline/pipeline-index";
import { ACTION_HEIGHT, ACTION_WIDTH, boundsOf, layoutPipeline, type Orientation, type Rect } from "./layout";

export interface StageData extends Record<string, unknown> {
  readonly stageId: string;
  readonly index: number;
  readonly name: string;
  readonly actionCount: number;
  readonly collapsed: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly insertZones: readonly Rect[];
  readonly groupRects: readonly Rect[];
  readonly orientation: Orientation;
}

export interface GroupData extends Record<string, unknown> {
  readonly stageId: string;
  readonly index: number;
  readonly parallel: boolean;
  /** The runOrder its actions share. */
  readonly runOrder: number;
}

export interface ActionData extends Record<string, unknown> {
  readonly actionId: string;
  readonly stageId: string;
  readonly name: string;
  readonly category: string;
  readonly owner: string;
  readonly provider: string;
  readonly version: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly errors: number;
  readonly warnings: number;
  /** Input artifacts nobody produces (shown in red while the artifact-flow overlay is on). */
  readonly dangling: readonly string[];
  readonly orientation: Orientation;
}

export type StageNode = Node<StageData, "stage">;
export type GroupNode = Node<GroupData, "actionGroup">;
export type ActionNode = Node<ActionData, "action">;
export type CanvasNode = StageNode | GroupNode | ActionNode;


export interface ProjectOptions {
  readonly collapsed?: ReadonlySet<string>;
  readonly selection?: Selection;
  /** When given, artifact-flow edges are drawn and dangling inputs marked (the overlay is on). */
  readonly flow?: ArtifactFlow;
  /** Time top to bottom (the default, like the CodePipeline console) or left to right. */
  readonly orientation?: Orientation;
}

export interface Projection {
  readonly nodes: CanvasNode[];
  readonly edges: Edge[];
  /** The rectangle holding every stage, in flow coordinates. */
  readonly bounds: Rect;
}

const NO_ISSUES: ElementIssues = { errors: [], warnings: [] };

export const stageNodeId = (stageId: string) => `stage:${stageId}`;
export const groupNodeId = (stageId: string, index: number) => `group:${stageId}:${index}`;
export const actionNodeId = (actionId: string) => `action:${actionId}`;

/** The node that shows a selection; the pipeline has none (it is the whole canvas). */
export function nodeIdOf(selection: Selection): string | undefined {
  if (selection.kind === "stage") return stageNodeId(selection.stageId);
  if (selection.kind === "action") return actionNodeId(selection.actionId);
  return undefined;
}

export function project(document: DesignerDocument, issues: IssuesByElement, options: ProjectOptions = {}): Projection {
  const collapsed = options.collapsed ?? new Set<string>();
  const selection = options.selection;
  const orientation = options.orientation ?? "vertical";
  const { stages } = readDocument(document);
  const layouts = layoutPipeline(
    stages.map((stage) => ({
      groupCounts: stage.groups.map((g) => g.actions.length),
      collapsed: collapsed.has(stage.id),
    })),
    orientation,
  );

  const dangling = new Map<string, string[]>();
  for (const d of options.flow?.dangling ?? []) dangling.set(d.actionId, [...(dangling.get(d.actionId) ?? []), d.artifact]);
  const nodes: CanvasNode[] = [];
  const edges: Edge[] = [];
  stages.forEach((stage, i) => {
    const stageId = stage.id;
    const layout = layouts[i]!;
    const stageIssues = issues.stages.get(stageId) ?? NO_ISSUES;
    nodes.push({
      id: stageNodeId(stageId),
      type: "stage",
      position: { x: layout.x, y: layout.y },
      width: layout.width,
      height: layout.height,
      selected: selection?.kind === "stage" && selection.stageId === stageId,
      draggable: false,
      data: {
        stageId,
        index: i,
        name: stage.name ?? "",
        actionCount: stage.actions.length,
        collapsed: layout.collapsed,
        errors: stageIssues.errors.length,
        warnings: stageIssues.warnings.length,
        insertZones: layout.insertZones,
        groupRects: layout.groups,
        orientation,
      },
    });
    if (layout.collapsed) return;
    stage.groups.forEach((group, n) => {
      const rect = layout.groups[n]!;
      const groupId = groupNodeId(stageId, n);
      // Children come after their parent, as React Flow requires.
      nodes.push({
        id: groupId,
        type: "actionGroup",
        parentId: stageNodeId(stageId),
        extent: "parent",
        position: { x: rect.x, y: rect.y },
        width: rect.width,
        height: rect.height,
        draggable: false,
        selectable: false,
        focusable: false,
        data: { stageId, index: n, parallel: group.actions.length > 1, runOrder: group.runOrder },
      });
      group.actions.forEach((action, k) => {
        const actionId = action.id;
        const actionIssues = issues.actions.get(actionId) ?? NO_ISSUES;
        nodes.push({
          id: actionNodeId(actionId),
          type: "action",
          parentId: groupId,
          extent: "parent",
          position: rect.actions[k]!,
          width: ACTION_WIDTH,
          height: ACTION_HEIGHT,
          draggable: false,
          selected: selection?.kind === "action" && selection.actionId === actionId,
          data: {
            actionId,
            stageId,
            name: action.name ?? "",
            category: action.type.category ?? "",
            owner: action.type.owner ?? "",
            provider: action.type.provider ?? "",
            version: action.type.version ?? "",
            inputs: artifactNames(action.inputs),
            outputs: artifactNames(action.outputs),
            errors: actionIssues.errors.length,
            warnings: actionIssues.warnings.length,
            dangling: dangling.get(actionId) ?? [],
            orientation,
          },
        });
      });
    });
  });

  for (let i = 0; i + 1 < stages.length; i++) {
    const source = stageNodeId(stages[i]!.id);
    const target = stageNodeId(stages[i + 1]!.id);
    edges.push({
      id: `transition:${source}->${target}`,
      source,
      target,
      type: "smoothstep",
      className: "transition-edge",
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    });
  }

  if (options.flow) {
    const visible = new Set(nodes.filter((n) => n.type === "action").map((n) => n.id));
    for (const link of options.flow.edges) {
      const source = actionNodeId(link.fromActionId);
      const target = actionNodeId(link.toActionId);
      // Actions of collapsed stages have no node; their links are not drawn.
      if (!visible.has(source) || !visible.has(target)) continue;
      const bad = link.status !== "ok";
      edges.push({
        id: link.id,
        source,
        target,
        sourceHandle: "out",
        targetHandle: "in",
        label: link.artifact,
        animated: !bad,
        zIndex: 10,
        className: bad ? "flow-edge flow-edge-bad" : "flow-edge",
        style: { stroke: bad ? "#dc2626" : "#6366f1", strokeWidth: bad ? 2 : 1.5 },
        data: { status: link.status },
      });
    }
  }
  return { nodes, edges, bounds: boundsOf(layouts) };
}
