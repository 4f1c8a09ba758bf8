/** The AWS JSON 1.1 wire protocol, with raw fetch: what the SDK hides. */
import { CodePipelineClient, CreatePipelineCommand, GetPipelineCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { samplePipeline } from "./testing/pipelines";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control("/reset");
});

async function call(target: string | undefined, body: string, path = "/") {
  const headers: Record<string, string> = { "content-type": "application/x-amz-json-1.1" };
  if (target !== undefined) headers["x-amz-target"] = target;
  const response = await fetch(emu.url + path, { method: "POST", headers, body });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

const op = (name: string) => `CodePipeline_20150709.${name}`;

describe("dispatch", () => {
  it.each(["/", "", "/some/path", "/some/path/"])("dispatches on the target whatever the path (%j)", async (path) => {
    const r = await call(op("ListPipelines"), "{}", path);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ pipelines: [] });
    expect(r.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(r.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("treats an empty body as no input members", async () => {
    expect((await call(op("ListPipelines"), "")).json).toEqual({ pipelines: [] });
  });

  it("answers an unknown operation with UnknownOperationException (HTTP 400)", async () => {
    const r = await call(op("LaunchRocket"), "{}");
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ __type: "UnknownOperationException", message: "Operation LaunchRocket is not supported by CodePipeline." });
    expect(r.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
  });

  it("says so when a real CodePipeline operation is not implemented", async () => {
    const r = await call(op("PollForJobs"), "{}");
    expect(r.json).toEqual({
      __type: "UnknownOperationException",
      message: "Operation PollForJobs is not implemented by the Pipewright emulator (see lib/emulator/COVERAGE.md).",
    });
  });

  it("refuses another service's target and a missing target", async () => {
    expect((await call("DynamoDB_20120810.ListTables", "{}")).json.__type).toBe("UnknownOperationException");
    const missing = await call(undefined, "{}");
    expect(missing.status).toBe(400);
    expect(missing.json.__type).toBe("UnknownOperationException");
  });

  it("never treats an AWS call on a control path as a control call", async () => {
    const r = await call(op("ListPipelines"), "{}", "/_emulator/reset");
    expect(r.json).toEqual({ pipelines: [] });
  });
});

describe("malformed bodies", () => {
  it("answers a body that is not JSON with SerializationException", async () => {
    const r = await call(op("ListPipelines"), "{not json");
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ __type: "SerializationException", message: "The request body is not valid JSON." });
  });

  it("answers a JSON body that is not an object with SerializationException", async () => {
    expect((await call(op("ListPipelines"), "[1,2]")).json).toEqual({
      __type: "SerializationException",
      message: "The request body must be a JSON object, not an array.",
    });
    expect((await call(op("ListPipelines"), "42")).json.__type).toBe("SerializationException");
  });

  it("answers members of the wrong type with ValidationException", async () => {
    const r = await call(op("GetPipeline"), JSON.stringify({ name: 42, version: "1" }));
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      __type: "ValidationException",
      message:
        "2 validation errors detected: Value at 'name' failed to satisfy constraint: Member must be of type string; " +
        "Value at 'version' failed to satisfy constraint: Member must be of type number",
    });
  });

  it("answers a declaration of the wrong shape with ValidationException, never a 500", async () => {
    for (const pipeline of [null, "x", [], { stages: {} }, { name: "a", roleArn: 1, stages: [null] }]) {
      const r = await call(op("CreatePipeline"), JSON.stringify({ pipeline }));
      expect(r.status).toBe(400);
      expect(r.json.__type).toBe("ValidationException");
    }
  });
});

describe("timestamps", () => {
  it("are epoch seconds as JSON numbers with a fractional part", async () => {
    await call(op("CreatePipeline"), JSON.stringify({ pipeline: samplePipeline("ts") }));
    const get = await call(op("GetPipeline"), JSON.stringify({ name: "ts" }));
    const metadata = get.json.metadata as { created: unknown; updated: unknown };
    expect(typeof metadata.created).toBe("number");
    expect(metadata.created).toBeCloseTo(Date.now() / 1000, -2);
    const list = await call(op("ListPipelines"), "{}");
    const [summary] = list.json.pipelines as { created: unknown }[];
    expect(typeof summary!.created).toBe("number");
  });
});

describe("region", () => {
  it("takes the region from the SigV4 credential scope for the pipeline ARN", async () => {
    const client = new CodePipelineClient({
      endpoint: emu.url,
      region: "eu-west-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    const p = samplePipeline("eu");
    p.artifactStore = { type: "S3", location: "codepipeline-eu-west-1-123456789012" };
    await client.send(new CreatePipelineCommand({ pipeline: p }));
    const out = await client.send(new GetPipelineCommand({ name: "eu" }));
    expect(out.metadata?.pipelineArn).toBe("arn:aws:codepipeline:eu-west-1:123456789012:eu");
    client.destroy();
  });
});
