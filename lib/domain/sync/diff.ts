/**
 * `diffDeclarations(before, after)`: the semantic diff of two pipeline declarations (the live
 * pipeline and a draft, or a base and what it became). Pure and total: any JSON goes in, nothing
 * throws. `applyChanges(before, diff.changes)` rebuilds `after` exactly (property-tested).
 *
 * @example
 *   const { changes } = diffDeclarations(live, draft);
 *   // [{ kind: "action-moved", name: "Deploy", from: { group: 2, ... }, to: { group: 1, parallelWith: ["Test"] } }, ...]
 */
import { isInteger, isObject, jsonEqual, own, type JsonObject } from "../json";
import { secretKeysOfAction } from "../catalog/secrets";
import { joinPath } from "../validation/path";
import { actionKey, stageKey, type Change, type FieldChange, type GroupPlace, type SyncDiff, type Target } from "./changes";
import { KEYED_LISTS, keyedItemChanges, leafDifferences, type LeafDifference } from "./fields";
import { match, rawAction, type Matching, type Side } from "./match";
import { heaviestChain, longestIncreasing } from "./order";
import { buildOutline, type OutlineAction, type OutlineStage } from "../pipeline/pipeline-index";

export interface DiffOptions {
  /** Prefix of the keys of elements only `after` has (a merge gives each side its own). */
  readonly newKeyPrefix?: string;
}

const PIPELINE: Target = { kind: "pipeline" };

export function diffDeclarations(before: unknown, after: unknown, options: DiffOptions = {}): SyncDiff {
  return diffPrepared(prepare(before), prepare(after), options);
}

/** A document read once (its outline built) for several diffs: a merge diffs its base twice. */
export interface Prepared {
  readonly value: unknown;
  readonly side?: Side;
}

export function prepare(value: unknown): Prepared {
  return isObject(value) && Array.isArray(value.stages) ? { value, side: { outline: buildOutline(value), stages: value.stages } } : { value };
}

export function diffPrepared(prepared: Prepared, other: Prepared, options: DiffOptions = {}): SyncDiff {
  const before = prepared.value;
  const after = other.value;
  if (!isObject(before) || !isObject(after)) {
    if (jsonEqual(before, after)) return { changes: [] };
    return { changes: [{ kind: "field", target: PIPELINE, path: [], ...present(before, after) }] };
  }
  const b = prepared.side;
  const a = other.side;
  const changes: Change[] = pipelineFields(before, after, b !== undefined && a !== undefined);
  if (b && a) new StageDiff(b, a, match(b, a), options.newKeyPrefix ?? "+", changes).run();
  return { changes };
}

function present(before: unknown, after: unknown): { before?: unknown; after?: unknown } {
  return { ...(before !== undefined && { before }), ...(after !== undefined && { after }) };
}

function pipelineFields(before: JsonObject, after: JsonObject, structured: boolean): FieldChange[] {
  const skip = structured ? STAGES : NOTHING;
  return leafDifferences(before, after, skip).map((d) => {
    const top = d.path[0]!;
    const keyOf = d.path.length === 1 ? KEYED_LISTS.get(top) : undefined;
    const items = keyOf && keyedItemChanges(d.before, d.after, keyOf);
    const cosmetic =
      top === "version" || (d.path.length === 1 && top === "executionMode" && isDefaultPair(d, "SUPERSEDED"));
    return {
      kind: "field",
      target: PIPELINE,
      ...located(d, "", ""),
      ...(cosmetic && { cosmetic: true as const }),
      ...(items && { items }),
    };
  });
}

const STAGES: ReadonlySet<string> = new Set(["stages"]);
const NOTHING: ReadonlySet<string> = new Set();
const STAGE_OWN: ReadonlySet<string> = new Set(["name", "actions"]);
const STAGE_OWN_UNSTRUCTURED: ReadonlySet<string> = new Set(["name"]);
const ACTION_OWN: ReadonlySet<string> = new Set(["name", "runOrder"]);

/** One side absent, the other the value AWS fills in for it (GetPipeline writes defaults out). */
function isDefaultPair(d: LeafDifference, value: unknown): boolean {
  return (d.before === undefined && jsonEqual(d.after, value)) || (d.after === undefined && jsonEqual(d.before, value));
}

function located(d: LeafDifference, beforeBase: string, afterBase: string) {
  return {
    path: d.path,
    ...present(d.before, d.after),
    ...(d.before !== undefined && { beforePath: joined(beforeBase, d.path) }),
    ...(d.after !== undefined && { afterPath: joined(afterBase, d.path) }),
  };
}

function joined(base: string, path: readonly string[]): string {
  let out = base;
  for (const key of path) out = joinPath(out, key);
  return out;
}

const stagePath = (i: number) => `stages[${i}]`;
const actionPath = (i: number, j: number) => `stages[${i}].actions[${j}]`;

/** The stages and actions part of the diff; fills `changes` in reading order of the `after` document. */
class StageDiff {
  /** 1 for the `before` actions (by ordinal) that stay in their stage without moving. */
  private readonly kept: Uint8Array;

  constructor(
    private readonly b: Side,
    private readonly a: Side,
    private readonly m: Matching,
    private readonly prefix: string,
    private readonly changes: Change[],
  ) {
    this.kept = new Uint8Array(b.outline.actions.length);
  }

  run(): void {
    const { b, a, m } = this;
    const paired: number[] = [];
    const targets: number[] = [];
    for (let i = 0; i < m.stageAfter.length; i++) {
      if (m.stageAfter[i]! < 0) continue;
      paired.push(i);
      targets.push(m.stageAfter[i]!);
    }
    const inOrder = new Uint8Array(m.stageAfter.length);
    for (const p of longestIncreasing(targets)) inOrder[paired[p]!] = 1;
    const afterStages = a.outline.stages;
    for (let k = 0; k < afterStages.length; k++) {
      const after = afterStages[k]!;
      const anchor = k === 0 ? null : this.afterStageKey(k - 1);
      const i = m.stageBefore[k]!;
      if (i < 0) {
        this.changes.push({
          kind: "stage-added",
          key: `${this.prefix}s${k}`,
          ...nameOf(after),
          value: a.stages[k],
          after: anchor,
          afterPath: stagePath(k),
        });
        continue;
      }
      if (inOrder[i] !== 1) {
        this.changes.push({
          kind: "stage-moved",
          stage: i,
          ...nameOf(after),
          from: i,
          to: k,
          after: anchor,
          beforePath: stagePath(i),
          afterPath: stagePath(k),
        });
      }
      this.stage(b.outline.stages[i]!, after);
    }
    for (const before of b.outline.stages) {
      if (m.stageAfter[before.index]! < 0) {
        this.changes.push({ kind: "stage-removed", stage: before.index, ...nameOf(before), beforePath: stagePath(before.index) });
      }
    }
  }

  private afterStageKey(k: number): string {
    const i = this.m.stageBefore[k]!;
    return i < 0 ? `${this.prefix}s${k}` : stageKey(i);
  }

  /** What the action at `l` of an `after` stage follows: the key of the one before it, or null. */
  private actionAnchor(after: OutlineStage, l: number): string | null {
    return l === 0 ? null : this.afterActionKey(after.actions[l - 1]!);
  }

  private afterActionKey(y: OutlineAction): string {
    const x = this.m.actionBefore[y.ordinal];
    return x === undefined ? `${this.prefix}a${y.stageIndex}.${y.actionIndex}` : actionKey(x.stageIndex, x.actionIndex);
  }

  /** Changes of a matched stage: its name, its own fields, its actions. */
  private stage(before: OutlineStage, after: OutlineStage): void {
    if (!before.isObject || !after.isObject) return; // entries that are not objects match only identical ones
    // Most stages are untouched: nothing to find in them (no action moves in or out either).
    if (this.m.identical[before.index] === 1) return;
    const i = before.index;
    const k = after.index;
    const label = stageLabel(after);
    if (!jsonEqual(own(before.raw, "name"), own(after.raw, "name"))) {
      this.changes.push({
        kind: "stage-renamed",
        stage: i,
        ...(before.raw.name !== undefined && { from: before.raw.name }),
        ...(after.raw.name !== undefined && { to: after.raw.name }),
        beforePath: `${stagePath(i)}.name`,
        afterPath: `${stagePath(k)}.name`,
      });
    }
    const structured = Array.isArray(before.raw.actions) && Array.isArray(after.raw.actions);
    for (const d of leafDifferences(before.raw, after.raw, structured ? STAGE_OWN : STAGE_OWN_UNSTRUCTURED)) {
      this.changes.push({ kind: "field", target: { kind: "stage", stage: i }, element: label, ...located(d, stagePath(i), stagePath(k)) });
    }
    if (structured) this.actions(before, after);
  }

  /** Actions of a matched stage pair, in the `after` stage's order, then the ones removed from it. */
  private actions(before: OutlineStage, after: OutlineStage): void {
    const { m, kept } = this;
    const i = before.index;
    this.markKept(before, after);
    for (let l = 0; l < after.actions.length; l++) {
      const y = after.actions[l]!;
      const x = m.actionBefore[y.ordinal];
      if (x === undefined) {
        this.changes.push({
          kind: "action-added",
          key: `${this.prefix}a${after.index}.${l}`,
          stage: i,
          ...nameOf(y),
          value: rawAction(this.a, y),
          after: this.actionAnchor(after, l),
          place: place(after, y),
          afterPath: actionPath(after.index, l),
        });
        continue;
      }
      const moved = kept[x.ordinal] !== 1;
      if (moved) {
        const runOrder = y.isObject ? own(y.raw, "runOrder") : undefined;
        this.changes.push({
          kind: "action-moved",
          stage: x.stageIndex,
          action: x.actionIndex,
          ...nameOf(y),
          toStage: i,
          ...(runOrder !== undefined && { runOrder }),
          after: this.actionAnchor(after, l),
          from: place(this.b.outline.stages[x.stageIndex]!, x),
          to: place(after, y),
          beforePath: actionPath(x.stageIndex, x.actionIndex),
          afterPath: actionPath(after.index, l),
        });
      }
      this.actionFields(x, y, moved);
    }
    this.reordered(before, after);
    for (const x of before.actions) {
      if (m.actionAfter[x.ordinal] === undefined) {
        this.changes.push({
          kind: "action-removed",
          stage: i,
          action: x.actionIndex,
          ...nameOf(x),
          place: place(before, x),
          beforePath: actionPath(i, x.actionIndex),
        });
      }
    }
  }

  /**
   * Marks the actions of `before` that stay in this stage without moving: among the actions both
   * stages have, the largest set whose run-order groups keep the same order and the same
   * group-mates. Groups are ranked among those actions only, so adding or removing other actions
   * moves nobody.
   */
  private markKept(before: OutlineStage, after: OutlineStage): void {
    const { m, kept } = this;
    let sameOrders = true;
    for (const x of before.actions) {
      const y = m.actionAfter[x.ordinal];
      if (y && y.stageIndex === after.index && x.runOrder !== y.runOrder) sameOrders = false;
    }
    if (sameOrders) {
      // No run order changed (the usual field edit): nobody moved.
      for (const x of before.actions) {
        const y = m.actionAfter[x.ordinal];
        if (y && y.stageIndex === after.index) kept[x.ordinal] = 1;
      }
      return;
    }
    const common: Array<[OutlineAction, OutlineAction]> = [];
    for (const x of before.actions) {
      const y = m.actionAfter[x.ordinal];
      if (y && y.stageIndex === after.index) common.push([x, y]);
    }
    const rank = (orders: number[]) => {
      const sorted = [...new Set(orders)].sort((p, q) => p - q);
      return new Map(sorted.map((o, r) => [o, r]));
    };
    const beforeRank = rank(common.map(([x]) => x.runOrder));
    const afterRank = rank(common.map(([, y]) => y.runOrder));
    const cells = new Map<number, { before: number; after: number; weight: number; members: OutlineAction[] }>();
    for (const [x, y] of common) {
      const rb = beforeRank.get(x.runOrder)!;
      const ra = afterRank.get(y.runOrder)!;
      const key = rb * (common.length + 1) + ra;
      const cell = cells.get(key);
      if (cell) {
        cell.weight++;
        cell.members.push(x);
      } else cells.set(key, { before: rb, after: ra, weight: 1, members: [x] });
    }
    const list = [...cells.values()];
    for (const c of heaviestChain(list)) for (const x of list[c]!.members) kept[x.ordinal] = 1;
  }

  /** Unmoved actions listed in another order: rebuilt exactly, but cosmetic (groups are unchanged). */
  private reordered(before: OutlineStage, after: OutlineStage): void {
    const { m, kept } = this;
    // Walk the kept actions of both lists side by side; only a stage listed differently builds its order.
    let p = 0;
    let same = true;
    for (const y of after.actions) {
      const x = m.actionBefore[y.ordinal];
      if (x === undefined || kept[x.ordinal] !== 1) continue;
      while (kept[before.actions[p]!.ordinal] !== 1) p++;
      if (before.actions[p++] !== x) {
        same = false;
        break;
      }
    }
    if (same) return;
    const order: string[] = [];
    for (const y of after.actions) {
      const x = m.actionBefore[y.ordinal];
      if (x !== undefined && kept[x.ordinal] === 1) order.push(actionKey(x.stageIndex, x.actionIndex));
    }
    this.changes.push({
      kind: "actions-reordered",
      stage: before.index,
      order,
      cosmetic: true,
      beforePath: stagePath(before.index),
      afterPath: stagePath(after.index),
    });
  }

  /** Name and field changes of a matched action (its run order goes with a move when it moved). */
  private actionFields(x: OutlineAction, y: OutlineAction, moved: boolean): void {
    if (!x.isObject || !y.isObject || jsonEqual(x.raw, y.raw)) return;
    const target: Target = { kind: "action", stage: x.stageIndex, action: x.actionIndex };
    const beforeBase = actionPath(x.stageIndex, x.actionIndex);
    const afterBase = actionPath(y.stageIndex, y.actionIndex);
    const element = `${stageLabel(this.a.outline.stages[y.stageIndex]!)} / ${actionLabel(y)}`;
    if (!jsonEqual(own(x.raw, "name"), own(y.raw, "name"))) {
      this.changes.push({
        kind: "action-renamed",
        stage: x.stageIndex,
        action: x.actionIndex,
        ...(x.raw.name !== undefined && { from: x.raw.name }),
        ...(y.raw.name !== undefined && { to: y.raw.name }),
        stageName: stageLabel(this.a.outline.stages[y.stageIndex]!),
        beforePath: `${beforeBase}.name`,
        afterPath: `${afterBase}.name`,
      });
    }
    const differences = leafDifferences(x.raw, y.raw, ACTION_OWN);
    const runOrderBefore = own(x.raw, "runOrder");
    const runOrderAfter = own(y.raw, "runOrder");
    if (!moved && !jsonEqual(runOrderBefore, runOrderAfter)) {
      differences.push({ path: ["runOrder"], ...present(runOrderBefore, runOrderAfter) });
    }
    if (differences.length === 0) return;
    const secrets = new Set([...secretKeysOfAction(x.raw), ...secretKeysOfAction(y.raw)]);
    for (const d of differences) {
      const change: FieldChange = { kind: "field", target, element, ...located(d, beforeBase, afterBase) };
      const whole = d.path.length === 1 && d.path[0] === "configuration" && secrets.size > 0;
      const secret = d.path.length >= 2 && d.path[0] === "configuration" && secrets.has(d.path[1]!);
      const cosmetic =
        (d.path[0] === "runOrder" && isRunOrder(d.before) && isRunOrder(d.after)) ||
        (d.path.length === 1 && (d.path[0] === "inputArtifacts" || d.path[0] === "outputArtifacts") && isDefaultPair(d, []));
      this.changes.push({
        ...change,
        ...(secret && { secret: true as const }),
        ...(whole && { maskKeys: [...secrets] }),
        ...(cosmetic && { cosmetic: true as const }),
      });
    }
  }
}

/** Where an action sits among its stage's run-order groups (the outline's groups: ascending runOrder). */
function place(stage: OutlineStage, action: OutlineAction): GroupPlace {
  const group = stage.groups[action.groupIndex]!;
  return {
    ...(stage.name !== undefined && { stageName: stage.name }),
    group: group.index + 1,
    groups: stage.groups.length,
    parallelWith: group.actions.filter((z) => z !== action).map(actionLabel),
  };
}

/** Absent or an integer: renumbering such run orders keeps the stage's order (the group check decided). */
function isRunOrder(value: unknown): boolean {
  return value === undefined || isInteger(value);
}

function nameOf(element: OutlineStage | OutlineAction): { name?: string } {
  return element.name === undefined ? {} : { name: element.name };
}

function stageLabel(stage: OutlineStage): string {
  return stage.name ?? `Stage ${stage.index + 1}`;
}

function actionLabel(action: OutlineAction): string {
  return action.name ?? `Action ${action.actionIndex + 1}`;
}
