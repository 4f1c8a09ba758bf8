/**
 * SQLite through better-sqlite3: one file, write-ahead logging so readers never wait for the writer
 * (https://www.sqlite.org/wal.html), several app processes may share it on one machine.
 */
import Database from "better-sqlite3";
import { createSerialQueue } from "./serial";
import type { SqlClient, SqlRow, SqlValue } from "./sql";

export function openSqliteClient(file: string): SqlClient {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // NORMAL is durable across application crashes in WAL mode (https://www.sqlite.org/pragma.html#pragma_synchronous).
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  const serial = createSerialQueue();

  const direct: SqlClient = {
    dialect: "sqlite",
    query: async (sql, values = []) => db.prepare(sql).all(...bind(values)) as SqlRow[],
    execute: async (sql, values = []) => db.prepare(sql).run(...bind(values)).changes,
    executeScript: async (sql) => {
      db.exec(sql);
    },
    transaction: async (work) => {
      // Already inside one: SQLite has no nested BEGIN, and the outer transaction covers this work.
      return work(direct);
    },
    close: async () => {
      db.close();
    },
  };

  return {
    dialect: "sqlite",
    query: (sql, values) => serial(() => direct.query(sql, values)),
    execute: (sql, values) => serial(() => direct.execute(sql, values)),
    executeScript: (sql) => serial(() => direct.executeScript(sql)),
    transaction: (work) =>
      serial(async () => {
        // IMMEDIATE takes the write lock at once, so two processes migrating the same file queue up.
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(direct);
          db.exec("COMMIT");
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      }),
    close: () => serial(() => direct.close()),
  };
}

function bind(values: readonly SqlValue[]): unknown[] {
  return values.map((v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v) : v));
}
