import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GatewayException } from "@/lib/aws/errors";
import { createPipeline, deletePipeline, getPipeline, listPipelines, updatePipeline } from "@/lib/aws/pipelines";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { approvalPipeline, buildPipeline } from "./fixtures";
import { gatewayFor } from "./test-gateway";
import type { Gateway } from "@/lib/aws/client";

/** The gateway's definition operations against a real emulator, through the real SDK. */
let emu: TestEmulator;
let gw: Gateway;

beforeAll(async () => {
  emu = await startTestEmulator();
  gw = gatewayFor(emu.url);
});
afterAll(() => emu?.close());

/** Runs `call` and returns the GatewayError it fails with. */
async function failure(call: Promise<unknown>) {
  const thrown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(thrown).toBeInstanceOf(GatewayException);
  return (thrown as GatewayException).error;
}

describe("pipeline definitions through the gateway", () => {
  it("creates, reads, updates (keeping old versions readable) and deletes a pipeline", async () => {
    const created = await createPipeline({ declaration: approvalPipeline("gw-crud"), tags: [{ key: "team", value: "web" }] }, gw);
    expect(created).toMatchObject({ name: "gw-crud", version: 1 });

    const detail = await getPipeline({ name: "gw-crud" }, gw);
    expect(detail.version).toBe(1);
    expect(detail.declaration.stages.map((s) => s.name)).toEqual(["Source", "Approve", "Build"]);
    expect(detail.metadata.pipelineArn).toBe("arn:aws:codepipeline:us-east-1:123456789012:gw-crud");
    expect(detail.metadata.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const next = { ...detail.declaration, stages: detail.declaration.stages.filter((s) => s.name !== "Approve") };
    const updated = await updatePipeline({ declaration: next }, gw);
    expect(updated.version).toBe(2);
    const latest = await getPipeline({ name: "gw-crud" }, gw);
    expect(latest.version).toBe(2);
    expect(latest.declaration.stages).toHaveLength(2);
    expect(Date.parse(latest.metadata.updated!)).toBeGreaterThanOrEqual(Date.parse(detail.metadata.updated!));
    const first = await getPipeline({ name: "gw-crud", version: 1 }, gw);
    expect(first.version).toBe(1);
    expect(first.declaration.stages).toHaveLength(3);

    await deletePipeline({ name: "gw-crud" }, gw);
    expect(await failure(getPipeline({ name: "gw-crud" }, gw))).toMatchObject({ kind: "not-found", resource: "pipeline" });
    // Like AWS, deleting what is not there is not an error.
    await expect(deletePipeline({ name: "gw-crud" }, gw)).resolves.toBeUndefined();
  });

  it("lists every pipeline across pages as domain summaries", async () => {
    const names = ["gw-list-a", "gw-list-b", "gw-list-c"];
    for (const name of names) await createPipeline({ declaration: buildPipeline(name) }, gw);
    const all = await listPipelines({ pageSize: 1 }, gw);
    expect(all.filter((p) => names.includes(p.name)).map((p) => p.name).sort()).toEqual(names);
    expect(await listPipelines({}, gw)).toEqual(all);
    const row = all.find((p) => p.name === "gw-list-a")!;
    expect(row).toMatchObject({ pipelineType: "V2", executionMode: "SUPERSEDED", version: 1 });
    expect(typeof row.created).toBe("string");
    // Domain values only: no SDK Dates, no $metadata.
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
  });

  it("maps the service's errors to GatewayErrors", async () => {
    expect(await failure(getPipeline({ name: "gw-missing" }, gw))).toMatchObject({
      kind: "not-found",
      resource: "pipeline",
      name: "PipelineNotFoundException",
    });

    await createPipeline({ declaration: buildPipeline("gw-taken") }, gw);
    expect(await failure(createPipeline({ declaration: buildPipeline("gw-taken") }, gw))).toMatchObject({
      kind: "name-in-use",
      name: "PipelineNameInUseException",
    });

    const oneStage = { ...buildPipeline("gw-one-stage"), stages: buildPipeline("x").stages.slice(0, 1) };
    const invalid = await failure(createPipeline({ declaration: oneStage }, gw));
    expect(invalid.kind).toBe("invalid-definition");
    expect(invalid.message).toMatch(/stage/i);

    expect(await failure(getPipeline({ name: "gw-taken", version: 9 }, gw))).toMatchObject({
      kind: "not-found",
      resource: "pipeline-version",
    });
    expect(await failure(updatePipeline({ declaration: buildPipeline("gw-never-created") }, gw))).toMatchObject({
      kind: expect.stringMatching(/not-found|invalid-definition/),
    });
  });
});
