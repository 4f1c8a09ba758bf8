/**
 * The app's storage: one SQL client and the repositories built on it. A new table gets a migration
 * in migrations.ts and a repository here; nothing else changes.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { StorageConfig } from "./config";
import type { AuditLog } from "@/lib/audit/audit-log";
import { auditRepository } from "./audit";
import { migrate, type MigrationReport } from "./migrate";
import { openPostgresClient } from "./postgres-client";
import { sessionRepository, type SessionRepository } from "./sessions";
import { signInFlowRepository, type SignInFlowRepository } from "./sign-in-flows";
import { snapshotRepository, type SnapshotRepository } from "./snapshots";
import type { Dialect, SqlClient } from "./sql";
import { openSqliteClient } from "./sqlite-client";

export interface Storage {
  readonly backend: Dialect;
  readonly migration: MigrationReport;
  readonly snapshots: SnapshotRepository;
  /** Append-only: who did what through Pipewright. */
  readonly audit: AuditLog;
  /** OIDC sign-in sessions (lib/auth/session-store.ts). */
  readonly sessions: SessionRepository;
  /** OIDC sign-ins under way (lib/auth/sign-in-flows.ts). */
  readonly signInFlows: SignInFlowRepository;
  /** For repositories and tests; application code goes through the repositories. */
  readonly sql: SqlClient;
  close(): Promise<void>;
}

/** Opens the database and migrates it; refuses (StorageVersionError) one newer than this code. */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  const sql = openSqlClient(config);
  try {
    const migration = await migrate(sql);
    return { backend: sql.dialect, migration, snapshots: snapshotRepository(sql), audit: auditRepository(sql), sessions: sessionRepository(sql), signInFlows: signInFlowRepository(sql), sql, close: () => sql.close() };
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
}

/** A client on the configured database, without migrating it (tests and benchmarks inspect raw rows). */
export function openSqlClient(config: StorageConfig): SqlClient {
  if (config.backend === "postgres") return openPostgresClient(config.url);
  mkdirSync(path.dirname(config.file), { recursive: true });
  return openSqliteClient(config.file);
}
