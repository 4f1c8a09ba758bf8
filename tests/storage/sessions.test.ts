/**
 * Sign-in sessions in the app's storage, on every backend: a session opened by one instance is
 * found by another on the same database and after a restart; signing out ends it everywhere; an
 * expired one is nobody's and is purged; the database holds the id's hash, never the id. Sign-ins
 * under way likewise: started on one instance, finished once on another.
 */
import { afterAll, describe, expect, it } from "vitest";
import { closeSession, findSession, openSession, sessionKey } from "@/lib/auth/session-store";
import { FLOW_SECONDS, startFlow, takeFlow } from "@/lib/auth/sign-in-flows";
import { openStorage } from "@/lib/storage/storage";
import { testBackends } from "./backends";

const backends = testBackends();
afterAll(async () => {
  for (const backend of backends) await backend.cleanup();
});

const ann = { id: "ann@example.test", name: "Ann", groups: ["developers", "release-managers"] };
const HOUR = 3600;

for (const backend of backends) {
  describe(`sessions on ${backend.name}`, () => {
    it("are shared by two instances, survive a restart, and end everywhere on sign-out", async () => {
      const config = await backend.fresh();
      const first = await openStorage(config);
      const second = await openStorage(config);
      try {
        const { id, session } = await openSession(ann, HOUR, undefined, first.sessions);
        expect(session.user).toEqual(ann);
        expect(await findSession(id, undefined, second.sessions)).toEqual(session);
        await first.close();
        // A restart: a new process opens the same database.
        const restarted = await openStorage(config);
        try {
          expect(await findSession(id, undefined, restarted.sessions)).toEqual(session);
          await closeSession(id, second.sessions);
          expect(await findSession(id, undefined, restarted.sessions)).toBeUndefined();
        } finally {
          await restarted.close();
        }
      } finally {
        await second.close();
      }
    });

    it("keep only the id's hash and no token; an expired session is nobody's and is purged at the next sign-in", async () => {
      const storage = await openStorage(await backend.fresh());
      try {
        const now = Date.UTC(2026, 11, 7, 20);
        const old = await openSession({ id: "bo@example.test", groups: [] }, HOUR, now - 2 * HOUR * 1000, storage.sessions);
        expect(await findSession(old.id, now, storage.sessions)).toBeUndefined();
        expect(await findSession(old.id, now - HOUR * 1000 - 1, storage.sessions)).toMatchObject({ user: { id: "bo@example.test", groups: [] } });
        const fresh = await openSession(ann, HOUR, now, storage.sessions);
        const rows = await storage.sql.query("SELECT * FROM sessions");
        expect(rows.map((r) => r.id_hash)).toEqual([sessionKey(fresh.id)]);
        expect(JSON.stringify(rows)).not.toContain(fresh.id);
        expect(Object.keys(rows[0]!).sort()).toEqual(["created_at", "email", "expires_at", "groups_json", "id_hash", "name"]);
        expect(await findSession(fresh.id.slice(0, -1), now, storage.sessions)).toBeUndefined();
        expect(await findSession(undefined, now, storage.sessions)).toBeUndefined();
      } finally {
        await storage.close();
      }
    });

    it("a sign-in started on one instance is finished once on another; an expired one is not, and abandoned ones are bounded", async () => {
      const config = await backend.fresh();
      const first = await openStorage(config);
      const second = await openStorage(config);
      try {
        const now = Date.UTC(2026, 11, 7, 20);
        const flow = { codeVerifier: "v".repeat(43), state: "s1", nonce: "n1", returnTo: "/pipelines?q=x" };
        const id = await startFlow(flow, now, first.signInFlows);
        expect(JSON.stringify(await first.sql.query("SELECT id_hash FROM sign_in_flows"))).not.toContain(id);
        expect(await takeFlow(id, now + 1000, second.signInFlows)).toEqual({ ...flow, expiresAt: now + FLOW_SECONDS * 1000 });
        expect(await takeFlow(id, now + 1000, first.signInFlows)).toBeUndefined();
        const late = await startFlow(flow, now, first.signInFlows);
        expect(await takeFlow(late, now + FLOW_SECONDS * 1000, second.signInFlows)).toBeUndefined();
        for (let i = 0; i < 3; i++) await first.signInFlows.create({ idHash: `h${i}`, ...flow, expiresAt: now + 60_000 + i }, now, 2);
        expect((await first.sql.query("SELECT id_hash FROM sign_in_flows ORDER BY id_hash")).map((r) => r.id_hash)).toEqual(["h1", "h2"]);
      } finally {
        await first.close();
        await second.close();
      }
    });
  });
}
