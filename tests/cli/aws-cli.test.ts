/**
 * Debian's AWS CLI v2 (/usr/bin/aws, installed by scripts/install-test-deps.sh) against the
 * emulator, asserting its parsed JSON output. Not the pip v1 CLI that may come first on PATH.
 * Each call starts Python (~0.5–1 s), so readiness is polled through the SDK and the CLI is
 * called once per operation.
 */
import {
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListPipelinesCommand,
} from "@aws-sdk/client-codepipeline";
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { approvalPipeline, eventually, quiesce } from "../aws/fixtures";
import { AWS, awsCliAvailable as available, runAws } from "./debian-aws";

const title = available
  ? "Debian AWS CLI v2 against the emulator"
  : `Debian AWS CLI v2 against the emulator — skipped: ${AWS} is absent (run scripts/install-test-deps.sh as root)`;

let emu: TestEmulator;

const aws = (...args: string[]) => runAws(emu.url, ...args);

/** The CLI's JSON output after a successful call (fails the test with stderr otherwise). */
async function awsJson<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const result = await aws(...args);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return (result.stdout.trim() === "" ? {} : JSON.parse(result.stdout)) as T;
}

const NAME = "cli-demo";

/**
 * Debian's CLI is 2.9.19 (January 2023): its service model predates V2 pipelines, so it rejects
 * `pipelineType`, `executionMode`, `variables` and `triggers` before sending, and drops them from
 * output. The CLI's declarations leave them out.
 */
function cliDeclaration() {
  const { pipelineType: _type, executionMode: _mode, ...declaration } = approvalPipeline(NAME);
  return declaration;
}

describe.skipIf(!available)(title, { timeout: 60_000 }, () => {
  let executionId = "";

  beforeAll(async () => {
    emu = await startTestEmulator({ timeScale: 200 });
  });
  afterAll(() => emu?.close());

  it("is Debian's build of CLI v2", async () => {
    const version = await new Promise<string>((resolve) =>
      execFile(AWS, ["--version"], (_e, stdout, stderr) => resolve(stdout + stderr)),
    );
    expect(version).toMatch(/^aws-cli\/2\.\S+ .*source\/\S+\.debian/);
  });

  it("create-pipeline (from a JSON file), get-pipeline, update-pipeline, list-pipelines", async () => {
    const file = path.join(emu.dataDir, "create-pipeline.json");
    writeFileSync(file, JSON.stringify({ pipeline: cliDeclaration(), tags: [{ key: "team", value: "web" }] }));
    const created = await awsJson<{ pipeline: { name: string; version: number }; tags: unknown[] }>(
      "create-pipeline",
      "--cli-input-json",
      `file://${file}`,
    );
    expect(created.pipeline).toMatchObject({ name: NAME, version: 1 });
    expect(created.tags).toEqual([{ key: "team", value: "web" }]);

    const got = await awsJson<{
      pipeline: { version: number; stages: { name: string }[] };
      metadata: { pipelineArn: string; created: string };
    }>("get-pipeline", "--name", NAME);
    expect(got.pipeline.version).toBe(1);
    expect(got.pipeline.stages.map((s) => s.name)).toEqual(["Source", "Approve", "Build"]);
    expect(got.metadata.pipelineArn).toBe(`arn:aws:codepipeline:us-east-1:123456789012:${NAME}`);
    // The CLI prints timestamps as ISO-8601: the emulator sent epoch seconds it could parse.
    expect(Number.isNaN(Date.parse(got.metadata.created))).toBe(false);

    const changed = cliDeclaration();
    changed.stages[2]!.actions[0]!.configuration = { ProjectName: "web-app-build-v2" };
    const updateFile = path.join(emu.dataDir, "update-pipeline.json");
    writeFileSync(updateFile, JSON.stringify({ pipeline: { ...changed, version: 1 } }));
    const updated = await awsJson<{ pipeline: { version: number; stages: { actions: { configuration: object }[] }[] } }>(
      "update-pipeline",
      "--cli-input-json",
      `file://${updateFile}`,
    );
    expect(updated.pipeline.version).toBe(2);
    expect(updated.pipeline.stages[2]!.actions[0]!.configuration).toEqual({ ProjectName: "web-app-build-v2" });

    const list = await awsJson<{ pipelines: { name: string; version: number; created: string }[] }>("list-pipelines");
    expect(list.pipelines.find((p) => p.name === NAME)).toMatchObject({ version: 2, created: expect.any(String) });
  });

  it("start-pipeline-execution, get-pipeline-state and put-approval-result with the state's token", async () => {
    await quiesce(emu.client, NAME);
    const started = await awsJson<{ pipelineExecutionId: string }>("start-pipeline-execution", "--name", NAME);
    expect(started.pipelineExecutionId).toMatch(/^[0-9a-f-]{36}$/);
    executionId = started.pipelineExecutionId;

    // Wait (through the SDK, cheaply) until the approval is waiting.
    await eventually(async () => {
      const state = await emu.client.send(new GetPipelineStateCommand({ name: NAME }));
      const review = state.stageStates?.find((s) => s.stageName === "Approve")?.actionStates?.[0]?.latestExecution;
      return review?.status === "InProgress" && review.token ? true : undefined;
    }, "the approval to wait");

    type State = {
      pipelineName: string;
      pipelineVersion: number;
      stageStates: {
        stageName: string;
        latestExecution?: { pipelineExecutionId: string; status: string };
        actionStates: { actionName: string; latestExecution?: { status: string; token?: string } }[];
      }[];
    };
    const state = await awsJson<State>("get-pipeline-state", "--name", NAME);
    expect(state).toMatchObject({ pipelineName: NAME, pipelineVersion: 2 });
    const [source, approve] = state.stageStates;
    expect(source!.latestExecution).toMatchObject({ pipelineExecutionId: executionId, status: "Succeeded" });
    expect(approve!.latestExecution).toMatchObject({ pipelineExecutionId: executionId, status: "InProgress" });
    const token = approve!.actionStates[0]!.latestExecution!.token!;
    expect(token).toMatch(/^[0-9a-f-]{36}$/);

    const approved = await awsJson<{ approvedAt: string }>(
      "put-approval-result",
      "--pipeline-name",
      NAME,
      "--stage-name",
      "Approve",
      "--action-name",
      "Review",
      "--result",
      "summary=Looks good,status=Approved",
      "--token",
      token,
    );
    expect(Number.isNaN(Date.parse(approved.approvedAt))).toBe(false);

    await eventually(async () => {
      const out = await emu.client.send(new GetPipelineExecutionCommand({ pipelineName: NAME, pipelineExecutionId: executionId }));
      return out.pipelineExecution?.status === "Succeeded" ? true : undefined;
    }, "the execution to succeed");
  });

  it("list-pipeline-executions and list-action-executions", async () => {
    const executions = await awsJson<{ pipelineExecutionSummaries: { pipelineExecutionId: string; status: string; trigger: { triggerType: string } }[] }>(
      "list-pipeline-executions",
      "--pipeline-name",
      NAME,
    );
    expect(executions.pipelineExecutionSummaries[0]).toMatchObject({
      pipelineExecutionId: executionId,
      status: "Succeeded",
      trigger: { triggerType: "StartPipelineExecution" },
    });

    const actions = await awsJson<{ actionExecutionDetails: { stageName: string; actionName: string; status: string; pipelineExecutionId: string }[] }>(
      "list-action-executions",
      "--pipeline-name",
      NAME,
      "--filter",
      `pipelineExecutionId=${executionId}`,
    );
    const runs = actions.actionExecutionDetails.map((a) => `${a.stageName}/${a.actionName}:${a.status}`).sort();
    expect(runs).toEqual(["Approve/Review:Succeeded", "Build/Compile:Succeeded", "Source/Checkout:Succeeded"]);
    expect(new Set(actions.actionExecutionDetails.map((a) => a.pipelineExecutionId))).toEqual(new Set([executionId]));
  });

  it("disable-stage-transition and enable-stage-transition", async () => {
    const transition = async () =>
      (await emu.client.send(new GetPipelineStateCommand({ name: NAME }))).stageStates?.find((s) => s.stageName === "Build")
        ?.inboundTransitionState;

    const disabled = await aws(
      "disable-stage-transition",
      "--pipeline-name",
      NAME,
      "--stage-name",
      "Build",
      "--transition-type",
      "Inbound",
      "--reason",
      "Freeze (release window)",
    );
    expect(disabled).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await transition()).toMatchObject({ enabled: false, disabledReason: "Freeze (release window)" });

    const enabled = await aws("enable-stage-transition", "--pipeline-name", NAME, "--stage-name", "Build", "--transition-type", "Inbound");
    expect(enabled).toEqual({ code: 0, stdout: "", stderr: "" });
    expect((await transition())?.enabled).toBe(true);
  });

  it("an error: get-pipeline of a missing pipeline exits non-zero naming PipelineNotFoundException", async () => {
    const result = await aws("get-pipeline", "--name", "no-such-pipeline");
    expect([254, 255]).toContain(result.code);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("An error occurred (PipelineNotFoundException) when calling the GetPipeline operation");
  });

  it("delete-pipeline", async () => {
    expect(await aws("delete-pipeline", "--name", NAME)).toEqual({ code: 0, stdout: "", stderr: "" });
    const after = await emu.client.send(new ListPipelinesCommand({}));
    expect(after.pipelines?.map((p) => p.name)).not.toContain(NAME);
  });
});
