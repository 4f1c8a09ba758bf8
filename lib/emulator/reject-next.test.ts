/** The reject-next fault: the next UpdatePipeline (or CreatePipeline) fails with the exception asked for. */
import { CreatePipelineCommand, GetPipelineCommand, UpdatePipelineCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAwsError } from "./testing/expect-error";
import { samplePipeline } from "./testing/pipelines";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 50 });
});
afterAll(() => emu.close());

const MESSAGE = "Value at 'pipeline.stages.2.member.actions.1.member.name' failed to satisfy constraint: rejected by the test";

describe("POST /_emulator/reject-next", () => {
  it("fails the next UpdatePipeline once, with the message given, and changes nothing", async () => {
    await emu.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("rejected") }));
    expect((await emu.control("/reject-next", { message: MESSAGE })).body).toEqual({ ok: true, operation: "UpdatePipeline", exception: "InvalidActionDeclarationException" });
    await expectAwsError(emu.client.send(new UpdatePipelineCommand({ pipeline: samplePipeline("rejected") })), "InvalidActionDeclarationException", MESSAGE);
    expect((await emu.client.send(new GetPipelineCommand({ name: "rejected" }))).pipeline?.version).toBe(1);
    const next = await emu.client.send(new UpdatePipelineCommand({ pipeline: samplePipeline("rejected") }));
    expect(next.pipeline?.version).toBe(2);
  });

  it("can target CreatePipeline and another exception; reset clears it", async () => {
    await emu.control("/reject-next", { operation: "CreatePipeline", exception: "InvalidStructureException", message: "no" });
    await expectAwsError(emu.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("refused") })), "InvalidStructureException", "no");
    await emu.control("/reject-next", { message: "never sent" });
    await emu.control("/reset");
    await emu.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("after-reset") }));
    await expect(emu.client.send(new UpdatePipelineCommand({ pipeline: samplePipeline("after-reset") }))).resolves.toBeDefined();
  });

  it("answers 400 to a body it does not understand", async () => {
    expect((await emu.control("/reject-next", {})).status).toBe(400);
    expect((await emu.control("/reject-next", { message: "x", exception: "PipelineNotFoundException" })).status).toBe(400);
    expect((await emu.control("/reject-next", { message: "x", operation: "DeletePipeline" })).status).toBe(400);
  });
});
