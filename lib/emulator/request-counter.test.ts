/** The control API's request counter: what the app's upstream-call budget is measured with. */
import { CONTROL_HEADERS } from "./control-guard";
import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RequestCounter } from "./request-counter";
import { samplePipeline } from "./testing/pipelines";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 50 });
  await emu.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("counted-a") }));
  await emu.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("counted-b") }));
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control("/throttle", { fraction: 0 });
  expect((await emu.control("/requests/reset")).status).toBe(200);
});

describe("GET /_emulator/requests", () => {
  it("counts AWS calls by operation, by the pipeline they name, and by region", async () => {
    await emu.client.send(new ListPipelinesCommand({}));
    await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: "counted-a", maxResults: 1 }));
    await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: "counted-a", maxResults: 1 }));
    await emu.client.send(new GetPipelineStateCommand({ name: "counted-b" }));
    const west = new CodePipelineClient({
      endpoint: emu.url,
      region: "eu-west-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    await west.send(new ListPipelinesCommand({}));
    west.destroy();

    const { status, body } = await emu.control("/requests");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      total: 5,
      operations: { ListPipelines: 2, ListPipelineExecutions: 2, GetPipelineState: 1 },
      pipelines: { ListPipelineExecutions: { "counted-a": 2 }, GetPipelineState: { "counted-b": 1 } },
      regions: { "us-east-1": 4, "eu-west-1": 1 },
    });
    expect(Date.parse(String(body.since))).not.toBeNaN();
  });

  it("counts throttled calls (they spend the request rate too) and never its own control calls", async () => {
    await emu.control("/throttle", { fraction: 1 });
    await expect(emu.client.send(new ListPipelinesCommand({}))).rejects.toMatchObject({ name: "ThrottlingException" });
    await emu.control("/throttle", { fraction: 0 });
    await emu.control("/health");
    const { body } = await emu.control("/requests");
    expect(body).toMatchObject({ total: 1, operations: { ListPipelines: 1 } });
  });

  it("starts again from zero after /requests/reset and after /reset", async () => {
    await emu.client.send(new ListPipelinesCommand({}));
    await emu.control("/requests/reset");
    expect((await emu.control("/requests")).body).toMatchObject({ total: 0, operations: {}, pipelines: {}, regions: {} });

    await emu.client.send(new ListPipelinesCommand({}));
    await emu.control("/reset");
    expect((await emu.control("/requests")).body).toMatchObject({ total: 0 });
    await emu.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("counted-a") }));
    await emu.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("counted-b") }));
  });

  it("answers 405 for the wrong method", async () => {
    const response = await fetch(`${emu.url}/_emulator/requests/reset`, { headers: CONTROL_HEADERS });
    expect(response.status).toBe(405);
  });
});

describe("RequestCounter", () => {
  it("ignores bodies that are not JSON objects or too large to name one pipeline", () => {
    const counter = new RequestCounter(() => new Date("2025-01-01T00:00:00Z"));
    counter.record("ListPipelineExecutions", "us-east-1", "not json");
    counter.record("GetPipelineState", "us-east-1", JSON.stringify({ name: "x".repeat(20_000) }));
    counter.record(undefined, "us-east-1", "{}");
    expect(counter.snapshot()).toEqual({
      total: 3,
      operations: { ListPipelineExecutions: 1, GetPipelineState: 1, "(unknown)": 1 },
      pipelines: {},
      regions: { "us-east-1": 3 },
      since: "2025-01-01T00:00:00.000Z",
    });
  });
});
