import { auditLog } from "@/lib/audit/server";
import { AuditTable } from "./audit-table";

/** A pipeline page's own audit section: the latest changes made to it through Pipewright. */
export async function PipelineAudit({ name }: { name: string }) {
  const entries = await auditLog().list({ pipeline: name, limit: 20 });
  return (
    <section aria-labelledby="pipeline-audit-heading" data-testid="pipeline-audit">
      <h2 id="pipeline-audit-heading" className="text-lg font-semibold">Changes made through Pipewright</h2>
      <div className="mt-3">
        <AuditTable entries={entries} caption={`Audit log of ${name}`} />
      </div>
    </section>
  );
}
