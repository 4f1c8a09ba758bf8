"use client";

/**
 * The editor: palette | canvas | inspector + problems, with the toolbar above. Owns the design
 * store; every change re-runs validation (useMemo) and re-projects the canvas.
 */
import { ReactFlowProvider, type Edge } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ActionTypeRef, DesignerCommand, DesignerViewProps } from "@/lib/domain/designer/contract";
import { actionGroups, documentFromDeclaration, stageOfAction } from "@/lib/domain/designer/document";
import { validate } from "@/lib/domain/validation";
import { CanvasControllerContext, type CanvasController } from "./canvas-context";
import { CanvasView } from "./canvas-view";
import { createDesignerStore, useDesignerState } from "./designer-store";
import { DragGhost } from "./drag-ghost";
import { createDragStore } from "./drag-store";
import { type Draft } from "./draft-storage";
import { ExportDialog } from "./export-dialog";
import { commandForDrop, commandForStageDrop, dropTargetOf } from "./interpret";
import { groupIssues } from "@/lib/domain/designer/issues";
import { artifactFlow } from "@/lib/domain/designer/artifact-flow";
import { DEFAULT_REGION } from "@/lib/domain/catalog/regions";
import { Palette } from "./palette";
import { project, type CanvasNode } from "./project";
import { reuseUnchanged } from "./reuse-nodes";
import { SidePanel } from "./side-panel";
import { Toolbar } from "./toolbar";
import { useAutosave } from "./use-autosave";
import { useDragController, type DropResult } from "./use-drag-controller";
import { useEditorKeys } from "./use-editor-keys";


export function DesignerWorkspace({ draft }: { draft: Draft }) {
  const [store] = useState(() => createDesignerStore(documentFromDeclaration(draft.declaration)));
  const [dragStore] = useState(createDragStore);
  const state = useDesignerState(store);
  const doc = state.history.present;
  const [exporting, setExporting] = useState(false);

  // Designs are validated for a home region until the user picks another (cross-region rules need one).
  const [region, setRegion] = useState(draft.region ?? DEFAULT_REGION);
  const diagnostics = useMemo(() => validate(doc.declaration, { region }), [doc.declaration, region]);
  const issues = useMemo(() => groupIssues(doc, diagnostics), [doc, diagnostics]);
  const flow = useMemo(() => (state.showFlow ? artifactFlow(doc) : undefined), [doc, state.showFlow]);
  // Previous nodes/edges by id, to hand React Flow the same objects for unchanged elements.
  const [cache] = useState(() => ({ nodes: new Map<string, CanvasNode>(), edges: new Map<string, Edge>() }));
  const projection = useMemo(() => {
    const fresh = project(doc, issues, { collapsed: state.collapsed, selection: state.selection, ...(flow ? { flow } : {}) });
    const nodes = reuseUnchanged(cache.nodes, fresh.nodes);
    const edges = reuseUnchanged(cache.edges, fresh.edges);
    cache.nodes = new Map(nodes.map((n) => [n.id, n]));
    cache.edges = new Map(edges.map((e) => [e.id, e]));
    return { nodes, edges };
  }, [doc, issues, state.collapsed, state.selection, flow, cache]);
  const { conflict, restore, dismiss } = useAutosave(draft, doc.declaration, region, (declaration) =>
    store.dispatch({ type: "replaceDeclaration", declaration }),
  );

  const revealRef = useRef<((nodeId: string) => void) | null>(null);
  const onDrop = useCallback(
    (result: DropResult) => {
      const present = store.getState().history.present;
      let command: DesignerCommand | undefined;
      if (result.payload.kind === "stage") {
        if (result.stageGap !== undefined) command = commandForStageDrop(present, result.payload.stageId, result.stageGap);
      } else if (result.zone) {
        command = commandForDrop(present, result.payload, dropTargetOf(result.zone));
      }
      if (command) store.dispatch(command);
    },
    [store],
  );
  const autoPanRef = useRef<((x: number, y: number) => boolean) | null>(null);
  const autoPan = useCallback((x: number, y: number) => autoPanRef.current?.(x, y) ?? false, []);
  const beginDrag = useDragController(dragStore, onDrop, autoPan);
  const controller = useMemo<CanvasController>(
    () => ({
      dragStore,
      beginDrag,
      select: (s) => store.select(s),
      toggleCollapsed: (id) => store.toggleCollapsed(id),
      reveal: (id) => revealRef.current?.(id),
    }),
    [dragStore, beginDrag, store],
  );
  // A problem clicked in the panel: bring its element into view.
  const { focusPath, focusRequest, selection } = state;
  useEffect(() => {
    if (focusPath === undefined) return;
    const id = selection.kind === "action" ? `action:${selection.actionId}` : selection.kind === "stage" ? `stage:${selection.stageId}` : undefined;
    if (id) requestAnimationFrame(() => revealRef.current?.(id));
  }, [focusPath, focusRequest, selection]);

  /** Palette activation (click / Enter): a new last group of the selected stage (else the last stage). */
  const addFromPalette = useCallback(
    (actionType: ActionTypeRef) => {
      const { history, selection } = store.getState();
      const present = history.present;
      const stageId =
        selection.kind === "stage"
          ? selection.stageId
          : selection.kind === "action"
            ? stageOfAction(present, selection.actionId)
            : present.stageIds[present.stageIds.length - 1];
      if (stageId === undefined) return;
      store.dispatch({
        type: "addAction",
        actionType,
        target: { stageId, kind: "insert", position: actionGroups(present, stageId).length },
      });
    },
    [store],
  );

  const keyApi = useMemo(
    () => ({
      getDocument: () => store.getState().history.present,
      getSelection: () => store.getState().selection,
      dispatch: store.dispatch,
      undo: store.undo,
      redo: store.redo,
      select: (s: Parameters<typeof store.select>[0]) => store.select(s),
    }),
    [store],
  );
  /** After a keyboard edit, keep the focus on the selected node (it may have moved in the DOM). */
  const refocus = useCallback(() => {
    requestAnimationFrame(() => {
      const selection = store.getState().selection;
      const selector =
        selection.kind === "action"
          ? `[data-testid="action-node"][data-action-id="${CSS.escape(selection.actionId)}"]`
          : selection.kind === "stage"
            ? `[data-stage-id="${CSS.escape(selection.stageId)}"] [data-testid="stage-header"]`
            : undefined;
      const element = selector ? document.querySelector<HTMLElement>(selector) : null;
      if (element && document.activeElement !== element) element.focus({ preventScroll: true });
      const id = selection.kind === "action" ? `action:${selection.actionId}` : selection.kind === "stage" ? `stage:${selection.stageId}` : undefined;
      if (id) revealRef.current?.(id);
    });
  }, [store]);
  useEditorKeys(keyApi, refocus);

  const viewProps: DesignerViewProps = {
    document: doc,
    selection: state.selection,
    issues,
    diagnostics,
    dispatch: store.dispatch,
    select: store.select,
    ...(state.focusPath !== undefined ? { focusPath: state.focusPath, focusRequest: state.focusRequest } : {}),
  };
  const selectedStageIndex =
    state.selection.kind === "stage"
      ? doc.stageIds.indexOf(state.selection.stageId)
      : state.selection.kind === "action"
        ? doc.stageIds.indexOf(stageOfAction(doc, state.selection.actionId) ?? "")
        : -1;
  const errorCount = diagnostics.filter((d) => d.severity === "error").length;

  return (
    <CanvasControllerContext.Provider value={controller}>
      <div className="flex h-[calc(100vh-3.5rem)] min-h-[560px] flex-col" data-testid="designer">
        {conflict && (
          <div role="alert" data-testid="restore-banner" className="flex items-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm dark:border-amber-700 dark:bg-amber-950">
            <span className="flex-1">
              A newer autosave of this draft exists (saved {new Date(conflict.updatedAt).toLocaleTimeString()}, e.g. from another tab).
            </span>
            <button type="button" data-testid="restore-newer" onClick={restore} className="rounded-md bg-amber-600 px-3 py-1 text-white">
              Restore it
            </button>
            <button type="button" onClick={dismiss} className="rounded-md border border-amber-400 px-3 py-1">
              Keep mine
            </button>
          </div>
        )}
        <Toolbar
          region={region}
          onRegion={setRegion}
          declaration={doc.declaration}
          canUndo={state.canUndo}
          canRedo={state.canRedo}
          errorCount={errorCount}
          warningCount={diagnostics.length - errorCount}
          showFlow={state.showFlow}
          onShowFlow={store.setShowFlow}
          onUndo={store.undo}
          onRedo={store.redo}
          onExport={() => setExporting(true)}
          dispatch={store.dispatch}
          stageCount={doc.stageIds.length}
          selection={state.selection}
          {...(selectedStageIndex >= 0 ? { selectedStageIndex } : {})}
        />
        <div className="grid min-h-0 flex-1 grid-cols-[15rem_minmax(0,1fr)_22rem] grid-rows-[minmax(0,1fr)] gap-0">
          <div className="flex min-h-0 flex-col overflow-y-auto border-r border-slate-200 p-3 dark:border-slate-800">
            <Palette onAdd={addFromPalette} />
          </div>
          <div className="relative h-full min-h-[480px]" data-testid="canvas">
            <ReactFlowProvider>
              <CanvasView projection={projection} revealRef={revealRef} autoPanRef={autoPanRef} />
            </ReactFlowProvider>
          </div>
          <div className="flex min-h-0 flex-col border-l border-slate-200 dark:border-slate-800">
            <SidePanel {...viewProps} />
          </div>
        </div>
        <DragGhost store={dragStore} />
        {exporting && <ExportDialog declaration={doc.declaration} onClose={() => setExporting(false)} />}
      </div>
    </CanvasControllerContext.Provider>
  );
}
