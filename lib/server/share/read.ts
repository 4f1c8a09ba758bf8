import "server-only";
import { DesignSnapshotSchema, type DesignSnapshot } from "@/lib/domain/share/design-snapshot";
import { ExecutionReportSchema, type ExecutionReport } from "@/lib/domain/share/execution-report";
import { isSnapshotId } from "@/lib/domain/share/snapshot-id";
import type { SnapshotRepository } from "@/lib/storage/snapshots";

export type SnapshotRead =
  | { readonly status: "not-found" }
  /** The row exists but is not a snapshot this code can show (edited by hand, or damaged). */
  | { readonly status: "corrupt"; readonly message: string }
  | { readonly status: "design"; readonly id: string; readonly createdAt: number; readonly snapshot: DesignSnapshot }
  | { readonly status: "execution-report"; readonly id: string; readonly createdAt: number; readonly report: ExecutionReport };

/** A snapshot by id; ids of the wrong shape are answered "not-found" without asking storage. */
export async function readSnapshot(id: string, snapshots: () => Promise<SnapshotRepository>): Promise<SnapshotRead> {
  if (!isSnapshotId(id)) return { status: "not-found" };
  const row = await (await snapshots()).get(id);
  if (!row) return { status: "not-found" };
  let value: unknown;
  try {
    value = JSON.parse(row.payload);
  } catch {
    return { status: "corrupt", message: "Its stored content is not valid JSON." };
  }
  if (row.kind === "design") {
    const parsed = DesignSnapshotSchema.safeParse(value);
    if (!parsed.success) {
      return { status: "corrupt", message: `Its stored content is not a design snapshot (${describeIssue(parsed.error.issues[0])}).` };
    }
    return { status: "design", id: row.id, createdAt: row.createdAt, snapshot: parsed.data };
  }
  if (row.kind === "execution-report") {
    const parsed = ExecutionReportSchema.safeParse(value);
    if (!parsed.success) return { status: "corrupt", message: `Its stored content is not an execution report (${describeIssue(parsed.error.issues[0])}).` };
    return { status: "execution-report", id: row.id, createdAt: row.createdAt, report: parsed.data };
  }
  return { status: "corrupt", message: `It is of a kind this Pipewright does not know ("${row.kind}").` };
}

function describeIssue(issue: { readonly path: readonly PropertyKey[]; readonly message: string } | undefined): string {
  return `${issue?.path.map(String).join(".") || "content"}: ${issue?.message ?? "invalid"}`;
}
