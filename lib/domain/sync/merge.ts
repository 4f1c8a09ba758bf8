/**
 * Three-way merge at the model level: `base` (what the draft was opened from), `theirs` (the live
 * pipeline now) and `mine` (the draft). Both diffs are taken from `base`, so their changes address
 * the same elements and can be applied together. Changes to different stages, actions or fields
 * merge by themselves; the same thing changed differently on both sides is a conflict the user
 * settles with `resolveMerge(merge, { [conflict.id]: "mine" | "theirs" })`.
 *
 * What counts as "the same thing":
 * - a field, or a field and one inside it (`onFailure` and `onFailure.result`);
 * - an element removed on one side and changed, moved into or added to on the other;
 * - the position of one stage or action (moved on both sides to different places);
 * - two new stages (or two new actions of one stage) with the same name;
 * - pipeline variables or triggers changed on both sides: merged item by item, a conflict only
 *   when one item changed on both sides.
 * Cosmetic changes (defaults written out, run orders renumbered) never conflict: they give way to
 * the other side's real change. The result is checked by validation before any push.
 */
import { jsonEqual } from "../json";
import { applyChanges } from "./apply";
import type { Anchor, Change, FieldChange, SyncDiff } from "./changes";
import { diffPrepared, prepare } from "./diff";
import { KEYED_LISTS, keyedItemChanges, mergeKeyedLists, readPath } from "./fields";
import { entry, newKey, overlappingFields, removes, sameChange, type Entry, type MergeSide } from "./merge-claims";
import { describeChange } from "./present";

export type { MergeSide };

export interface MergeConflict {
  /** Stable within one merge: `c1`, `c2`... */
  readonly id: string;
  /** What both sides changed, for people: "Build / Compile: configuration.ProjectName". */
  readonly title: string;
  readonly theirs: readonly Change[];
  readonly mine: readonly Change[];
}

export interface ThreeWayMerge {
  readonly base: unknown;
  /** base → theirs (the live pipeline): what someone else changed. */
  readonly theirs: SyncDiff;
  /** base → mine (the draft). */
  readonly mine: SyncDiff;
  /** Changes made on one side only, or identically on both: applied whatever the choices. */
  readonly agreed: readonly Change[];
  readonly conflicts: readonly MergeConflict[];
  /**
   * Both sides hold the same document: it is the merge, exactly as written. Replaying the changes
   * would give an equivalent pipeline but could list a stage's actions in runOrder instead of the
   * order both sides kept, which a diff against the live pipeline would then show.
   */
  readonly agreedDocument?: unknown;
}

export type MergeChoices = Readonly<Record<string, MergeSide>>;

export function mergeDeclarations(base: unknown, theirs: unknown, mine: unknown): ThreeWayMerge {
  const prepared = prepare(base);
  const theirsDiff = diffPrepared(prepared, prepare(theirs), { newKeyPrefix: "t+" });
  const mineDiff = diffPrepared(prepared, prepare(mine), { newKeyPrefix: "m+" });
  // The same new stage or action on both sides is one element: mine's key becomes theirs', so
  // what mine placed after it lands after theirs.
  const { aliases, duplicates } = sameNewElements(theirsDiff.changes, mineDiff.changes);
  const mineChanges = mineDiff.changes.map((c) => withAnchor(c, aliases));
  const entries: Entry[] = [
    ...theirsDiff.changes.map((change, n) => entry("theirs", change, n)),
    ...mineChanges.map((change, n) => entry("mine", change, theirsDiff.changes.length + n)),
  ];
  if (jsonEqual(theirs, mine)) {
    return { base, theirs: theirsDiff, mine: { changes: mineChanges }, agreed: theirsDiff.changes, conflicts: [], agreedDocument: theirs };
  }
  const state = new MergeState(entries, new Set(entries.filter((e) => e.side === "mine" && duplicates.has(mineDiff.changes[e.id - theirsDiff.changes.length]!))));

  const byKey = new Map<string, Entry[]>();
  for (const e of entries) for (const key of e.claim.keys) push(byKey, key, e);
  const seen = new Set<number>(); // pairs of entry ids as numbers: no string per pair
  for (const list of byKey.values()) {
    for (const t of list) {
      if (t.side !== "theirs") continue;
      for (const m of list) {
        if (m.side !== "mine") continue;
        const pair = t.id * entries.length + m.id;
        if (seen.has(pair)) continue;
        seen.add(pair);
        state.relate(base, t, m);
      }
    }
  }
  return { base, theirs: theirsDiff, mine: { changes: mineChanges }, ...state.result() };
}

/** Mine's new elements that theirs added identically (same name, content and stage). */
function sameNewElements(theirs: readonly Change[], mine: readonly Change[]): { aliases: Map<string, string>; duplicates: Set<Change> } {
  const aliases = new Map<string, string>();
  const duplicates = new Set<Change>();
  const used = new Set<Change>();
  for (const m of mine) {
    const key = newKey(m);
    if (key === undefined) continue;
    const t = theirs.find((c) => !used.has(c) && newKey(c) !== undefined && sameChange(c, m));
    if (!t) continue;
    used.add(t);
    duplicates.add(m);
    aliases.set(key, newKey(t)!);
  }
  return { aliases, duplicates };
}

function withAnchor(c: Change, aliases: ReadonlyMap<string, string>): Change {
  switch (c.kind) {
    case "stage-added":
    case "action-added":
    case "stage-moved":
    case "action-moved": {
      const alias = c.after === null ? undefined : aliases.get(c.after);
      return alias ? { ...c, after: alias } : c;
    }
    case "actions-reordered":
      return c.order.some((k) => aliases.has(k)) ? { ...c, order: c.order.map((k) => aliases.get(k) ?? k) } : c;
    default:
      return c;
  }
}

/**
 * The merged declaration: every agreed change, plus the side chosen for each conflict (a conflict
 * without a choice keeps "theirs", the live pipeline's change, so nothing live is lost by accident).
 */
export function resolveMerge(merge: ThreeWayMerge, choices: MergeChoices = {}): unknown {
  if (merge.agreedDocument !== undefined) return structuredClone(merge.agreedDocument);
  const chosen = [...merge.agreed];
  for (const conflict of merge.conflicts) chosen.push(...(choices[conflict.id] === "mine" ? conflict.mine : conflict.theirs));
  return applyChanges(merge.base, reanchor(chosen, [...merge.theirs.changes, ...merge.mine.changes]), {
    groupOrder: placedByBoth(merge),
  });
}

/** True when the draft can be pushed as is: nothing conflicts. */
export function mergesCleanly(merge: ThreeWayMerge): boolean {
  return merge.conflicts.length === 0;
}

/** Stages both sides added or moved actions into. */
function placedByBoth(merge: ThreeWayMerge): Set<number> {
  const into = (diff: SyncDiff) =>
    new Set(diff.changes.flatMap((c) => (c.kind === "action-added" ? [c.stage] : c.kind === "action-moved" ? [c.toStage] : [])));
  const theirs = into(merge.theirs);
  return new Set([...into(merge.mine)].filter((stage) => theirs.has(stage)));
}

// --- relating the two sides ---------------------------------------------------------------------

class MergeState {
  private readonly replaced = new Map<Entry, Change>();
  private readonly parent = new Map<Entry, Entry>();
  private readonly conflicting = new Set<Entry>();

  constructor(
    private readonly entries: readonly Entry[],
    private readonly dropped: Set<Entry>,
  ) {}

  relate(base: unknown, t: Entry, m: Entry): void {
    if (this.dropped.has(t) || this.dropped.has(m)) return;
    if (sameChange(t.change, m.change)) {
      this.dropped.add(m);
      return;
    }
    const removal = removes(t, m) || removes(m, t);
    if (removal) {
      if (t.cosmetic || m.cosmetic) this.giveWay(t, m);
      else this.conflict(t, m);
      return;
    }
    if (overlappingFields(t.claim, m.claim)) {
      if (t.cosmetic || m.cosmetic) {
        this.giveWay(t, m);
        return;
      }
      const merged = mergedList(base, t.change, m.change);
      if (merged) {
        this.replaced.set(t, merged);
        this.dropped.add(m);
      } else this.conflict(t, m);
      return;
    }
    const { claim: a } = t;
    const { claim: b } = m;
    if ((a.position && a.position === b.position) || (a.name && a.name === b.name)) {
      this.conflict(t, m);
      return;
    }
    // Two new orders for the same unmoved actions: cosmetic, the live one stays.
    if (a.reorder && a.reorder === b.reorder) this.dropped.add(m);
  }

  /** A cosmetic change gives way to the other side's real one (both cosmetic: the later run order). */
  private giveWay(t: Entry, m: Entry): void {
    if (t.cosmetic && m.cosmetic) {
      const later = laterRunOrder(t.change, m.change);
      this.dropped.add(later === m.change ? t : m);
    } else this.dropped.add(t.cosmetic ? t : m);
  }

  private conflict(t: Entry, m: Entry): void {
    this.conflicting.add(t).add(m);
    const rt = this.root(t);
    const rm = this.root(m);
    if (rt !== rm) this.parent.set(rm, rt);
  }

  private root(e: Entry): Entry {
    let r = e;
    while (this.parent.has(r)) r = this.parent.get(r)!;
    return r;
  }

  result(): { agreed: Change[]; conflicts: MergeConflict[] } {
    const agreed: Change[] = [];
    const groups = new Map<Entry, Entry[]>();
    for (const e of this.entries) {
      if (this.dropped.has(e)) continue;
      if (this.conflicting.has(e)) push(groups, this.root(e), e);
      else agreed.push(this.final(e));
    }
    const conflicts = [...groups.values()].map((members, n) => {
      const theirs = members.filter((e) => e.side === "theirs").map((e) => this.final(e));
      const mine = members.filter((e) => e.side === "mine").map((e) => this.final(e));
      return { id: `c${n + 1}`, title: describeChange(theirs[0] ?? mine[0]!).title, theirs, mine };
    });
    return { agreed, conflicts };
  }

  private final(e: Entry): Change {
    return this.replaced.get(e) ?? e.change;
  }
}

function laterRunOrder(a: Change, b: Change): Change {
  const value = (c: Change) => (c.kind === "field" && typeof c.after === "number" ? c.after : c.kind === "action-moved" && typeof c.runOrder === "number" ? c.runOrder : -Infinity);
  return value(b) > value(a) ? b : a;
}

/** Variables or triggers changed on both sides: one merged list when no item changed on both. */
function mergedList(base: unknown, t: Change, m: Change): FieldChange | undefined {
  if (t.kind !== "field" || m.kind !== "field" || t.target.kind !== "pipeline" || m.target.kind !== "pipeline") return undefined;
  if (t.path.length !== 1 || m.path.length !== 1 || t.path[0] !== m.path[0]) return undefined;
  const keyOf = KEYED_LISTS.get(t.path[0]!);
  if (!keyOf) return undefined;
  const before = readPath(base, t.path);
  const merged = mergeKeyedLists(before, t.after, m.after, keyOf);
  if (!merged) return undefined;
  const items = keyedItemChanges(before, merged, keyOf);
  return { ...t, after: merged, ...(items && { items }) };
}

/**
 * Placed elements whose anchor is a new element left out (the other side won its conflict) follow
 * that element's own anchor instead, so they land where it would have been.
 */
function reanchor(chosen: readonly Change[], all: readonly Change[]): Change[] {
  const present = new Set(chosen.map(newKey).filter((k): k is string => k !== undefined));
  const anchorOf = new Map<string, Anchor>();
  for (const c of all) {
    const key = newKey(c);
    if (key && "after" in c) anchorOf.set(key, c.after as Anchor);
  }
  const resolve = (anchor: Anchor): Anchor => {
    const seen = new Set<string>();
    let a = anchor;
    while (a !== null && anchorOf.has(a) && !present.has(a) && !seen.has(a)) {
      seen.add(a);
      a = anchorOf.get(a)!;
    }
    return a;
  };
  return chosen.map((c) => {
    if (c.kind !== "stage-added" && c.kind !== "action-added" && c.kind !== "stage-moved" && c.kind !== "action-moved") return c;
    const after = resolve(c.after);
    return after === c.after ? c : { ...c, after };
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
