/**
 * The dashboard's reads on the shared cache, against a real emulator whose request counter says
 * what reached it: many viewers of a wall cost one GetPipelineState per pipeline per interval, the
 * newest executions are read again only when the state changed, selections by name, pattern and
 * tag, regions kept apart, and a region that cannot be reached is the region's failure.
 */
import { StartPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createReadContext, type ReadContext } from "@/lib/aws/cached-reads";
import { createGateway, type Gateway } from "@/lib/aws/client";
import { readRegionMetrics, readRegionWall } from "@/lib/aws/dashboard";
import { createPipeline } from "@/lib/aws/pipelines";
import { ReadCache } from "@/lib/server/read-cache";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { buildPipeline, quiesce } from "./fixtures";
import { closedPortUrl } from "./test-gateway";

let emu: TestEmulator;
const NAMES = ["wall-a", "wall-b", "other-c"];
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 200 });
  const gw = context(emu.url).gateway("us-east-1");
  for (const name of NAMES) {
    await createPipeline({ declaration: buildPipeline(name), tags: name === "wall-b" ? [{ key: "team", value: "payments" }] : [] }, gw);
    await quiesce(emu.client, name);
  }
  await createPipeline({ declaration: buildPipeline("eu-only") }, context(emu.url).gateway("eu-west-1"));
});
afterAll(() => emu?.close());
beforeEach(async () => {
  await emu.control("/requests/reset");
});

// A second into a 30 s interval of the clock's grid, so "one idle interval later" below is exact.
let clock = Math.ceil(Date.now() / 30_000) * 30_000 + 1_000;
function context(url: string, overrides: Record<string, string> = {}): ReadContext {
  const gateways = new Map<string, Gateway>();
  return createReadContext(
    (region = "us-east-1") => {
      let gw = gateways.get(region);
      if (!gw) {
        gw = createGateway(
          { kind: "emulator", region, endpoint: overrides[region] ?? url, credentials: { accessKeyId: "t", secretAccessKey: "t" } },
          { retry: { maxAttempts: 1 } },
        );
        gateways.set(region, gw);
      }
      return gw;
    },
    new ReadCache({ now: () => clock }),
  );
}

async function counts() {
  return (await emu.control("/requests")).body as { operations: Record<string, number>; pipelines: Record<string, Record<string, number>> };
}

describe("dashboard reads", () => {
  it("serve 50 viewers of a wall with one GetPipelineState per pipeline, and read executions again only after a change", async () => {
    const ctx = context(emu.url);
    const walls = await Promise.all(Array.from({ length: 50 }, () => readRegionWall("us-east-1", { q: "wall-*" }, ctx)));
    expect(walls[0]!.cards.map((c) => c.name).sort()).toEqual(["wall-a", "wall-b"]);
    expect((await counts()).operations).toEqual({ ListPipelines: 1, GetPipelineState: 2, ListPipelineExecutions: 2 });

    // One idle interval later: the state again, the executions not (nothing changed).
    await emu.control("/requests/reset");
    clock += 29_700; // into the next idle interval (cards expire with it), within the list's 30 s
    await Promise.all(Array.from({ length: 50 }, () => readRegionWall("us-east-1", { q: "wall-*" }, ctx)));
    expect((await counts()).operations).toEqual({ GetPipelineState: 2 });

    // A new execution changes the state: its executions are read again, the other's are not.
    const started = await emu.client.send(new StartPipelineExecutionCommand({ name: "wall-a" }));
    await quiesce(emu.client, "wall-a");
    await emu.control("/requests/reset");
    clock += 29_700; // into the next idle interval (cards expire with it), within the list's 30 s
    const [wall] = await Promise.all(Array.from({ length: 50 }, () => readRegionWall("us-east-1", { q: "wall-*" }, ctx)));
    const after = await counts();
    expect(after.pipelines.GetPipelineState).toEqual({ "wall-a": 1, "wall-b": 1 });
    expect(after.pipelines.ListPipelineExecutions).toEqual({ "wall-a": 1 });
    const card = wall!.cards.find((c) => c.name === "wall-a");
    expect(card && "latest" in card && card.latest?.executionId).toBe(started.pipelineExecutionId);
  });

  it("select by names, tag and region", async () => {
    const ctx = context(emu.url);
    expect((await readRegionWall("us-east-1", { pipelines: ["other-c", "nope"] }, ctx)).cards.map((c) => c.name)).toEqual(["other-c"]);
    expect((await readRegionWall("us-east-1", { tag: { key: "team", value: "payments" } }, ctx)).cards.map((c) => c.name)).toEqual(["wall-b"]);
    expect((await readRegionWall("eu-west-1", {}, ctx)).cards.map((c) => c.name)).toEqual(["eu-only"]);
    const metrics = await readRegionMetrics("us-east-1", { q: "wall-*", window: 7 }, ctx);
    expect(metrics.pipelines.map((p) => p.name)).toEqual(["wall-a", "wall-b"]);
    expect(metrics.pipelines[0]!.metrics.windowDays).toBe(7);
  });

  it("answer a region that cannot be reached with the region's error", async () => {
    const ctx = context(emu.url, { "ap-south-1": await closedPortUrl() });
    await expect(readRegionWall("ap-south-1", {}, ctx)).rejects.toMatchObject({ error: { kind: "unreachable" } });
  });
});
