/**
 * Ordering for the diff: which elements stayed in place (so that only the others are reported as
 * moved), and how `applyChanges` rebuilds a list from the elements that stayed and the ones placed
 * after an anchor.
 */
import type { Anchor } from "./changes";

/**
 * Indices (into `values`) of a longest strictly increasing subsequence, earliest on ties.
 * Stages whose `after` positions form it kept their order; the others moved.
 */
export function longestIncreasing(values: readonly number[]): number[] {
  const n = values.length;
  const tails: number[] = []; // tails[k]: index of the smallest tail of an increasing run of length k+1
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) out.push(i);
  return out.reverse();
}

/**
 * The run-order groups kept: cells (group before, group after) holding `weight` actions, choose
 * the heaviest set increasing in both coordinates. Actions in chosen cells kept their place among
 * the actions both sides have (same groups-mates, same order); the rest moved. Returns the chosen
 * cells' indices. Quadratic in the number of cells, which is at most the stage's 50 actions.
 */
export function heaviestChain(cells: readonly { readonly before: number; readonly after: number; readonly weight: number }[]): number[] {
  const order = cells.map((_, i) => i).sort((x, y) => cells[x]!.before - cells[y]!.before || cells[x]!.after - cells[y]!.after);
  const best = new Array<number>(cells.length).fill(0);
  const previous = new Array<number>(cells.length).fill(-1);
  let top = -1;
  for (let p = 0; p < order.length; p++) {
    const i = order[p]!;
    const ci = cells[i]!;
    best[i] = ci.weight;
    for (let q = 0; q < p; q++) {
      const j = order[q]!;
      const cj = cells[j]!;
      if (cj.before < ci.before && cj.after < ci.after && best[j]! + ci.weight > best[i]!) {
        best[i] = best[j]! + ci.weight;
        previous[i] = j;
      }
    }
    if (top < 0 || best[i]! > best[top]!) top = i;
  }
  const out: number[] = [];
  for (let i = top; i >= 0; i = previous[i]!) out.push(i);
  return out.reverse();
}

export interface Placed {
  readonly key: string;
  readonly after: Anchor;
}

/**
 * The result order of a list: `slots` are the `before` elements in their order (`kept` says which
 * stay in place: the others were removed or are placed elsewhere), and each placed element follows
 * its anchor, in the order given when several share one. An element anchored after a removed one
 * takes its place; anchors that never appear (or form a cycle) put the element at the end, so the
 * function is total.
 */
export function arrange(slots: readonly string[], kept: (key: string) => boolean, placed: readonly Placed[]): string[] {
  const children = new Map<Anchor, string[]>();
  for (const p of placed) {
    const list = children.get(p.after);
    if (list) list.push(p.key);
    else children.set(p.after, [p.key]);
  }
  const placedKeys = new Set(placed.map((p) => p.key));
  const out: string[] = [];
  const done = new Set<string>();
  follow(null, children, done, out);
  for (const key of slots) {
    if (placedKeys.has(key)) continue; // it comes where its anchor puts it, with its followers
    if (kept(key) && !done.has(key)) {
      done.add(key);
      out.push(key);
    }
    follow(key, children, done, out);
  }
  for (const p of placed) {
    if (done.has(p.key)) continue;
    done.add(p.key);
    out.push(p.key);
    follow(p.key, children, done, out);
  }
  return out;
}

/** Appends the elements placed after `anchor`, each followed by its own followers, depth first. */
function follow(anchor: Anchor, children: ReadonlyMap<Anchor, string[]>, done: Set<string>, out: string[]): void {
  const first = children.get(anchor);
  if (!first) return;
  const stack = [...first].reverse();
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (done.has(key)) continue;
    done.add(key);
    out.push(key);
    const next = children.get(key);
    if (next) for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
}
