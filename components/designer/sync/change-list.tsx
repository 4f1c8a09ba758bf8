"use client";

import { useMemo } from "react";
import type { SyncDiff } from "@/lib/domain/sync/changes";
import { groupChanges } from "./change-groups";

/**
 * A semantic diff in words, grouped by stage: what was added, removed, moved or renamed, and
 * every changed field with its old → new value (secrets as `****`).
 */
export function ChangeList({ diff, testId, empty }: { diff: SyncDiff; testId: string; empty: string }) {
  const { groups, cosmetic } = useMemo(() => groupChanges(diff), [diff]);
  return (
    <div data-testid={testId} className="flex flex-col gap-3">
      {groups.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400" data-testid={`${testId}-empty`}>{empty}</p>}
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title} data-testid="change-group" data-group={group.title}>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{group.title}</h4>
          <ul className="mt-1 flex flex-col gap-1.5">
            {group.changes.map((change, i) => (
              <li key={`${change.title}-${i}`} data-testid="change" className="rounded-md border border-slate-200 px-2.5 py-1.5 text-sm dark:border-slate-800">
                <p className="font-medium" data-testid="change-title">{change.title}</p>
                {change.detail && <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="change-detail">{change.detail}</p>}
                {(change.before !== undefined || change.after !== undefined) && (
                  <p className="mt-0.5 flex flex-wrap items-baseline gap-1.5 font-mono text-xs" data-testid="change-values">
                    <span className="break-all rounded bg-red-50 px-1 text-red-800 line-through decoration-red-400 dark:bg-red-950 dark:text-red-200" data-testid="change-before">
                      {change.before ?? "(not set)"}
                    </span>
                    <span aria-label="becomes">→</span>
                    <span className="break-all rounded bg-emerald-50 px-1 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" data-testid="change-after">
                      {change.after ?? "(not set)"}
                    </span>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {cosmetic > 0 && (
        <p className="text-xs text-slate-500" data-testid={`${testId}-cosmetic`}>
          {cosmetic === 1 ? "1 more difference has" : `${cosmetic} more differences have`} no effect in CodePipeline (defaults written out, run
          orders renumbered).
        </p>
      )}
    </div>
  );
}
