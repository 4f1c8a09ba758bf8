/**
 * One suite, every backend: migrations, the refusal of a newer database, and the snapshot
 * repository's contract. PostgreSQL runs when a test URL is set (see ./backends.ts).
 */
import { afterAll, describe, expect, it } from "vitest";
import { migrate, StorageVersionError } from "@/lib/storage/migrate";
import { MIGRATIONS, type Migration } from "@/lib/storage/migrations";
import { openSqlClient, openStorage } from "@/lib/storage/storage";
import type { StoredSnapshot } from "@/lib/storage/snapshots";
import { integerColumn } from "@/lib/storage/sql";
import { POSTGRES_TEST_URL, testBackends } from "./backends";

const backends = testBackends();
afterAll(async () => {
  for (const backend of backends) await backend.cleanup();
});

it("runs against PostgreSQL too when a test URL is set", () => {
  expect(backends.map((b) => b.name)).toEqual(POSTGRES_TEST_URL ? ["sqlite", "postgres"] : ["sqlite"]);
});

function snapshot(overrides: Partial<StoredSnapshot> = {}): StoredSnapshot {
  return {
    id: "AAAAAAAAAAAAAAAAAAAAAA",
    kind: "design",
    contentHash: "a".repeat(64),
    format: 1,
    createdAt: 1_800_000_000_000,
    payload: JSON.stringify({ title: "Release", note: "ünïcode ✓" }),
    ...overrides,
  };
}

describe.each(backends)("storage on $name", (backend) => {
  it("migrates an empty database to the latest version, once", async () => {
    const config = await backend.fresh();
    const first = await openStorage(config);
    try {
      expect(first.backend).toBe(backend.name);
      expect(first.migration).toEqual({ from: 0, to: MIGRATIONS.length, applied: MIGRATIONS.map((m) => m.version) });
      const rows = await first.sql.query("SELECT version, name FROM schema_migrations ORDER BY version");
      expect(rows.map((r) => [integerColumn(r, "version"), r.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
    } finally {
      await first.close();
    }
    const again = await openStorage(config);
    try {
      expect(again.migration).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length, applied: [] });
    } finally {
      await again.close();
    }
  });

  it("applies a migration added later (a new table) on the next start, keeping the data", async () => {
    const config = await backend.fresh();
    const storage = await openStorage(config);
    try {
      await storage.snapshots.create(snapshot());
      const later: Migration = {
        version: MIGRATIONS.length + 1,
        name: "later-table",
        sqlite: "CREATE TABLE later_table (seq INTEGER PRIMARY KEY, entry TEXT NOT NULL)",
        postgres: "CREATE TABLE later_table (seq BIGSERIAL PRIMARY KEY, entry TEXT NOT NULL)",
      };
      const report = await migrate(storage.sql, [...MIGRATIONS, later]);
      expect(report.applied).toEqual([later.version]);
      await storage.sql.execute("INSERT INTO later_table (entry) VALUES (?)", ["first"]);
      expect(await storage.sql.query("SELECT entry FROM later_table")).toEqual([{ entry: "first" }]);
      expect((await storage.snapshots.get(snapshot().id))?.payload).toBe(snapshot().payload);
    } finally {
      await storage.close();
    }
  });

  it("refuses a database a newer version has migrated, and leaves it untouched", async () => {
    const config = await backend.fresh();
    const storage = await openStorage(config);
    await storage.sql.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [MIGRATIONS.length + 1, "from-the-future", 1]);
    await storage.close();
    const opening = openStorage(config);
    await expect(opening).rejects.toThrow(StorageVersionError);
    await expect(opening).rejects.toThrow(`schema version ${MIGRATIONS.length + 1}, but this Pipewright knows versions up to ${MIGRATIONS.length}`);
    const raw = openSqlClient(config);
    try {
      const [row] = await raw.query("SELECT MAX(version) AS version FROM schema_migrations");
      expect(integerColumn(row!, "version")).toBe(MIGRATIONS.length + 1);
      expect(await raw.query("SELECT id FROM snapshots")).toEqual([]);
    } finally {
      await raw.close();
    }
  });

  it("rolls a failed upgrade back completely", async () => {
    const config = await backend.fresh();
    const storage = await openStorage(config);
    try {
      const broken: Migration[] = [
        ...MIGRATIONS,
        { version: MIGRATIONS.length + 1, name: "fine", sqlite: "CREATE TABLE fine (x INTEGER)", postgres: "CREATE TABLE fine (x INTEGER)" },
        { version: MIGRATIONS.length + 2, name: "broken", sqlite: "CREATE TABLE broken (", postgres: "CREATE TABLE broken (" },
      ];
      await expect(migrate(storage.sql, broken)).rejects.toThrow();
      const [row] = await storage.sql.query("SELECT MAX(version) AS version FROM schema_migrations");
      expect(integerColumn(row!, "version")).toBe(MIGRATIONS.length);
      await expect(storage.sql.query("SELECT x FROM fine")).rejects.toThrow();
    } finally {
      await storage.close();
    }
  });

  it("refuses a migration list with a gap", async () => {
    const config = await backend.fresh();
    const storage = await openStorage(config);
    try {
      await expect(migrate(storage.sql, [{ ...MIGRATIONS[0]!, version: 2 }])).rejects.toThrow("expected 1");
    } finally {
      await storage.close();
    }
  });

  it("stores a snapshot and reads it back exactly; unknown ids read nothing", async () => {
    const storage = await openStorage(await backend.fresh());
    try {
      const stored = snapshot();
      expect(await storage.snapshots.create(stored)).toEqual({ snapshot: stored, created: true });
      expect(await storage.snapshots.get(stored.id)).toEqual(stored);
      expect(await storage.snapshots.get("BBBBBBBBBBBBBBBBBBBBBB")).toBeUndefined();
    } finally {
      await storage.close();
    }
  });

  it("answers the existing snapshot for the same content, and a new one for other content or kind", async () => {
    const storage = await openStorage(await backend.fresh());
    try {
      const first = snapshot();
      await storage.snapshots.create(first);
      const same = await storage.snapshots.create(snapshot({ id: "CCCCCCCCCCCCCCCCCCCCCC", createdAt: 1 }));
      expect(same).toEqual({ snapshot: first, created: false });
      const other = await storage.snapshots.create(snapshot({ id: "DDDDDDDDDDDDDDDDDDDDDD", contentHash: "b".repeat(64) }));
      expect(other.created).toBe(true);
      const report = await storage.snapshots.create(snapshot({ id: "EEEEEEEEEEEEEEEEEEEEEE", kind: "execution-report" }));
      expect(report.created).toBe(true);
      expect(await storage.snapshots.get("CCCCCCCCCCCCCCCCCCCCCC")).toBeUndefined();
    } finally {
      await storage.close();
    }
  });

  it("keeps one row when the same content is stored concurrently", async () => {
    const config = await backend.fresh();
    // Two app instances on one database (opened one after the other: two SQLite connections in one
    // process would block each other's synchronous BEGIN; separate processes wait on the lock).
    const a = await openStorage(config);
    const b = await openStorage({ ...config });
    try {
      const ids = Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(70 + i).repeat(22)}`);
      const results = await Promise.all(ids.map((id, i) => (i % 2 ? a : b).snapshots.create(snapshot({ id }))));
      const winners = new Set(results.map((r) => r.snapshot.id));
      expect(winners.size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const [row] = await a.sql.query("SELECT COUNT(*) AS n FROM snapshots");
      expect(integerColumn(row!, "n")).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("rolls back a transaction that throws, and other calls wait for it", async () => {
    const storage = await openStorage(await backend.fresh());
    try {
      await expect(
        storage.sql.transaction(async (tx) => {
          await tx.execute(`INSERT INTO snapshots (id, kind, content_hash, format, created_at, payload) VALUES (?, 'design', ?, 1, 1, '{}')`, ["GGGGGGGGGGGGGGGGGGGGGG", "c".repeat(64)]);
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      expect(await storage.snapshots.get("GGGGGGGGGGGGGGGGGGGGGG")).toBeUndefined();
    } finally {
      await storage.close();
    }
  });
});
