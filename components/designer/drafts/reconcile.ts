/**
 * What a tab does when another tab saved the same draft: the three-way merge of the domain
 * (lib/domain/sync/merge.ts) with the last copy both tabs shared as its base. A tab that changed
 * nothing since that copy takes the other's as it is; changes to different things merge; the same
 * field changed differently in both is a question for the user, settled conflict by conflict.
 * Pure: no storage, no React.
 */
import { isObject, jsonEqual, type JsonObject } from "@/lib/domain/json";
import { mergeDeclarations, resolveMerge, type MergeChoices, type ThreeWayMerge } from "@/lib/domain/sync/merge";

/** What a draft's tabs edit: the declaration and the region it is validated for. */
export interface DraftCopy {
  readonly declaration: JsonObject;
  readonly region: string;
}

export type Reconciled =
  /** This tab already holds what both sides mean: nothing to take. */
  | { readonly kind: "unchanged" }
  /** The copy to hold now: theirs as it is (`merged` false) or both sides' changes together. */
  | { readonly kind: "update"; readonly copy: DraftCopy; readonly merged: boolean }
  /** Both changed one field differently: the user chooses per conflict (settle). */
  | { readonly kind: "ask"; readonly merge: ThreeWayMerge; readonly region: string };

export function reconcile(base: DraftCopy, theirs: DraftCopy, mine: DraftCopy): Reconciled {
  // The region is one value: whichever side changed it wins; both changed it, this tab's stays.
  const region = mine.region === base.region ? theirs.region : mine.region;
  const declaration = mergedDeclaration(base.declaration, theirs.declaration, mine.declaration);
  if (declaration.kind === "ask") return { kind: "ask", merge: declaration.merge, region };
  if (declaration.value === mine.declaration && region === mine.region) return { kind: "unchanged" };
  const merged = declaration.value !== theirs.declaration || region !== theirs.region;
  return { kind: "update", copy: { declaration: declaration.value, region }, merged };
}

/** The declaration the user chose, conflict by conflict (a conflict without a choice keeps theirs). */
export function settle(asked: Extract<Reconciled, { kind: "ask" }>, choices: MergeChoices): DraftCopy {
  const declaration = resolveMerge(asked.merge, choices);
  return { declaration: isObject(declaration) ? declaration : asObjectOf(asked.merge.base), region: asked.region };
}

type Merged = { readonly kind: "value"; readonly value: JsonObject } | { readonly kind: "ask"; readonly merge: ThreeWayMerge };

function mergedDeclaration(base: JsonObject, theirs: JsonObject, mine: JsonObject): Merged {
  if (jsonEqual(theirs, mine) || jsonEqual(theirs, base)) return { kind: "value", value: mine };
  if (jsonEqual(mine, base)) return { kind: "value", value: theirs };
  const merge = mergeDeclarations(base, theirs, mine);
  if (merge.conflicts.length > 0) return { kind: "ask", merge };
  const value = resolveMerge(merge);
  return { kind: "value", value: isObject(value) ? value : theirs };
}

function asObjectOf(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}
