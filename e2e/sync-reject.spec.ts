import { expect, test } from "./fixtures";
import { control, createLive, getLive, openFromList, openReview, pushFromPanel, removePipelines, twoStepPipeline, uniqueName } from "./sync-support";

// Real pushes on a busy machine: more time than a page check.
test.describe.configure({ timeout: 120_000 });

const name = uniqueName("sync-reject");
const AWS_MESSAGE =
  "1 validation error detected: Value at 'pipeline.stages.2.member.actions.1.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+";

test.beforeAll(async () => {
  await createLive(twoStepPipeline(name));
});
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await removePipelines(page, [name]);
  await page.close();
});

test("a push CodePipeline rejects shows AWS's message on the field it names; the draft and the pipeline stay as they were", async ({ page, designer }) => {
  await openFromList(page, name);
  await designer.action("Test").focus();
  const project = designer.inspector.getByLabel("ProjectName", { exact: true });
  await project.fill("renamed-test");
  await project.blur();
  const draft = await designer.exportDeclaration();

  await openReview(page);
  const rejected = await control("/reject-next", { message: AWS_MESSAGE, exception: "InvalidActionDeclarationException" });
  expect(rejected.status).toBe(200);
  await pushFromPanel(page);

  // pipeline.stages.2.member.actions.1.member.name is the second stage's first action's name: Compile.
  await expect(page.getByTestId("push-panel")).toHaveCount(0);
  await expect(designer.inspector.getByLabel("Action name")).toBeFocused();
  await expect(designer.inspector.getByLabel("Action name")).toHaveValue("Compile");
  await expect(designer.inspector.getByTestId("field-diagnostics").filter({ hasText: "CodePipeline 1 validation error detected" })).toContainText(
    "Value at 'pipeline.stages.2.member.actions.1.member.name' failed to satisfy constraint",
  );
  await expect(designer.problem("CodePipeline")).toHaveAttribute("data-diagnostic-path", "stages[1].actions[0].name");

  expect(await designer.exportDeclaration()).toEqual(draft);
  await expect(page.getByTestId("sync-state")).toHaveText("Unpushed changes");
  expect((await getLive(name)).version).toBe(1);
});
