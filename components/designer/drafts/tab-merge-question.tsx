"use client";

/**
 * Another tab changed the same fields as this one: for each conflict, the user keeps this tab's
 * change or takes the other's. Everything that does not conflict is merged whatever the answer.
 */
import { useState } from "react";
import type { MergeChoices, MergeSide } from "@/lib/domain/sync/merge";
import { describeChange } from "@/lib/domain/sync/present";
import type { Change } from "@/lib/domain/sync/changes";
import type { TabQuestion } from "./use-autosave";

export function TabMergeQuestion({ question, onChoose }: { question: TabQuestion; onChoose: (choices: MergeChoices) => void }) {
  const { conflicts } = question.asked.merge;
  const [choices, setChoices] = useState<Record<string, MergeSide>>({});
  const answered = conflicts.every((c) => choices[c.id] !== undefined);
  const all = (side: MergeSide) => onChoose(Object.fromEntries(conflicts.map((c) => [c.id, side])));

  return (
    <section
      role="alertdialog"
      aria-labelledby="tab-merge-title"
      data-testid="tab-merge"
      className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-slate-900 dark:border-amber-700 dark:bg-amber-950 dark:text-slate-100"
    >
      <h2 id="tab-merge-title" className="font-semibold">
        This draft was also changed in another tab (saved {new Date(question.theirs.updatedAt).toLocaleTimeString()})
      </h2>
      <p className="mt-0.5">
        Changes to different things were merged. {conflicts.length === 1 ? "One field was" : `${conflicts.length} fields were`} changed
        in both: choose which to keep. Autosave waits for your answer.
      </p>
      <ul className="mt-2 flex flex-col gap-2">
        {conflicts.map((conflict) => (
          <li key={conflict.id} data-testid="tab-merge-conflict" data-conflict={conflict.id}>
            <fieldset className="rounded-md border border-amber-300 bg-white px-3 py-2 dark:border-amber-800 dark:bg-slate-900">
              <legend className="px-1 font-medium">{conflict.title}</legend>
              {(["mine", "theirs"] as const).map((side) => (
                <label key={side} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name={`tab-merge-${conflict.id}`}
                    value={side}
                    checked={choices[conflict.id] === side}
                    onChange={() => setChoices((c) => ({ ...c, [conflict.id]: side }))}
                    data-testid={`tab-merge-${side}`}
                  />
                  <span>
                    {side === "mine" ? "This tab" : "The other tab"}: {summary(side === "mine" ? conflict.mine : conflict.theirs)}
                  </span>
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          disabled={!answered}
          onClick={() => onChoose(choices)}
          data-testid="tab-merge-apply"
          className="rounded-md bg-amber-700 px-3 py-1 text-white disabled:opacity-50"
        >
          Merge with these choices
        </button>
        <button type="button" onClick={() => all("mine")} className="rounded-md border border-amber-500 px-3 py-1">
          Keep all of this tab’s
        </button>
        <button type="button" onClick={() => all("theirs")} className="rounded-md border border-amber-500 px-3 py-1">
          Take all of the other tab’s
        </button>
      </div>
    </section>
  );
}

/** One side's changes of a conflict, as values where they have one. */
function summary(changes: readonly Change[]): string {
  return changes
    .map((change) => {
      const view = describeChange(change);
      return view.after ?? view.title;
    })
    .join("; ");
}
