"use client";

import { useMemo, useState } from "react";
import type { JsonObject } from "@/lib/domain/json";
import type { Change } from "@/lib/domain/sync/changes";
import { mergeDeclarations, resolveMerge, type MergeSide } from "@/lib/domain/sync/merge";
import { describeChange } from "@/lib/domain/sync/present";
import { isObject } from "@/lib/domain/json";
import { BUTTON_PRIMARY } from "./styles";

interface MergeViewProps {
  /** The declaration the draft was based on, the live one now, and the draft. */
  readonly base: JsonObject;
  readonly theirs: JsonObject;
  readonly mine: JsonObject;
  /** The merged declaration, to put in the draft (the base then becomes the live version). */
  readonly onMerged: (merged: JsonObject) => void;
}

/**
 * The three-way merge: changes on one side only merge by themselves; the same field changed on
 * both sides is chosen field by field, "mine" (the draft) or "theirs" (the live pipeline).
 */
export function MergeView({ base, theirs, mine, onMerged }: MergeViewProps) {
  const merge = useMemo(() => mergeDeclarations(base, theirs, mine), [base, theirs, mine]);
  const [choices, setChoices] = useState<Record<string, MergeSide>>({});
  const undecided = merge.conflicts.filter((c) => choices[c.id] === undefined).length;
  const apply = () => {
    const merged = resolveMerge(merge, choices);
    if (isObject(merged)) onMerged(merged);
  };
  return (
    <div data-testid="merge-view" className="flex flex-col gap-3 text-sm">
      <p data-testid="merge-summary">
        {merge.conflicts.length === 0
          ? "Their change and yours touch different things: they merge by themselves."
          : `${merge.conflicts.length === 1 ? "1 thing was" : `${merge.conflicts.length} things were`} changed on both sides: choose which to keep. Everything else merges by itself.`}
      </p>
      {merge.conflicts.map((conflict) => (
        <fieldset key={conflict.id} data-testid="merge-conflict" data-conflict={conflict.id} className="rounded-md border border-amber-300 p-2.5 dark:border-amber-800">
          <legend className="px-1 font-medium">{conflict.title}</legend>
          <Choice name={conflict.id} side="mine" label="Keep mine" changes={conflict.mine} choice={choices[conflict.id]} onChoose={(side) => setChoices((c) => ({ ...c, [conflict.id]: side }))} />
          <Choice name={conflict.id} side="theirs" label="Take theirs (live)" changes={conflict.theirs} choice={choices[conflict.id]} onChoose={(side) => setChoices((c) => ({ ...c, [conflict.id]: side }))} />
        </fieldset>
      ))}
      <div className="flex items-center justify-end gap-2">
        {undecided > 0 && <span className="text-xs text-slate-600 dark:text-slate-400">{undecided} left to choose</span>}
        <button type="button" data-testid="merge-apply" disabled={undecided > 0} onClick={apply} className={BUTTON_PRIMARY}>
          Merge into my draft
        </button>
      </div>
    </div>
  );
}

function Choice(props: { name: string; side: MergeSide; label: string; changes: readonly Change[]; choice?: MergeSide; onChoose: (side: MergeSide) => void }) {
  const views = props.changes.map(describeChange);
  return (
    <label className="mt-1 flex cursor-pointer items-start gap-2 rounded px-1 py-1 hover:bg-slate-50 dark:hover:bg-slate-800">
      <input
        type="radio"
        name={`merge-${props.name}`}
        value={props.side}
        checked={props.choice === props.side}
        onChange={() => props.onChoose(props.side)}
        data-testid={`merge-choose-${props.side}`}
        className="mt-1"
      />
      <span className="flex flex-col">
        <span className="font-medium">{props.label}</span>
        {views.length === 0 ? (
          <span className="text-xs text-slate-600 dark:text-slate-400">(no change on this side)</span>
        ) : (
          views.map((v, i) => (
            <span key={i} className="text-xs text-slate-700 dark:text-slate-300" data-testid={`merge-${props.side}-value`}>
              {v.after !== undefined ? v.after : v.title}
              {v.detail ? ` (${v.detail})` : ""}
            </span>
          ))
        )}
      </span>
    </label>
  );
}
