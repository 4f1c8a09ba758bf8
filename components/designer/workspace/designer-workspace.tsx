"use client";

/**
 * The editor: palette | canvas | inspector + problems, with the toolbar above. The session
 * (use-designer-session.ts) holds the design and what derives from it; this lays it out.
 */
import { ReactFlowProvider } from "@xyflow/react";
import { lazy, Suspense, useCallback, useRef, useState } from "react";
import type { Failed, LivePipeline, Pushed } from "@/lib/aws/sync/results";
import type { JsonObject } from "@/lib/domain/json";
import type { Deployment } from "@/lib/server/deployment";
import { useFileDrop } from "@/components/ui/use-file-drop";
import { CanvasControllerContext } from "../canvas/canvas-context";
import { CanvasView } from "../canvas/canvas-view";
import { DragGhost } from "../canvas/drag-ghost";
import { Palette } from "../canvas/palette";
import { importedDraft, type Draft } from "../drafts/draft-format";
import { AutosaveFailed } from "../drafts/autosave-failed";
import { TabMergeQuestion } from "../drafts/tab-merge-question";
import { TabSyncNotice } from "../drafts/tab-sync-notice";
import { newDraftId } from "../drafts/draft-storage";
import { useOpenDraft } from "../drafts/use-open-draft";
import type { StoreImported } from "../drafts/use-store-imported";
import { selectionFromPath } from "../inspector/selection-from-path";
import { SyncBar } from "../sync/sync-bar";
import { useOpenLive } from "../sync/use-open-live";
import { SidePanel } from "./side-panel";
import { Toolbar } from "./toolbar";
import { useDesignerSession } from "./use-designer-session";

// Both dialogs read and write documents (the formats and the YAML parser): loaded when the user
// exports or drops a file, not with the editor.
const ExportDialog = lazy(() => import("./export-dialog").then((m) => ({ default: m.ExportDialog })));
const ReplaceDraftDialog = lazy(() => import("./replace-draft-dialog").then((m) => ({ default: m.ReplaceDraftDialog })));
// Likewise what only a request opens: the image export (inside the export dialog), sharing, and
// review & push with its change lists, merge views and push flow, and the toast after a push.
const ImageExport = lazy(() => import("../image/image-export").then((m) => ({ default: m.ImageExport })));
const ShareDialog = lazy(() => import("@/components/share/share-dialog").then((m) => ({ default: m.ShareDialog })));
const ReviewPushPanel = lazy(() => import("../sync/review-push-panel").then((m) => ({ default: m.ReviewPushPanel })));
const PushToast = lazy(() => import("../sync/push-toast").then((m) => ({ default: m.PushToast })));

interface DesignerWorkspaceProps {
  readonly draft: Draft;
  /** Puts a dropped document in place of this draft (the editor opens again on it). */
  readonly onReplace: StoreImported;
  /** Where a push goes and whether this deployment allows it. */
  readonly deployment: Deployment;
}

export function DesignerWorkspace({ draft, onReplace, deployment }: DesignerWorkspaceProps) {
  const session = useDesignerSession(draft);
  const { state, store, autosave, document } = session;
  const [exporting, setExporting] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [dropped, setDropped] = useState<{ fileName: string; text: string } | undefined>();
  const fileDrop = useFileDrop((file) => void file.text().then((text) => setDropped({ fileName: file.name, text })));
  const openDraft = useOpenDraft();
  const openNew: StoreImported = (pipeline, keepSource) => openDraft(importedDraft(newDraftId(), pipeline, Date.now(), keepSource));
  const sync = useDraftSyncHandlers(session);

  return (
    <CanvasControllerContext.Provider value={session.controller}>
      <div className="flex h-[calc(100vh-3.5rem)] min-h-[560px] flex-col" data-testid="designer">
        {autosave.question && <TabMergeQuestion question={autosave.question} onChoose={autosave.choose} />}
        {autosave.notice && !autosave.question && <TabSyncNotice notice={autosave.notice} onDismiss={autosave.dismissNotice} />}
        {autosave.failed && <AutosaveFailed draft={draft} />}
        <SyncBar ref={sync.reviewButton} name={typeof document.declaration.name === "string" ? document.declaration.name : ""} sync={session.sync} deployment={deployment} onReview={() => sync.setReviewing(true)} />
        {sync.openLive.error && (
          <p role="alert" data-testid="open-existing-error" className="border-b border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {sync.openLive.error}
          </p>
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
        <Suspense fallback={null}>
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
        {sync.reviewing && (
          <ReviewPushPanel
            declaration={document.declaration}
            sync={session.sync}
            deployment={deployment}
            onClose={sync.close}
            onPushed={sync.pushed}
            onMerged={sync.merged}
            onServiceProblem={sync.serviceProblem}
            onShow={sync.show}
            onOpenExisting={(name) => {
              sync.setReviewing(false);
              void sync.openLive.open(name);
            }}
          />
        )}
        {sync.toast && <PushToast pushed={sync.toast} onDismiss={() => sync.setToast(undefined)} />}
        {exporting && (
          <ExportDialog
            declaration={document.declaration}
            source={draft.source}
            onClose={() => setExporting(false)}
            image={
              // Its own boundary: loading it must not hide the dialog it sits in.
              <Suspense fallback={null}>
                <ImageExport projection={session.projection} title={draft.title} />
              </Suspense>
            }
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
        </Suspense>
      </div>
    </CanvasControllerContext.Provider>
  );
}

/** What the "Review & push" panel's answers do to the session: move the base, merge, show a refused field. */
function useDraftSyncHandlers(session: ReturnType<typeof useDesignerSession>) {
  const { store } = session;
  const { linkTo, reportServiceProblem } = session.sync;
  const [reviewing, setReviewing] = useState(false);
  const [toast, setToast] = useState<Pushed | undefined>();
  const reviewButton = useRef<HTMLButtonElement>(null);
  const openLive = useOpenLive();
  /** Select the element of a path and focus its field, as the problems panel does. */
  const show = useCallback(
    (path: string) => {
      setReviewing(false);
      store.select(selectionFromPath(store.getState().history.present, path), path);
    },
    [store],
  );
  const close = useCallback(() => {
    setReviewing(false);
    requestAnimationFrame(() => reviewButton.current?.focus());
  }, []);
  const pushed = useCallback(
    (result: Pushed) => {
      linkTo({ base: result.base, declaration: result.declaration });
      setReviewing(false);
      setToast(result);
    },
    [linkTo],
  );
  const merged = useCallback(
    (declaration: JsonObject, live: LivePipeline) => {
      store.dispatch({ type: "replaceDeclaration", declaration });
      linkTo({ base: live.base, declaration: live.declaration });
    },
    [store, linkTo],
  );
  const serviceProblem = useCallback(
    (failure: Failed & { field: NonNullable<Failed["field"]> }, sent: JsonObject) => {
      reportServiceProblem(sent, { code: "CodePipeline", severity: "error", path: failure.field.path, message: failure.message });
      show(failure.field.path);
    },
    [reportServiceProblem, show],
  );
  return { reviewing, setReviewing, toast, setToast, reviewButton, openLive, show, close, pushed, merged, serviceProblem };
}
