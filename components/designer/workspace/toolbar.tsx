"use client";

import { useState } from "react";
import { IfAllowed } from "@/components/access/session-context";
import type { DesignerCommand, JsonObject, Selection } from "@/lib/domain/designer/contract";
import { RegionSelect } from "@/components/ui/region-select";
import type { Orientation } from "../canvas/layout";
import { ShortcutsPopover } from "./shortcuts-popover";


interface ToolbarProps {
  readonly declaration: JsonObject;
  /** The pipeline's home region the design is validated for. */
  readonly region: string;
  readonly onRegion: (region: string) => void;
  readonly stageCount: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly showFlow: boolean;
  readonly onShowFlow: (on: boolean) => void;
  readonly orientation: Orientation;
  readonly onOrientation: (orientation: Orientation) => void;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onExport: () => void;
  readonly onShare: () => void;
  readonly dispatch: (command: DesignerCommand) => void;
  readonly selection: Selection;
  /** Index of the selected stage (to add a stage after it). */
  readonly selectedStageIndex?: number;
}

const BUTTON =
  "rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-900";

/** Pipeline name (one undo step per commit, not per keystroke), undo/redo, add stage, overlay, export. */
export function Toolbar(props: ToolbarProps) {
  const name = typeof props.declaration.name === "string" ? props.declaration.name : "";
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800" data-testid="toolbar">
      <NameField key={name} name={name} onCommit={(next) => props.dispatch({ type: "updatePipeline", patch: { name: next } })} />
      <button type="button" className={BUTTON} disabled={!props.canUndo} onClick={props.onUndo} aria-label="Undo" data-testid="undo">
        ↶ Undo
      </button>
      <button type="button" className={BUTTON} disabled={!props.canRedo} onClick={props.onRedo} aria-label="Redo" data-testid="redo">
        ↷ Redo
      </button>
      <button
        type="button"
        className={BUTTON}
        data-testid="add-stage"
        onClick={() => props.dispatch({ type: "addStage", index: (props.selectedStageIndex ?? props.stageCount - 1) + 1 })}
        title={props.selectedStageIndex === undefined ? "Add a stage at the end" : "Add a stage after the selected one"}
      >
        + Stage
      </button>
      <SelectionActions selection={props.selection} dispatch={props.dispatch} />
      <label className="flex items-center gap-1.5 text-sm">
        <input type="checkbox" checked={props.showFlow} onChange={(e) => props.onShowFlow(e.target.checked)} data-testid="flow-toggle" />
        Artifact flow
      </label>
      <OrientationToggle value={props.orientation} onChange={props.onOrientation} />
      <label className="ml-auto flex items-center gap-1.5 text-sm">
        <span className="text-slate-600 dark:text-slate-400">Region</span>
        <RegionSelect
          aria-label="Pipeline region"
          data-testid="pipeline-region"
          className="rounded-md border border-slate-300 bg-transparent px-1.5 py-1 text-sm dark:border-slate-700"
          value={props.region}
          onChange={props.onRegion}
        />
      </label>
      <span className="text-xs text-slate-500" data-testid="problem-counts">
        <span className={props.errorCount ? "text-red-600" : ""}>{props.errorCount} errors</span> · {props.warningCount} warnings
      </span>
      <button type="button" className={BUTTON} onClick={props.onExport} data-testid="export">
        Export…
      </button>
      {/* Sharing stores a snapshot on the server: offered to those who may (editors, not read-only). */}
      <IfAllowed mutation="share">
        <button type="button" className={BUTTON} onClick={props.onShare} data-testid="share">
          Share…
        </button>
      </IfAllowed>
      <ShortcutsPopover />
    </div>
  );
}

const ORIENTATIONS: readonly { readonly value: Orientation; readonly glyph: string; readonly label: string; readonly title: string }[] = [
  { value: "vertical", glyph: "↓", label: "Top to bottom", title: "Stages and groups run top to bottom, like the CodePipeline console" },
  { value: "horizontal", glyph: "→", label: "Left to right", title: "Stages and groups run left to right" },
];

/** Which way time runs on the canvas; parallel actions always sit across it. */
function OrientationToggle({ value, onChange }: { value: Orientation; onChange: (orientation: Orientation) => void }) {
  return (
    <div role="group" aria-label="Canvas orientation" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm dark:border-slate-700">
      {ORIENTATIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={value === o.value}
          aria-label={o.label}
          title={o.title}
          data-testid={`orientation-${o.value}`}
          onClick={() => onChange(o.value)}
          className={`px-2 py-1 ${value === o.value ? "bg-indigo-600 text-white" : "hover:bg-slate-50 dark:hover:bg-slate-900"}`}
        >
          {o.glyph}
        </button>
      ))}
    </div>
  );
}

function NameField({ name, onCommit }: { name: string; onCommit: (name: string) => void }) {
  const [value, setValue] = useState(name);
  const commit = () => {
    if (value !== name) onCommit(value);
  };
  return (
    <input
      aria-label="Pipeline name"
      data-testid="pipeline-name"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
        if (e.key === "Escape") setValue(name);
      }}
      className="w-56 rounded-md border border-slate-300 bg-transparent px-2 py-1 text-sm font-semibold dark:border-slate-700"
    />
  );
}

/** Duplicate / delete for the selected action or stage (the mouse alternative to Ctrl+D / Delete). */
function SelectionActions({ selection, dispatch }: { selection: Selection; dispatch: (command: DesignerCommand) => void }) {
  if (selection.kind === "pipeline") return null;
  const what = selection.kind === "action" ? "action" : "stage";
  const duplicate: DesignerCommand =
    selection.kind === "action" ? { type: "duplicateAction", actionId: selection.actionId } : { type: "duplicateStage", stageId: selection.stageId };
  const remove: DesignerCommand =
    selection.kind === "action" ? { type: "removeAction", actionId: selection.actionId } : { type: "removeStage", stageId: selection.stageId };
  return (
    <span className="flex items-center gap-1 border-l border-slate-200 pl-2 dark:border-slate-800">
      <button type="button" className={BUTTON} data-testid="duplicate-selection" onClick={() => dispatch(duplicate)} title="Ctrl/⌘+D">
        Duplicate {what}
      </button>
      <button type="button" className={`${BUTTON} text-red-700 dark:text-red-400`} data-testid="delete-selection" onClick={() => dispatch(remove)} title="Delete">
        Delete {what}
      </button>
    </span>
  );
}
