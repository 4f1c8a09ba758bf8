/** While the regions' pipeline lists are read (one ListPipelines per region). */
export function ListLoading() {
  return (
    <div data-testid="list-loading" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <p className="sr-only" role="status">
        Loading pipelines…
      </p>
      <div aria-hidden="true" className="space-y-3">
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className="h-5 animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
        ))}
      </div>
    </div>
  );
}
