import { ListPipelinesCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getBackendInfo } from "@/lib/aws/backend-info";
import { GatewayException } from "@/lib/aws/errors";
import { createPipeline, listPipelines } from "@/lib/aws/pipelines";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { buildPipeline } from "./fixtures";
import { closedPortUrl, gatewayFor } from "./test-gateway";

/** Unreachable endpoints, injected throttling and the header's backend probe. */
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
  await createPipeline({ declaration: buildPipeline("resilience") }, gatewayFor(emu.url));
});
afterAll(() => emu?.close());
afterEach(async () => {
  await emu.control("/throttle", { fraction: 0 });
});

const CALLS = 20;

describe("throttling", () => {
  it("is survived by the gateway's jittered retries", async () => {
    expect((await emu.control("/throttle", { fraction: 0.5 })).status).toBe(200);
    // Generous attempts, tiny delays: each call fails only if 30 answers in a row are throttled (2^-30).
    const gw = gatewayFor(emu.url, { maxAttempts: 30, baseDelayMs: 1, maxDelayMs: 8 });
    for (let i = 0; i < CALLS; i++) {
      expect((await listPipelines({}, gw)).map((p) => p.name)).toContain("resilience");
    }
  });

  it("fails a plain client with maxAttempts 1, and the gateway without retries says throttled", async () => {
    await emu.control("/throttle", { fraction: 0.5 });
    const names: string[] = [];
    for (let i = 0; i < CALLS; i++) {
      await emu.client.send(new ListPipelinesCommand({})).catch((e: Error) => names.push(e.name));
    }
    // All 20 calls succeeding has probability 2^-20.
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(["ThrottlingException"]));

    await emu.control("/throttle", { fraction: 1 });
    const thrown = await listPipelines({}, gatewayFor(emu.url, { maxAttempts: 1 })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(GatewayException);
    expect((thrown as GatewayException).error).toEqual({ kind: "throttled", name: "ThrottlingException", message: "Rate exceeded" });
  });
});

describe("an endpoint where nothing listens", () => {
  it("maps ECONNREFUSED to unreachable, without retrying", async () => {
    const url = await closedPortUrl();
    const started = Date.now();
    const thrown = await listPipelines({}, gatewayFor(url, { maxAttempts: 6, baseDelayMs: 1_000 })).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((thrown as GatewayException).error).toMatchObject({ kind: "unreachable", endpoint: url, code: "ECONNREFUSED" });
  });
});

describe("getBackendInfo", () => {
  it("reports the emulator, its region and account", async () => {
    expect(await getBackendInfo(gatewayFor(emu.url))).toEqual({
      kind: "emulator",
      label: "Local emulator",
      region: "us-east-1",
      account: "123456789012",
      endpoint: emu.url,
      reachable: true,
    });
  });

  it("still answers when the emulator is not reachable", async () => {
    const url = await closedPortUrl();
    const info = await getBackendInfo(gatewayFor(url));
    expect(info).toMatchObject({ kind: "emulator", label: "Local emulator", region: "us-east-1", reachable: false });
    expect(info.error).toMatchObject({ kind: "unreachable" });
    // Nothing secret in what the header renders.
    expect(JSON.stringify(info)).not.toMatch(/secret|accessKey|test/i);
  });
});
