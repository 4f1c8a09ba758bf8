/**
 * Creating and reading design snapshots on every storage backend: ids, deduplication, limits,
 * a hand-damaged row, and ids of the wrong shape that never reach storage.
 */
import { afterAll, describe, expect, it } from "vitest";
import { isSnapshotId } from "@/lib/domain/share/snapshot-id";
import { ShareDesignInputSchema } from "@/lib/domain/share/design-snapshot";
import { createRateLimit } from "@/lib/server/rate-limit";
import { createDesignSnapshot } from "@/lib/server/share/create-design";
import { readSnapshot } from "@/lib/server/share/read";
import { openStorage, type Storage } from "@/lib/storage/storage";
import type { SnapshotRepository } from "@/lib/storage/snapshots";
import { testBackends } from "../storage/backends";
import { releasePipeline } from "../sync/fixtures";
import { shareInput } from "./fixtures";

const backends = testBackends();
afterAll(async () => {
  for (const backend of backends) await backend.cleanup();
});

const generous = () => createRateLimit(1_000, 60_000);
const parse = (input: unknown) => ShareDesignInputSchema.parse(input);

describe.each(backends)("design snapshots on $name", (backend) => {
  const withStorage = async (work: (storage: Storage) => Promise<void>) => {
    const storage = await openStorage(await backend.fresh());
    try {
      await work(storage);
    } finally {
      await storage.close();
    }
  };

  it("stores a snapshot under a fresh 22-character id and reads it back as shared", () =>
    withStorage(async (storage) => {
      const input = parse(shareInput(releasePipeline("shared-release"), { note: "For the design review" }));
      const shared = await createDesignSnapshot(input, { snapshots: storage.snapshots, rateLimit: generous(), client: "a", now: 1_800_000_000_000 });
      expect(shared).toMatchObject({ status: "shared", created: true, redacted: [] });
      if (shared.status !== "shared") throw new Error("not shared");
      expect(isSnapshotId(shared.id)).toBe(true);
      expect(shared.path).toBe(`/s/${shared.id}`);
      const read = await readSnapshot(shared.id, async () => storage.snapshots);
      expect(read).toEqual({
        status: "design",
        id: shared.id,
        createdAt: 1_800_000_000_000,
        snapshot: { format: 1, title: "shared-release", note: "For the design review", region: "us-east-1", declaration: input.declaration, layout: input.layout, redacted: [] },
      });
    }));

  it("answers the same link for the same content, a new one when anything differs", () =>
    withStorage(async (storage) => {
      const context = { snapshots: storage.snapshots, rateLimit: generous(), client: "a" };
      const first = await createDesignSnapshot(parse(shareInput()), context);
      const again = await createDesignSnapshot(parse(shareInput()), context);
      const retitled = await createDesignSnapshot(parse(shareInput(undefined, { title: "Other title" })), context);
      expect(again).toMatchObject({ status: "shared", created: false, id: first.status === "shared" ? first.id : "" });
      expect(retitled).toMatchObject({ status: "shared", created: true });
      expect(retitled.status === "shared" && retitled.id).not.toBe(first.status === "shared" && first.id);
    }));

  it("refuses a snapshot over 2 MB in words, storing nothing", () =>
    withStorage(async (storage) => {
      const big = { ...releasePipeline("big"), padding: "x".repeat(2 * 1024 * 1024) };
      const result = await createDesignSnapshot(parse(shareInput(big)), { snapshots: storage.snapshots, rateLimit: generous(), client: "a" });
      expect(result).toEqual({ status: "too-large", message: expect.stringMatching(/^This design is 2\.0 MB; a shared snapshot may be at most 2 MB\.$/) });
      expect(await storage.sql.query("SELECT id FROM snapshots")).toEqual([]);
    }));

  it("reports a hand-edited row as corrupt instead of failing", () =>
    withStorage(async (storage) => {
      const shared = await createDesignSnapshot(parse(shareInput()), { snapshots: storage.snapshots, rateLimit: generous(), client: "a" });
      if (shared.status !== "shared") throw new Error("not shared");
      const read = () => readSnapshot(shared.id, async () => storage.snapshots);
      await storage.sql.execute("UPDATE snapshots SET payload = ? WHERE id = ?", ["{not json", shared.id]);
      expect(await read()).toEqual({ status: "corrupt", message: "Its stored content is not valid JSON." });
      await storage.sql.execute("UPDATE snapshots SET payload = ? WHERE id = ?", [JSON.stringify({ format: 1, title: "t" }), shared.id]);
      expect(await read()).toMatchObject({ status: "corrupt", message: expect.stringContaining("not a design snapshot") });
      await storage.sql.execute("UPDATE snapshots SET kind = ? WHERE id = ?", ["mystery", shared.id]);
      expect(await read()).toMatchObject({ status: "corrupt", message: expect.stringContaining('"mystery"') });
    }));
});

describe("reading snapshots", () => {
  it("answers not-found for ids of the wrong shape without asking storage", async () => {
    let asked = 0;
    const repository = async (): Promise<SnapshotRepository> => {
      asked++;
      return { get: async () => undefined, create: async () => Promise.reject(new Error("no")) };
    };
    for (const id of ["", "short", "AAAAAAAAAAAAAAAAAAAAAB", "AAAAAAAAAAAAAAAAAAAAAAA", "' OR 1=1 --AAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAA%A"]) {
      expect(await readSnapshot(id, repository)).toEqual({ status: "not-found" });
    }
    expect(asked).toBe(0);
    expect(await readSnapshot("AAAAAAAAAAAAAAAAAAAAAA", repository)).toEqual({ status: "not-found" });
    expect(asked).toBe(1);
  });
});

describe("the share rate limit", () => {
  it("allows 30 a minute per client, then says how long to wait", () => {
    const limit = createRateLimit(30, 60_000);
    const start = 1_000_000;
    for (let i = 0; i < 30; i++) expect(limit.take("a", start + i * 1000)).toEqual({ allowed: true });
    expect(limit.take("a", start + 30_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limit.take("b", start + 30_000)).toEqual({ allowed: true });
    expect(limit.take("a", start + 59_500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limit.take("a", start + 60_001)).toEqual({ allowed: true });
  });

  it("refuses creating once the client is over the limit, storing nothing", async () => {
    const calls: unknown[] = [];
    const snapshots: SnapshotRepository = { get: async () => undefined, create: async (s) => (calls.push(s), { snapshot: s, created: true }) };
    const rateLimit = createRateLimit(1, 60_000);
    const input = parse(shareInput());
    expect((await createDesignSnapshot(input, { snapshots, rateLimit, client: "c", now: 0 })).status).toBe("shared");
    expect(await createDesignSnapshot(input, { snapshots, rateLimit, client: "c", now: 1_000 })).toEqual({
      status: "rate-limited",
      retryAfterSeconds: 59,
      message: "Too many shares from this address: try again in 59 s.",
    });
    expect(calls).toHaveLength(1);
  });
});
