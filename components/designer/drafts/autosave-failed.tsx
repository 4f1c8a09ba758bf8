"use client";

import type { Draft } from "./draft-format";
import { sizeLabel } from "./draft-size";

/** Shown while edits are not being saved: they stay in this tab only. */
export function AutosaveFailed({ draft }: { draft: Draft }) {
  return (
    <div role="alert" data-testid="autosave-failed" className="border-b border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      Autosave failed: this browser did not store the draft (its storage for this site is full, or disabled)
      {draft.source ? `; the draft keeps the ${sizeLabel(draft.source.text.length)} document it was imported from` : ""}. Your edits stay in this tab
      only: export them, or delete drafts you no longer need on the designer page, and the next edit is saved again.
    </div>
  );
}
