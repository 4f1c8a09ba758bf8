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
import { buildIndex, type ActionRef, type StageRef } from "../pipeline/pipeline-index";

export interface DiffOptions {
  /** Prefix of the keys of elements only `after` has (a merge gives each side its own). */
  readonly newKeyPrefix?: string;
}

const PIPELINE: Target = { kind: "pipeline" };

export function diffDeclarations(before: unknown, after: unknown, options: DiffOptions = {}): SyncDiff {
  return diffPrepared(prepare(before), prepare(after), options);
}

/** A document read once (its pipeline index built) for several diffs: a merge diffs its base twice. */
export interface Prepared {
  readonly value: unknown;
  readonly side?: Side;
}

export function prepare(value: unknown): Prepared {
  return isObject(value) && Array.isArray(value.stages) ? { value, side: { index: buildIndex(value), stages: value.stages } } : { value };
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
  const join = (base: string) => d.path.reduce<string>((p, k) => joinPath(p, k), base);
  return {
    path: d.path,
    ...present(d.before, d.after),
    ...(d.before !== undefined && { beforePath: join(beforeBase) }),
    ...(d.after !== undefined && { afterPath: join(afterBase) }),
  };
}

const stagePath = (i: number) => `stages[${i}]`;
const actionPath = (i: number, j: number) => `stages[${i}].actions[${j}]`;

/** The stages and actions part of the diff; fills `changes` in reading order of the `after` document. */
class StageDiff {
  private readonly groups = new Map<StageRef, Map<number, { position: number; members: ActionRef[] }>>();

  constructor(
    private readonly b: Side,
    private readonly a: Side,
    private readonly m: Matching,
    private readonly prefix: string,
    private readonly changes: Change[],
  ) {}

  run(): void {
    const { b, a, m } = this;
    const pairs = [...m.stages].sort((x, y) => x[0] - y[0]);
    const inOrder = new Set(longestIncreasing(pairs.map(([, k]) => k)).map((p) => pairs[p]![0]));
    a.index.stages.forEach((after, k) => {
      const anchor = k === 0 ? null : this.afterStageKey(k - 1);
      const i = m.stagesBack.get(k);
      if (i === undefined) {
        this.changes.push({
          kind: "stage-added",
          key: `${this.prefix}s${k}`,
          ...nameOf(after),
          value: a.stages[k],
          after: anchor,
          afterPath: stagePath(k),
        });
        return;
      }
      if (!inOrder.has(i)) {
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
      this.stage(b.index.stages[i]!, after);
    });
    for (const before of b.index.stages) {
      if (!m.stages.has(before.index)) {
        this.changes.push({ kind: "stage-removed", stage: before.index, ...nameOf(before), beforePath: stagePath(before.index) });
      }
    }
  }

  private afterStageKey(k: number): string {
    const i = this.m.stagesBack.get(k);
    return i === undefined ? `${this.prefix}s${k}` : stageKey(i);
  }

  /** What the action at `l` of an `after` stage follows: the key of the one before it, or null. */
  private actionAnchor(after: StageRef, l: number): string | null {
    return l === 0 ? null : this.afterActionKey(after.actions[l - 1]!);
  }

  private afterActionKey(y: ActionRef): string {
    const x = this.m.actionsBack.get(y);
    return x === undefined ? `${this.prefix}a${y.stageIndex}.${y.actionIndex}` : actionKey(x.stageIndex, x.actionIndex);
  }

  /** Changes of a matched stage: its name, its own fields, its actions. */
  private stage(before: StageRef, after: StageRef): void {
    if (!before.isObject || !after.isObject) return; // entries that are not objects match only identical ones
    // Most stages are untouched: nothing to find in them (no action moves in or out either).
    if (this.m.identical.has(before.index)) return;
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
  private actions(before: StageRef, after: StageRef): void {
    const { m } = this;
    const i = before.index;
    const kept = this.keptActions(before, after);
    after.actions.forEach((y, l) => {
      const x = m.actionsBack.get(y);
      if (x === undefined) {
        this.changes.push({
          kind: "action-added",
          key: `${this.prefix}a${after.index}.${l}`,
          stage: i,
          ...nameOf(y),
          value: rawAction(this.a, y),
          after: this.actionAnchor(after, l),
          place: this.place(after, y),
          afterPath: actionPath(after.index, l),
        });
        return;
      }
      const moved = !kept.has(x);
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
          from: this.place(this.b.index.stages[x.stageIndex]!, x),
          to: this.place(after, y),
          beforePath: actionPath(x.stageIndex, x.actionIndex),
          afterPath: actionPath(after.index, l),
        });
      }
      this.actionFields(x, y, moved);
    });
    this.reordered(before, after, kept);
    for (const x of before.actions) {
      if (!m.actions.has(x)) {
        this.changes.push({
          kind: "action-removed",
          stage: i,
          action: x.actionIndex,
          ...nameOf(x),
          place: this.place(before, x),
          beforePath: actionPath(i, x.actionIndex),
        });
      }
    }
  }

  /**
   * The actions of `before` that stay in this stage without moving: among the actions both stages
   * have, the largest set whose run-order groups keep the same order and the same group-mates.
   * Groups are ranked among those actions only, so adding or removing other actions moves nobody.
   */
  private keptActions(before: StageRef, after: StageRef): Set<ActionRef> {
    const common: Array<[ActionRef, ActionRef]> = [];
    let sameOrders = true;
    for (const x of before.actions) {
      const y = this.m.actions.get(x);
      if (y && y.stageIndex === after.index) {
        common.push([x, y]);
        if (x.runOrder !== y.runOrder) sameOrders = false;
      }
    }
    // No run order changed (the usual field edit): nobody moved.
    if (sameOrders) return new Set(common.map(([x]) => x));
    const rank = (orders: number[]) => {
      const sorted = [...new Set(orders)].sort((p, q) => p - q);
      return new Map(sorted.map((o, r) => [o, r]));
    };
    const beforeRank = rank(common.map(([x]) => x.runOrder));
    const afterRank = rank(common.map(([, y]) => y.runOrder));
    const cells = new Map<number, { before: number; after: number; weight: number; members: ActionRef[] }>();
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
    return new Set(heaviestChain(list).flatMap((c) => list[c]!.members));
  }

  /** Unmoved actions listed in another order: rebuilt exactly, but cosmetic (groups are unchanged). */
  private reordered(before: StageRef, after: StageRef, kept: ReadonlySet<ActionRef>): void {
    const inBefore = before.actions.filter((x) => kept.has(x));
    const inAfter = after.actions.map((y) => this.m.actionsBack.get(y)).filter((x): x is ActionRef => x !== undefined && kept.has(x));
    if (inBefore.every((x, n) => inAfter[n] === x)) return;
    this.changes.push({
      kind: "actions-reordered",
      stage: before.index,
      order: inAfter.map((x) => actionKey(x.stageIndex, x.actionIndex)),
      cosmetic: true,
      beforePath: stagePath(before.index),
      afterPath: stagePath(after.index),
    });
  }

  /** Name and field changes of a matched action (its run order goes with a move when it moved). */
  private actionFields(x: ActionRef, y: ActionRef, moved: boolean): void {
    if (!x.isObject || !y.isObject || jsonEqual(x.raw, y.raw)) return;
    const target: Target = { kind: "action", stage: x.stageIndex, action: x.actionIndex };
    const beforeBase = actionPath(x.stageIndex, x.actionIndex);
    const afterBase = actionPath(y.stageIndex, y.actionIndex);
    const element = `${stageLabel(this.a.index.stages[y.stageIndex]!)} / ${actionLabel(y)}`;
    if (!jsonEqual(own(x.raw, "name"), own(y.raw, "name"))) {
      this.changes.push({
        kind: "action-renamed",
        stage: x.stageIndex,
        action: x.actionIndex,
        ...(x.raw.name !== undefined && { from: x.raw.name }),
        ...(y.raw.name !== undefined && { to: y.raw.name }),
        stageName: stageLabel(this.a.index.stages[y.stageIndex]!),
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

  private place(stage: StageRef, action: ActionRef): GroupPlace {
    let groups = this.groups.get(stage);
    if (!groups) this.groups.set(stage, (groups = groupsOf(stage)));
    const group = groups.get(action.runOrder)!;
    return {
      ...(stage.name !== undefined && { stageName: stage.name }),
      group: group.position,
      groups: groups.size,
      parallelWith: group.members.filter((z) => z !== action).map(actionLabel),
    };
  }
}

/** A stage's run-order groups: runOrder → 1-based position and members. */
function groupsOf(stage: StageRef): Map<number, { position: number; members: ActionRef[] }> {
  const byOrder = new Map<number, ActionRef[]>();
  for (const z of stage.actions) {
    const list = byOrder.get(z.runOrder);
    if (list) list.push(z);
    else byOrder.set(z.runOrder, [z]);
  }
  const sorted = [...byOrder.keys()].sort((p, q) => p - q);
  return new Map(sorted.map((order, n) => [order, { position: n + 1, members: byOrder.get(order)! }]));
}

/** Absent or an integer: renumbering such run orders keeps the stage's order (the group check decided). */
function isRunOrder(value: unknown): boolean {
  return value === undefined || isInteger(value);
}

function nameOf(element: StageRef | ActionRef): { name?: string } {
  return element.name === undefined ? {} : { name: element.name };
}

function stageLabel(stage: StageRef): string {
  return stage.name ?? `Stage ${stage.index + 1}`;
}

function actionLabel(action: ActionRef): string {
  return action.name ?? `Action ${action.actionIndex + 1}`;
}
