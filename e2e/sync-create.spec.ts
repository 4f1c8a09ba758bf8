import { GetPipelineCommand, ListTagsForResourceCommand } from "@aws-sdk/client-codepipeline";
import { expect, test } from "./fixtures";
import { codepipeline, getLive, openReview, pushFromPanel, removePipelines, uniqueName } from "./sync-support";

// Real pushes on a busy machine: more time than a page check.
test.describe.configure({ timeout: 120_000 });

const TEMPLATE = "s3-lambda";
const name = uniqueName("sync-create");

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await removePipelines(page, [name]);
  await page.close();
});

test("create: template → edit → push with tags → listed, GetPipeline returns the design; the name is then in use", async ({ page, designer, designerStart }) => {
  await designerStart.fromTemplate(TEMPLATE);
  await designer.pipelineName.fill(name);
  await designer.pipelineName.press("Enter");
  await expect(page.getByTestId("sync-base")).toHaveText(`${name} · not yet pushed`);
  await expect(page.getByTestId("sync-state")).toHaveText("Draft only");
  const designed = await designer.exportDeclaration();

  await openReview(page);
  const panel = page.getByTestId("push-panel");
  await expect(panel.getByTestId("push-target")).toHaveText(`Create "${name}" on Local emulator / us-east-1`);
  await panel.getByTestId("tag-add").click();
  await panel.getByTestId("tag-key").fill("team");
  await panel.getByTestId("tag-value").fill("payments");
  await pushFromPanel(page);
  await expect(page.getByTestId("push-toast")).toContainText(`Created "${name}" (version 1).`);
  await expect(page.getByTestId("sync-base")).toHaveText(`${name} · v1 on Local emulator / us-east-1`);
  await expect(page.getByTestId("sync-state")).toHaveText("Up to date with the live pipeline");

  const live = await getLive(name);
  expect(live.stages!.map((s) => [s.name, s.actions!.map((a) => a.name)])).toEqual(designed.stages.map((s) => [s.name, s.actions.map((a) => a.name)]));
  expect(live.roleArn).toBe(designed.roleArn);
  const arn = (await codepipeline.send(new GetPipelineCommand({ name }))).metadata!.pipelineArn!;
  expect((await codepipeline.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual([{ key: "team", value: "payments" }]);

  await page.goto("/pipelines");
  await expect(page.locator(`[data-testid=pipeline-row][data-name="${name}"]`)).toBeVisible();

  // Another new design with the same name: the name is in use, and the existing one opens instead.
  await designerStart.fromTemplate(TEMPLATE);
  await designer.pipelineName.fill(name);
  await designer.pipelineName.press("Enter");
  await page.getByTestId("review-push").click();
  const answer = page.getByTestId("push-answer");
  await expect(answer).toHaveAttribute("data-status", "name-in-use");
  await expect(answer).toContainText(`A pipeline named "${name}" already exists in us-east-1.`);
  const before = page.url();
  await answer.getByTestId("open-existing").click();
  await expect.poll(() => page.url()).not.toBe(before);
  await expect(page.getByTestId("sync-base")).toHaveText(`${name} · v1 on Local emulator / us-east-1`);
});
