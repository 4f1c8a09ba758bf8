import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createLive, getLive, openFromList, openReview, pushFromPanel, removePipelines, twoStepPipeline, uniqueName, updateWithCli } from "./sync-support";
import type { DesignerPage } from "./pages/designer";

// Real pushes on a busy machine: more time than a page check.
test.describe.configure({ timeout: 120_000 });

const names: string[] = [];

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await removePipelines(page, names);
  await page.close();
});

/** A pipeline of the spec's own, open in the designer. */
async function openNew(page: Page, prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  names.push(name);
  await createLive(twoStepPipeline(name));
  await openFromList(page, name);
  return name;
}

async function setProjectName(designer: DesignerPage, action: string, value: string): Promise<void> {
  await designer.action(action).focus();
  const field = designer.inspector.getByLabel("ProjectName", { exact: true });
  await field.fill(value);
  await field.blur();
  await expect(designer.page.getByTestId("sync-state")).toHaveText("Unpushed changes");
}

/** The review is open on version 1 when someone else pushes version 2: the push is refused. */
async function pushRefused(page: Page, name: string, change: Parameters<typeof updateWithCli>[1]): Promise<void> {
  await openReview(page);
  expect(updateWithCli(name, change)).toBe(2);
  await pushFromPanel(page);
  await expect(page.getByTestId("conflict-message")).toHaveText(
    `"${name}" is at version 2 now; this draft is based on version 1. Review the other change, merge it, or overwrite it.`,
  );
  await expect(page.getByTestId("push-toast")).toHaveCount(0);
}

test("changed meanwhile with the AWS CLI: refused, their change reviewed, merged by itself, pushed with both", async ({ page, designer }) => {
  const name = await openNew(page, "sync-merge");
  await setProjectName(designer, "Test", "mine-test");
  await pushRefused(page, name, (p) => {
    p.stages![1]!.actions![0]!.configuration!.ProjectName = "theirs-compile";
  });

  // Their change: base → live.
  const panel = page.getByTestId("push-panel");
  await expect(panel.getByTestId("their-changes").getByTestId("change-title")).toHaveText(["Build / Compile: configuration.ProjectName changed"]);
  await expect(panel.getByTestId("their-changes").getByTestId("change-after")).toHaveText("theirs-compile");

  await panel.getByTestId("conflict-merge").click();
  await expect(panel.getByTestId("merge-summary")).toContainText("merge by themselves");
  await panel.getByTestId("merge-apply").click();
  // Now based on version 2, the review shows only what the draft adds to it.
  await expect(page.getByTestId("sync-base")).toContainText("v2 on Local emulator / us-east-1");
  await expect(panel.getByTestId("change-title")).toHaveText(["Build / Test: configuration.ProjectName changed"]);
  await pushFromPanel(page);
  await expect(page.getByTestId("push-toast")).toContainText("version 3");

  const live = await getLive(name);
  expect(live.version).toBe(3);
  expect(live.stages![1]!.actions!.map((a) => a.configuration!.ProjectName)).toEqual(["theirs-compile", "mine-test"]);
});

test("the same field changed on both sides is chosen field by field", async ({ page, designer }) => {
  const name = await openNew(page, "sync-choose");
  await setProjectName(designer, "Compile", "mine-compile");
  await pushRefused(page, name, (p) => {
    p.stages![1]!.actions![0]!.configuration!.ProjectName = "theirs-compile";
  });

  const panel = page.getByTestId("push-panel");
  await panel.getByTestId("conflict-merge").click();
  const conflict = panel.getByTestId("merge-conflict");
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText("Build / Compile: configuration.ProjectName changed");
  await expect(conflict.getByTestId("merge-mine-value")).toHaveText("mine-compile");
  await expect(conflict.getByTestId("merge-theirs-value")).toHaveText("theirs-compile");
  await expect(panel.getByTestId("merge-apply")).toBeDisabled();
  await conflict.getByTestId("merge-choose-mine").check();
  await panel.getByTestId("merge-apply").click();
  await expect(page.getByTestId("sync-base")).toContainText("v2 on Local emulator / us-east-1");
  await expect(panel.getByTestId("change-after")).toHaveText("mine-compile");
  await pushFromPanel(page);
  await expect(page.getByTestId("push-toast")).toContainText("version 3");
  expect((await getLive(name)).stages![1]!.actions![0]!.configuration!.ProjectName).toBe("mine-compile");
});

test("overwrite after typing the pipeline's name", async ({ page, designer }) => {
  const name = await openNew(page, "sync-overwrite");
  await setProjectName(designer, "Compile", "mine-compile");
  await pushRefused(page, name, (p) => {
    p.stages![1]!.actions![1]!.configuration!.ProjectName = "theirs-test";
  });
  const panel = page.getByTestId("push-panel");
  await panel.getByTestId("conflict-overwrite").click();
  await expect(panel.getByTestId("overwrite-push")).toBeDisabled();
  for (const box of await panel.getByTestId("acknowledge-warning").all()) await box.check();
  await panel.getByTestId("overwrite-confirm").fill(name);
  await panel.getByTestId("overwrite-push").click();
  await expect(page.getByTestId("push-toast")).toContainText("version 3");
  const live = await getLive(name);
  // Theirs is replaced: the draft as it was.
  expect(live.stages![1]!.actions!.map((a) => a.configuration!.ProjectName)).toEqual(["mine-compile", `${name}-test`]);
});
