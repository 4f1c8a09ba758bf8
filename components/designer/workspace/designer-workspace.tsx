"use client";

/**
 * The editor: palette | canvas | inspector + problems, with the toolbar above. The session
 * (use-designer-session.ts) holds the design and what derives from it; this lays it out.
 */
import { ReactFlowProvider } from "@xyflow/react";
import { useState } from "react";
import { CanvasControllerContext } from "../canvas/canvas-context";
import { CanvasView } from "../canvas/canvas-view";
import { DragGhost } from "../canvas/drag-ghost";
import { Palette } from "../canvas/palette";
import type { Draft } from "../drafts/draft-format";
import { ExportDialog } from "./export-dialog";
import { SidePanel } from "./side-panel";
import { Toolbar } from "./toolbar";
import { useDesignerSession } from "./use-designer-session";

export function DesignerWorkspace({ draft }: { draft: Draft }) {
  const session = useDesignerSession(draft);
  const { state, store, autosave, document } = session;
  const [exporting, setExporting] = useState(false);

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
          dispatch={store.dispatch}
          stageCount={document.stageIds.length}
          selection={state.selection}
          {...(session.selectedStageIndex >= 0 ? { selectedStageIndex: session.selectedStageIndex } : {})}
        />
        <div className="grid min-h-0 flex-1 grid-cols-[15rem_minmax(0,1fr)_22rem] grid-rows-[minmax(0,1fr)] gap-0">
          <div className="flex min-h-0 flex-col overflow-y-auto border-r border-slate-200 p-3 dark:border-slate-800">
            <Palette onAdd={session.addFromPalette} />
          </div>
          <div className="relative h-full min-h-[480px]" data-testid="canvas">
            <ReactFlowProvider>
              <CanvasView
                projection={session.projection}
                orientation={state.orientation}
                revealRef={session.revealRef}
                autoPanRef={session.autoPanRef}
              />
            </ReactFlowProvider>
          </div>
          <div className="flex min-h-0 flex-col border-l border-slate-200 dark:border-slate-800">
            <SidePanel {...session.viewProps} />
          </div>
        </div>
        <DragGhost store={session.dragStore} />
        {exporting && <ExportDialog declaration={document.declaration} onClose={() => setExporting(false)} />}
      </div>
    </CanvasControllerContext.Provider>
  );
}
