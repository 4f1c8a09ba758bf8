/**
 * PostgreSQL through node-postgres: a pool per app instance; several instances behind a load
 * balancer share the database. Placeholders are translated to `$n`
 * (https://node-postgres.com/features/queries#parameterized-query).
 */
import pg from "pg";
import { numberedPlaceholders, type SqlClient, type SqlRow, type SqlValue } from "./sql";

export function openPostgresClient(connectionString: string, options: { readonly max?: number } = {}): SqlClient {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (restart, network) must not crash the app process.
  pool.on("error", (error) => console.error("[pipewright] PostgreSQL connection lost:", error.message));
  return on(pool, pool, false);
}

interface Queryable {
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}

function on(target: Queryable, pool: pg.Pool, inTransaction: boolean): SqlClient {
  return {
    dialect: "postgres",
    query: async (sql, values = []) => (await target.query(numberedPlaceholders(sql), bind(values))).rows as SqlRow[],
    execute: async (sql, values = []) => (await target.query(numberedPlaceholders(sql), bind(values))).rowCount ?? 0,
    executeScript: async (sql) => {
      await target.query(sql);
    },
    transaction: async (work) => {
      if (inTransaction) return work(on(target, pool, true));
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(on(client, pool, true));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      if (!inTransaction) await pool.end();
    },
  };
}

function bind(values: readonly SqlValue[]): unknown[] {
  return values.map((v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v) : v));
}
