/**
 * The backends the storage suite runs against: SQLite always, PostgreSQL when
 * PIPEWRIGHT_TEST_DATABASE_URL names a server where the user may create databases (.ci/run starts
 * one with scripts/postgres-cluster.sh). Not DATABASE_URL: tests must never create databases on
 * the server the app is configured for.
 * Every `fresh()` is an empty database of its own: a temp file, or a new PostgreSQL database
 * dropped at cleanup.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { StorageConfig } from "@/lib/storage/config";

export interface TestBackend {
  readonly name: "sqlite" | "postgres";
  fresh(): Promise<StorageConfig>;
  cleanup(): Promise<void>;
}

export const POSTGRES_TEST_URL = process.env.PIPEWRIGHT_TEST_DATABASE_URL ?? "";

export function sqliteBackend(): TestBackend {
  const dirs: string[] = [];
  return {
    name: "sqlite",
    async fresh() {
      const dir = mkdtempSync(path.join(tmpdir(), "pipewright-storage-"));
      dirs.push(dir);
      return { backend: "sqlite", file: path.join(dir, "app.sqlite") };
    },
    async cleanup() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(adminUrl: string): TestBackend {
  const databases: string[] = [];
  const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: "postgres",
    async fresh() {
      const name = `pipewright_test_${randomBytes(6).toString("hex")}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      databases.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return { backend: "postgres", url: url.toString() };
    },
    async cleanup() {
      const names = databases.splice(0);
      if (names.length === 0) return;
      await admin(async (c) => {
        for (const name of names) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}

export function testBackends(): TestBackend[] {
  return POSTGRES_TEST_URL ? [sqliteBackend(), postgresBackend(POSTGRES_TEST_URL)] : [sqliteBackend()];
}
