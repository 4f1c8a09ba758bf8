"use client";

import Link from "next/link";

/** A bug while rendering a pipeline's page: words and a way on, never a stack. */
export default function PipelineError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-6xl px-4 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">This pipeline's page could not be shown</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Something unexpected went wrong on our side. Try again, or go back to the list.</p>
      <div className="mt-6 flex gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
          Try again
        </button>
        <Link href="/pipelines" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium dark:border-slate-700">
          Back to the pipelines
        </Link>
      </div>
    </div>
  );
}
