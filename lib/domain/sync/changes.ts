/**
 * The semantic diff's vocabulary: what changed between two pipeline declarations, as a list of
 * changes a person can read ("action Deploy moved into group 1, in parallel with Test") and a pure
 * function can apply (`applyChanges(before, diff.changes)` gives `after` back).
 *
 * Elements of the `before` document are addressed by their indices there (`stage`, `action`), and
 * keyed `s<i>` / `a<i>.<j>`; elements only `after` has are keyed by the diff (`+s<k>`,
 * `+a<k>.<l>`). Every address refers to `before`, so two diffs from the same base (a three-way
 * merge) can be applied together. Placed elements (added or moved) name the element they follow in
 * the result (`after`: a key, or null for "first").
 */

/** A field inside an element, as object keys from the element: `["configuration", "ProjectName"]`. */
export type FieldPath = readonly string[];

/** The element a field change applies to, by its indices in the `before` document. */
export type Target =
  | { readonly kind: "pipeline" }
  | { readonly kind: "stage"; readonly stage: number }
  | { readonly kind: "action"; readonly stage: number; readonly action: number };

/** The key of the element a placed element follows in the result; null: it comes first. */
export type Anchor = string | null;

/** Where an action sits in its stage, for people: "group 2 of 3, in parallel with Test". */
export interface GroupPlace {
  readonly stageName?: string;
  /** 1-based position of the action's run-order group in the stage. */
  readonly group: number;
  readonly groups: number;
  /** The other actions of the same group (they run in parallel with it). */
  readonly parallelWith: readonly string[];
}

interface Located {
  /** The element or field in the `before` document, e.g. `stages[1].actions[0].name` (absent when it has none). */
  readonly beforePath?: string;
  /** The same in the `after` document: what the designer selects and focuses. */
  readonly afterPath?: string;
}

/** A field added (`before` absent), removed (`after` absent) or changed. */
export interface FieldChange extends Located {
  readonly kind: "field";
  readonly target: Target;
  /** Empty for the whole document (only when one side is not a JSON object). */
  readonly path: FieldPath;
  readonly before?: unknown;
  readonly after?: unknown;
  /** A secret configuration value (catalog `secret`): shown masked, never in clear. */
  readonly secret?: true;
  /** A whole configuration map added or removed: these keys of it are secret. */
  readonly maskKeys?: readonly string[];
  /**
   * Same behaviour in CodePipeline: a default written out (`runOrder` 1, empty artifact lists,
   * SUPERSEDED), run orders renumbered without reordering, the server-assigned `version`.
   */
  readonly cosmetic?: true;
  /** For lists keyed by name (variables, triggers): which items changed. */
  readonly items?: readonly ListItemChange[];
  /** Stage or "stage / action" name, for people. */
  readonly element?: string;
}

export interface ListItemChange {
  readonly key: string;
  readonly change: "added" | "removed" | "changed";
}

export interface StageAdded extends Located {
  readonly kind: "stage-added";
  readonly key: string;
  readonly name?: string;
  /** The whole stage, actions included. */
  readonly value: unknown;
  readonly after: Anchor;
}

export interface StageRemoved extends Located {
  readonly kind: "stage-removed";
  readonly stage: number;
  readonly name?: string;
}

/** The stage runs at another position in the pipeline. */
export interface StageMoved extends Located {
  readonly kind: "stage-moved";
  readonly stage: number;
  readonly name?: string;
  /** 0-based positions before and after. */
  readonly from: number;
  readonly to: number;
  readonly after: Anchor;
}

export interface StageRenamed extends Located {
  readonly kind: "stage-renamed";
  readonly stage: number;
  readonly from?: unknown;
  readonly to?: unknown;
}

export interface ActionAdded extends Located {
  readonly kind: "action-added";
  readonly key: string;
  /** The `before` stage it is added to. */
  readonly stage: number;
  readonly name?: string;
  readonly value: unknown;
  readonly after: Anchor;
  readonly place: GroupPlace;
}

export interface ActionRemoved extends Located {
  readonly kind: "action-removed";
  readonly stage: number;
  readonly action: number;
  readonly name?: string;
  readonly place: GroupPlace;
}

/**
 * The action runs elsewhere: in another stage, or in another run-order group of its stage (which
 * includes going from parallel to sequential and back). Its other field changes are listed apart.
 */
export interface ActionMoved extends Located {
  readonly kind: "action-moved";
  readonly stage: number;
  readonly action: number;
  readonly name?: string;
  /** The `before` stage it moves into (its own stage for a move between groups). */
  readonly toStage: number;
  /** Its declared runOrder afterwards (absent: not declared). */
  readonly runOrder?: unknown;
  readonly after: Anchor;
  readonly from: GroupPlace;
  readonly to: GroupPlace;
}

export interface ActionRenamed extends Located {
  readonly kind: "action-renamed";
  readonly stage: number;
  readonly action: number;
  readonly from?: unknown;
  readonly to?: unknown;
  readonly stageName?: string;
}

/** Actions that keep their groups are listed in another order (no effect on how the stage runs). */
export interface ActionsReordered extends Located {
  readonly kind: "actions-reordered";
  readonly stage: number;
  /** Keys of the stage's unmoved actions in their new order. */
  readonly order: readonly string[];
  readonly cosmetic: true;
}

export type Change =
  | FieldChange
  | StageAdded
  | StageRemoved
  | StageMoved
  | StageRenamed
  | ActionAdded
  | ActionRemoved
  | ActionMoved
  | ActionRenamed
  | ActionsReordered;

export type ChangeKind = Change["kind"];

export interface SyncDiff {
  readonly changes: readonly Change[];
}

export const stageKey = (stage: number): string => `s${stage}`;
export const actionKey = (stage: number, action: number): string => `a${stage}.${action}`;

export function targetKey(target: Target): string {
  switch (target.kind) {
    case "pipeline":
      return "p";
    case "stage":
      return stageKey(target.stage);
    case "action":
      return actionKey(target.stage, target.action);
  }
}

/** Changes that alter what CodePipeline does (everything but the cosmetic ones). */
export function significantChanges(diff: SyncDiff): Change[] {
  return diff.changes.filter((c) => !("cosmetic" in c && c.cosmetic));
}

/** True when the two documents behave the same in CodePipeline. */
export function isUnchanged(diff: SyncDiff): boolean {
  return diff.changes.every((c) => "cosmetic" in c && c.cosmetic === true);
}
