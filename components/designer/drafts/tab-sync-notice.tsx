"use client";

import type { TabNotice } from "./use-autosave";

/** Says that the draft now holds changes made in another tab (undo steps back over them). */
export function TabSyncNotice({ notice, onDismiss }: { notice: TabNotice; onDismiss: () => void }) {
  return (
    <div
      role="status"
      data-testid="tab-sync-notice"
      data-notice={notice}
      className="flex items-center gap-3 border-b border-sky-200 bg-sky-50 px-4 py-1.5 text-sm text-slate-900 dark:border-sky-800 dark:bg-sky-950 dark:text-slate-100"
    >
      <span className="flex-1">
        {notice === "taken"
          ? "Updated with the changes saved in another tab."
          : "Merged with the changes saved in another tab."}{" "}
        Undo steps back over them.
      </span>
      <button type="button" onClick={onDismiss} className="rounded-md border border-sky-400 px-2 py-0.5">
        Dismiss
      </button>
    </div>
  );
}
