/**
 * Hostile request bodies get a clear AWS-style answer and never take the emulator down: nesting
 * too deep, bodies over the size limit, bodies that never finish, and declarations over the
 * service's pipeline-structure size limit.
 */
import { connect } from "node:net";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "./json-body";
import { DEFAULT_BODY_TIMEOUT_MS, MAX_BODY_BYTES } from "./request-body";
import { MAX_PIPELINE_STRUCTURE_BYTES } from "./structure-size";
import { awsCall } from "./testing/aws-call";
import { samplePipeline } from "./testing/pipelines";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const nested = (levels: number): unknown => {
  let value: unknown = "bottom";
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { deeper: value };
  return value;
};

async function stillServes(): Promise<void> {
  const r = await awsCall(emu.url, "ListPipelines", {});
  expect(r.status).toBe(200);
}

/** Sends `body` as given (Content-Length set unless `chunked`), resolves with status, headers and text. */
function post(body: Buffer, headers: Record<string, string> = {}, chunked = false) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
    const req = request(
      emu.url,
      {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "CodePipeline_20150709.CreatePipeline",
          ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(body.length) }),
          ...headers,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    if (chunked) {
      // In pieces, as a streaming client would send it.
      for (let at = 0; at < body.length; at += 1024 * 1024) req.write(body.subarray(at, at + 1024 * 1024));
      req.end();
    } else {
      req.end(body);
    }
  });
}

describe("nesting", () => {
  it.each([
    ["CreatePipeline", () => ({ pipeline: { ...samplePipeline("deep"), extra: nested(2_000) } })],
    ["UpdatePipeline", () => ({ pipeline: { ...samplePipeline("deep"), extra: nested(2_000) } })],
    ["ListPipelines", () => ({ junk: nested(2_000) })],
  ])("%s with members nested 2,000 levels deep is a ValidationException, not a crash", async (operation, input) => {
    const r = await awsCall(emu.url, operation, input());
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      __type: "ValidationException",
      message: `The request body nests objects and lists more than ${MAX_JSON_DEPTH} levels deep.`,
    });
    await stillServes();
  });

  it("accepts nesting up to the limit, and counts brackets inside strings as text", async () => {
    const atLimit = { pipeline: { ...samplePipeline("deep-ok"), extra: nested(MAX_JSON_DEPTH - 3), note: "[[[[{{{{".repeat(200) } };
    const r = await awsCall(emu.url, "CreatePipeline", atLimit);
    expect(r.status, r.text).toBe(200);
    await awsCall(emu.url, "DeletePipeline", { name: "deep-ok" });
  });
});

describe("size", () => {
  it("answers a body one byte over the limit with HTTP 413 and an AWS error body, then keeps serving", async () => {
    const body = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const r = await post(body);
    expect(r.status).toBe(413);
    expect(r.headers["x-amzn-errortype"]).toBe("RequestEntityTooLargeException");
    expect(JSON.parse(r.text)).toEqual({
      __type: "RequestEntityTooLargeException",
      message: `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
    });
    await stillServes();
  });

  it("answers the same for a chunked body that grows past the limit", async () => {
    const r = await post(Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20), {}, true);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).__type).toBe("RequestEntityTooLargeException");
    await stillServes();
  });

  it("still takes a body of exactly the limit", async () => {
    const json = JSON.stringify({});
    const r = await post(Buffer.from(json.padEnd(MAX_BODY_BYTES, " ")), { "x-amz-target": "CodePipeline_20150709.ListPipelines" });
    expect(r.status).toBe(200);
  });
});

describe("a body that never completes", () => {
  const BODY_TIMEOUT_MS = 400;
  let slow: TestEmulator;
  beforeAll(async () => {
    slow = await startTestEmulator({ bodyTimeoutMs: BODY_TIMEOUT_MS });
  });
  afterAll(() => slow.close());

  it(`is answered with HTTP 408 after the body timeout (${DEFAULT_BODY_TIMEOUT_MS / 1000} s by default) and the connection closed`, async () => {
    expect(DEFAULT_BODY_TIMEOUT_MS).toBe(30_000);
    const { port } = new URL(slow.url);
    const started = Date.now();
    const { text, closed } = await new Promise<{ text: string; closed: boolean }>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(
          "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n" +
            "X-Amz-Target: CodePipeline_20150709.ListPipelines\r\nContent-Length: 100\r\n\r\n{\"nextTo",
        );
      });
      let received = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (received += chunk));
      socket.on("close", () => resolve({ text: received, closed: true }));
      socket.on("error", reject);
      setTimeout(() => resolve({ text: received, closed: false }), BODY_TIMEOUT_MS + 5_000);
    });
    expect(closed).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 50);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toContain('"__type":"RequestTimeoutException"');
    expect((await awsCall(slow.url, "ListPipelines", {})).status).toBe(200);
  });
});

describe("the pipeline-structure size limit", () => {
  const padded = (name: string, bytes: number) => ({ ...samplePipeline(name), padding: "x".repeat(bytes) });

  it("rejects a CreatePipeline declaration over the limit with LimitExceededException, and stores nothing", async () => {
    const r = await awsCall(emu.url, "CreatePipeline", { pipeline: padded("too-big", MAX_PIPELINE_STRUCTURE_BYTES) });
    expect(r.status).toBe(400);
    expect(r.json?.__type).toBe("LimitExceededException");
    expect(r.json?.message).toMatch(new RegExp(`pipeline structure .* exceeds the maximum of ${MAX_PIPELINE_STRUCTURE_BYTES} bytes`));
    expect((await awsCall(emu.url, "GetPipeline", { name: "too-big" })).json?.__type).toBe("PipelineNotFoundException");
  });

  it("rejects an UpdatePipeline over the limit the same way, keeping the stored version", async () => {
    expect((await awsCall(emu.url, "CreatePipeline", { pipeline: samplePipeline("grows") })).status).toBe(200);
    const r = await awsCall(emu.url, "UpdatePipeline", { pipeline: padded("grows", MAX_PIPELINE_STRUCTURE_BYTES) });
    expect(r.json?.__type).toBe("LimitExceededException");
    const stored = await awsCall(emu.url, "GetPipeline", { name: "grows" });
    expect((stored.json?.pipeline as { version: number }).version).toBe(1);
  });

  it("accepts a declaration just under the limit", async () => {
    const base = JSON.stringify(padded("fits", 0)).length;
    const r = await awsCall(emu.url, "CreatePipeline", { pipeline: padded("fits", MAX_PIPELINE_STRUCTURE_BYTES - base - 100) });
    expect(r.status, r.text.slice(0, 200)).toBe(200);
  });
});
