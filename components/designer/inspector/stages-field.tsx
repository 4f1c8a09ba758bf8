"use client";

import type { DesignerCommand, Selection } from "@/lib/domain/designer/contract";
import type { PipelineIndex } from "@/lib/domain/pipeline/pipeline-index";
import { FieldDiagnostics } from "./field-diagnostics";
import { SmallButton } from "./fields";

interface StagesFieldProps {
  readonly index: PipelineIndex;
  readonly dispatch: (command: DesignerCommand) => void;
  readonly select: (selection: Selection) => void;
}

/**
 * The pipeline's stages as a field: where problems with the stage list itself (too few, only
 * source actions) lead, with the control that fixes them first.
 */
export function StagesField({ index, dispatch, select }: StagesFieldProps) {
  return (
    <fieldset className="flex flex-col gap-2" data-path="stages" tabIndex={-1}>
      <legend className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">Stages</legend>
      <div className="flex items-center gap-2 text-[11px] text-slate-500">
        <span className="flex-1">Run in order, top to bottom. A pipeline needs at least two.</span>
        <SmallButton label="Add stage" onClick={() => dispatch({ type: "addStage", index: index.stages.length })}>
          + Stage
        </SmallButton>
      </div>
      <ol className="flex max-h-56 flex-col gap-1 overflow-y-auto text-xs">
        {index.stages.map((stage) => (
          <li key={stage.id}>
            <button
              type="button"
              className="flex w-full items-baseline gap-2 rounded px-1.5 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-900"
              onClick={() => select({ kind: "stage", stageId: stage.id })}
            >
              <span className="w-4 shrink-0 text-right text-slate-400">{stage.index + 1}</span>
              <span className="min-w-0 flex-1 truncate font-medium">{stage.name || "(unnamed stage)"}</span>
              <span className="shrink-0 text-slate-500">
                {stage.actions.length} action{stage.actions.length === 1 ? "" : "s"}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <FieldDiagnostics path="stages" exact />
    </fieldset>
  );
}
