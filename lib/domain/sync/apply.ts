/**
 * `applyChanges(before, changes)`: writes a list of changes (one diff, or the changes of both sides
 * of a merge, all addressed against the same `before`) into a new declaration. Pure: the input is
 * never mutated; unchanged stages and actions keep their identity. Changes that name elements
 * `before` does not have are ignored, so the function is total.
 */
import { effectiveRunOrder } from "../pipeline/pipeline-index";
import { isObject } from "../json";
import {
  actionKey,
  stageKey,
  type ActionAdded,
  type ActionMoved,
  type ActionRenamed,
  type ActionsReordered,
  type Change,
  type FieldChange,
  type StageAdded,
  type StageMoved,
  type StageRenamed,
} from "./changes";
import { writePath } from "./fields";
import { arrange, type Placed } from "./order";

export interface ApplyOptions {
  /**
   * Stages (by `before` index) whose actions end up listed in run-order group order. A merge asks
   * for it where both sides placed actions: their anchors alone would interleave the two sides'
   * additions however their groups fall.
   */
  readonly groupOrder?: ReadonlySet<number>;
}

export function applyChanges(before: unknown, changes: readonly Change[], options: ApplyOptions = {}): unknown {
  const whole = changes.find((c): c is FieldChange => c.kind === "field" && c.target.kind === "pipeline" && c.path.length === 0);
  if (whole) return whole.after;
  if (!isObject(before)) return before;
  let root: unknown = before;
  let stagesReplaced = false;
  for (const c of changes) {
    if (c.kind !== "field" || c.target.kind !== "pipeline") continue;
    root = writePath(root, c.path, c.after);
    if (c.path[0] === "stages") stagesReplaced = true;
  }
  const structural = changes.some((c) => c.kind !== "field" || c.target.kind !== "pipeline");
  if (structural && !stagesReplaced && Array.isArray(before.stages)) {
    root = writePath(root, ["stages"], new Rebuild(before.stages, changes, options.groupOrder).stages());
  }
  return root;
}

/** The changes indexed by the element they address, and the rebuilt stage list. */
class Rebuild {
  private readonly stageFields = new Map<number, FieldChange[]>();
  private readonly stageRenames = new Map<number, StageRenamed>();
  private readonly removedStages = new Set<number>();
  private readonly movedStages = new Map<number, StageMoved>();
  private readonly addedStages: StageAdded[] = [];
  private readonly stagePlacements: Placed[] = [];
  private readonly actionFields = new Map<string, FieldChange[]>();
  private readonly actionRenames = new Map<string, ActionRenamed>();
  private readonly removedActions = new Set<string>();
  private readonly movedActions = new Map<string, ActionMoved>();
  private readonly placementsInto = new Map<number, Placed[]>();
  private readonly addedActions = new Map<string, ActionAdded>();
  private readonly reorders = new Map<number, ActionsReordered>();
  /** Stages whose action list must be rebuilt. */
  private readonly touched = new Set<number>();
  /** Of those, the ones whose actions come, go or change places (the others keep their list's shape). */
  private readonly rearranged = new Set<number>();
  /** Stage → positions of its actions renamed or with changed fields. */
  private readonly edited = new Map<number, Set<number>>();

  constructor(
    private readonly base: readonly unknown[],
    changes: readonly Change[],
    private readonly groupOrder: ReadonlySet<number> = new Set(),
  ) {
    for (const c of changes) this.index(c);
  }

  private index(c: Change): void {
    switch (c.kind) {
      case "field":
        if (c.target.kind === "stage") push(this.stageFields, c.target.stage, c);
        else if (c.target.kind === "action") {
          push(this.actionFields, actionKey(c.target.stage, c.target.action), c);
          this.markEdited(c.target.stage, c.target.action);
          this.touched.add(c.target.stage);
        }
        return;
      case "stage-renamed":
        this.stageRenames.set(c.stage, c);
        return;
      case "stage-removed":
        this.removedStages.add(c.stage);
        return;
      case "stage-moved":
        this.movedStages.set(c.stage, c);
        this.stagePlacements.push({ key: stageKey(c.stage), after: c.after });
        return;
      case "stage-added":
        this.addedStages.push(c);
        this.stagePlacements.push({ key: c.key, after: c.after });
        return;
      case "action-added":
        this.addedActions.set(c.key, c);
        push(this.placementsInto, c.stage, { key: c.key, after: c.after });
        this.touched.add(c.stage);
        this.rearranged.add(c.stage);
        return;
      case "action-removed":
        this.removedActions.add(actionKey(c.stage, c.action));
        this.touched.add(c.stage);
        this.rearranged.add(c.stage);
        return;
      case "action-moved": {
        const key = actionKey(c.stage, c.action);
        this.movedActions.set(key, c);
        push(this.placementsInto, c.toStage, { key, after: c.after });
        this.touched.add(c.stage).add(c.toStage);
        this.rearranged.add(c.stage).add(c.toStage);
        return;
      }
      case "action-renamed":
        this.actionRenames.set(actionKey(c.stage, c.action), c);
        this.markEdited(c.stage, c.action);
        this.touched.add(c.stage);
        return;
      case "actions-reordered":
        this.reorders.set(c.stage, c);
        this.touched.add(c.stage);
        this.rearranged.add(c.stage);
        return;
    }
  }

  stages(): unknown[] {
    const values = new Map<string, unknown>();
    this.base.forEach((_, i) => {
      if (!this.removedStages.has(i)) values.set(stageKey(i), this.stage(i));
    });
    for (const c of this.addedStages) values.set(c.key, c.value);
    const slots = this.base.map((_, i) => stageKey(i));
    const placed = new Set(this.stagePlacements.map((p) => p.key));
    return present(arrange(slots, (key) => values.has(key) && !placed.has(key), this.stagePlacements), values);
  }

  private stage(i: number): unknown {
    let stage = this.base[i];
    if (!isObject(stage)) return stage;
    const rename = this.stageRenames.get(i);
    if (rename) stage = writePath(stage, ["name"], rename.to);
    for (const f of this.stageFields.get(i) ?? []) stage = writePath(stage, f.path, f.after);
    const actions = (this.base[i] as { actions?: unknown }).actions;
    if (this.touched.has(i) && Array.isArray(actions)) stage = writePath(stage, ["actions"], this.actions(i, actions));
    return stage;
  }

  private actions(i: number, base: readonly unknown[]): unknown[] {
    // Only fields or names changed (the usual edit): each action in its place, no keys to arrange,
    // and only the edited ones rewritten.
    if (!this.rearranged.has(i)) {
      const out = base.slice();
      const edited = this.edited.get(i);
      if (edited) for (let j = 0; j < out.length; j++) if (edited.has(j)) out[j] = this.action(i, j, actionKey(i, j));
      return out;
    }
    const slots = base.map((_, j) => actionKey(i, j));
    const reorder = this.reorders.get(i);
    if (reorder) {
      // The listed actions take each other's places; the others stay where they are.
      const listed = new Set(reorder.order.filter((key) => slots.includes(key) && this.stays(key)));
      const positions = slots.flatMap((key, p) => (listed.has(key) ? [p] : []));
      const order = reorder.order.filter((key) => listed.has(key));
      positions.forEach((p, n) => (slots[p] = order[n]!));
    }
    const placements = this.placementsInto.get(i) ?? [];
    const values = new Map<string, unknown>();
    for (const key of slots) if (this.stays(key)) values.set(key, this.action(i, Number(key.slice(key.indexOf(".") + 1)), key));
    for (const p of placements) {
      const added = this.addedActions.get(p.key);
      const moved = this.movedActions.get(p.key);
      if (added) values.set(p.key, added.value);
      else if (moved) values.set(p.key, this.action(moved.stage, moved.action, p.key));
    }
    const actions = present(arrange(slots, (key) => this.stays(key) && values.has(key), placements), values);
    // Array.prototype.sort is stable: actions of one group keep their order.
    return this.groupOrder.has(i) ? actions.sort((x, y) => effectiveRunOrder(x) - effectiveRunOrder(y)) : actions;
  }

  private markEdited(stage: number, action: number): void {
    const positions = this.edited.get(stage);
    if (positions) positions.add(action);
    else this.edited.set(stage, new Set([action]));
  }

  /** The `before` action stays in its stage: neither removed nor moved. */
  private stays(key: string): boolean {
    return !this.removedActions.has(key) && !this.movedActions.has(key);
  }

  /** A `before` action (`key` is its `actionKey`) with its rename, field changes and (when it moved) its new run order. */
  private action(stage: number, index: number, key: string): unknown {
    const stageValue = this.base[stage];
    const list = isObject(stageValue) && Array.isArray(stageValue.actions) ? stageValue.actions : [];
    let action: unknown = list[index];
    if (!isObject(action)) return action;
    const rename = this.actionRenames.get(key);
    if (rename) action = writePath(action, ["name"], rename.to);
    for (const f of this.actionFields.get(key) ?? []) action = writePath(action, f.path, f.after);
    const move = this.movedActions.get(key);
    if (move) action = writePath(action, ["runOrder"], move.runOrder);
    return action;
  }
}

function present(order: readonly string[], values: ReadonlyMap<string, unknown>): unknown[] {
  return order.filter((key) => values.has(key)).map((key) => values.get(key));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
