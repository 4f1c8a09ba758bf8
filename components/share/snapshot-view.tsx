"use client";

/**
 * A shared design, read-only: the designer's own canvas projection (badges, collapsed stages,
 * the artifact-flow overlay), its problems panel, export in every form and as an image, the
 * comparison the address asks for, and "Open a copy in the designer", which makes a new local
 * draft; the snapshot itself never changes.
 */
import { ReactFlowProvider } from "@xyflow/react";
import { useMemo, useRef, useState } from "react";
import { artifactFlow } from "@/lib/domain/designer/artifact-flow";
import type { DesignerDocument, Selection } from "@/lib/domain/designer/contract";
import { documentFromDeclaration } from "@/lib/domain/designer/document";
import { groupIssues } from "@/lib/domain/designer/issues";
import { layoutFits, type DesignSnapshot } from "@/lib/domain/share/design-snapshot";
import { validate } from "@/lib/domain/validation";
import type { Comparison } from "@/lib/server/share/results";
import { CanvasControllerContext, type CanvasController } from "@/components/designer/canvas/canvas-context";
import { CanvasView } from "@/components/designer/canvas/canvas-view";
import { createDragStore } from "@/components/designer/canvas/drag-store";
import { project } from "@/components/designer/canvas/project";
import { newDraft } from "@/components/designer/drafts/draft-format";
import { newDraftId } from "@/components/designer/drafts/draft-storage";
import { useOpenDraft } from "@/components/designer/drafts/use-open-draft";
import { ImageExport } from "@/components/designer/image/image-export";
import { ProblemsPanel } from "@/components/designer/problems/problems-panel";
import { ExportDialog } from "@/components/designer/workspace/export-dialog";
import { ComparisonPanel } from "./comparison-panel";

interface SnapshotViewProps {
  readonly id: string;
  readonly createdAt: number;
  readonly snapshot: DesignSnapshot;
  readonly comparison?: Comparison;
}

const BUTTON = "rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900";

export function SnapshotView({ id, createdAt, snapshot, comparison }: SnapshotViewProps) {
  const doc = useMemo<DesignerDocument>(() => {
    const { declaration, layout } = snapshot;
    return layoutFits(layout, declaration) ? { declaration, stageIds: layout.stageIds, actionIds: layout.actionIds } : documentFromDeclaration(declaration);
  }, [snapshot]);
  const diagnostics = useMemo(() => validate(doc.declaration, { region: snapshot.region }), [doc, snapshot.region]);
  const issues = useMemo(() => groupIssues(doc, diagnostics), [doc, diagnostics]);
  const [selection, setSelection] = useState<Selection>({ kind: "pipeline" });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set(snapshot.layout.collapsed));
  const [showFlow, setShowFlow] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);
  const orientation = snapshot.layout.orientation;
  const flow = useMemo(() => (showFlow ? artifactFlow(doc) : undefined), [doc, showFlow]);
  const projection = useMemo(
    () => project(doc, issues, { collapsed, selection, orientation, ...(flow ? { flow } : {}) }),
    [doc, issues, collapsed, selection, orientation, flow],
  );
  const revealRef = useRef<((nodeId: string) => void) | null>(null);
  const autoPanRef = useRef<((x: number, y: number) => boolean) | null>(null);
  const [dragStore] = useState(createDragStore);
  const controller = useMemo<CanvasController>(
    () => ({
      dragStore,
      // Read-only: nothing is dragged.
      beginDrag: () => undefined,
      select: setSelection,
      toggleCollapsed: (stageId) =>
        setCollapsed((current) => {
          const next = new Set(current);
          if (!next.delete(stageId)) next.add(stageId);
          return next;
        }),
      reveal: (nodeId) => revealRef.current?.(nodeId),
    }),
    [dragStore],
  );
  const openDraft = useOpenDraft();
  const openCopy = () => {
    const draft = { ...newDraft(newDraftId(), structuredClone(snapshot.declaration), Date.now()), region: snapshot.region };
    setCopyFailed(!openDraft(draft));
  };

  return (
    <CanvasControllerContext.Provider value={controller}>
      <div className="flex h-[calc(100vh-3.5rem)] min-h-[560px] flex-col" data-testid="snapshot" data-snapshot-id={id}>
        <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
          <div className="min-w-0">
            <h1 className="truncate text-lg font-semibold" data-testid="snapshot-title">
              {snapshot.title}
            </h1>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Shared design · read-only · <time dateTime={new Date(createdAt).toISOString()}>{new Date(createdAt).toUTCString()}</time> · {snapshot.region}
            </p>
          </div>
          <label className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={showFlow} onChange={(e) => setShowFlow(e.target.checked)} data-testid="flow-toggle" />
            Artifact flow
          </label>
          <span className="ml-auto flex flex-wrap items-center gap-2">
            <button type="button" className={BUTTON} onClick={() => setExporting(true)} data-testid="export">
              Export…
            </button>
            <ImageExport projection={projection} title={snapshot.title} />
            <button type="button" className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-500" onClick={openCopy} data-testid="open-copy">
              Open a copy in the designer
            </button>
          </span>
          {copyFailed && (
            <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
              The copy could not be stored in this browser (its storage is full or disabled).
            </p>
          )}
        </header>
        {(snapshot.note || snapshot.redacted.length > 0) && (
          <div className="space-y-1 border-b border-slate-200 px-4 py-2 text-sm dark:border-slate-800">
            {snapshot.note && (
              <p className="whitespace-pre-wrap" data-testid="snapshot-note">
                {snapshot.note}
              </p>
            )}
            {snapshot.redacted.length > 0 && (
              <details data-testid="snapshot-redacted" className="text-amber-800 dark:text-amber-300">
                <summary>
                  {snapshot.redacted.length} secret field{snapshot.redacted.length === 1 ? " was" : "s were"} replaced by **** before this snapshot was stored
                </summary>
                <ul className="ml-4 list-disc font-mono text-xs">
                  {snapshot.redacted.map((path) => (
                    <li key={path}>{path}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
        {comparison && <ComparisonPanel comparison={comparison} />}
        <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_22rem] grid-rows-[minmax(0,1fr)]">
          <div className="relative h-full min-h-[420px]" data-testid="canvas">
            <ReactFlowProvider>
              <CanvasView projection={projection} orientation={orientation} revealRef={revealRef} autoPanRef={autoPanRef} />
            </ReactFlowProvider>
          </div>
          <div className="flex min-h-0 flex-col border-l border-slate-200 dark:border-slate-800">
            <ProblemsPanel document={doc} diagnostics={diagnostics} select={setSelection} />
          </div>
        </div>
        {exporting && <ExportDialog declaration={snapshot.declaration} onClose={() => setExporting(false)} />}
      </div>
    </CanvasControllerContext.Provider>
  );
}
