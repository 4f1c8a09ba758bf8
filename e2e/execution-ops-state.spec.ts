import { CodePipelineClient, CreatePipelineCommand, ListPipelineExecutionsCommand, StopPipelineExecutionCommand } from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, test } from "./fixtures";
import { opsPipeline } from "../lib/emulator/testing/ops-pipeline";

/**
 * The operations mounted in the live state page (`/pipelines/<name>`): Release change and Stop in
 * the header, approvals, retry, transitions and rollback in each stage's card. The detail page's
 * spec (execution-ops.spec.ts) covers every mode of every operation; this one checks they work
 * where on-call engineers find them first.
 */
const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4610}`;
const SLOW = { timeout: 45_000 };

let client: CodePipelineClient;
test.beforeAll(() => {
  client = new CodePipelineClient({ endpoint: EMULATOR_URL, region: "us-east-1", credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" } });
});
test.afterAll(() => client?.destroy());

async function freshPipeline(): Promise<string> {
  const name = `e2e-ops-state-${Date.now().toString(36)}`;
  await client.send(new CreatePipelineCommand({ pipeline: opsPipeline(name) }));
  let first: string | undefined;
  await expect.poll(async () => (first = (await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries?.[0]?.pipelineExecutionId)).toBeDefined();
  await client.send(new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: first, abandon: true, reason: "test setup" }));
  return name;
}

const card = (page: Page, stage: string) => page.locator(`[data-testid="stage-card"][data-stage-name="${stage}"]`);

test.describe("operations on the state page", () => {
  test.describe.configure({ timeout: 150_000 });

  test("release a change from the header, approve in the stage card, disable and enable a transition", async ({ page }) => {
    const name = await freshPipeline();
    await page.goto(`/pipelines/${name}`);
    await page.getByTestId("header-actions").getByTestId("start-dialog-open").click();
    await page.getByTestId("start-dialog").getByTestId("start-submit").click();
    await expect(page.getByTestId("start-dialog").getByTestId("operation-done")).toContainText("Started execution", SLOW);
    await page.keyboard.press("Escape");

    const review = card(page, "Approve").getByTestId("approval-dialog-Approve-Review-open");
    await expect(review).toBeVisible(SLOW);
    await expect(page.getByTestId("header-actions").getByTestId("stop-dialog-open")).toBeVisible();
    await review.click();
    const panel = page.getByTestId("approval-dialog-Approve-Review");
    await expect(panel.getByTestId("approval-custom-data")).toHaveText("Check the release notes first.");
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="approval-dialog-Approve-Review"]' });
    await panel.getByTestId("approval-approve").click();
    await expect(panel.getByTestId("operation-done")).toContainText("Approved", SLOW);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("latest-execution-bar")).toHaveAttribute("data-status", "Succeeded", SLOW);

    await card(page, "Deploy").getByTestId("transition-dialog-Deploy-open").click();
    const dialog = page.getByTestId("transition-dialog-Deploy");
    await dialog.getByTestId("transition-reason").fill("Change freeze");
    await dialog.getByTestId("transition-submit").click();
    await expect(dialog.getByTestId("operation-done")).toContainText("Disabled", SLOW);
    await page.keyboard.press("Escape");
    await expect(card(page, "Deploy").getByTestId("inbound-transition")).toHaveAttribute("data-enabled", "false", SLOW);
    await expect(card(page, "Deploy").getByTestId("disabled-reason")).toHaveText("Change freeze");
    await card(page, "Deploy").getByTestId("transition-dialog-Deploy-open").click();
    await page.getByTestId("transition-dialog-Deploy").getByTestId("transition-submit").click();
    await expect(page.getByTestId("transition-dialog-Deploy").getByTestId("operation-done")).toContainText("Enabled", SLOW);
    await page.keyboard.press("Escape");
    await expect(card(page, "Deploy").getByTestId("inbound-transition")).toHaveAttribute("data-enabled", "true", SLOW);
    await expect(card(page, "Build").getByTestId("rollback-dialog-Build-open")).toBeVisible();
  });
});
