/**
 * The one seam between Pipewright's repositories and a database: SQL text with `?` placeholders
 * and positional values, the same for SQLite and PostgreSQL. Repositories are written once against
 * this interface; each backend's client translates what differs (placeholders, result types).
 */
export type SqlValue = string | number | null | Uint8Array;

/** A row as it comes back: columns by name. Integers may come back as strings (PostgreSQL BIGINT). */
export type SqlRow = Record<string, unknown>;

export type Dialect = "sqlite" | "postgres";

export interface SqlClient {
  readonly dialect: Dialect;
  /** Rows of a SELECT (or of a statement with RETURNING). */
  query(sql: string, values?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** Runs a statement; answers the number of rows it changed. */
  execute(sql: string, values?: readonly SqlValue[]): Promise<number>;
  /** Several statements without values, e.g. a migration's DDL. */
  executeScript(sql: string): Promise<void>;
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back
   * when it throws. Other calls on this client wait until it ends.
   */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` placeholders as PostgreSQL's `$1, $2, …`, leaving string literals and quoted names alone. */
export function numberedPlaceholders(sql: string): string {
  let out = "";
  let n = 0;
  let quote: string | undefined;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = undefined;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === "?") {
      out += `$${++n}`;
    } else {
      out += char;
    }
  }
  return out;
}

/** An integer column read from either backend (PostgreSQL answers BIGINT as a string). */
export function integerColumn(row: SqlRow, column: string): number {
  const value = row[column];
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n)) throw new TypeError(`column ${column} is not an integer: ${String(value)}`);
  return n;
}

export function stringColumn(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== "string") throw new TypeError(`column ${column} is not text`);
  return value;
}
