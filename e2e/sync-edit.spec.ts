import { expectNoSeriousA11yViolations } from "./axe";
import { expect, test } from "./fixtures";
import { createLive, getLive, openFromList, openReview, pushFromPanel, removePipelines, twoStepPipeline, uniqueName } from "./sync-support";

// Real pushes on a busy machine: more time than a page check.
test.describe.configure({ timeout: 120_000 });

const name = uniqueName("sync-edit");

test.beforeAll(async () => {
  await createLive(twoStepPipeline(name));
});
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await removePipelines(page, [name]);
  await page.close();
});

test("edit a live pipeline: the diff shows exactly the move into a parallel group, the push makes version 2", async ({ page, designer }) => {
  await openFromList(page, name);
  await expect(page.getByTestId("sync-base")).toHaveText(`${name} · v1 on Local emulator / us-east-1`);
  await expect(page.getByTestId("sync-state")).toHaveText("Up to date with the live pipeline");

  // Test joins Compile's group (the keyboard alternative to dragging): the two run in parallel.
  await designer.action("Test").focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(page.getByTestId("sync-state")).toHaveText("Unpushed changes");

  await openReview(page);
  const panel = page.getByTestId("push-panel");
  await expect(page.getByRole("dialog", { name: "Review & push" })).toBeVisible();
  await expect(panel.getByTestId("push-target")).toHaveText(`Update "${name}" (version 1) on Local emulator / us-east-1`);
  await expect(panel.getByTestId("change")).toHaveCount(1);
  await expect(panel.getByTestId("change-title")).toHaveText('Action "Test" moved within stage "Build"');
  await expect(panel.getByTestId("change-detail")).toHaveText("group 2 of 2, on its own → group 1 of 1, in parallel with Compile");
  // The panel is checked on its own: the canvas behind it belongs to the designer's own specs.
  await expectNoSeriousA11yViolations(page, { include: "[data-testid=push-panel]" });

  await pushFromPanel(page);
  const toast = page.getByTestId("push-toast");
  await expect(toast).toContainText(`Pushed "${name}": version 2.`);
  await expect(toast.getByTestId("push-toast-link")).toHaveAttribute("href", `/pipelines/${name}`);
  await expect(panel).toHaveCount(0);
  // The base moved to the version pushed.
  await expect(page.getByTestId("sync-base")).toHaveText(`${name} · v2 on Local emulator / us-east-1`);
  await expect(page.getByTestId("sync-state")).toHaveText("Up to date with the live pipeline");

  const live = await getLive(name);
  expect(live.version).toBe(2);
  expect(live.stages![1]!.actions!.map((a) => [a.name, a.runOrder])).toEqual([
    ["Compile", 1],
    ["Test", 1],
  ]);

  // The base is kept with the draft: it is still there after a reload.
  await page.reload();
  await expect(page.getByTestId("sync-base")).toHaveText(`${name} · v2 on Local emulator / us-east-1`);
});
