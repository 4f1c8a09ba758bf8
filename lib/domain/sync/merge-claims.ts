/**
 * What a change of a merge's diffs needs and sets, and when two changes from the two sides are the
 * same change or touch the same thing (merge.ts decides what to do about it).
 */
import { jsonEqual } from "../json";
import { actionKey, stageKey, targetKey, type Change, type FieldChange, type FieldPath, type Target } from "./changes";

export type MergeSide = "theirs" | "mine";

export interface FieldClaim {
  readonly target: string;
  readonly path: FieldPath;
}

export interface Claim {
  /** Elements that must still exist for the change to make sense. */
  readonly touches: readonly string[];
  readonly removes?: string;
  readonly fields: readonly FieldClaim[];
  readonly position?: string;
  readonly name?: string;
  readonly reorder?: string;
  /** Everything above, as one list of keys: only changes sharing a key can conflict. */
  readonly keys: readonly string[];
}

export interface Entry {
  readonly id: number;
  readonly side: MergeSide;
  readonly change: Change;
  readonly claim: Claim;
  readonly cosmetic: boolean;
}

export function entry(side: MergeSide, change: Change, id: number): Entry {
  return { id, side, change, claim: claimOf(change), cosmetic: "cosmetic" in change && change.cosmetic === true };
}

function claimOf(c: Change): Claim {
  const claim = claimParts(c) as Omit<Claim, "keys"> & { keys: string[] };
  // Pushed one by one into the claim itself: a merge makes one claim per change of both sides.
  const keys = [...claim.touches];
  if (claim.removes) keys.push(claim.removes);
  for (const f of claim.fields) keys.push(`F:${f.target}`);
  if (claim.position) keys.push(`P:${claim.position}`);
  if (claim.name) keys.push(`N:${claim.name}`);
  if (claim.reorder) keys.push(`O:${claim.reorder}`);
  claim.keys = keys;
  return claim;
}

function claimParts(c: Change): Omit<Claim, "keys"> {
  switch (c.kind) {
    case "field": {
      const target = targetKey(c.target);
      const touches = c.target.kind === "action" ? [target, stageKey(c.target.stage)] : c.target.kind === "stage" ? [target] : [];
      return { touches, fields: [{ target, path: c.path }] };
    }
    case "stage-renamed":
      return { touches: [stageKey(c.stage)], fields: [{ target: stageKey(c.stage), path: ["name"] }] };
    case "stage-removed":
      return { touches: [stageKey(c.stage)], removes: stageKey(c.stage), fields: [] };
    case "stage-moved":
      return { touches: [stageKey(c.stage)], position: stageKey(c.stage), fields: [] };
    case "stage-added":
      return { touches: [], fields: [], ...(c.name !== undefined && { name: `p:${c.name}` }) };
    case "action-added":
      return { touches: [stageKey(c.stage)], fields: [], ...(c.name !== undefined && { name: `${stageKey(c.stage)}:${c.name}` }) };
    case "action-removed": {
      const key = actionKey(c.stage, c.action);
      return { touches: [key, stageKey(c.stage)], removes: key, fields: [] };
    }
    case "action-moved": {
      const key = actionKey(c.stage, c.action);
      return { touches: [key, stageKey(c.stage), stageKey(c.toStage)], position: key, fields: [{ target: key, path: ["runOrder"] }] };
    }
    case "action-renamed": {
      const key = actionKey(c.stage, c.action);
      return { touches: [key, stageKey(c.stage)], fields: [{ target: key, path: ["name"] }] };
    }
    case "actions-reordered":
      return { touches: [stageKey(c.stage)], fields: [], reorder: stageKey(c.stage) };
  }
}

export function removes(remover: Entry, other: Entry): boolean {
  const key = remover.claim.removes;
  return key !== undefined && other.claim.touches.includes(key);
}

export function overlappingFields(a: Claim, b: Claim): boolean {
  // Plain loops: the merge asks this of every pair of changes that share a key.
  for (const f of a.fields) for (const g of b.fields) if (f.target === g.target && isPrefixRelated(f.path, g.path)) return true;
  return false;
}

function isPrefixRelated(a: FieldPath, b: FieldPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Both sides made the same change (new elements: same name, place and content, whatever their keys). */
export function sameChange(a: Change, b: Change): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "stage-added" || a.kind === "action-added") {
    const other = b as typeof a;
    return a.name === other.name && jsonEqual(a.value, other.value) && (a.kind === "stage-added" || a.stage === (other as typeof a).stage);
  }
  if (a.kind === "field") {
    const other = b as FieldChange;
    return sameTarget(a.target, other.target) && jsonEqual(a.path, other.path) && jsonEqual(a.after, other.after) && (a.after !== undefined) === (other.after !== undefined);
  }
  return jsonEqual(withoutLocation(a), withoutLocation(b));
}

/** The same element (what `targetKey` says, without building the keys). */
function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "pipeline") return true;
  if (a.stage !== (b as typeof a).stage) return false;
  return a.kind === "stage" || a.action === (b as typeof a).action;
}

/** Paths, names and display places come from each side's document; what a change does does not. */
function withoutLocation(c: Change): unknown {
  const { beforePath: _b, afterPath: _a, ...rest } = c;
  if (rest.kind === "stage-moved" || rest.kind === "action-moved") {
    const { from: _f, to: _t, name: _n, ...core } = rest;
    return core;
  }
  return rest;
}

export function newKey(c: Change): string | undefined {
  return c.kind === "stage-added" || c.kind === "action-added" ? c.key : undefined;
}

/** Of two cosmetic run-order changes, the later value: insertions on either side push later groups back. */
