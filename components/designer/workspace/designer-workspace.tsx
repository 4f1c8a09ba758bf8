"use client";

/**
 * The editor: palette | canvas | inspector + problems, with the toolbar above. The session
 * (use-designer-session.ts) holds the design and what derives from it; this lays it out.
 */
import { ReactFlowProvider } from "@xyflow/react";
import { useState } from "react";
import { useFileDrop } from "@/components/ui/use-file-drop";
import { CanvasControllerContext } from "../canvas/canvas-context";
import { CanvasView } from "../canvas/canvas-view";
import { DragGhost } from "../canvas/drag-ghost";
import { Palette } from "../canvas/palette";
import { importedDraft, type Draft } from "../drafts/draft-format";
import { AutosaveFailed } from "../drafts/autosave-failed";
import { newDraftId } from "../drafts/draft-storage";
import { useOpenDraft } from "../drafts/use-open-draft";
import type { StoreImported } from "../drafts/use-store-imported";
import { ImageExport } from "../image/image-export";
import { ShareDialog } from "@/components/share/share-dialog";
import { ExportDialog } from "./export-dialog";
import { ReplaceDraftDialog } from "./replace-draft-dialog";
import { SidePanel } from "./side-panel";
import { Toolbar } from "./toolbar";
import { useDesignerSession } from "./use-designer-session";

interface DesignerWorkspaceProps {
  readonly draft: Draft;
  /** Puts a dropped document in place of this draft (the editor opens again on it). */
  readonly onReplace: StoreImported;
}

export function DesignerWorkspace({ draft, onReplace }: DesignerWorkspaceProps) {
  const session = useDesignerSession(draft);
  const { state, store, autosave, document } = session;
  const [exporting, setExporting] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [dropped, setDropped] = useState<{ fileName: string; text: string } | undefined>();
  const fileDrop = useFileDrop((file) => void file.text().then((text) => setDropped({ fileName: file.name, text })));
  const openDraft = useOpenDraft();
  const openNew: StoreImported = (pipeline, keepSource) => openDraft(importedDraft(newDraftId(), pipeline, Date.now(), keepSource));

  return (
    <CanvasControllerContext.Provider value={session.controller}>
      <div className="flex h-[calc(100vh-3.5rem)] min-h-[560px] flex-col" data-testid="designer">
        {autosave.conflict && (
          <div role="alert" data-testid="restore-banner" className="flex items-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm dark:border-amber-700 dark:bg-amber-950">
            <span className="flex-1">
              A newer autosave of this draft exists (saved {new Date(autosave.conflict.updatedAt).toLocaleTimeString()}, e.g. from another tab).
            </span>
            <button type="button" data-testid="restore-newer" onClick={autosave.restore} className="rounded-md bg-amber-600 px-3 py-1 text-white">
              Restore it
            </button>
            <button type="button" onClick={autosave.dismiss} className="rounded-md border border-amber-400 px-3 py-1">
              Keep mine
            </button>
          </div>
        )}
        {autosave.failed && <AutosaveFailed draft={draft} />}
        <Toolbar
          region={session.region}
          onRegion={session.setRegion}
          declaration={document.declaration}
          canUndo={state.canUndo}
          canRedo={state.canRedo}
          errorCount={session.errorCount}
          warningCount={session.warningCount}
          showFlow={state.showFlow}
          onShowFlow={store.setShowFlow}
          orientation={state.orientation}
          onOrientation={session.setOrientation}
          onUndo={store.undo}
          onRedo={store.redo}
          onExport={() => setExporting(true)}
          onShare={() => setSharing(true)}
          dispatch={store.dispatch}
          stageCount={document.stageIds.length}
          selection={state.selection}
          {...(session.selectedStageIndex >= 0 ? { selectedStageIndex: session.selectedStageIndex } : {})}
        />
        <div className="grid min-h-0 flex-1 grid-cols-[15rem_minmax(0,1fr)_22rem] grid-rows-[minmax(0,1fr)] gap-0">
          <div className="flex min-h-0 flex-col overflow-y-auto border-r border-slate-200 p-3 dark:border-slate-800">
            <Palette onAdd={session.addFromPalette} />
          </div>
          <div className="relative h-full min-h-[480px]" data-testid="canvas" {...fileDrop.handlers}>
            <ReactFlowProvider>
              <CanvasView
                projection={session.projection}
                orientation={state.orientation}
                revealRef={session.revealRef}
                autoPanRef={session.autoPanRef}
              />
            </ReactFlowProvider>
            {fileDrop.over && (
              <div
                data-testid="canvas-drop-hint"
                className="pointer-events-none absolute inset-3 z-10 flex items-center justify-center rounded-xl border-2 border-dashed border-indigo-500 bg-indigo-50/90 dark:bg-indigo-950/90"
              >
                <span className="rounded-lg bg-white px-4 py-2 text-sm font-medium text-indigo-900 shadow dark:bg-slate-900 dark:text-indigo-100">
                  Drop a pipeline document to open it (you will be asked before this draft is replaced)
                </span>
              </div>
            )}
          </div>
          <div className="flex min-h-0 flex-col border-l border-slate-200 dark:border-slate-800">
            <SidePanel {...session.viewProps} />
          </div>
        </div>
        <DragGhost store={session.dragStore} />
        {dropped && (
          <ReplaceDraftDialog
            fileName={dropped.fileName}
            text={dropped.text}
            title={draft.title}
            onReplace={onReplace}
            onOpenNew={openNew}
            onClose={() => setDropped(undefined)}
          />
        )}
        {exporting && (
          <ExportDialog
            declaration={document.declaration}
            source={draft.source}
            onClose={() => setExporting(false)}
            image={<ImageExport projection={session.projection} title={draft.title} />}
          />
        )}
        {sharing && (
          <ShareDialog
            document={document}
            region={session.region}
            orientation={state.orientation}
            collapsed={state.collapsed}
            onClose={() => setSharing(false)}
          />
        )}
      </div>
    </CanvasControllerContext.Provider>
  );
}
