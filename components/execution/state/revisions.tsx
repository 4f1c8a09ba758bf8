import type { SourceRevisionView } from "@/lib/domain/execution/view-model";

/** Source revisions: the action, a short revision id (linked when the service gave a URL) and its summary. */
export function Revisions({ revisions }: { revisions: readonly SourceRevisionView[] }) {
  if (revisions.length === 0) return <span className="text-slate-600 dark:text-slate-400">—</span>;
  return (
    <ul className="space-y-0.5" data-testid="revisions">
      {revisions.map((r) => (
        <li key={r.actionName} className="min-w-0">
          <span className="text-slate-600 dark:text-slate-400">{r.actionName}: </span>
          {r.revisionId === undefined ? (
            "—"
          ) : r.revisionUrl ? (
            <a href={r.revisionUrl} target="_blank" rel="noreferrer noopener" className="font-mono text-indigo-700 underline dark:text-indigo-300" title={r.revisionId}>
              {r.revisionId.slice(0, 12)}
            </a>
          ) : (
            <span className="font-mono" title={r.revisionId}>
              {r.revisionId.slice(0, 12)}
            </span>
          )}
          {r.revisionSummary && <span className="ml-1 break-words text-slate-700 dark:text-slate-300">{r.revisionSummary}</span>}
        </li>
      ))}
    </ul>
  );
}
