/**
 * Which stage and action of one declaration is which in the other. Live pipelines carry no ids,
 * so identity is inferred, most certain first:
 *   stages:  same name; else (nameless) an identical stage; else (renamed) mostly the same actions;
 *            else an empty stage at the same place;
 *   actions: same name in the matched stage; else same name and type in another matched stage
 *            (moved); else same type and configuration (renamed, perhaps moved too).
 * Entries that are not objects match only an identical entry. Actions of unmatched stages are not
 * matched: they come and go with their stage.
 */
import { isObject, jsonEqual } from "../json";
import type { ActionRef, PipelineIndex, StageRef } from "../pipeline/pipeline-index";

export interface Matching {
  /** `before` stage index → `after` stage index, and back. */
  readonly stages: ReadonlyMap<number, number>;
  readonly stagesBack: ReadonlyMap<number, number>;
  /** `before` action → `after` action (refs of the indexes), and back. */
  readonly actions: ReadonlyMap<ActionRef, ActionRef>;
  readonly actionsBack: ReadonlyMap<ActionRef, ActionRef>;
  /** `before` stages matched to an identical stage (nothing to diff inside them). */
  readonly identical: ReadonlySet<number>;
}

export interface Side {
  readonly index: PipelineIndex;
  /** The `stages` entries as they are (the index replaces non-objects with `{}`). */
  readonly stages: readonly unknown[];
}

export function match(before: Side, after: Side): Matching {
  const stages = matchStages(before, after);
  const stagesBack = new Map([...stages].map(([b, a]) => [a, b]));
  const identical = new Set<number>();
  for (const [b, a] of stages) if (jsonEqual(before.stages[b], after.stages[a])) identical.add(b);
  const actions = matchActions(before, after, stages, identical);
  const actionsBack = new Map([...actions].map(([b, a]) => [a, b]));
  return { stages, stagesBack, actions, actionsBack, identical };
}

function matchStages(before: Side, after: Side): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const pair = (b: number, a: number) => {
    pairs.set(b, a);
    taken.add(a);
  };

  // 1. Same name (in order of appearance when a name repeats).
  const byName = queues(after.index.stages.filter((s) => s.isObject && s.name !== undefined), (s) => s.name!);
  for (const s of before.index.stages) {
    if (!s.isObject || s.name === undefined) continue;
    const a = byName.get(s.name)?.shift();
    if (a !== undefined) pair(s.index, a.index);
  }
  // 2. Entries that are not objects: only an identical one.
  for (const s of before.index.stages) {
    if (s.isObject || pairs.has(s.index)) continue;
    const a = after.index.stages.find((t) => !t.isObject && !taken.has(t.index) && jsonEqual(before.stages[s.index], after.stages[t.index]));
    if (a) pair(s.index, a.index);
  }
  // 2b. Stages without a usable name (a malformed draft): an identical one, at the same place first.
  for (const s of before.index.stages) {
    if (!s.isObject || s.name !== undefined || pairs.has(s.index)) continue;
    const same = (t: StageRef) => t.isObject && !taken.has(t.index) && jsonEqual(before.stages[s.index], after.stages[t.index]);
    const here = after.index.stages[s.index];
    const a = here && same(here) ? here : after.index.stages.find(same);
    if (a) pair(s.index, a.index);
  }
  // 3. Renamed: at least half of the smaller stage's actions (by name and type) are the other's.
  const open = (side: Side, used: (i: number) => boolean) => side.index.stages.filter((s) => s.isObject && !used(s.index));
  const signatures = new Map<StageRef, Set<string>>();
  const signature = (s: StageRef) => {
    let set = signatures.get(s);
    if (!set) signatures.set(s, (set = new Set(s.actions.filter((x) => x.name !== undefined).map((x) => `${x.name}\u0000${typeKey(x)}`))));
    return set;
  };
  for (const s of open(before, (i) => pairs.has(i))) {
    let best: StageRef | undefined;
    let bestScore = 0;
    for (const t of open(after, (i) => taken.has(i))) {
      const mine = signature(s);
      const theirs = signature(t);
      let overlap = 0;
      for (const key of mine) if (theirs.has(key)) overlap++;
      if (overlap === 0 || 2 * overlap < Math.min(mine.size, theirs.size)) continue;
      if (overlap > bestScore || (overlap === bestScore && best && Math.abs(t.index - s.index) < Math.abs(best.index - s.index))) {
        best = t;
        bestScore = overlap;
      }
    }
    if (best) pair(s.index, best.index);
  }
  // 4. Renamed empty stages: the same place, and nothing else differs but the name.
  for (const s of open(before, (i) => pairs.has(i))) {
    const t = after.index.stages[s.index];
    if (t && t.isObject && !taken.has(t.index) && s.actions.length === 0 && t.actions.length === 0 && sameButName(s.raw, t.raw)) {
      pair(s.index, t.index);
    }
  }
  return pairs;
}

function sameButName(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const { name: _a, ...restA } = a;
  const { name: _b, ...restB } = b;
  return jsonEqual(restA, restB);
}

function matchActions(before: Side, after: Side, stages: ReadonlyMap<number, number>, identical: ReadonlySet<number>): Map<ActionRef, ActionRef> {
  const pairs = new Map<ActionRef, ActionRef>();
  const taken = new Set<ActionRef>();
  const pair = (b: ActionRef, a: ActionRef) => {
    pairs.set(b, a);
    taken.add(a);
  };

  // 1. Same name within the matched stage; entries that are not objects only match identical ones.
  for (const [bi, ai] of stages) {
    const bStage = before.index.stages[bi]!;
    const aStage = after.index.stages[ai]!;
    if (identical.has(bi)) {
      // An unchanged stage (the common case): its actions pair up in order.
      bStage.actions.forEach((x, j) => pair(x, aStage.actions[j]!));
      continue;
    }
    if (sameNamesInOrder(bStage, aStage)) {
      // Only fields changed (the usual edit): the actions pair up in order.
      bStage.actions.forEach((x, j) => pair(x, aStage.actions[j]!));
      continue;
    }
    const byName = queues(aStage.actions.filter((x) => x.isObject && x.name !== undefined), (x) => x.name!);
    for (const x of bStage.actions) {
      if (!x.isObject || x.name === undefined) continue;
      const y = byName.get(x.name)?.shift();
      if (y) pair(x, y);
    }
    for (const x of bStage.actions) {
      if (x.isObject || pairs.has(x)) continue;
      const y = aStage.actions.find((z) => !z.isObject && !taken.has(z) && jsonEqual(rawAction(before, x), rawAction(after, z)));
      if (y) pair(x, y);
    }
  }

  // Passes 2 and 3 only look at what pass 1 left over (usually nothing, or a few actions), and only
  // in stage pairs whose actions are both lists: a stage whose `actions` is not a list on one side
  // changes as one field, so no single action can move in or out of it.
  const structured = new Map<number, number>();
  for (const [bi, ai] of stages) {
    if (Array.isArray(before.index.stages[bi]!.raw.actions) && Array.isArray(after.index.stages[ai]!.raw.actions)) structured.set(bi, ai);
  }
  const leftovers = () => before.index.actions.filter((x) => x.isObject && !pairs.has(x) && structured.has(x.stageIndex));
  let open = leftovers();
  if (open.length === 0) return pairs;
  const matchedStages = new Set(structured.values());
  const candidates = after.index.actions.filter((y) => y.isObject && !taken.has(y) && matchedStages.has(y.stageIndex));
  if (candidates.length === 0) return pairs;

  // 2. Moved to another stage: same name and type.
  const byNameAndType = queues(
    candidates.filter((y) => y.name !== undefined),
    (y) => `${y.name}\u0000${typeKey(y)}`,
  );
  for (const x of open) {
    if (x.name === undefined) continue;
    const y = byNameAndType.get(`${x.name}\u0000${typeKey(x)}`)?.shift();
    if (y) pair(x, y);
  }

  // 3. Renamed: same type and configuration.
  open = open.filter((x) => !pairs.has(x));
  if (open.length === 0) return pairs;
  const byContent = queues(
    candidates.filter((y) => !taken.has(y)),
    (y) => `${typeKey(y)}\u0000${canonical(y.raw.configuration)}`,
  );
  for (const x of open) {
    const y = byContent.get(`${typeKey(x)}\u0000${canonical(x.raw.configuration)}`)?.shift();
    if (y) pair(x, y);
  }
  return pairs;
}

/** Both stages list object actions with the same distinct names in the same order. */
function sameNamesInOrder(b: StageRef, a: StageRef): boolean {
  if (b.actions.length !== a.actions.length) return false;
  const seen = new Set<string>();
  for (let j = 0; j < b.actions.length; j++) {
    const x = b.actions[j]!;
    const y = a.actions[j]!;
    if (!x.isObject || !y.isObject || x.name === undefined || x.name !== y.name || seen.has(x.name)) return false;
    seen.add(x.name);
  }
  return true;
}

/** The action entry as it is in the document (the index has `{}` for entries that are not objects). */
export function rawAction(side: Side, action: ActionRef): unknown {
  const stage = side.stages[action.stageIndex];
  return isObject(stage) && Array.isArray(stage.actions) ? stage.actions[action.actionIndex] : undefined;
}

function typeKey(action: ActionRef): string {
  const t = action.type;
  return `${t.category ?? "\u0001"}\u0000${t.owner ?? "\u0001"}\u0000${t.provider ?? "\u0001"}\u0000${t.version ?? "\u0001"}`;
}

/** JSON with object keys sorted: equal for equal values whatever their key order. */
function canonical(value: unknown): string {
  if (value === undefined) return "~";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "~";
}

function queues<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
