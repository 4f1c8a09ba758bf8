/**
 * npm run bench:share — shared design snapshots at the quotas' maximum (50 stages, 500 actions):
 * the server-side create (redaction, hash, insert) and open (select, parse, schema check) on
 * SQLite and on PostgreSQL (medians; goal < 100 ms each), the stored size over the raw JSON's,
 * and the length of a link's path. PostgreSQL is PIPEWRIGHT_TEST_DATABASE_URL's server when set,
 * else a throw-away cluster this bench starts and stops itself (scripts/postgres-cluster.sh).
 * The last line is the JSON result.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { documentFromDeclaration } from "../lib/domain/designer/document";
import { ShareDesignInputSchema } from "../lib/domain/share/design-snapshot";
import { snapshotPath } from "../lib/domain/share/snapshot-id";
import { buildLargePipeline } from "../lib/domain/validation/testing/large-pipeline";
import { createRateLimit } from "../lib/server/rate-limit";
import { createDesignSnapshot } from "../lib/server/share/create-design";
import { readSnapshot } from "../lib/server/share/read";
import type { StorageConfig } from "../lib/storage/config";
import { integerColumn } from "../lib/storage/sql";
import { openStorage } from "../lib/storage/storage";
import { median } from "./support/stats";

const STAGES = 50;
const ACTIONS_PER_STAGE = 10;
const WARMUP = 3;
const RUNS = 25;
const ROOT = path.resolve(import.meta.dirname, "..");

const declaration = buildLargePipeline({ stages: STAGES, actionsPerStage: ACTIONS_PER_STAGE }) as Record<string, unknown>;
const doc = documentFromDeclaration(declaration);
const rawInput = (title: string) => ({
  declaration,
  region: "us-east-1",
  title,
  note: "Quota-max design for the share benchmark",
  layout: { orientation: "vertical" as const, stageIds: [...doc.stageIds], actionIds: doc.actionIds.map((ids) => [...ids]), collapsed: [] },
});
const rawBytes = Buffer.byteLength(JSON.stringify(rawInput("quota-max")), "utf8");

interface Measured {
  readonly createMs: number;
  readonly openMs: number;
  readonly storedBytes: number;
  readonly linkChars: number;
}

async function measure(config: StorageConfig): Promise<Measured> {
  const storage = await openStorage(config);
  try {
    const context = { snapshots: storage.snapshots, rateLimit: createRateLimit(1_000_000, 60_000), client: "bench" };
    const create: number[] = [];
    const open: number[] = [];
    let linkChars = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // A new title each time: the same content would answer the existing row without writing.
      const input = ShareDesignInputSchema.parse(rawInput(`quota-max ${i}`));
      const t0 = performance.now();
      const shared = await createDesignSnapshot(input, context);
      const t1 = performance.now();
      if (shared.status !== "shared" || !shared.created) throw new Error(`create ${i} failed: ${JSON.stringify(shared).slice(0, 300)}`);
      const read = await readSnapshot(shared.id, async () => storage.snapshots);
      const t2 = performance.now();
      if (read.status !== "design" || read.snapshot.layout.stageIds.length !== STAGES) throw new Error(`open ${i} failed: ${read.status}`);
      if (i >= WARMUP) {
        create.push(t1 - t0);
        open.push(t2 - t1);
      }
      linkChars = snapshotPath(shared.id).length;
    }
    const sizeSql =
      storage.backend === "postgres"
        ? "SELECT MAX(pg_column_size(payload)) AS bytes FROM snapshots"
        : "SELECT MAX(length(CAST(payload AS BLOB))) AS bytes FROM snapshots";
    const [row] = await storage.sql.query(sizeSql);
    return { createMs: median(create), openMs: median(open), storedBytes: integerColumn(row!, "bytes"), linkChars };
  } finally {
    await storage.close();
  }
}

/** A fresh database on a PostgreSQL server: the test server's, or one started here. */
async function postgres(): Promise<{ config: StorageConfig; done(): Promise<void> }> {
  let adminUrl = process.env.PIPEWRIGHT_TEST_DATABASE_URL;
  let clusterDir: string | undefined;
  if (!adminUrl) {
    const port = process.env.PIPEWRIGHT_BENCH_PG_PORT ?? "55439";
    const out = execFileSync("bash", [path.join(ROOT, "scripts/postgres-cluster.sh"), "start", port], { encoding: "utf8" });
    clusterDir = /PIPEWRIGHT_PG_DIR=(\S+)/.exec(out)?.[1];
    adminUrl = /DATABASE_URL=(\S+)/.exec(out)?.[1];
    if (!adminUrl) throw new Error(`could not start PostgreSQL:\n${out}`);
    console.log(`PostgreSQL started for this bench on port ${port}`);
  }
  const name = `pipewright_bench_${Date.now().toString(36)}`;
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
  return {
    config: { backend: "postgres", url: url.toString() },
    async done() {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      if (clusterDir) execFileSync("bash", [path.join(ROOT, "scripts/postgres-cluster.sh"), "stop", clusterDir], { stdio: "inherit" });
    },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

const sqliteDir = mkdtempSync(path.join(tmpdir(), "pipewright-bench-share-"));
let sqlite: Measured;
try {
  sqlite = await measure({ backend: "sqlite", file: path.join(sqliteDir, "app.sqlite") });
} finally {
  rmSync(sqliteDir, { recursive: true, force: true });
}
const server = await postgres();
let postgresResult: Measured;
try {
  postgresResult = await measure(server.config);
} finally {
  await server.done();
}

console.log(`quota-max design: ${STAGES} stages, ${STAGES * ACTIONS_PER_STAGE} actions, ${(rawBytes / 1024).toFixed(0)} KiB of JSON; medians of ${RUNS} runs after ${WARMUP} warm-ups`);
console.log(`SQLite: create ${round(sqlite.createMs)} ms, open ${round(sqlite.openMs)} ms, stored ${sqlite.storedBytes} bytes`);
console.log(`PostgreSQL: create ${round(postgresResult.createMs)} ms, open ${round(postgresResult.openMs)} ms, stored ${postgresResult.storedBytes} bytes after its TOAST compression (ratio ${(postgresResult.storedBytes / rawBytes).toFixed(3)})`);
const worst = Math.max(sqlite.createMs, sqlite.openMs, postgresResult.createMs, postgresResult.openMs);
console.log(`goal < 100 ms each: ${worst < 100 ? "met" : "MISSED"}; link path ≤ 40 characters: ${sqlite.linkChars <= 40 ? "met" : "MISSED"}`);
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min)`);
console.log(
  JSON.stringify({
    bench: "share",
    sqlite: { create_ms: round(sqlite.createMs), open_ms: round(sqlite.openMs) },
    postgres: { create_ms: round(postgresResult.createMs), open_ms: round(postgresResult.openMs) },
    // The default backend's stored payload over the raw JSON the designer sends.
    stored_bytes_ratio: Math.round((sqlite.storedBytes / rawBytes) * 1000) / 1000,
    link_chars: sqlite.linkChars,
  }),
);
