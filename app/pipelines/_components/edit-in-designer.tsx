"use client";

import { useOpenLive } from "@/components/designer/sync/use-open-live";

/** "Edit in designer" on a row: opens the live pipeline as a new draft linked to its version. */
export function EditInDesigner({ name }: { name: string }) {
  const { open, opening, error } = useOpenLive();
  return (
    <span className="flex flex-col items-end gap-1">
      <button
        type="button"
        data-testid="edit-in-designer"
        disabled={opening}
        aria-busy={opening}
        onClick={() => void open(name)}
        className="whitespace-nowrap rounded-md border border-slate-300 px-2.5 py-1 text-xs hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        {opening ? "Opening…" : "Edit in designer"}
        {/* The pipeline is named after the visible words, so the name still starts with what is seen. */}
        <span className="sr-only">: {name}</span>
      </button>
      {error && (
        <span role="alert" className="max-w-xs text-xs text-red-700 dark:text-red-400" data-testid="edit-in-designer-error">
          {error}
        </span>
      )}
    </span>
  );
}
