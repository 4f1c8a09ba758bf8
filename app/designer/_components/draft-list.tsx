"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { deleteDraft, listDrafts, removeEntry, type DraftList as Drafts } from "@/components/designer/drafts/draft-storage";

/** The drafts in this browser, newest first; unreadable entries are reported, not hidden. */
export function DraftList() {
  const [list, setList] = useState<Drafts | undefined>();
  const refresh = useCallback(() => setList(listDrafts()), []);
  useEffect(() => {
    // localStorage is browser-only: read after mount, and again when another tab writes.
    refresh();
    window.addEventListener("storage", refresh);
    return () => window.removeEventListener("storage", refresh);
  }, [refresh]);

  return (
    <section aria-labelledby="drafts" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="drafts" className="text-lg font-semibold">
        Local drafts
      </h2>
      {list === undefined && <p className="mt-2 text-sm text-slate-500">Loading…</p>}
      {list !== undefined && list.drafts.length === 0 && list.corrupt.length === 0 && (
        <p className="mt-2 text-sm text-slate-500" data-testid="no-drafts">
          No drafts yet.
        </p>
      )}
      <ul className="mt-2 flex flex-col divide-y divide-slate-200 dark:divide-slate-800" data-testid="draft-list">
        {list?.drafts.map((d) => (
          <li key={d.id} className="flex items-center gap-3 py-2" data-testid="draft-item">
            <Link href={`/designer/${d.id}`} className="min-w-0 flex-1 truncate font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              {d.title}
            </Link>
            <span className="shrink-0 text-xs text-slate-500">{new Date(d.updatedAt).toLocaleString()}</span>
            <button
              type="button"
              aria-label={`Delete draft ${d.title}`}
              onClick={() => {
                if (window.confirm(`Delete the draft “${d.title}”?`)) {
                  deleteDraft(d.id);
                  refresh();
                }
              }}
              className="rounded-md border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-700"
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {list !== undefined && list.corrupt.length > 0 && (
        <div role="alert" data-testid="corrupt-drafts" className="mt-3 rounded-md border border-red-300 p-2 text-sm dark:border-red-800">
          <p className="font-medium text-red-700 dark:text-red-400">
            {list.corrupt.length} stored draft{list.corrupt.length > 1 ? "s" : ""} could not be read:
          </p>
          <ul className="mt-1 text-xs">
            {list.corrupt.map((c) => (
              <li key={c.key} className="flex items-center gap-2">
                <code className="min-w-0 flex-1 truncate">{c.key}</code>
                <span className="text-slate-500">{c.reason}</span>
                <button
                  type="button"
                  onClick={() => {
                    removeEntry(c.key);
                    refresh();
                  }}
                  className="rounded border border-slate-300 px-1.5 dark:border-slate-700"
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
