import type { Diagnostic } from "@/lib/domain/validation";
import { SeverityPill } from "@/components/ui/severity-pill";

export function DiagnosticsPanel({ label, diagnostics }: { label: string; diagnostics: readonly Diagnostic[] }) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return (
    <div className="rounded-lg border border-slate-200 dark:border-slate-800" data-testid="pipeline-findings">
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-2.5 dark:border-slate-800">
        <h2 className="font-medium">{label}</h2>
        <span className="ml-auto flex gap-2 text-xs">
          <Count n={errors} word="error" tone={errors > 0 ? "error" : "ok"} />
          <Count n={warnings} word="warning" tone={warnings > 0 ? "warning" : "ok"} />
        </span>
      </header>
      {diagnostics.length === 0 ? (
        <p className="px-4 py-3 text-sm text-emerald-700 dark:text-emerald-400">
          No problems found: CodePipeline should accept this pipeline.
        </p>
      ) : (
        <ul className="max-h-[50vh] divide-y divide-slate-100 overflow-y-auto dark:divide-slate-900">
          {diagnostics.map((d, i) => (
            <li key={i} className="px-4 py-2.5 text-sm" data-testid="diagnostic" data-code={d.code} data-severity={d.severity}>
              <div className="flex flex-wrap items-baseline gap-x-2">
                <SeverityPill severity={d.severity} />
                <code className="font-mono text-xs text-indigo-700 dark:text-indigo-300">{d.code}</code>
                <code className="break-all font-mono text-xs text-slate-500">{d.path || "(pipeline)"}</code>
              </div>
              <p className="mt-1 break-words text-slate-800 dark:text-slate-200">{d.message}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Count({ n, word, tone }: { n: number; word: string; tone: "error" | "warning" | "ok" }) {
  const colours = {
    error: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
    warning: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
    ok: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-400",
  };
  return (
    <span className={`rounded-full px-2 py-0.5 font-medium ${colours[tone]}`}>
      {n} {word}
      {n === 1 ? "" : "s"}
    </span>
  );
}
