"use client";

/**
 * One editing session of a draft: the design store and everything derived from it on each
 * change — validation for the chosen region and the importer's findings, issues per element, the
 * artifact flow, the canvas projection — plus autosave, drag and drop, keyboard shortcuts and
 * revealing the element a problem points at. The workspace only lays these out.
 */
import type { Edge } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { artifactFlow } from "@/lib/domain/designer/artifact-flow";
import type { ActionTypeRef, DesignerCommand, DesignerViewProps } from "@/lib/domain/designer/contract";
import { documentFromDeclaration, readDocument, stageOfAction } from "@/lib/domain/designer/document";
import { groupIssues } from "@/lib/domain/designer/issues";
import { jsonEqual } from "@/lib/domain/json";
import { stageWithId } from "@/lib/domain/pipeline/pipeline-index";
import type { CanvasController } from "../canvas/canvas-context";
import { createDragStore } from "../canvas/drag-store";
import { commandForDrop, commandForStageDrop, dropTargetOf } from "../canvas/interpret";
import type { Orientation } from "../canvas/layout";
import { readOrientation, saveOrientation } from "../canvas/orientation-preference";
import { nodeIdOf, project, type CanvasNode } from "../canvas/project";
import { reuseUnchanged } from "../canvas/reuse-nodes";
import { useDragController, type DropResult } from "../canvas/use-drag-controller";
import type { Draft } from "../drafts/draft-format";
import { useAutosave } from "../drafts/use-autosave";
import { useDraftSync } from "../sync/use-draft-sync";
import { createDesignerStore, useDesignerState } from "./designer-store";
import { useEditorKeys } from "./use-editor-keys";
import { useSourceDiagnostics } from "./use-source-diagnostics";
import { useValidation } from "./use-validation";

export function useDesignerSession(draft: Draft) {
  // Drafts open on the client only (draft-editor.tsx), so the browser's preference can be read here.
  const [store] = useState(() => createDesignerStore(documentFromDeclaration(draft.declaration), readOrientation()));
  const [dragStore] = useState(createDragStore);
  const state = useDesignerState(store);
  const doc = state.history.present;

  const [region, setRegion] = useState(draft.region);
  // Validated in a worker: an edit renders at once, its findings follow. Until they do, the
  // previous findings stay located in the document they were found in.
  const validated = useValidation(doc, doc.declaration, region);
  const validation = validated.diagnostics;
  // An imported draft's importer findings are problems like the others: listed, located, badged.
  const findings = useSourceDiagnostics(draft.source, doc.declaration);
  // What CodePipeline refused on the last push is a problem like the others, until the next edit.
  const sync = useDraftSync(draft, doc.declaration);
  const { serviceDiagnostics } = sync;
  const diagnostics = useMemo(
    () => (findings.length === 0 && serviceDiagnostics.length === 0 ? validation : [...serviceDiagnostics, ...validation, ...findings]),
    [validation, findings, serviceDiagnostics],
  );
  const validatedDoc = validated.subject ?? doc;
  const issues = useMemo(() => groupIssues(validatedDoc, diagnostics), [validatedDoc, diagnostics]);
  const flow = useMemo(() => (state.showFlow ? artifactFlow(doc) : undefined), [doc, state.showFlow]);
  // Previous nodes/edges by id, to hand React Flow the same objects for unchanged elements.
  const [cache] = useState(() => ({ nodes: new Map<string, CanvasNode>(), edges: new Map<string, Edge>() }));
  const projection = useMemo(() => {
    const fresh = project(doc, issues, {
      collapsed: state.collapsed,
      selection: state.selection,
      orientation: state.orientation,
      ...(flow ? { flow } : {}),
    });
    const nodes = reuseUnchanged(cache.nodes, fresh.nodes);
    const edges = reuseUnchanged(cache.edges, fresh.edges);
    cache.nodes = new Map(nodes.map((n) => [n.id, n]));
    cache.edges = new Map(edges.map((e) => [e.id, e]));
    return { nodes, edges, bounds: fresh.bounds };
  }, [doc, issues, state.collapsed, state.selection, state.orientation, flow, cache]);
  const setOrientation = useCallback(
    (orientation: Orientation) => {
      store.setOrientation(orientation);
      saveOrientation(orientation);
    },
    [store],
  );
  // Another tab's copy taken or merged: one undoable step, and its region.
  const autosave = useAutosave(
    draft,
    doc.declaration,
    region,
    (copy) => {
      if (!jsonEqual(copy.declaration, store.getState().history.present.declaration)) {
        store.dispatch({ type: "replaceDeclaration", declaration: copy.declaration });
      }
      setRegion(copy.region);
    },
    sync.link,
  );

  const revealRef = useRef<((nodeId: string) => void) | null>(null);
  const autoPanRef = useRef<((x: number, y: number) => boolean) | null>(null);
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
    const id = nodeIdOf(selection);
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
      const groups = stageWithId(readDocument(present), stageId)?.groups.length ?? 0;
      store.dispatch({ type: "addAction", actionType, target: { stageId, kind: "insert", position: groups } });
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
      const id = nodeIdOf(selection);
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
  const selectedStageId =
    state.selection.kind === "stage"
      ? state.selection.stageId
      : state.selection.kind === "action"
        ? stageOfAction(doc, state.selection.actionId)
        : undefined;
  const selectedStageIndex = selectedStageId === undefined ? -1 : doc.stageIds.indexOf(selectedStageId);
  const errorCount = diagnostics.filter((d) => d.severity === "error").length;

  return {
    store,
    state,
    document: doc,
    region,
    setRegion,
    sync,
    diagnostics,
    errorCount,
    warningCount: diagnostics.length - errorCount,
    projection,
    setOrientation,
    autosave,
    controller,
    dragStore,
    revealRef,
    autoPanRef,
    addFromPalette,
    viewProps,
    /** The selected stage (or the selected action's), -1 when the pipeline is selected. */
    selectedStageIndex,
  };
}
