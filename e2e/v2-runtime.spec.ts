import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
} from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, test } from "./fixtures";
import { opsPipeline } from "../lib/emulator/testing/ops-pipeline";

/**
 * V2 run-time behaviour on screen, against the app and the emulator of playwright.config.ts
 * (`--time-scale 50`): a PARALLEL pipeline's board shows one run at a time with a switcher of the
 * runs in flight, and a rollback is marked in the history with its target and can be filtered.
 * Each test makes its own pipeline (lib/emulator/testing/ops-pipeline.ts: runs wait at a manual approval).
 */
const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4610}`;
const SLOW = { timeout: 45_000 };

let client: CodePipelineClient;
test.beforeAll(() => {
  client = new CodePipelineClient({ endpoint: EMULATOR_URL, region: "us-east-1", credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" } });
});
test.afterAll(() => client?.destroy());

/** Polls `probe` until it returns a value (no fixed sleeps). */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 40_000): Promise<T> {
  let value: T | undefined;
  await expect.poll(async () => (value = await probe()) !== undefined, { timeout: timeoutMs }).toBe(true);
  return value!;
}

async function status(pipelineName: string, executionId: string) {
  return (await client.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId: executionId }))).pipelineExecution?.status;
}

let created = 0;
/** A fresh pipeline in the given mode whose CreatePipeline execution was stopped. */
async function freshPipeline(executionMode: "SUPERSEDED" | "PARALLEL"): Promise<string> {
  const name = `e2e-v2rt-${Date.now().toString(36)}-${++created}`;
  await client.send(new CreatePipelineCommand({ pipeline: { ...opsPipeline(name), executionMode } }));
  const firstId = await eventually(async () => (await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries?.[0]?.pipelineExecutionId);
  await client.send(new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: firstId, abandon: true, reason: "test setup" }));
  await eventually(async () => ((await status(name, firstId)) === "Stopped" ? true : undefined));
  return name;
}

async function start(name: string): Promise<string> {
  return (await client.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!;
}

/** The execution is waiting at the manual approval: its Review run is in progress (ListActionExecutions). */
async function atApproval(name: string, executionId: string): Promise<void> {
  await eventually(async () => {
    const runs = await client.send(new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: executionId } }));
    return runs.actionExecutionDetails?.some((r) => r.actionName === "Review" && r.status === "InProgress") ? true : undefined;
  });
}

const cards = (page: Page) => page.getByTestId("stage-card");

/** Every stage card that shows an execution shows this one. */
async function expectBoardOf(page: Page, executionId: string): Promise<void> {
  await expect
    .poll(async () => {
      const ids = await cards(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-execution-id")).filter((id) => id !== ""));
      return ids.length > 0 && ids.every((id) => id === executionId);
    }, SLOW)
    .toBe(true);
}

test.describe("V2 run-time on screen", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a PARALLEL pipeline with three runs in flight shows one run at a time, newest first, and switches between them", async ({ page }) => {
    const name = await freshPipeline("PARALLEL");
    const first = await start(name);
    await atApproval(name, first);
    const second = await start(name);
    await atApproval(name, second);
    const third = await start(name);

    await page.goto(`/pipelines/${name}`);
    const switcher = page.getByTestId("run-switcher");
    await expect(switcher.getByTestId("run-option")).toHaveCount(3, SLOW);
    await expect(switcher.locator(`[data-execution-id="${third}"] input`)).toBeChecked();
    await expectBoardOf(page, third);

    await switcher.locator(`[data-execution-id="${first}"]`).click();
    await expect(switcher.locator(`[data-execution-id="${first}"] input`)).toBeChecked();
    await expectBoardOf(page, first);
    // The first run got as far as the approval: its Source and Build succeeded in it.
    await expect(cards(page).and(page.locator('[data-stage-name="Build"]'))).toHaveAttribute("data-status", "Succeeded", SLOW);
    await expect(page.getByTestId("latest-execution-id")).toHaveText(first);

    await switcher.locator(`[data-execution-id="${second}"]`).click();
    await expectBoardOf(page, second);
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="run-switcher"]' });
  });

  test("a rollback is marked in the history with its target and trigger, and the history filters to rollbacks", async ({ page }) => {
    const name = await freshPipeline("SUPERSEDED");
    const target = await start(name);
    await atApproval(name, target);
    await client.send(new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: target, abandon: true }));
    await eventually(async () => ((await status(name, target)) === "Stopped" ? true : undefined));
    const rollback = (await client.send(new RollbackStageCommand({ pipelineName: name, stageName: "Build", targetPipelineExecutionId: target }))).pipelineExecutionId!;

    await page.goto(`/pipelines/${name}/executions`);
    const row = page.locator(`[data-testid="history-row"][data-execution-id="${rollback}"]`);
    await expect(row).toHaveAttribute("data-execution-type", "ROLLBACK");
    await expect(row.getByTestId("rollback-mark")).toContainText("Rollback to");
    await expect(row.getByTestId("rollback-target")).toHaveAttribute("href", `/pipelines/${name}/executions/${target}`);
    await expect(row).toContainText("ManualRollback");
    await expect(page.getByTestId("history-row")).toHaveCount(3); // the stopped creation run, the target, the rollback

    await page.getByTestId("filter-type").selectOption("ROLLBACK");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/type=ROLLBACK/);
    await expect(page.getByTestId("history-row")).toHaveCount(1);
    await expect(page.getByTestId("history-row")).toHaveAttribute("data-execution-id", rollback);
    await expectNoSeriousA11yViolations(page);
  });
});
