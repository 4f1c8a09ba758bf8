/**
 * The shared read cache on the gateway, against a real emulator whose request counter says how
 * many calls reached it: many readers, one call; regions apart; Refresh calls again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createReadContext, expirePipeline, expireRegions, readBackendInfo, readLatestExecution, readPipelineBoard, type ReadContext } from "@/lib/aws/cached-reads";
import { createGateway, type Gateway } from "@/lib/aws/client";
import { readRegionListings } from "@/lib/aws/overview";
import { createPipeline } from "@/lib/aws/pipelines";
import { IDLE_POLL_MS } from "@/lib/domain/execution/polling";
import { ReadCache } from "@/lib/server/read-cache";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { buildPipeline, quiesce } from "./fixtures";
import { closedPortUrl, gatewayFor } from "./test-gateway";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 200 });
  for (const name of ["cached-a", "cached-b"]) {
    await createPipeline({ declaration: buildPipeline(name) }, gatewayFor(emu.url));
    await quiesce(emu.client, name);
  }
});
afterAll(() => emu?.close());
beforeEach(async () => {
  await emu.control("/requests/reset");
});

/** One gateway per region, all pointed at `url` (the emulator answers for any region). */
function regionalContext(url: string, overrides: Record<string, string> = {}, cache?: ReadCache): ReadContext {
  const gateways = new Map<string, Gateway>();
  return createReadContext((region = "us-east-1") => {
    let gw = gateways.get(region);
    if (!gw) {
      gw = createGateway(
        { kind: "emulator", region, endpoint: overrides[region] ?? url, credentials: { accessKeyId: "t", secretAccessKey: "t" } },
        { retry: { maxAttempts: 1 } },
      );
      gateways.set(region, gw);
    }
    return gw;
  }, cache);
}

async function counts() {
  return (await emu.control("/requests")).body as {
    total: number;
    operations: Record<string, number>;
    pipelines: Record<string, Record<string, number>>;
    regions: Record<string, number>;
  };
}

describe("cached reads", () => {
  it("cost at most one board read per polling interval however viewers arrive, and a lone viewer reads afresh every poll", async () => {
    // An idle pipeline (its one run finished): its board is polled every 30 s.
    const start = Math.ceil(Date.now() / IDLE_POLL_MS) * IDLE_POLL_MS;
    let clock = start;
    const ctx = regionalContext(emu.url, {}, new ReadCache({ now: () => clock }));
    // Viewers arriving every quarter second for five intervals, a few of them together.
    for (let t = 0; t < 5 * IDLE_POLL_MS; t += 250) {
      clock = start + t + 7;
      await Promise.all([1, 2, 3].map(() => readPipelineBoard("us-east-1", "cached-a", {}, ctx)));
    }
    expect((await counts()).pipelines.GetPipelineState).toEqual({ "cached-a": 5 });

    // One viewer whose timer fires a little early each time: every poll is a new interval's read.
    await emu.control("/requests/reset");
    const lone = start + 10 * IDLE_POLL_MS + 500;
    for (let n = 0; n < 4; n++) {
      clock = lone + n * (IDLE_POLL_MS - 3);
      await readPipelineBoard("us-east-1", "cached-b", {}, ctx);
    }
    expect((await counts()).pipelines.GetPipelineState).toEqual({ "cached-b": 4 });
  });

  it("answer 25 concurrent readers of two pipelines with one call per pipeline", async () => {
    const ctx = regionalContext(emu.url);
    const reads = Array.from({ length: 25 }, (_, i) => readLatestExecution("us-east-1", i % 2 ? "cached-a" : "cached-b", {}, ctx));
    const results = await Promise.all(reads);
    // Each pipeline has one execution (its creation run, finished or stopped by quiesce): all readers agree.
    for (const name of ["cached-a", "cached-b"]) {
      const seen = results.filter((_, i) => (i % 2 ? "cached-a" : "cached-b") === name).map((r) => r.value?.executionId);
      expect(seen[0]).toBeDefined();
      expect(new Set(seen).size).toBe(1);
    }
    const after = await counts();
    expect(after.operations).toEqual({ ListPipelineExecutions: 2 });
    expect(after.pipelines.ListPipelineExecutions).toEqual({ "cached-a": 1, "cached-b": 1 });
    // Read again at once: fresh, from memory.
    await readLatestExecution("us-east-1", "cached-a", {}, ctx);
    expect((await counts()).total).toBe(2);
  });

  it("keep regions apart, and a region that fails does not take the others down", async () => {
    const ctx = regionalContext(emu.url, { "ap-south-1": await closedPortUrl() });
    const listings = await readRegionListings(["us-east-1", "eu-west-1", "ap-south-1"], {}, ctx);
    expect(listings.map((l) => [l.region, l.ok])).toEqual([["us-east-1", true], ["eu-west-1", true], ["ap-south-1", false]]);
    expect(listings[2]).toMatchObject({ ok: false, error: { kind: "unreachable", code: "ECONNREFUSED" } });
    // Pipelines are kept per region: the two made in us-east-1 are not in eu-west-1.
    expect(listings[0]?.ok && listings[0].pipelines.map((p) => p.region)).toEqual(["us-east-1", "us-east-1"]);
    expect(listings[1]?.ok && listings[1].pipelines).toEqual([]);
    expect((await counts()).regions).toEqual({ "us-east-1": 1, "eu-west-1": 1 });
  });

  it("call again after expireRegions (the Refresh button), for the expired region only", async () => {
    const ctx = regionalContext(emu.url);
    await readRegionListings(["us-east-1", "eu-west-1"], {}, ctx);
    await readLatestExecution("us-east-1", "cached-a", {}, ctx);
    expireRegions(["us-east-1"], ctx);
    await readRegionListings(["us-east-1", "eu-west-1"], {}, ctx);
    await readLatestExecution("us-east-1", "cached-a", {}, ctx);
    const after = await counts();
    expect(after.regions).toEqual({ "us-east-1": 4, "eu-west-1": 1 });
    expect(after.operations).toEqual({ ListPipelines: 3, ListPipelineExecutions: 2 });
  });

  it("share the header's backend probe between page views", async () => {
    const ctx = regionalContext(emu.url);
    const views = await Promise.all(Array.from({ length: 10 }, () => readBackendInfo(ctx)));
    expect(new Set(views.map((v) => `${v.reachable} ${v.account} ${v.region}`))).toEqual(new Set(["true 123456789012 us-east-1"]));
    // One probe (ListPipelines, one result) and one GetPipeline that reads the account from an ARN.
    expect((await counts()).operations).toEqual({ ListPipelines: 1, GetPipeline: 1 });
  });

  it("expire one pipeline's reads after an operation on it, not those of a pipeline whose name it begins", async () => {
    await createPipeline({ declaration: buildPipeline("cached-a-longer") }, gatewayFor(emu.url));
    await quiesce(emu.client, "cached-a-longer");
    const ctx = regionalContext(emu.url);
    await Promise.all([readLatestExecution("us-east-1", "cached-a", {}, ctx), readLatestExecution("us-east-1", "cached-a-longer", {}, ctx)]);
    await emu.control("/requests/reset");
    expirePipeline("us-east-1", "cached-a", ctx);
    await Promise.all([readLatestExecution("us-east-1", "cached-a", {}, ctx), readLatestExecution("us-east-1", "cached-a-longer", {}, ctx)]);
    expect((await counts()).pipelines.ListPipelineExecutions).toEqual({ "cached-a": 1 });
  });
});
