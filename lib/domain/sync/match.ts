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
import { actionType, type OutlineAction, type OutlineStage, type PipelineOutline } from "../pipeline/pipeline-index";

/**
 * Which element is which, as arrays by position rather than maps: a diff of the quotas' largest
 * pipeline pairs 500 actions (a merge: twice), and arrays allocate a fraction of what maps and
 * sets of the same entries do.
 */
export interface Matching {
  /** The `after` stage index of each `before` stage (by index), -1 for none; and back. */
  readonly stageAfter: Int32Array;
  readonly stageBefore: Int32Array;
  /** The `after` action of each `before` action (by `ordinal`); and back. */
  readonly actionAfter: readonly (OutlineAction | undefined)[];
  readonly actionBefore: readonly (OutlineAction | undefined)[];
  /** 1 for the `before` stages (by index) matched to an identical stage: nothing to diff inside them. */
  readonly identical: Uint8Array;
}

export interface Side {
  readonly outline: PipelineOutline;
  /** The `stages` entries as they are (the outline replaces non-objects with `{}`). */
  readonly stages: readonly unknown[];
}

export function match(before: Side, after: Side): Matching {
  const { stageAfter, stageBefore } = matchStages(before, after);
  const identical = new Uint8Array(stageAfter.length);
  for (let b = 0; b < stageAfter.length; b++) {
    if (stageAfter[b]! >= 0 && jsonEqual(before.stages[b], after.stages[stageAfter[b]!])) identical[b] = 1;
  }
  const { actionAfter, actionBefore } = matchActions(before, after, stageAfter, identical);
  return { stageAfter, stageBefore, actionAfter, actionBefore, identical };
}

function matchStages(before: Side, after: Side): { stageAfter: Int32Array; stageBefore: Int32Array } {
  const bStages = before.outline.stages;
  const aStages = after.outline.stages;
  const stageAfter = new Int32Array(bStages.length).fill(-1);
  const stageBefore = new Int32Array(aStages.length).fill(-1);
  const pair = (b: number, a: number) => {
    stageAfter[b] = a;
    stageBefore[a] = b;
  };
  const paired = (b: number) => stageAfter[b]! >= 0;
  const taken = (a: number) => stageBefore[a]! >= 0;

  // 1. Same name. A name that repeats on either side (CodePipeline refuses it, a draft may hold
  //    it) pairs its identical stages first, then the others in order of appearance, so renaming
  //    one of two namesakes leaves the other paired with itself.
  const byName = queues(aStages.filter((s) => s.isObject && s.name !== undefined), (s) => s.name!);
  const named = bStages.filter((s) => s.isObject && s.name !== undefined);
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const s of named) (seen.has(s.name!) ? repeated : seen).add(s.name!);
  for (const s of named) {
    const same = byName.get(s.name!);
    if (!same || (same.length < 2 && !repeated.has(s.name!))) continue;
    const n = same.findIndex((t) => jsonEqual(before.stages[s.index], after.stages[t.index]));
    if (n >= 0) pair(s.index, same.splice(n, 1)[0]!.index);
  }
  for (const s of named) {
    if (paired(s.index)) continue;
    const a = byName.get(s.name!)?.shift();
    if (a !== undefined) pair(s.index, a.index);
  }
  // 2. Entries that are not objects: only an identical one.
  for (const s of bStages) {
    if (s.isObject || paired(s.index)) continue;
    const a = aStages.find((t) => !t.isObject && !taken(t.index) && jsonEqual(before.stages[s.index], after.stages[t.index]));
    if (a) pair(s.index, a.index);
  }
  // 2b. Stages without a usable name (a malformed draft): an identical one, at the same place first.
  for (const s of bStages) {
    if (!s.isObject || s.name !== undefined || paired(s.index)) continue;
    const same = (t: OutlineStage) => t.isObject && !taken(t.index) && jsonEqual(before.stages[s.index], after.stages[t.index]);
    const here = aStages[s.index];
    const a = here && same(here) ? here : aStages.find(same);
    if (a) pair(s.index, a.index);
  }
  // 3. Renamed: at least half of the smaller stage's actions (by name and type) are the other's.
  const open = (stages: readonly OutlineStage[], used: (i: number) => boolean) => stages.filter((s) => s.isObject && !used(s.index));
  const signatures = new Map<OutlineStage, Set<string>>();
  const signature = (s: OutlineStage) => {
    let set = signatures.get(s);
    if (!set) signatures.set(s, (set = new Set(s.actions.filter((x) => x.name !== undefined).map((x) => `${x.name}\u0000${typeKey(x)}`))));
    return set;
  };
  for (const s of open(bStages, paired)) {
    let best: OutlineStage | undefined;
    let bestScore = 0;
    for (const t of open(aStages, taken)) {
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
  for (const s of open(bStages, paired)) {
    const t = aStages[s.index];
    if (t && t.isObject && !taken(t.index) && s.actions.length === 0 && t.actions.length === 0 && sameButName(s.raw, t.raw)) {
      pair(s.index, t.index);
    }
  }
  return { stageAfter, stageBefore };
}

function sameButName(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const { name: _a, ...restA } = a;
  const { name: _b, ...restB } = b;
  return jsonEqual(restA, restB);
}

function matchActions(
  before: Side,
  after: Side,
  stageAfter: Int32Array,
  identical: Uint8Array,
): { actionAfter: (OutlineAction | undefined)[]; actionBefore: (OutlineAction | undefined)[] } {
  const actionAfter = new Array<OutlineAction | undefined>(before.outline.actions.length).fill(undefined);
  const actionBefore = new Array<OutlineAction | undefined>(after.outline.actions.length).fill(undefined);
  const pair = (x: OutlineAction, y: OutlineAction) => {
    actionAfter[x.ordinal] = y;
    actionBefore[y.ordinal] = x;
  };
  const paired = (x: OutlineAction) => actionAfter[x.ordinal] !== undefined;
  const taken = (y: OutlineAction) => actionBefore[y.ordinal] !== undefined;

  // 1. Same name within the matched stage; entries that are not objects only match identical ones.
  for (let bi = 0; bi < stageAfter.length; bi++) {
    const ai = stageAfter[bi]!;
    if (ai < 0) continue;
    const bStage = before.outline.stages[bi]!;
    const aStage = after.outline.stages[ai]!;
    // An unchanged stage (the common case), or only fields changed (the usual edit): the actions pair up in order.
    if (identical[bi] === 1 || sameNamesInOrder(bStage, aStage)) {
      for (let j = 0; j < bStage.actions.length; j++) pair(bStage.actions[j]!, aStage.actions[j]!);
      continue;
    }
    // Each name takes the first namesake of the other stage not taken yet (in order of appearance).
    const byName = aStage.actions.length > ACTIONS_PER_STAGE ? queues(aStage.actions.filter((x) => x.isObject && x.name !== undefined), (x) => x.name!) : undefined;
    for (let j = 0; j < bStage.actions.length; j++) {
      const x = bStage.actions[j]!;
      if (!x.isObject || x.name === undefined) continue;
      const y = byName ? byName.get(x.name)?.shift() : namesake(aStage.actions, x.name, actionBefore);
      if (y) pair(x, y);
    }
    for (let j = 0; j < bStage.actions.length; j++) {
      const x = bStage.actions[j]!;
      if (x.isObject || paired(x)) continue;
      const y = aStage.actions.find((z) => !z.isObject && !taken(z) && jsonEqual(rawAction(before, x), rawAction(after, z)));
      if (y) pair(x, y);
    }
  }

  // Passes 2 and 3 only look at what pass 1 left over (usually nothing, or a few actions), and only
  // in stage pairs whose actions are both lists: a stage whose `actions` is not a list on one side
  // changes as one field, so no single action can move in or out of it.
  const structured = (bi: number) => {
    const ai = stageAfter[bi]!;
    return ai >= 0 && Array.isArray(before.outline.stages[bi]!.raw.actions) && Array.isArray(after.outline.stages[ai]!.raw.actions);
  };
  let open = before.outline.actions.filter((x) => x.isObject && !paired(x) && structured(x.stageIndex));
  if (open.length === 0) return { actionAfter, actionBefore };
  const matchedStages = new Set<number>();
  for (let bi = 0; bi < stageAfter.length; bi++) if (structured(bi)) matchedStages.add(stageAfter[bi]!);
  const candidates = after.outline.actions.filter((y) => y.isObject && !taken(y) && matchedStages.has(y.stageIndex));
  if (candidates.length === 0) return { actionAfter, actionBefore };

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

  // 3. Renamed: same type and configuration (the first such action of the same type, in order).
  open = open.filter((x) => !paired(x));
  if (open.length === 0) return { actionAfter, actionBefore };
  const byType = queues(
    candidates.filter((y) => !taken(y)),
    typeKey,
  );
  for (const x of open) {
    const sameType = byType.get(typeKey(x));
    const n = sameType ? sameType.findIndex((y) => jsonEqual(x.raw.configuration, y.raw.configuration)) : -1;
    if (n >= 0) pair(x, sameType!.splice(n, 1)[0]!);
  }
  return { actionAfter, actionBefore };
}

/** The first object action named `name` not matched yet (`actionBefore` says which are). */
function namesake(actions: readonly OutlineAction[], name: string, actionBefore: readonly (OutlineAction | undefined)[]): OutlineAction | undefined {
  for (let l = 0; l < actions.length; l++) {
    const z = actions[l]!;
    if (z.isObject && z.name === name && actionBefore[z.ordinal] === undefined) return z;
  }
  return undefined;
}

/** Both stages list object actions with the same distinct names in the same order. */
function sameNamesInOrder(b: OutlineStage, a: OutlineStage): boolean {
  if (b.actions.length !== a.actions.length) return false;
  const seen = b.actions.length > ACTIONS_PER_STAGE ? new Set<string>() : undefined;
  for (let j = 0; j < b.actions.length; j++) {
    const x = b.actions[j]!;
    const y = a.actions[j]!;
    if (!x.isObject || !y.isObject || x.name === undefined || x.name !== y.name) return false;
    if (seen) {
      if (seen.has(x.name)) return false;
      seen.add(x.name);
    } else for (let k = 0; k < j; k++) if (b.actions[k]!.name === x.name) return false;
  }
  return true;
}

/**
 * A stage holds at most 50 actions (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html):
 * up to there, a stage's names are looked up and checked for repeats by scanning it, without
 * allocating maps or sets; larger (invalid) stages get them, so no input turns quadratic.
 */
const ACTIONS_PER_STAGE = 50;

/** The action entry as it is in the document (the index has `{}` for entries that are not objects). */
export function rawAction(side: Side, action: OutlineAction): unknown {
  const stage = side.stages[action.stageIndex];
  return isObject(stage) && Array.isArray(stage.actions) ? stage.actions[action.actionIndex] : undefined;
}

function typeKey(action: OutlineAction): string {
  const t = actionType(action.raw);
  return `${t.category ?? "\u0001"}\u0000${t.owner ?? "\u0001"}\u0000${t.provider ?? "\u0001"}\u0000${t.version ?? "\u0001"}`;
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
