import Link from "next/link";
import { changeListQuery, listSearch, type ListPage, type PipelineListQuery } from "@/lib/domain/execution/pipeline-list";

const LINK = "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900";
const DISABLED = "rounded-md border border-slate-200 px-3 py-1.5 text-slate-400 dark:border-slate-800 dark:text-slate-600";

/** Previous / next page links; the page is part of the URL like every other setting of the list. */
export function Pagination({ page, query }: { page: ListPage; query: PipelineListQuery }) {
  if (page.pageCount <= 1) return null;
  const href = (n: number) => `/pipelines${listSearch(changeListQuery(query, { page: n }))}`;
  // No prefetch: a prefetched page would read its rows' executions from CodePipeline unasked.
  return (
    <nav aria-label="Pages" data-testid="pagination" className="mt-4 flex items-center justify-between gap-4 text-sm">
      {page.page > 1 ? (
        <Link href={href(page.page - 1)} prefetch={false} rel="prev" className={LINK}>
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={DISABLED}>Previous</span>
      )}
      <span className="text-slate-600 dark:text-slate-400">
        Page {page.page} of {page.pageCount}
      </span>
      {page.page < page.pageCount ? (
        <Link href={href(page.page + 1)} prefetch={false} rel="next" className={LINK}>
          Next
        </Link>
      ) : (
        <span aria-disabled="true" className={DISABLED}>Next</span>
      )}
    </nav>
  );
}
