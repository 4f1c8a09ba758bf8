/**
 * "Share report" against a real (test) emulator through the server action, then the emulator is
 * gone: the stored report still reads and renders, with nothing from AWS.
 */
import { CreatePipelineCommand, GetPipelineStateCommand, StartPipelineExecutionCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shareExecutionReport } from "@/app/s/actions";
import { ExecutionReportView } from "@/components/share/execution-report-view";
import { readSnapshot } from "@/lib/server/share/read";
import { getStorage } from "@/lib/storage/server";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { eventually } from "../aws/fixtures";
import { releasePipeline, useEmulatorBackend } from "../sync/fixtures";

const HOLDER = Symbol.for("pipewright.storage");
let emu: TestEmulator | undefined;
let restoreEnv: () => void;
const dataDir = mkdtempSync(path.join(tmpdir(), "pipewright-report-"));
const saved = { DATABASE_URL: process.env.DATABASE_URL, PIPEWRIGHT_DATA_DIR: process.env.PIPEWRIGHT_DATA_DIR };

async function closeStorage(): Promise<void> {
  const holder = globalThis as { [HOLDER]?: Promise<{ close(): Promise<void> }> };
  const open = holder[HOLDER];
  delete holder[HOLDER];
  if (open) await (await open).close();
}

beforeAll(async () => {
  await closeStorage();
  delete process.env.DATABASE_URL;
  process.env.PIPEWRIGHT_DATA_DIR = dataDir;
  emu = await startTestEmulator({ timeScale: 200 });
  restoreEnv = useEmulatorBackend(emu);
});

afterAll(async () => {
  restoreEnv?.();
  await emu?.close();
  await closeStorage();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("shared execution reports", { timeout: 90_000 }, () => {
  it("stores a frozen report that renders after the emulator is gone", async () => {
    const client = emu!.client;
    await client.send(new CreatePipelineCommand({ pipeline: releasePipeline("report-web") as unknown as PipelineDeclaration }));
    const started = await client.send(new StartPipelineExecutionCommand({ name: "report-web" }));
    const executionId = started.pipelineExecutionId!;
    // Source and Build done; the approval still holds the execution CreatePipeline started, so this one waits before it.
    await eventually(async () => {
      const state = await client.send(new GetPipelineStateCommand({ name: "report-web" }));
      const build = state.stageStates?.find((s) => s.stageName === "Build");
      return build?.latestExecution?.pipelineExecutionId === executionId && build.latestExecution.status === "Succeeded" ? true : undefined;
    }, "the build to succeed", 60_000);

    const shared = await shareExecutionReport({ pipelineName: "report-web", executionId });
    expect(shared).toMatchObject({ status: "shared", created: true });
    if (shared.status !== "shared") throw new Error("not shared");
    expect(await shareExecutionReport({ pipelineName: "report-web", executionId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ status: "not-found" });
    expect(await shareExecutionReport({ pipelineName: "report-web", executionId: "not-an-id" })).toMatchObject({ status: "invalid-input" });

    await emu!.close();
    emu = undefined;

    const read = await readSnapshot(shared.id, async () => (await getStorage()).snapshots);
    expect(read.status).toBe("execution-report");
    if (read.status !== "execution-report") throw new Error(read.status);
    expect(read.report.execution).toMatchObject({ pipelineName: "report-web", executionId, status: "InProgress" });
    expect(read.report.stages).toEqual([
      { stageName: "Source", status: "Succeeded" },
      { stageName: "Build", status: "Succeeded" },
    ]);
    expect(read.report.actions.map((a) => a.actionName)).toEqual(["Checkout", "Compile", "UnitTests", "Lint"]);

    const html = renderToStaticMarkup(createElement(ExecutionReportView, { report: read.report, createdAt: read.createdAt }));
    expect(html).toContain("report-web · execution");
    expect(html).toContain("Compile");
    expect(html).toContain('data-status="InProgress"');
    expect(html).toContain('data-status="Succeeded"');
  });
});
