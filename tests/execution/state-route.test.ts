/**
 * The state route (app/api/pipelines/[name]/state/route.ts) called directly, against a test
 * emulator the way the app reaches one: bad parameters, ETag / 304, one upstream read for many
 * concurrent viewers, a missing pipeline, and a backend that is down — always JSON, never a stack.
 */
import { CreatePipelineCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/pipelines/[name]/state/route";
import { POLL_HEADERS } from "@/lib/domain/execution/board-wire";
import type { BoardPayload } from "@/lib/domain/execution/board";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { quiesce } from "../aws/fixtures";
import { releasePipeline, useEmulatorBackend } from "../sync/fixtures";

let emu: TestEmulator;
let restoreEnv: () => void;

const call = (name: string, search = "", headers: Record<string, string> = {}) =>
  GET(new Request(`http://app.test/api/pipelines/${encodeURIComponent(name)}/state${search}`, { headers }), {
    params: Promise.resolve({ name }),
  });

async function create(name: string): Promise<void> {
  await emu.client.send(new CreatePipelineCommand({ pipeline: releasePipeline(name) as unknown as PipelineDeclaration }));
  await quiesce(emu.client, name);
}

async function stateCalls(name: string): Promise<number> {
  const { body } = await emu.control("/requests");
  const pipelines = body.pipelines as Record<string, Record<string, number>>;
  return pipelines.GetPipelineState?.[name] ?? 0;
}

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 100 });
  restoreEnv = useEmulatorBackend(emu);
});
afterAll(async () => {
  restoreEnv?.();
  await emu?.close();
});

describe("GET /api/pipelines/[name]/state", () => {
  it("answers the state as JSON with a strong ETag, and 304 with an empty body when it did not change", async () => {
    await create("route-etag");
    const first = await call("route-etag");
    expect(first.status).toBe(200);
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(Date.parse(first.headers.get(POLL_HEADERS.fetchedAt)!)).not.toBeNaN();
    const body = (await first.json()) as BoardPayload;
    expect(body.state.pipelineName).toBe("route-etag");
    expect(body.state.stages.map((s) => s.stageName)).toEqual(["Source", "Build", "Approve"]);

    const again = await call("route-etag", "", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("ETag")).toBe(etag);

    const stale = await call("route-etag", "", { "If-None-Match": '"something-else"' });
    expect(stale.status).toBe(200);
  });

  it("makes one upstream GetPipelineState for 50 concurrent viewers", async () => {
    await create("route-crowd");
    await emu.control("/requests/reset");
    const responses = await Promise.all(Array.from({ length: 50 }, () => call("route-crowd")));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(responses.map((r) => r.headers.get("ETag"))).size).toBe(1);
    expect(await stateCalls("route-crowd")).toBe(1);
  });

  it("refuses a name or region CodePipeline could not have with 400 and JSON words", async () => {
    for (const [name, search] of [["bad name!", ""], ["x".repeat(101), ""], ["ok", "?region=not-a-region"], ["ok", "?region=eu-west-1"]] as const) {
      const response = await call(name, search);
      expect(response.status, `${name}${search}`).toBe(400);
      const body = (await response.json()) as { error: { kind: string; title: string; detail: string } };
      expect(body.error.kind).toBe("invalid-request");
      expect(body.error.title).toBeTruthy();
      expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
    }
  });

  it("answers 404 in words for a pipeline that does not exist", async () => {
    const response = await call("route-no-such-pipeline");
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { kind: string } }).error.kind).toBe("not-found");
  });

  it("answers 503 in words when the backend does not answer", async () => {
    const saved = process.env.CODEPIPELINE_ENDPOINT_URL;
    process.env.CODEPIPELINE_ENDPOINT_URL = "http://127.0.0.1:9"; // discard port: nothing listens
    try {
      const response = await call("route-down");
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: { kind: string; title: string } };
      expect(body.error.kind).toBe("unreachable");
      expect(body.error.title).toContain("Cannot reach");
    } finally {
      process.env.CODEPIPELINE_ENDPOINT_URL = saved;
    }
  });
});
