import type { Metadata } from "next";
import { AuditTable } from "@/components/access/audit-table";
import { auditLog } from "@/lib/audit/server";
import { auditFilterOf } from "@/lib/audit/audit-query";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const FIELDS = [
  { name: "actor", label: "Who" },
  { name: "pipeline", label: "Pipeline" },
  { name: "region", label: "Region" },
  { name: "action", label: "Action" },
  { name: "outcome", label: "Outcome" },
] as const;

/** Every change attempted through Pipewright, newest first, filtered by the URL (a plain GET form). */
export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const filter = auditFilterOf(await searchParams);
  const entries = await auditLog().list(filter);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Who pushed, deleted, shared, ran or approved what through Pipewright, and how it ended (refusals included). AWS records only
        the server&apos;s role; this records the person.
      </p>
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        {FIELDS.map((field) => (
          <label key={field.name} className="flex flex-col text-xs text-slate-600 dark:text-slate-400">
            {field.label}
            <input
              name={field.name}
              defaultValue={filter[field.name] ?? ""}
              className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-white"
            />
          </label>
        ))}
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-white dark:text-slate-900">
          Filter
        </button>
      </form>
      <div className="mt-6">
        <AuditTable entries={entries} caption="Audit log" />
      </div>
    </div>
  );
}
