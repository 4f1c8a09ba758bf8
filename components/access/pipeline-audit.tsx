import "server-only";
import Link from "next/link";
import { auditLog } from "@/lib/audit/server";
import type { AuditEntry } from "@/lib/audit/audit-log";
import { AuditTable } from "./audit-table";

/** How many of the latest entries a pipeline page shows; the audit page has the rest. */
const LATEST = 10;

/**
 * A pipeline page's own audit section: the latest changes made to this pipeline in this region
 * through Pipewright (who, when, what, how it ended), and a link to all of them on /audit. The
 * log unreadable (storage down) is a sentence here, not a broken pipeline page.
 */
export async function PipelineAudit({ name, region }: { name: string; region: string }) {
  let entries: readonly AuditEntry[] | undefined;
  try {
    entries = await auditLog().list({ pipeline: name, region, limit: LATEST });
  } catch (error) {
    console.error("[pipewright] reading the audit log failed:", error);
  }
  const all = `/audit?${new URLSearchParams({ pipeline: name, region })}`;
  return (
    <section aria-labelledby="pipeline-audit-heading" data-testid="pipeline-audit" className="mt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="pipeline-audit-heading" className="text-lg font-semibold">
          Changes made through Pipewright
        </h2>
        <Link href={all} prefetch={false} data-testid="pipeline-audit-all" className="text-sm underline">
          All audit entries of {name}
        </Link>
      </div>
      <div className="mt-3">
        {entries === undefined ? (
          <p role="alert" data-testid="pipeline-audit-error" className="text-sm text-amber-800 dark:text-amber-200">
            The audit log cannot be read right now; the pipeline itself is unaffected.
          </p>
        ) : (
          <AuditTable entries={entries} caption={`The latest changes to ${name} in ${region} made through Pipewright`} />
        )}
      </div>
    </section>
  );
}
