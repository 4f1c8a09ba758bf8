/**
 * The execution detail's poll route, called directly: malformed names and ids are a 400 before
 * anything is read, an unknown execution a 404, both as JSON in words; a real execution comes
 * back with its runs, and secrets in its configuration stay masked.
 */
import { CreatePipelineCommand, ListPipelineExecutionsCommand, StopPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/pipelines/[name]/executions/[id]/route";
import { expirePipeline } from "@/lib/aws/cached-reads";
import type { ExecutionDetailSnapshot } from "@/lib/domain/execution/execution-detail";
import { opsPipeline } from "@/lib/emulator/testing/ops-pipeline";
import { secretPipeline } from "@/lib/emulator/testing/pipelines";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { eventually } from "../aws/fixtures";
import { useEmulatorBackend } from "../sync/fixtures";

let emu: TestEmulator;
let restoreEnv: () => void;

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 200 });
  restoreEnv = useEmulatorBackend(emu);
  await emu.client.send(new CreatePipelineCommand({ pipeline: opsPipeline("route-ops") }));
  await emu.client.send(new CreatePipelineCommand({ pipeline: secretPipeline("route-secret") }));
});
afterAll(async () => {
  restoreEnv?.();
  await emu?.close();
});

const get = (name: string, id: string, query = "", headers: Record<string, string> = {}) =>
  GET(new Request(`http://app.test/api/pipelines/${name}/executions/${id}${query}`, { headers }), { params: Promise.resolve({ name, id }) });

async function firstExecution(pipelineName: string): Promise<string> {
  return eventually(async () => (await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName }))).pipelineExecutionSummaries?.[0]?.pipelineExecutionId, "the first execution");
}

describe("GET /api/pipelines/[name]/executions/[id]", { timeout: 60_000 }, () => {
  it("refuses malformed names, ids and regions with a 400 in words", async () => {
    for (const [name, id, query] of [["has space", "0b4d1f6e-0000-4000-8000-000000000001", ""], ["route-ops", "latest", ""], ["route-ops", "0b4d1f6e-0000-4000-8000-000000000001", "?region=<script>"]] as const) {
      const response = await get(name, id, query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { kind: "invalid-request", title: expect.any(String) } });
    }
  });

  it("answers an unknown execution or pipeline with a 404", async () => {
    expect((await get("route-ops", "0b4d1f6e-0000-4000-8000-000000000001")).status).toBe(404);
    const missing = await get("no-such-pipeline", "0b4d1f6e-0000-4000-8000-000000000001");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { kind: "not-found" } });
  });

  it("serves the execution with its runs, stages and variables", async () => {
    const id = await firstExecution("route-ops");
    const response = await get("route-ops", id);
    expect(response.status).toBe(200);
    const snapshot = (await response.json()) as ExecutionDetailSnapshot;
    expect(snapshot.execution.executionId).toBe(id);
    expect(snapshot.stages.map((s) => s.name)).toEqual(["Source", "Build", "Approve", "Deploy"]);
    expect(snapshot.start.variables).toEqual([{ name: "Env", defaultValue: "staging", description: "Where Deploy goes" }]);
    expect(snapshot.actions.length).toBeGreaterThan(0);
  });

  it("answers 304 with no body to a poll holding its ETag, also after the cache read the unchanged execution again", async () => {
    const id = await firstExecution("route-ops");
    // It waits at its manual approval: end it, so nothing changes between the polls below.
    await emu.client.send(new StopPipelineExecutionCommand({ pipelineName: "route-ops", pipelineExecutionId: id, abandon: true, reason: "test" }));
    expirePipeline("us-east-1", "route-ops");
    const settled = await eventually(async () => {
      const response = await get("route-ops", id);
      return ((await response.clone().json()) as ExecutionDetailSnapshot).active ? undefined : response;
    }, "the first execution to end");
    const etag = settled.headers.get("ETag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(settled.headers.get("X-Pipewright-Fetched-At")).toMatch(/^\d{4}-\d\d-\d\dT/);
    const again = await get("route-ops", id, "", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // A new read from CodePipeline with the same content keeps the ETag: when it was read is a header, not content.
    expirePipeline("us-east-1", "route-ops");
    const reread = await get("route-ops", id, "", { "If-None-Match": etag });
    expect(reread.status).toBe(304);
    expect(reread.headers.get("X-Pipewright-Fetched-At")).not.toBe(settled.headers.get("X-Pipewright-Fetched-At"));
    expect((await get("route-ops", id, "", { "If-None-Match": '"something-else"' })).status).toBe(200);
  });

  it("never shows a secret configuration value", async () => {
    const id = await firstExecution("route-secret");
    const snapshot = await eventually(async () => {
      const s = (await (await get("route-secret", id)).json()) as ExecutionDetailSnapshot;
      return s.actions.some((a) => a.input.actionTypeId?.provider === "GitHub") ? s : undefined;
    }, "the GitHub source run");
    const github = snapshot.actions.find((a) => a.input.actionTypeId?.provider === "GitHub")!;
    expect(github.input.configuration.OAuthToken).toBe("****");
    expect(github.input.resolvedConfiguration.OAuthToken).toBe("****");
  });
});
