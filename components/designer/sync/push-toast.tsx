"use client";

import Link from "next/link";
import type { Pushed } from "@/lib/aws/sync/results";

/** A push went through: the new version, and where its executions are shown. Stays until dismissed. */
export function PushToast({ pushed, onDismiss }: { pushed: Pushed; onDismiss: () => void }) {
  return (
    <div
      role="status"
      data-testid="push-toast"
      data-version={pushed.version}
      className="fixed bottom-4 right-4 z-50 flex max-w-md items-start gap-3 rounded-lg border border-emerald-300 bg-white px-4 py-3 text-sm shadow-lg dark:border-emerald-800 dark:bg-slate-900"
    >
      <span aria-hidden="true" className="mt-1 h-2 w-2 shrink-0 rounded-full bg-emerald-500" />
      <div className="flex flex-col gap-1">
        <p className="font-medium">{pushed.message}</p>
        {pushed.replacedVersions && <p className="text-xs text-amber-800 dark:text-amber-300">Replaced meanwhile: version {pushed.replacedVersions.join(", ")}.</p>}
        <Link href={pushed.href} prefetch={false} className="text-indigo-700 underline dark:text-indigo-300" data-testid="push-toast-link">
          Open the pipeline&apos;s executions
        </Link>
      </div>
      <button type="button" onClick={onDismiss} aria-label="Dismiss" className="ml-2 rounded px-1 text-slate-500 hover:text-slate-900 dark:hover:text-slate-100">
        ×
      </button>
    </div>
  );
}
