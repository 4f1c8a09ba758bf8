"use client";

import { useMemo, useState } from "react";
import type { LivePipeline } from "@/lib/aws/sync/results";
import type { JsonObject } from "@/lib/domain/json";
import { diffDeclarations } from "@/lib/domain/sync/diff";
import type { DraftBase } from "@/lib/domain/sync/draft-base";
import { ChangeList } from "./change-list";
import { MergeView } from "./merge-view";
import { BUTTON_DANGER, NOTICE_WARNING } from "./styles";

type Way = "review" | "merge" | "overwrite";

interface ConflictViewProps {
  readonly message: string;
  readonly base: DraftBase;
  /** The base version's declaration; absent when neither the draft nor the service has it. */
  readonly baseDeclaration?: JsonObject;
  readonly live: LivePipeline;
  readonly draft: JsonObject;
  readonly pushing: boolean;
  /** Why pushing is off (read-only deployment or a missing role); undefined when it is allowed. */
  readonly refused?: string;
  readonly onMerged: (merged: JsonObject, live: LivePipeline) => void;
  readonly onOverwrite: (liveVersion: number, confirmName: string) => void;
}

const WAYS: readonly { readonly way: Way; readonly label: string }[] = [
  { way: "review", label: "Review their change" },
  { way: "merge", label: "Merge" },
  { way: "overwrite", label: "Overwrite" },
];

/**
 * Someone changed the pipeline since the draft's base: three ways on. Review what they changed
 * (base → live), merge it with the draft, or overwrite it after typing the pipeline's name.
 */
export function ConflictView(props: ConflictViewProps) {
  const [way, setWay] = useState<Way>("review");
  const [typed, setTyped] = useState("");
  const { baseDeclaration, live } = props;
  const theirs = useMemo(() => (baseDeclaration ? diffDeclarations(baseDeclaration, live.declaration) : undefined), [baseDeclaration, live]);
  return (
    <section aria-label="Changed meanwhile" data-testid="conflict" className="flex flex-col gap-3">
      <p role="alert" className={NOTICE_WARNING} data-testid="conflict-message">
        {props.message}
      </p>
      <div role="group" aria-label="Ways on" className="flex flex-wrap gap-1.5">
        {WAYS.map((w) => (
          <button
            key={w.way}
            type="button"
            aria-pressed={way === w.way}
            data-testid={`conflict-${w.way}`}
            onClick={() => setWay(w.way)}
            className="rounded-md border border-slate-300 px-2.5 py-1 text-sm aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 dark:border-slate-700 dark:aria-pressed:bg-indigo-950"
          >
            {w.label}
          </button>
        ))}
      </div>
      {way === "review" &&
        (theirs ? (
          <ChangeList diff={theirs} testId="their-changes" empty="Version numbers differ, but nothing that changes how the pipeline runs." />
        ) : (
          <p className="text-sm">Version {props.base.version} is no longer available, so their change cannot be shown apart.</p>
        ))}
      {way === "merge" &&
        (baseDeclaration ? (
          <MergeView base={baseDeclaration} theirs={live.declaration} mine={props.draft} onMerged={(merged) => props.onMerged(merged, live)} />
        ) : (
          <p className="text-sm">Version {props.base.version} is no longer available: there is nothing to merge from. Overwrite, or start again from the live pipeline.</p>
        ))}
      {way === "overwrite" && (
        <form
          className="flex flex-col gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            props.onOverwrite(live.base.version, typed);
          }}
        >
          <p>
            Overwriting replaces version {live.base.version} with your draft: their change is lost from the pipeline (it stays readable as
            version {live.base.version} in its history).
          </p>
          <label className="flex flex-col gap-1">
            <span>
              Type <strong className="font-mono">{props.base.name}</strong> to confirm
            </span>
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              data-testid="overwrite-confirm"
              autoComplete="off"
              spellCheck={false}
              className="rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono dark:border-slate-700"
            />
          </label>
          <button
            type="submit"
            data-testid="overwrite-push"
            disabled={typed !== props.base.name || props.pushing || props.refused !== undefined}
            className={`${BUTTON_DANGER} self-end`}
          >
            Overwrite version {live.base.version}
          </button>
        </form>
      )}
    </section>
  );
}
