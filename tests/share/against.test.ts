/** `?against=`: the changes from another snapshot or from the live pipeline to a snapshot, in words. */
import { CreatePipelineCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonObject } from "@/lib/domain/json";
import { ShareDesignInputSchema, type DesignSnapshot } from "@/lib/domain/share/design-snapshot";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { createRateLimit } from "@/lib/server/rate-limit";
import { compareSnapshot } from "@/lib/server/share/against";
import { createDesignSnapshot } from "@/lib/server/share/create-design";
import { openStorage, type Storage } from "@/lib/storage/storage";
import { sqliteBackend } from "../storage/backends";
import { quiesce } from "../aws/fixtures";
import { releasePipeline, useEmulatorBackend } from "../sync/fixtures";
import { shareInput } from "./fixtures";

const backend = sqliteBackend();
let emu: TestEmulator;
let restoreEnv: () => void;
let storage: Storage;

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 100 });
  restoreEnv = useEmulatorBackend(emu);
  await emu.client.send(new CreatePipelineCommand({ pipeline: releasePipeline("against-live") as unknown as PipelineDeclaration }));
  await quiesce(emu.client, "against-live");
  storage = await openStorage(await backend.fresh());
});
afterAll(async () => {
  restoreEnv?.();
  await emu?.close();
  await storage?.close();
  await backend.cleanup();
});

function withoutApproval(): JsonObject {
  const declaration = releasePipeline("against-live");
  return { ...declaration, stages: (declaration.stages as JsonObject[]).slice(0, 2) };
}

const snapshotOf = (declaration: JsonObject): DesignSnapshot => ({ format: 1, title: "t", region: "us-east-1", declaration, layout: ShareDesignInputSchema.parse(shareInput(declaration)).layout, redacted: [] });
const repository = async () => storage.snapshots;

describe("compareSnapshot", { timeout: 60_000 }, () => {
  it("against=live: the changes from the live pipeline of the same name", async () => {
    const comparison = await compareSnapshot(snapshotOf(withoutApproval()), "live", repository);
    expect(comparison).toMatchObject({ label: "the live pipeline “against-live”" });
    if (!("changes" in comparison)) throw new Error(comparison.error);
    const significant = comparison.changes.filter((c) => !c.cosmetic);
    expect(significant.map((c) => c.title)).toEqual([expect.stringContaining("Approve")]);
  });

  it("against=live for a pipeline the backend does not have says so", async () => {
    const comparison = await compareSnapshot(snapshotOf(releasePipeline("nowhere")), "live", repository);
    expect(comparison).toMatchObject({ error: "There is no pipeline named “nowhere” on this backend to compare with." });
  });

  it("against=<id>: another snapshot; unknown or malformed ids say so", async () => {
    const other = await createDesignSnapshot(ShareDesignInputSchema.parse(shareInput(releasePipeline("against-live"), { title: "Before" })), {
      snapshots: storage.snapshots,
      rateLimit: createRateLimit(10, 60_000),
      client: "t",
    });
    if (other.status !== "shared") throw new Error(other.status);
    const comparison = await compareSnapshot(snapshotOf(withoutApproval()), other.id, repository);
    expect(comparison).toMatchObject({ label: `“Before” (${other.id})` });
    expect("changes" in comparison && comparison.changes.filter((c) => !c.cosmetic)).toHaveLength(1);
    expect(await compareSnapshot(snapshotOf(withoutApproval()), "AAAAAAAAAAAAAAAAAAAAAA", repository)).toMatchObject({ error: "There is no snapshot with that id to compare with." });
    expect(await compareSnapshot(snapshotOf(withoutApproval()), "nope", repository)).toMatchObject({ error: expect.stringContaining("not a snapshot id") });
  });
});
