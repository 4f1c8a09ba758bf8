import type { AuditEntry } from "@/lib/audit/audit-log";

/** Audit entries, newest first: who did what to which pipeline, how it ended, and AWS's request id. */
export function AuditTable({ entries, caption }: { entries: readonly AuditEntry[]; caption: string }) {
  if (entries.length === 0) {
    return (
      <p data-testid="audit-empty" className="text-sm text-slate-600 dark:text-slate-400">
        Nothing recorded yet.
      </p>
    );
  }
  return (
    <table data-testid="audit-table" className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800">
        <tr>
          <th scope="col" className="py-2 pr-3">When</th>
          <th scope="col" className="py-2 pr-3">Who</th>
          <th scope="col" className="py-2 pr-3">Action</th>
          <th scope="col" className="py-2 pr-3">Pipeline</th>
          <th scope="col" className="py-2 pr-3">Outcome</th>
          <th scope="col" className="py-2 pr-3">Summary</th>
          <th scope="col" className="py-2">AWS request id</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, i) => (
          <tr key={`${entry.at}-${i}`} data-testid="audit-row" data-action={entry.action} data-actor={entry.actor} data-outcome={entry.outcome} className="border-b border-slate-100 align-top dark:border-slate-900">
            <td className="py-2 pr-3 whitespace-nowrap font-mono text-xs">
              <time dateTime={entry.at}>{entry.at.replace("T", " ").slice(0, 19)} UTC</time>
            </td>
            <td className="py-2 pr-3">{entry.actor}</td>
            <td className="py-2 pr-3">{entry.action}</td>
            <td className="py-2 pr-3">
              {entry.pipeline ?? "—"}
              {entry.region && <span className="text-slate-500"> · {entry.region}</span>}
            </td>
            <td className="py-2 pr-3">{entry.outcome}</td>
            <td className="py-2 pr-3 text-slate-600 dark:text-slate-400">{entry.summary}</td>
            {/* What AWS Support and CloudTrail find the call by; absent when nothing reached AWS (a refusal). */}
            <td className="py-2 font-mono text-xs text-slate-600 dark:text-slate-400" data-testid="audit-request-id">
              {entry.requestId ?? "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
