/**
 * The audit log's table on every backend: entries come back newest first with every field, the
 * filters narrow them, and the database itself refuses to change or remove an entry.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/audit/audit-log";
import { openStorage } from "@/lib/storage/storage";
import { testBackends } from "./backends";

const backends = testBackends();
afterAll(async () => {
  for (const backend of backends) await backend.cleanup();
});

const entry = (n: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  at: `2026-12-07T20:0${n}:00.000Z`,
  actor: "ann@example.test",
  method: "oidc",
  action: "push",
  pipeline: "payments",
  region: "eu-west-1",
  outcome: "pushed",
  ...extra,
});

for (const backend of backends) {
  describe(`audit_entries on ${backend.name}`, () => {
    it("lists entries newest first with every field, and filters by person, pipeline, region, action and outcome", async () => {
      const storage = await openStorage(await backend.fresh());
      try {
        await storage.audit.append(entry(1, { requestId: "3f1c0a2e-0000-4000-8000-000000000001", summary: "2 changes: Build › Compile changed" }));
        await storage.audit.append(entry(2, { actor: "Bo_Smith@example.test", action: "approve", outcome: "forbidden", summary: "Needs the operator role" }));
        await storage.audit.append(entry(3, { pipeline: "web", action: "delete", outcome: "deleted" }));
        await storage.audit.append({ at: "2026-12-07T20:04:00.000Z", actor: "local", method: "local", action: "sign-in", outcome: "signed-in" });
        const all = await storage.audit.list();
        expect(all.map((e) => e.at.slice(14, 16))).toEqual(["04", "03", "02", "01"]);
        expect(all[3]).toEqual(entry(1, { requestId: "3f1c0a2e-0000-4000-8000-000000000001", summary: "2 changes: Build › Compile changed" }));
        expect(all[0]).toEqual({ at: "2026-12-07T20:04:00.000Z", actor: "local", method: "local", action: "sign-in", outcome: "signed-in" });
        expect((await storage.audit.list({ actor: "bo_s" })).map((e) => e.action)).toEqual(["approve"]);
        // LIKE's wildcards in the filter are letters, not patterns.
        expect(await storage.audit.list({ actor: "%" })).toEqual([]);
        expect((await storage.audit.list({ pipeline: "payments" })).length).toBe(2);
        expect((await storage.audit.list({ pipeline: "payments", region: "eu-west-1" })).length).toBe(2);
        expect(await storage.audit.list({ pipeline: "payments", region: "us-east-1" })).toEqual([]);
        expect((await storage.audit.list({ action: "delete", outcome: "deleted" })).map((e) => e.pipeline)).toEqual(["web"]);
        expect((await storage.audit.list({ limit: 1 })).length).toBe(1);
      } finally {
        await storage.close();
      }
    });

    it("refuses UPDATE and DELETE: an entry stays as written", async () => {
      const storage = await openStorage(await backend.fresh());
      try {
        await storage.audit.append(entry(1));
        await expect(storage.sql.execute("UPDATE audit_entries SET actor = ?", ["mallory@example.test"])).rejects.toThrow(/append-only/);
        await expect(storage.sql.execute("DELETE FROM audit_entries")).rejects.toThrow(/append-only/);
        expect(await storage.audit.list()).toEqual([entry(1)]);
      } finally {
        await storage.close();
      }
    });
  });
}
