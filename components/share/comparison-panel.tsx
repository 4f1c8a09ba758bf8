import type { Comparison } from "@/lib/server/share/results";

/** The changes from what `?against=` names to this snapshot, in words (cosmetic ones folded away). */
export function ComparisonPanel({ comparison }: { comparison: Comparison }) {
  if ("error" in comparison) {
    return (
      <section aria-label="Comparison" data-testid="comparison" className="border-b border-slate-200 px-4 py-2 text-sm dark:border-slate-800">
        <p role="alert" className="text-red-700 dark:text-red-400" data-testid="comparison-error">
          Compared with {comparison.label}: {comparison.error}
        </p>
      </section>
    );
  }
  const significant = comparison.changes.filter((c) => !c.cosmetic);
  const cosmetic = comparison.changes.length - significant.length;
  return (
    <section aria-label="Comparison" data-testid="comparison" className="max-h-56 overflow-y-auto border-b border-slate-200 px-4 py-2 text-sm dark:border-slate-800">
      <h2 className="font-medium">
        Changes from {comparison.label} to this snapshot:{" "}
        <span data-testid="comparison-count">
          {significant.length === 0 ? "none" : `${significant.length} change${significant.length === 1 ? "" : "s"}`}
        </span>
        {cosmetic > 0 && <span className="font-normal text-slate-500"> ({cosmetic} without effect in CodePipeline not listed)</span>}
      </h2>
      {significant.length > 0 && (
        <ul className="mt-1 space-y-1">
          {significant.map((change, i) => (
            <li key={i} data-testid="comparison-change">
              <span>{change.title}</span>
              {change.detail && <span className="text-slate-600 dark:text-slate-400"> — {change.detail}</span>}
              {(change.before !== undefined || change.after !== undefined) && (
                <span className="ml-1 font-mono text-xs">
                  <del className="text-red-700 dark:text-red-400">{change.before ?? ""}</del> → <ins className="text-emerald-700 no-underline dark:text-emerald-400">{change.after ?? ""}</ins>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
