"use client";

import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { DesignerViewProps, Selection } from "@/lib/domain/designer/contract";
import { readDocument } from "@/lib/domain/designer/document";
import { actionWithId, stageWithId } from "@/lib/domain/pipeline/pipeline-index";
import { issuesOf } from "@/lib/domain/designer/issues";
import { nodeIdOf } from "../canvas/project";
import { ElementProblems } from "./element-problems";
import { DiagnosticsContext } from "./field-diagnostics";
import { PipelineInspector } from "./pipeline-inspector";
import { useFocusPath } from "./use-focus-path";
import { useV2Warning, V2Banner } from "./v2-banner";

// An action's and a stage's settings (the configuration forms, artifact lists, conditions and
// reference completion) load when the user first selects one; the editor opens on the pipeline's.
const ActionInspector = lazy(() => import("./action-inspector").then((m) => ({ default: m.ActionInspector })));
const StageInspector = lazy(() => import("./stage-inspector").then((m) => ({ default: m.StageInspector })));

/** One key per selected element: the canvas node id, or "pipeline". */
function selectionKey(selection: Selection): string {
  return nodeIdOf(selection) ?? "pipeline";
}

const TITLES: Record<Selection["kind"], string> = { pipeline: "Pipeline", stage: "Stage", action: "Action" };

/** Settings of the selected element: every edit dispatches one command. */
export function Inspector({ document, selection, issues, dispatch, select, focusPath, focusRequest }: DesignerViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const key = selectionKey(selection);
  // Counts the bodies shown: a body that had to load first is there only after the selection
  // changed, and the field to focus is in it.
  const [shown, setShown] = useState(0);
  useFocusPath(container, focusPath, `${key}#${shown}`, focusRequest);
  const [v2Warning, dismissV2] = useV2Warning(document.declaration);
  const own = issuesOf(issues, selection);
  const diagnostics = [...own.errors, ...own.warnings];
  const index = useMemo(() => readDocument(document), [document]);

  let body: ReactNode;
  if (selection.kind === "action") {
    const action = actionWithId(index, selection.actionId);
    body = action ? <ActionInspector key={key} document={document} index={index} action={action} dispatch={dispatch} /> : <Gone />;
  } else if (selection.kind === "stage") {
    const stage = stageWithId(index, selection.stageId);
    body = stage ? <StageInspector key={key} index={index} stage={stage} dispatch={dispatch} select={select} /> : <Gone />;
  } else {
    body = <PipelineInspector declaration={document.declaration} index={index} dispatch={dispatch} select={select} />;
  }

  return (
    <aside ref={container} aria-label="Inspector" data-testid="inspector" data-selection={key} className="flex h-full min-h-0 flex-col gap-3 overflow-y-auto p-3 text-sm">
      <h2 className="text-sm font-semibold">{TITLES[selection.kind]} settings</h2>
      {v2Warning && <V2Banner warning={v2Warning} onDismiss={dismissV2} />}
      <ElementProblems diagnostics={diagnostics} onReveal={(path) => select(selection, path)} />
      <DiagnosticsContext.Provider value={diagnostics}>
        {/* One boundary per element: a new selection never suspends (and hides) the previous
            element's settings in place, it replaces them. */}
        <Suspense key={key} fallback={<p className="text-xs text-slate-500">Loading the settings…</p>}>
          {body}
          <Shown onShown={() => setShown((n) => n + 1)} />
        </Suspense>
      </DiagnosticsContext.Provider>
    </aside>
  );
}

/** Reports when its Suspense boundary shows its content (once per element: the boundary is keyed by it). */
function Shown({ onShown }: { onShown: () => void }) {
  const reported = useRef(onShown);
  useEffect(() => reported.current(), []);
  return null;
}

function Gone() {
  return <p className="text-xs text-slate-500">The selected element no longer exists.</p>;
}
