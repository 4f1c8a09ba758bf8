"use client";

import { findActionProvider } from "@/lib/domain/catalog/catalog";
import type { DesignerCommand, Selection } from "@/lib/domain/designer/contract";
import type { StageRef } from "@/lib/domain/pipeline/pipeline-index";
import { actionTypeOf, CATEGORY_ORDER, PLACEABLE } from "../canvas/placeable";
import { FieldFrame, INPUT_CLASS, useInputTone } from "./fields";

interface StageActionsFieldProps {
  readonly stage: StageRef;
  readonly dispatch: (command: DesignerCommand) => void;
  readonly select: (selection: Selection) => void;
}

/** `category/owner/provider`, the value of a provider option. */
const keyOf = (p: { category: string; owner: string; provider: string }) => `${p.category}/${p.owner}/${p.provider}`;

/**
 * A stage's actions as a field: its runOrder groups in sequence (each action selects on click),
 * and a provider choice that adds an action as a new last group — the keyboard and screen-reader
 * alternative to the palette, and where a problem with the stage's action list leads.
 */
export function StageActionsField({ stage, dispatch, select }: StageActionsFieldProps) {
  const path = `${stage.path}.actions`;
  const tone = useInputTone(path, true);
  const add = (key: string) => {
    const [category, owner, provider] = key.split("/");
    const entry = category && owner && provider ? findActionProvider(category, owner, provider) : undefined;
    if (!entry) return;
    dispatch({
      type: "addAction",
      actionType: actionTypeOf(entry),
      target: { stageId: stage.id, kind: "insert", position: stage.groups.length },
    });
  };
  return (
    <div className="flex flex-col gap-2" data-path={path} tabIndex={-1}>
      <FieldFrame label="Add an action" path={path} exact hint="Added after the stage's last action; drag it on the canvas to run it in parallel.">
        {(id) => (
          <select id={id} className={INPUT_CLASS + tone} value="" onChange={(e) => add(e.target.value)}>
            <option value="">Choose a provider…</option>
            {CATEGORY_ORDER.map((category) => (
              <optgroup key={category} label={category}>
                {PLACEABLE.filter((p) => p.category === category).map((p) => (
                  <option key={keyOf(p)} value={keyOf(p)}>
                    {p.provider}
                    {p.owner === "AWS" ? "" : ` (${p.owner})`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </FieldFrame>
      {stage.groups.length > 0 && (
        <ol className="flex flex-col gap-1 text-xs" aria-label="Actions in run order">
          {stage.groups.map((group) => (
            <li key={group.index} className="flex flex-wrap items-center gap-1">
              <span className="w-14 shrink-0 text-slate-500" title="runOrder">
                run {group.runOrder}
              </span>
              {group.actions.map((action) => (
                <button
                  key={action.id}
                  type="button"
                  className="max-w-full truncate rounded border border-slate-200 px-1.5 py-0.5 hover:border-indigo-400 dark:border-slate-700"
                  onClick={() => select({ kind: "action", actionId: action.id })}
                >
                  {action.name || "(unnamed)"}
                </button>
              ))}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
