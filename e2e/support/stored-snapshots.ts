/**
 * The stored rows of shared links, read straight from the database (not through the app), to
 * prove what is and is not stored.
 */
import Database from "better-sqlite3";
import path from "node:path";
import pg from "pg";

/** The SQLite file the main e2e app stores shared links in (playwright.config.ts sets its data directory). */
export function mainAppDatabase(): string {
  const dir = process.env.PIPEWRIGHT_E2E_DATA_DIR;
  if (!dir) throw new Error("PIPEWRIGHT_E2E_DATA_DIR is not set: run the specs through playwright.config.ts");
  return path.join(dir, "app", "app.sqlite");
}

/** Writes to a row of the main app's SQLite file by hand (the app has it open too: WAL lets both). */
export function editSqlite(file: string, sql: string, ...values: unknown[]): void {
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare(sql).run(...values);
  } finally {
    db.close();
  }
}

export function sqliteRow(file: string, id: string): Record<string, unknown> | undefined {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT * FROM snapshots WHERE id = ?").get(id) as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
}

export async function postgresRow(url: string, id: string): Promise<Record<string, unknown> | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT * FROM snapshots WHERE id = $1", [id])).rows[0] as Record<string, unknown> | undefined;
  } finally {
    await client.end();
  }
}

/** A new empty database on the test server (PIPEWRIGHT_TEST_DATABASE_URL), and a way to drop it. */
export async function freshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `pipewright_e2e_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
