import { PIPELINE_EXECUTION_STATUSES, statusLabel } from "@/lib/domain/execution/status";
import { EXECUTION_TYPES, TRIGGER_TYPES, type HistoryQuery } from "@/lib/domain/execution/history";

/** A plain GET form: the filters live in the URL, so a filtered history can be shared. */
export function HistoryFilters({ query, region }: { query: HistoryQuery; region?: string }) {
  const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";
  return (
    <form method="get" role="search" aria-label="Filter executions" className="flex flex-wrap items-end gap-3">
      {region && <input type="hidden" name="region" value={region} />}
      <label className="text-sm">
        Status
        <select name="status" defaultValue={query.status ?? ""} className={field} data-testid="filter-status">
          <option value="">Any</option>
          {PIPELINE_EXECUTION_STATUSES.map((s) => (
            <option key={s} value={s}>{statusLabel(s)}</option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Trigger
        <select name="trigger" defaultValue={query.trigger ?? ""} className={field} data-testid="filter-trigger">
          <option value="">Any</option>
          {TRIGGER_TYPES.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Type
        <select name="type" defaultValue={query.type ?? ""} className={field} data-testid="filter-type">
          <option value="">Any</option>
          {EXECUTION_TYPES.map((t) => (
            <option key={t} value={t}>{t === "ROLLBACK" ? "Rollbacks" : "Standard"}</option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Revision or message
        <input type="search" name="revision" defaultValue={query.revision ?? ""} maxLength={200} placeholder="e.g. 5d6d145 or a commit message" className={field} data-testid="filter-revision" />
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">
        Apply
      </button>
    </form>
  );
}
