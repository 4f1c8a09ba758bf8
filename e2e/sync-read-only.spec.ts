import { expect, test } from "./fixtures";
import { freePort, startApp, type AppInstance } from "./support/app-instance";
import { builtActions, callAction } from "./support/server-actions";
import { createLive, getLive, removePipelines, twoStepPipeline, uniqueName } from "./sync-support";

// Real pushes on a busy machine: more time than a page check.
test.describe.configure({ timeout: 120_000 });

/**
 * A second app on the same build and emulator, with PIPEWRIGHT_READ_ONLY=1: the UI says why
 * pushing and deleting are off (the server refuses them anyway: tests/sync/read-only.test.ts).
 */
const name = uniqueName("sync-read-only");
let app: AppInstance | undefined;
let origin = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await createLive(twoStepPipeline(name));
  app = await startApp(await freePort(), { PIPEWRIGHT_READ_ONLY: "1" });
  origin = app.url;
});
test.afterAll(async ({ browser }) => {
  await app?.stop();
  const page = await browser.newPage();
  await removePipelines(page, [name]);
  await page.close();
});

test("read-only: the designer can open and review a pipeline, the push and delete buttons are off and say why", async ({ page }) => {
  await page.goto(`${origin}/pipelines`);
  await page.locator(`[data-testid=pipeline-row][data-name="${name}"]`).getByTestId("edit-in-designer").click();
  await page.waitForURL(/\/designer\/[^/]+$/);
  await expect(page.getByTestId("sync-not-allowed")).toHaveText("Read-only: pushing is off.");

  await page.getByTestId("review-push").click();
  const panel = page.getByTestId("push-panel");
  await expect(panel.getByTestId("push-not-allowed")).toContainText("PIPEWRIGHT_READ_ONLY=1");
  await expect(panel.getByTestId("push-submit")).toBeDisabled();

  await page.goto(`${origin}/pipelines/${name}/settings`);
  await expect(page.getByTestId("delete-not-allowed")).toContainText("read-only");
  await expect(page.getByTestId("delete-confirm")).toBeDisabled();
  await expect(page.getByTestId("delete-pipeline")).toBeDisabled();
  expect((await getLive(name)).version).toBe(1);
});

test("read-only: overriding a stage condition is refused when its server action is called directly, not through the UI", async ({ request }) => {
  const action = builtActions().find((a) => a.name === "app/pipelines/[name]/actions.ts#overrideStageCondition");
  expect(action, "the build has the override action").toBeDefined();
  // A well-formed execution id: the read-only guard answers before anything is looked up.
  const input = { pipelineName: name, stageName: "Build", executionId: "0b4d1f6e-0000-4000-8000-000000000001", conditionType: "BEFORE_ENTRY" };
  const answer = await callAction(request, origin, action!, input);
  expect({ http: answer.http, status: answer.status }).toEqual({ http: 200, status: "read-only" });
});
