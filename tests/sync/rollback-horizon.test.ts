/**
 * The review before a push warns that the new pipeline version takes the live version's successful
 * runs out of reach of rollback (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html),
 * counted through the real SDK against the emulator.
 */
import { CreatePipelineCommand, GetPipelineExecutionCommand, StartPipelineExecutionCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushPipeline, reviewPush } from "@/app/designer/actions";
import type { JsonObject } from "@/lib/domain/json";
import { warningKey } from "@/lib/domain/sync/inputs";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { eventually, quiesce } from "../aws/fixtures";
import { releasePipeline, useEmulatorBackend } from "./fixtures";

let emu: TestEmulator;
let restoreEnv: () => void;

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 200 });
  restoreEnv = useEmulatorBackend(emu);
});
afterAll(async () => {
  restoreEnv?.();
  await emu?.close();
});

/** Source and Build only: runs end by themselves. */
function shortPipeline(name: string, executionMode = "SUPERSEDED"): JsonObject {
  const full = releasePipeline(name);
  return { ...full, executionMode, stages: (full.stages as JsonObject[]).slice(0, 2) };
}

async function runToSuccess(name: string): Promise<void> {
  const started = await emu.client.send(new StartPipelineExecutionCommand({ name }));
  await eventually(async () => {
    const e = await emu.client.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: started.pipelineExecutionId }));
    return e.pipelineExecution?.status === "Succeeded" ? true : undefined;
  }, `${name} to succeed`, 25_000);
}

async function review(declaration: JsonObject, version: number) {
  const result = await reviewPush({ declaration, base: { name: String(declaration.name), region: "us-east-1", version } });
  expect(result.status, JSON.stringify(result)).toBe("reviewed");
  return result as Extract<typeof result, { status: "reviewed" }>;
}

describe("the push review's rollback warning", { timeout: 90_000 }, () => {
  it("counts the successful runs of the live version, and none once a new version is pushed", async () => {
    const declaration = shortPipeline("horizon");
    await emu.client.send(new CreatePipelineCommand({ pipeline: declaration as unknown as PipelineDeclaration }));
    await quiesce(emu.client, "horizon"); // the creation's run is stopped: not a rollback target
    await runToSuccess("horizon");
    await runToSuccess("horizon");
    const edited = { ...declaration, variables: [{ name: "Env", defaultValue: "prod" }] };
    const first = await review(edited, 1);
    expect(first.rollbackNotice).toBe(
      "Pushing saves a new pipeline version. Rollback can only target executions of the current version, so the 2 successful runs of version 1 will no longer be rollback targets (manual or automatic).",
    );
    const acknowledgedWarnings = first.diagnostics.filter((d) => d.severity === "warning").map(warningKey);
    const pushed = await pushPipeline({ declaration: edited, base: { name: "horizon", region: "us-east-1", version: 1 }, acknowledgedWarnings });
    expect(pushed).toMatchObject({ status: "pushed", version: 2 });
    await quiesce(emu.client, "horizon");
    expect((await review(edited, 2)).rollbackNotice).toBeUndefined();
  });

  it("says nothing for a PARALLEL pipeline, whose stages cannot be rolled back", async () => {
    const declaration = shortPipeline("horizon-parallel", "PARALLEL");
    await emu.client.send(new CreatePipelineCommand({ pipeline: declaration as unknown as PipelineDeclaration }));
    await quiesce(emu.client, "horizon-parallel");
    await runToSuccess("horizon-parallel");
    expect((await review({ ...declaration, description: "x" }, 1)).rollbackNotice).toBeUndefined();
  });
});
