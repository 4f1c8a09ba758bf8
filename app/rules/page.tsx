import type { Metadata } from "next";
import { RULES } from "@/lib/domain/validation";

export const metadata: Metadata = { title: "Rules" };

const FAMILIES: Record<string, string> = {
  GEN: "Shape and types",
  PIPE: "Pipeline",
  STORE: "Artifact stores",
  STG: "Stages",
  COND: "Stage conditions (V2)",
  ACT: "Actions",
  ART: "Artifacts",
  CFG: "Configuration",
  VAR: "Namespaces and variables",
  TRIG: "Triggers (V2)",
  EXEC: "Execution mode and pushes",
  TAG: "Tags",
  PW: "Pipewright",
};

export default function RulesPage() {
  const families = Object.entries(FAMILIES)
    .map(([prefix, title]) => ({ prefix, title, rules: RULES.filter((r) => r.id.startsWith(prefix)) }))
    .filter((f) => f.rules.length > 0);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Validation rules</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Every check Pipewright runs before a pipeline reaches CodePipeline. Errors are what the service rejects or
        what makes a pipeline unusable; warnings are accepted by AWS but fail at run time, are deprecated, or are likely
        mistakes. Codes are stable and never reused.
      </p>
      {families.map((family) => (
        <section key={family.prefix} className="mt-8" aria-labelledby={`family-${family.prefix}`}>
          <h2 id={`family-${family.prefix}`} className="text-lg font-semibold">
            {family.title}
          </h2>
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {family.rules.map((rule) => (
              <li key={rule.id} id={rule.id} className="flex gap-4 px-4 py-2.5 text-sm" data-testid="rule">
                <code className="w-20 shrink-0 font-mono text-indigo-700 dark:text-indigo-300">{rule.id}</code>
                <span className="flex-1">{rule.title}</span>
                {rule.codes.length > 1 && (
                  <span className="font-mono text-xs text-slate-500">{rule.codes.join(" ")}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
