import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, test } from "./fixtures";
import { controlClient } from "../lib/emulator/testing/control-client";
import { opsPipeline } from "../lib/emulator/testing/ops-pipeline";

/**
 * V2 run-time behaviour on screen, against the app and the emulator of playwright.config.ts
 * (`--time-scale 50`): a PARALLEL pipeline's board shows one run at a time with a switcher of the
 * runs in flight; a rollback is marked in the history with its target and can be filtered; a FAIL
 * entry condition fails the stage and Override lets the execution through; an automatic retry
 * shows two attempts on the timeline with the stage's attempt count.
 * Each test makes its own pipeline (lib/emulator/testing/ops-pipeline.ts: runs wait at a manual approval).
 */
const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4610}`;
const control = controlClient(EMULATOR_URL);
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

const codeBuild = (category: "Build" | "Test") => ({ category, owner: "AWS", provider: "CodeBuild", version: "1" }) as const;

/** Source → Build → Deploy (V2), with `deploy` merged into the Deploy stage; waits until the creation's run has ended. */
async function conditionPipeline(deploy: Record<string, unknown>): Promise<string> {
  const name = `e2e-v2cond-${Date.now().toString(36)}-${++created}`;
  const pipeline = {
    name,
    roleArn: "arn:aws:iam::123456789012:role/service-role/pipewright-cond",
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
    pipelineType: "V2",
    executionMode: "QUEUED",
    variables: [{ name: "Target", defaultValue: "staging" }],
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Checkout",
            actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
            runOrder: 1,
            configuration: { ConnectionArn: "arn:aws:codestar-connections:us-east-1:123456789012:connection/0b4d1f6e-0000-4000-8000-000000000002", FullRepositoryId: "acme/cond", BranchName: "main" },
            outputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
      { name: "Build", actions: [{ name: "Compile", actionTypeId: codeBuild("Build"), runOrder: 1, configuration: { ProjectName: "cond-build" }, inputArtifacts: [{ name: "SourceOutput" }], outputArtifacts: [{ name: "BuildOutput" }] }] },
      { name: "Deploy", actions: [{ name: "Apply", actionTypeId: codeBuild("Test"), runOrder: 1, configuration: { ProjectName: "cond-deploy" }, inputArtifacts: [{ name: "BuildOutput" }] }], ...deploy },
    ],
  } as unknown as PipelineDeclaration;
  await client.send(new CreatePipelineCommand({ pipeline }));
  const first = await eventually(async () => (await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries?.[0]?.pipelineExecutionId);
  await eventually(async () => ((await status(name, first)) !== "InProgress" ? true : undefined), 90_000);
  return name;
}

const cards = (page: Page) => page.getByTestId("stage-card");
const card = (page: Page, stage: string) => page.locator(`[data-testid="stage-card"][data-stage-name="${stage}"]`);

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
  test.describe.configure({ timeout: 180_000 });

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

  test("a FAIL entry condition fails the stage on screen with its rule's message, and Override lets the execution through", async ({ page }) => {
    const onlyProd = { name: "OnlyProd", ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" }, configuration: { Variable: "#{variables.Target}", Operator: "EQ", Value: "prod" } };
    const name = await conditionPipeline({ beforeEntry: { conditions: [{ result: "FAIL", rules: [onlyProd] }] } });
    const id = (await client.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!;
    await eventually(async () => ((await status(name, id)) === "Failed" ? true : undefined), 90_000);

    await page.goto(`/pipelines/${name}`);
    const deploy = card(page, "Deploy");
    await expect(deploy).toHaveAttribute("data-status", "Failed", SLOW);
    await expect(deploy).toHaveAttribute("data-execution-id", id);
    const entry = deploy.locator('[data-testid="condition-group"][data-kind="beforeEntry"]');
    await expect(entry).toHaveAttribute("data-status", "Failed");
    await expect(entry.locator('[data-testid="condition-rule"][data-rule="OnlyProd"]')).toHaveAttribute("data-status", "Failed");
    await expect(entry).toContainText("OnlyProd (VariableCheck) → FAIL");
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="stage-conditions"]' });

    await deploy.getByTestId("override-dialog-Deploy-BEFORE_ENTRY-open").click();
    const dialog = page.getByTestId("override-dialog-Deploy-BEFORE_ENTRY");
    await dialog.getByTestId("override-submit").click();
    await expect(dialog.getByTestId("operation-done")).toContainText("Overrode the entry condition of Deploy", SLOW);
    await page.keyboard.press("Escape");
    await expect(entry).toHaveAttribute("data-status", "Overridden", SLOW);
    await expect(deploy).toHaveAttribute("data-status", "Succeeded", { timeout: 90_000 });
    await expect.poll(() => status(name, id), { timeout: 90_000 }).toBe("Succeeded");
  });

  test("an automatic retry shows two attempts on the timeline and the attempt count on the stage", async ({ page }) => {
    const name = await conditionPipeline({ onFailure: { result: "RETRY", retryConfiguration: { retryMode: "FAILED_ACTIONS" } } });
    expect((await control("/fail-next", { pipelineName: name, stageName: "Deploy", actionName: "Apply" })).status).toBe(200);
    const id = (await client.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!;
    await eventually(async () => ((await status(name, id)) === "Succeeded" ? true : undefined), 120_000);

    await page.goto(`/pipelines/${name}/executions/${id}`);
    const stage = page.locator('[data-testid="timeline-stage"][data-stage="Deploy"]');
    await expect(stage.getByTestId("timeline-bar")).toHaveCount(2, SLOW);
    await expect(stage.locator('[data-testid="timeline-bar"][data-attempt="1"]')).toHaveAttribute("data-status", "Failed");
    await expect(stage.locator('[data-testid="timeline-bar"][data-attempt="2"]')).toHaveAttribute("data-status", "Succeeded");
    await expect(stage.getByTestId("timeline-stage-attempts")).toHaveText("Attempt 2 · 1 automatic retry · latest automatic");

    await page.goto(`/pipelines/${name}`);
    await expect(card(page, "Deploy").getByTestId("stage-attempts")).toHaveText("Attempt 2 · 1 automatic retry · latest automatic", SLOW);
  });
});
