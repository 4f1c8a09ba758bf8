/**
 * Brings a database up to the code's schema: creates `schema_migrations` when missing, applies the
 * pending migrations in order, and refuses a database that a newer Pipewright has already migrated
 * further (its tables may mean things this code does not know). On PostgreSQL an advisory lock
 * makes app instances that start together migrate one after the other
 * (https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS); on SQLite the
 * transaction's write lock does the same.
 */
import { MIGRATIONS, type Migration } from "./migrations";
import { integerColumn, type SqlClient } from "./sql";

/** The database cannot be used by this version of the code; the message says why and what to do. */
export class StorageVersionError extends Error {
  override readonly name = "StorageVersionError";
}

// Any constant shared by every Pipewright instance; "pipewrig" in ASCII.
const MIGRATION_LOCK = 0x7069706577726967n;

export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly number[];
}

export async function migrate(client: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  checkList(migrations);
  const latest = migrations.length;
  return client.transaction(async (tx) => {
    if (tx.dialect === "postgres") await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.executeScript(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${tx.dialect === "postgres" ? "BIGINT" : "INTEGER"} NOT NULL)`,
    );
    const [row] = await tx.query("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations");
    const current = row ? integerColumn(row, "version") : 0;
    if (current > latest) {
      throw new StorageVersionError(
        `The database is at schema version ${current}, but this Pipewright knows versions up to ${latest}: ` +
          "a newer Pipewright has upgraded it. Downgrades are refused to keep its data intact; run the newer Pipewright, or point this one at another database.",
      );
    }
    const applied: number[] = [];
    for (const migration of migrations.slice(current)) {
      await tx.executeScript(tx.dialect === "postgres" ? migration.postgres : migration.sqlite);
      await tx.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [migration.version, migration.name, Date.now()]);
      applied.push(migration.version);
    }
    return { from: current, to: latest, applied };
  });
}

function checkList(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`migration ${m.name} has version ${m.version}; expected ${index + 1} (versions are consecutive from 1)`);
  });
}
