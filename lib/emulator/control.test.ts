/** The control API under /_emulator, and that it is off in read-only deployments. */
import { CreatePipelineCommand, ListPipelinesCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_HEADERS } from "./control-guard";
import { expectAwsError } from "./testing/expect-error";
import { samplePipeline } from "./testing/pipelines";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 50 });
});
afterAll(() => emu.close());
afterEach(async () => {
  delete process.env.PIPEWRIGHT_READ_ONLY;
  await emu.control("/throttle", { fraction: 0 });
  await emu.control("/latency", { ms: 0 });
});

describe("control API", () => {
  it("reports health", async () => {
    const r = await emu.control("/health");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, status: "ok", timeScale: 50, throttleFraction: 0, latencyMs: 0 });
  });

  it("reset drops every pipeline and clears injected faults", async () => {
    await emu.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("gone") }));
    await emu.control("/latency", { ms: 5 });
    await emu.control("/throttle", { fraction: 0.5 });
    expect((await emu.control("/reset")).status).toBe(200);
    expect((await emu.client.send(new ListPipelinesCommand({}))).pipelines).toEqual([]);
    expect((await emu.control("/health")).body).toMatchObject({ pipelines: 0, throttleFraction: 0, latencyMs: 0 });
  });

  it("seed answers the seeded pipeline names", async () => {
    const r = await emu.control("/seed");
    expect(r.status).toBe(200);
    expect(Array.isArray(r.body.pipelines)).toBe(true);
    await emu.control("/reset");
  });

  it("reads and sets the time scale", async () => {
    expect((await emu.control("/time-scale", { timeScale: 20 })).body).toMatchObject({ timeScale: 20 });
    expect((await emu.control("/time-scale")).body).toMatchObject({ timeScale: 20 });
    expect((await emu.control("/time-scale", { timeScale: 0 })).status).toBe(400);
    await emu.control("/time-scale", { timeScale: 50 });
  });

  it("accepts fail-next for a named action", async () => {
    await emu.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("fragile") }));
    const r = await emu.control("/fail-next", { pipelineName: "fragile", stageName: "Build", actionName: "Build" });
    expect(r.status).toBe(200);
    expect((await emu.control("/fail-next", { pipelineName: "fragile" })).status).toBe(400);
    const unknown = await emu.control("/fail-next", { pipelineName: "fragile", stageName: "Build", actionName: "Nope" });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ type: "ActionNotFoundException" });
    expect((await emu.control("/fail-next", { pipelineName: "missing", stageName: "Build", actionName: "Build" })).status).toBe(404);
    await emu.control("/reset");
  });

  it("throttle 1 answers every AWS call with ThrottlingException (HTTP 400), throttle 0 none", async () => {
    await emu.control("/throttle", { fraction: 1 });
    const error = await expectAwsError(emu.client.send(new ListPipelinesCommand({})), "ThrottlingException", "Rate exceeded");
    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(400);
    // The control API itself is never throttled.
    expect((await emu.control("/health")).status).toBe(200);
    await emu.control("/throttle", { fraction: 0 });
    await expect(emu.client.send(new ListPipelinesCommand({}))).resolves.toBeDefined();
    expect((await emu.control("/throttle", { fraction: 1.5 })).status).toBe(400);
  });

  it("throttle 0.5 answers every second AWS call with ThrottlingException", async () => {
    await emu.control("/throttle", { fraction: 0.5 });
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(await emu.client.send(new ListPipelinesCommand({})).then(() => "ok", (e: Error) => e.name));
    }
    expect(outcomes).toEqual(["ok", "ThrottlingException", "ok", "ThrottlingException", "ok", "ThrottlingException"]);
  });

  it("latency delays AWS answers", async () => {
    await emu.control("/latency", { ms: 150 });
    const started = performance.now();
    await emu.client.send(new ListPipelinesCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("answers 404 for an unknown endpoint, 405 for a wrong method, 400 for a bad body", async () => {
    expect((await emu.control("/nothing-here", {})).status).toBe(404);
    const get = await fetch(`${emu.url}/_emulator/reset`, { headers: CONTROL_HEADERS });
    expect(get.status).toBe(405);
    const bad = await fetch(`${emu.url}/_emulator/throttle`, { method: "POST", headers: CONTROL_HEADERS, body: "{oops" });
    expect(bad.status).toBe(400);
  });

  it("is disabled (403) when PIPEWRIGHT_READ_ONLY=1", async () => {
    process.env.PIPEWRIGHT_READ_ONLY = "1";
    for (const path of ["/health", "/reset", "/throttle"]) {
      const r = await emu.control(path, path === "/health" ? undefined : { fraction: 1 });
      expect(r.status).toBe(403);
    }
    delete process.env.PIPEWRIGHT_READ_ONLY;
    expect((await emu.control("/health")).status).toBe(200);
  });

  it("is disabled (403) when the server was started with controlApi: false", async () => {
    const locked = await startTestEmulator({ controlApi: false });
    try {
      expect((await locked.control("/reset")).status).toBe(403);
      expect((await locked.control("/health")).status).toBe(403);
      await expect(locked.client.send(new ListPipelinesCommand({}))).resolves.toBeDefined();
    } finally {
      await locked.close();
    }
  });
});
