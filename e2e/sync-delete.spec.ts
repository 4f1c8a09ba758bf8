import { GetPipelineCommand } from "@aws-sdk/client-codepipeline";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, test } from "./fixtures";
import { codepipeline, createLive, removePipelines, twoStepPipeline, uniqueName } from "./sync-support";

// Real pushes on a busy machine: more time than a page check.
test.describe.configure({ timeout: 120_000 });

const name = uniqueName("sync-delete");

test.beforeAll(async () => {
  await createLive(twoStepPipeline(name));
});
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await removePipelines(page, [name]);
  await page.close();
});

test("delete from the pipeline's settings after typing its name; back on the list with a notice", async ({ page }) => {
  await page.goto(`/pipelines/${name}/settings`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Settings of ${name}`);
  const remove = page.getByTestId("delete-pipeline");
  await expect(remove).toBeDisabled();
  await page.getByTestId("delete-confirm").fill(name.slice(0, -1));
  await expect(remove).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
  await page.getByTestId("delete-confirm").fill(name);
  await remove.click();

  await expect(page).toHaveURL(new RegExp(`/pipelines\\?deleted=${name}$`));
  await expect(page.getByTestId("deleted-notice")).toHaveText(`Deleted “${name}” and its execution history.`);
  await expect(page.locator(`[data-testid=pipeline-row][data-name="${name}"]`)).toHaveCount(0);
  await expect(codepipeline.send(new GetPipelineCommand({ name }))).rejects.toMatchObject({ name: "PipelineNotFoundException" });
});
