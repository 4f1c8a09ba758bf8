/** While the pipeline's definition and first state are read. */
export default function PipelineLoading() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-10" aria-busy="true">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="mt-6 h-24 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-900" />
      <div className="mt-6 h-[560px] animate-pulse rounded-lg bg-slate-100 dark:bg-slate-900" />
      <span className="sr-only">Loading the pipeline…</span>
    </div>
  );
}
