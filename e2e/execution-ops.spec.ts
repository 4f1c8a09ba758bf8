import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
} from "@aws-sdk/client-codepipeline";
import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, expectedConsoleErrors, test } from "./fixtures";
import { controlClient } from "../lib/emulator/testing/control-client";
import { opsPipeline } from "../lib/emulator/testing/ops-pipeline";

/**
 * The execution detail page and every operation, in Debian's Chromium against the app and the
 * emulator of playwright.config.ts (`--time-scale 50`). Each test makes its own pipeline
 * (lib/emulator/testing/ops-pipeline.ts), so it depends on no other spec's state.
 */
const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4610}`;
const control = controlClient(EMULATOR_URL);
const HOSTILE = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;
/** Simulated time runs 50× faster, but the machine is shared: updates get room to arrive. */
const SLOW = { timeout: 45_000 };

let client: CodePipelineClient;
test.beforeAll(() => {
  client = new CodePipelineClient({ endpoint: EMULATOR_URL, region: "us-east-1", credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" } });
});
test.afterAll(() => client?.destroy());

let created = 0;
/** A fresh pipeline whose CreatePipeline execution was stopped: returns its name and that execution. */
async function freshPipeline(options: { customData?: string } = {}): Promise<{ name: string; firstId: string }> {
  const name = `e2e-ops-${Date.now().toString(36)}-${++created}`;
  await client.send(new CreatePipelineCommand({ pipeline: opsPipeline(name, options) }));
  const firstId = await eventually(async () => (await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries?.[0]?.pipelineExecutionId);
  await client.send(new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: firstId, abandon: true, reason: "test setup" }));
  await eventually(async () => ((await status(name, firstId)) === "Stopped" ? true : undefined));
  return { name, firstId };
}

async function status(pipelineName: string, executionId: string) {
  return (await client.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId: executionId }))).pipelineExecution?.status;
}

async function start(name: string): Promise<string> {
  const out = await client.send(new StartPipelineExecutionCommand({ name }));
  return out.pipelineExecutionId!;
}

/** Polls `probe` until it returns a value (no fixed sleeps). */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  let value: T | undefined;
  await expect.poll(async () => (value = await probe()) !== undefined, { timeout: timeoutMs }).toBe(true);
  return value!;
}

async function waitingAtApproval(name: string): Promise<void> {
  await eventually(async () => {
    const state = await client.send(new GetPipelineStateCommand({ name }));
    return state.stageStates?.find((s) => s.stageName === "Approve")?.actionStates?.[0]?.latestExecution?.token ? true : undefined;
  });
}

const detailUrl = (name: string, id: string) => `/pipelines/${name}/executions/${id}`;
const stage = (page: Page, name: string) => page.locator(`[data-testid="stage-section"][data-stage="${name}"]`);
const detail = (page: Page) => page.getByTestId("execution-detail");

async function boxOf(bar: Locator) {
  return { start: Number(await bar.getAttribute("data-start")), end: Number(await bar.getAttribute("data-end")) };
}

test.describe("execution detail and operations", () => {
  test.describe.configure({ timeout: 150_000 });

  test("release a change with variable and revision overrides; it runs to the approval, is approved and succeeds on screen", async ({ page }) => {
    const { name, firstId } = await freshPipeline({ customData: HOSTILE });
    await page.goto(detailUrl(name, firstId));
    await expect(detail(page)).toHaveAttribute("data-status", "Stopped");

    await page.getByTestId("start-dialog-open").click();
    const dialog = page.getByTestId("start-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByTestId("start-variable-Env").fill(HOSTILE);
    await dialog.getByTestId("start-revision-Checkout").fill("abcdef0123456789abcdef0123456789abcdef01");
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="start-dialog"]' });
    // A double click sends one token: one execution.
    await dialog.getByTestId("start-submit").dblclick();
    await expect(dialog.getByTestId("operation-done")).toContainText("Started execution", SLOW);
    // AWS's id of the request (the emulator sends one as AWS does), for support and CloudTrail.
    await expect(dialog.getByTestId("operation-request-id")).toHaveText(/^AWS request id [0-9a-f-]{36}$/);
    const executions = (await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries ?? [];
    expect(executions).toHaveLength(2);

    await dialog.getByTestId("started-execution-link").click();
    await expect(page).toHaveURL(new RegExp(`/executions/${executions[0]!.pipelineExecutionId}$`));
    // The overrides arrived; the hostile variable value is text.
    await expect(page.getByTestId("pipeline-variables")).toContainText(HOSTILE);
    await expect(page.getByTestId("source-revisions")).toContainText("abcdef0123456789abcdef0123456789abcdef01");

    // Without a reload: Build runs, then the approval waits.
    const approve = page.getByTestId("approval-dialog-Approve-Review-open");
    await expect(approve).toBeVisible(SLOW);
    await expect(stage(page, "Build")).toHaveAttribute("data-progress", "passed");

    // The timeline: Compile and Lint (one runOrder group) overlap on two lanes; Package runs after both.
    const build = page.locator('[data-testid="timeline-stage"][data-stage="Build"]');
    await expect(build).toHaveAttribute("data-lanes", "2");
    const [compile, lint, pack] = await Promise.all(["Compile", "Lint", "Package"].map((a) => boxOf(build.locator(`[data-testid="timeline-bar"][data-action="${a}"]`))));
    expect(Math.max(compile!.start, lint!.start)).toBeLessThan(Math.min(compile!.end, lint!.end));
    expect(pack!.start).toBeGreaterThanOrEqual(Math.max(compile!.end, lint!.end) - 500);
    await expect(page.locator('[data-testid="timeline-bar"][data-critical="true"]').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await approve.click();
    const panel = page.getByTestId("approval-dialog-Approve-Review");
    await expect(panel.getByTestId("approval-custom-data")).toHaveText(HOSTILE);
    await expect(panel.getByTestId("approval-link")).toContainText("https://example.com/release-notes");
    await expect(panel.getByTestId("approval-change").first()).toContainText("abcdef012345");
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="approval-dialog-Approve-Review"]' });
    await panel.getByTestId("approval-summary").fill("Release notes checked");
    await panel.getByTestId("approval-approve").click();
    await expect(panel.getByTestId("operation-done")).toContainText("Approved", SLOW);
    await page.keyboard.press("Escape");
    await expect(detail(page)).toHaveAttribute("data-status", "Succeeded", SLOW);
    await expect(stage(page, "Deploy")).toHaveAttribute("data-progress", "passed");
    expect(await page.title()).not.toBe("pwned");

    // Where is my commit: from the revision's link.
    await page.getByTestId("source-revision").getByRole("link", { name: "Where is this revision?" }).click();
    await expect(page.getByTestId("revision-summary")).toContainText("has passed every stage", SLOW);
  });

  test("reject an approval: the execution fails at the approval", async ({ page }) => {
    const { name } = await freshPipeline();
    const id = await start(name);
    await page.goto(detailUrl(name, id));
    await page.getByTestId("approval-dialog-Approve-Review-open").click(SLOW);
    const panel = page.getByTestId("approval-dialog-Approve-Review");
    await panel.getByTestId("approval-summary").fill("Not this week");
    await panel.getByTestId("approval-reject").click();
    await expect(panel.getByTestId("operation-done")).toContainText("Rejected", SLOW);
    await page.keyboard.press("Escape");
    await expect(detail(page)).toHaveAttribute("data-status", "Failed", SLOW);
    await expect(stage(page, "Approve")).toHaveAttribute("data-progress", "failed");
  });

  test("stop and wait, and stop and abandon, with a reason", async ({ page }) => {
    const { name } = await freshPipeline();
    for (const mode of ["wait", "abandon"] as const) {
      const id = await start(name);
      await waitingAtApproval(name);
      await page.goto(detailUrl(name, id));
      await page.getByTestId("stop-dialog-open").click();
      const dialog = page.getByTestId("stop-dialog");
      await dialog.getByLabel(mode === "wait" ? "Stop and wait" : "Stop and abandon").check();
      await dialog.getByTestId("stop-reason").fill(`stopping (${mode})`);
      await dialog.getByTestId("stop-submit").click();
      await expect(dialog.getByTestId("operation-done")).toContainText(mode === "wait" ? "once its running actions finish" : "abandoned", SLOW);
      await page.keyboard.press("Escape");
      await expect(detail(page)).toHaveAttribute("data-status", "Stopped", SLOW);
      const listed = (await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries ?? [];
      expect(listed.find((e) => e.pipelineExecutionId === id)?.stopTrigger?.reason).toBe(`stopping (${mode})`);
    }
  });

  test("retry a failed stage: failed actions only (a second attempt of the failed action), then all actions", async ({ page }) => {
    const { name } = await freshPipeline();
    await control("/fail-next", { pipelineName: name, stageName: "Build", actionName: "Lint" });
    const id = await start(name);
    await page.goto(detailUrl(name, id));
    await expect(detail(page)).toHaveAttribute("data-status", "Failed", SLOW);
    await expect(stage(page, "Build")).toHaveAttribute("data-progress", "failed");

    await page.getByTestId("retry-dialog-Build-open").click();
    const dialog = page.getByTestId("retry-dialog-Build");
    await dialog.getByLabel("Failed actions only").check();
    await dialog.getByTestId("retry-submit").click();
    await expect(dialog.getByTestId("operation-done")).toContainText("failed actions", SLOW);
    await page.keyboard.press("Escape");
    const build = page.locator('[data-testid="timeline-stage"][data-stage="Build"]');
    await expect(build.locator('[data-testid="timeline-bar"][data-action="Lint"]')).toHaveCount(2, SLOW);
    await expect(build.locator('[data-testid="timeline-bar"][data-action="Lint"][data-attempt="2"]')).toBeVisible();
    await expect(build.locator('[data-testid="timeline-bar"][data-action="Compile"]')).toHaveCount(1);
    await expect(page.getByTestId("approval-dialog-Approve-Review-open")).toBeVisible(SLOW);

    // Stopped at the approval, then every action of that stage again.
    await client.send(new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id, abandon: true }));
    await expect(page.getByTestId("retry-dialog-Approve-open")).toBeVisible(SLOW);
    await page.getByTestId("retry-dialog-Approve-open").click();
    const again = page.getByTestId("retry-dialog-Approve");
    await again.getByLabel("All actions").check();
    await again.getByTestId("retry-submit").click();
    await expect(again.getByTestId("operation-done")).toContainText("all its actions", SLOW);
    await page.keyboard.press("Escape");
    await expect(detail(page)).toHaveAttribute("data-status", "InProgress", SLOW);
    await expect(page.getByTestId("approval-dialog-Approve-Review-open")).toBeVisible(SLOW);
  });

  test("disable a transition with a sanitised reason, then enable it", async ({ page }) => {
    const { name, firstId } = await freshPipeline();
    await page.goto(detailUrl(name, firstId));
    await page.getByTestId("transition-dialog-Deploy-open").click();
    const dialog = page.getByTestId("transition-dialog-Deploy");
    await dialog.getByTestId("transition-reason").fill("Freeze: release_window, ask <ops>");
    await expect(dialog.getByTestId("transition-reason-sent")).toHaveText("Freeze - release-window - ask (ops)");
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="transition-dialog-Deploy"]' });
    await dialog.getByTestId("transition-submit").click();
    await expect(dialog.getByTestId("operation-done")).toContainText("Disabled", SLOW);
    await page.keyboard.press("Escape");
    await expect(stage(page, "Deploy").getByTestId("transition-disabled")).toContainText("Freeze - release-window - ask (ops)", SLOW);

    await page.getByTestId("transition-dialog-Deploy-open").click();
    await expect(page.getByTestId("transition-dialog-Deploy").getByTestId("transition-submit")).toHaveText("Enable transition");
    await page.getByTestId("transition-dialog-Deploy").getByTestId("transition-submit").click();
    await expect(page.getByTestId("transition-dialog-Deploy").getByTestId("operation-done")).toContainText("Enabled", SLOW);
    await page.keyboard.press("Escape");
    await expect(stage(page, "Deploy").getByTestId("transition-disabled")).toHaveCount(0, SLOW);
  });

  test("roll a stage back to an earlier successful execution", async ({ page }) => {
    const { name } = await freshPipeline();
    const target = await start(name);
    await waitingAtApproval(name);
    await client.send(new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: target, abandon: true }));
    await eventually(async () => ((await status(name, target)) === "Stopped" ? true : undefined));

    await page.goto(detailUrl(name, target));
    await page.getByTestId("rollback-dialog-Build-open").click();
    const dialog = page.getByTestId("rollback-dialog-Build");
    await dialog.getByLabel(target).check(SLOW);
    await dialog.getByTestId("rollback-submit").click();
    await expect(dialog.getByTestId("operation-done")).toContainText(`back to execution ${target}`, SLOW);
    const rollbackId = /rollback execution ([0-9a-f-]{36})/.exec((await dialog.getByTestId("operation-done").textContent()) ?? "")?.[1];
    expect(rollbackId).toBeDefined();
    const rolled = await client.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: rollbackId }));
    expect(rolled.pipelineExecution).toMatchObject({ executionType: "ROLLBACK", rollbackMetadata: { rollbackTargetPipelineExecutionId: target } });
  });

  test("an unknown execution is a 404 page with a way back", async ({ page, consoleErrors }) => {
    const { name } = await freshPipeline();
    const response = await page.goto(detailUrl(name, "00000000-0000-4000-8000-000000000000"));
    // Under the pipeline segment's loading boundary (app/pipelines/[name]/loading.tsx) the page
    // streams, so Next.js has sent 200 by the time the read fails; without it the status is 404.
    expect([200, 404]).toContain(response?.status());
    await expect(page.getByTestId("execution-not-found")).toBeVisible();
    await page.getByRole("link", { name: "Back to the pipelines" }).click();
    await expect(page).toHaveURL(/\/pipelines$/);
    expectedConsoleErrors(consoleErrors, /404/);
  });
});
