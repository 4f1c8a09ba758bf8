/**
 * Where the app keeps what it stores itself (shared snapshots): SQLite in a data directory by
 * default, nothing to set up; PostgreSQL when `DATABASE_URL` names one, for several app instances
 * behind a load balancer.
 */
import path from "node:path";

export const SQLITE_FILE = "app.sqlite";
/** Beside the emulator's `data/emulator` under `npm start`; a shared PIPEWRIGHT_DATA_DIR holds both files. */
export const DEFAULT_DATA_DIR = "data/app";

export type StorageConfig =
  | { readonly backend: "sqlite"; readonly file: string }
  | { readonly backend: "postgres"; readonly url: string };

/** The configuration, or an Error whose message tells the operator what to fix. */
export function storageConfig(env: Readonly<Record<string, string | undefined>> = process.env): StorageConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must be a PostgreSQL connection URL (postgres://user:password@host:port/database); unset it to use SQLite.");
    }
    return { backend: "postgres", url };
  }
  const dir = env.PIPEWRIGHT_DATA_DIR?.trim() || DEFAULT_DATA_DIR;
  return { backend: "sqlite", file: path.resolve(dir, SQLITE_FILE) };
}

/** The configuration for logs and errors: a PostgreSQL password never appears. */
export function describeConfig(config: StorageConfig): string {
  if (config.backend === "sqlite") return `SQLite at ${config.file}`;
  try {
    const url = new URL(config.url);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}
