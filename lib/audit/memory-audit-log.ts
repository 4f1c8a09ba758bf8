import "server-only";
import { matches, type AuditEntry, type AuditFilter, type AuditLog } from "./audit-log";

/**
 * The audit log in this process's memory, until the storage layer (SQLite / PostgreSQL) holds it:
 * lost on restart, one per instance. Kept on globalThis so that every bundle Next makes (route
 * handlers, pages, server actions) appends to and reads the same list.
 */
const LOG = Symbol.for("pipewright.audit-log");
const MAX_ENTRIES = 10_000;

class MemoryAuditLog implements AuditLog {
  private readonly entries: AuditEntry[] = [];

  async append(entry: AuditEntry): Promise<void> {
    this.entries.push(Object.freeze({ ...entry }));
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  async list(filter: AuditFilter = {}): Promise<readonly AuditEntry[]> {
    const limit = filter.limit ?? 200;
    const found: AuditEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && found.length < limit; i--) {
      if (matches(this.entries[i]!, filter)) found.push(this.entries[i]!);
    }
    return found;
  }
}

/** The process's audit log. */
export function auditLog(): AuditLog {
  const holder = globalThis as { [LOG]?: AuditLog };
  holder[LOG] ??= new MemoryAuditLog();
  return holder[LOG];
}
