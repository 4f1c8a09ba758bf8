/**
 * The designer's domain contract. The pipeline declaration is the source of truth;
 * the canvas is a projection of it. Stable ids live beside the declaration (never inside it),
 * so selection and React Flow node ids survive moves, renames and re-projection.
 *
 * Everything here is pure TypeScript: no React, no React Flow, no DOM.
 */
import type { Diagnostic } from "../validation/diagnostic";

import type { JsonObject } from "../json";

export type { JsonObject };

/** A design being edited: the declaration plus ids parallel to its stages and actions. */
export interface DesignerDocument {
  /** A PipelineDeclaration (camelCase, as the API has it). Unknown members are kept. */
  readonly declaration: JsonObject;
  /** stageIds[i] identifies declaration.stages[i]. */
  readonly stageIds: readonly string[];
  /** actionIds[i][j] identifies declaration.stages[i].actions[j]. */
  readonly actionIds: readonly (readonly string[])[];
}

export interface ActionTypeRef {
  readonly category: string;
  readonly owner: string;
  readonly provider: string;
  readonly version: string;
}

/**
 * Where an action lands inside a stage. Groups are the stage's distinct runOrders in ascending
 * order, numbered 0..n-1. `join` adds the action to group `group` (runs in parallel with it);
 * `insert` makes a new sequential group at position `position` (0 = before the first group,
 * n = after the last). Existing runOrders are kept wherever the new grouping allows (stage-edit.ts).
 */
export type DropTarget =
  | { readonly stageId: string; readonly kind: "join"; readonly group: number }
  | { readonly stageId: string; readonly kind: "insert"; readonly position: number };

export type DesignerCommand =
  | { readonly type: "addStage"; readonly index: number; readonly name?: string }
  | { readonly type: "removeStage"; readonly stageId: string }
  | { readonly type: "renameStage"; readonly stageId: string; readonly name: string }
  | { readonly type: "moveStage"; readonly stageId: string; readonly toIndex: number }
  | { readonly type: "duplicateStage"; readonly stageId: string }
  | { readonly type: "updateStage"; readonly stageId: string; readonly patch: JsonObject }
  | { readonly type: "addAction"; readonly actionType: ActionTypeRef; readonly target: DropTarget; readonly name?: string }
  | { readonly type: "moveAction"; readonly actionId: string; readonly target: DropTarget }
  | { readonly type: "removeAction"; readonly actionId: string }
  | { readonly type: "duplicateAction"; readonly actionId: string }
  | { readonly type: "renameAction"; readonly actionId: string; readonly name: string }
  /** Replaces the given members of the action (undefined removes a member). */
  | { readonly type: "updateAction"; readonly actionId: string; readonly patch: JsonObject }
  /** Replaces the given top-level members of the declaration (undefined removes a member). */
  | { readonly type: "updatePipeline"; readonly patch: JsonObject }
  /** Pastes copied actions (declarations) at a target, renaming on collision. */
  | { readonly type: "pasteActions"; readonly actions: readonly JsonObject[]; readonly target: DropTarget }
  /** Pastes a copied stage after `afterStageId` (or at the end). */
  | { readonly type: "pasteStage"; readonly stage: JsonObject; readonly afterStageId?: string }
  /** Replaces the whole declaration (import, template). */
  | { readonly type: "replaceDeclaration"; readonly declaration: JsonObject };

/** What `applyCommand` returns: the new document, and the ids it created (to select them). */
export interface CommandResult {
  readonly document: DesignerDocument;
  readonly createdIds: readonly string[];
}

/** Undo/redo over documents; every model change is one entry. */
export interface History {
  readonly past: readonly DesignerDocument[];
  readonly present: DesignerDocument;
  readonly future: readonly DesignerDocument[];
}

/** The validation state of one element, for badges. */
export interface ElementIssues {
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

/** Diagnostics grouped by the element they point into (pipeline, stage id, action id). */
export interface IssuesByElement {
  readonly pipeline: ElementIssues;
  readonly stages: ReadonlyMap<string, ElementIssues>;
  readonly actions: ReadonlyMap<string, ElementIssues>;
}

/** What the inspector shows and the problems panel reveals. */
export type Selection =
  | { readonly kind: "pipeline" }
  | { readonly kind: "stage"; readonly stageId: string }
  | { readonly kind: "action"; readonly actionId: string };

/**
 * Props shared by the inspector and the problems panel: controlled components that read the
 * document and dispatch commands; the canvas page owns the store.
 */
export interface DesignerViewProps {
  readonly document: DesignerDocument;
  readonly selection: Selection;
  readonly issues: IssuesByElement;
  readonly diagnostics: readonly Diagnostic[];
  readonly dispatch: (command: DesignerCommand) => void;
  readonly select: (selection: Selection, focusPath?: string) => void;
  /** A diagnostic path the inspector should scroll to and focus (set by the problems panel). */
  readonly focusPath?: string;
  /** Counts focus requests, so clicking the same problem twice focuses its field again. */
  readonly focusRequest?: number;
}
