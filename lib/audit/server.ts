import "server-only";
import { getStorage } from "@/lib/storage/server";
import type { AuditLog } from "./audit-log";

/** The audit log of this server: the `audit_entries` table of the app's storage (SQLite or PostgreSQL). */
export function auditLog(): AuditLog {
  return {
    append: async (entry) => (await getStorage()).audit.append(entry),
    list: async (filter) => (await getStorage()).audit.list(filter),
  };
}
