"use client";

import { useFormStatus } from "react-dom";

/** The submit button of the Refresh form; says so while the new data is on its way. */
export function RefreshButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      data-testid="refresh-pipelines"
      disabled={pending}
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:cursor-wait disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
    >
      {pending ? "Refreshing…" : "Refresh"}
    </button>
  );
}
