import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, test } from "./fixtures";

/**
 * No serious or critical axe-core finding (WCAG 2.1 A and AA) on any page, nor in the editor in
 * the states people spend their time in: a template open, a node selected, a dialog open.
 */

const TEMPLATE = "codecommit-codebuild-approval-cloudformation";

const DROPPED = JSON.stringify({
  name: "dropped",
  roleArn: "arn:aws:iam::123456789012:role/pipeline",
  artifactStore: { type: "S3", location: "artifacts" },
  stages: [
    { name: "Source", actions: [{ name: "Get", actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" }, configuration: { S3Bucket: "b", S3ObjectKey: "k" }, outputArtifacts: [{ name: "Out" }] }] },
    { name: "Build", actions: [{ name: "Make", actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" }, configuration: { ProjectName: "p" }, inputArtifacts: [{ name: "Out" }] }] },
  ],
});

for (const path of ["/", "/pipelines", "/designer", "/check", "/rules"]) {
  test(`${path} has no serious accessibility finding`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoSeriousA11yViolations(page);
  });
}

async function openTemplate(page: Page): Promise<void> {
  await page.goto("/designer");
  await page.locator(`[data-testid=new-from-template][data-template="${TEMPLATE}"]`).click();
  await page.waitForURL(/\/designer\/[^/]+$/);
  await expect(page.getByTestId("action-node").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("problem-counts")).toBeVisible();
}

test.describe("the editor", () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  // axe-core walks the whole editor (palette, canvas, inspector) once per check: seconds each on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("with a template open", async ({ page }) => {
    await openTemplate(page);
    await expectNoSeriousA11yViolations(page);
  });

  test("with an action selected, and with a stage selected", async ({ page }) => {
    await openTemplate(page);
    await page.getByTestId("action-node").first().click();
    await expect(page.getByTestId("inspector")).toBeVisible();
    await expect(page.getByTestId("delete-selection")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId("stage-header").nth(1).click();
    await expect(page.getByTestId("delete-selection")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("with the export dialog open", async ({ page }) => {
    await openTemplate(page);
    await page.getByTestId("export").click();
    await expect(page.getByTestId("export-text")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("with the replace-draft dialog open", async ({ page }) => {
    await openTemplate(page);
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "dropped.json"));
      return transfer;
    }, DROPPED);
    await page.getByTestId("canvas").dispatchEvent("drop", { dataTransfer });
    await expect(page.getByTestId("replace-dialog")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("with the keyboard shortcuts open", async ({ page }) => {
    await openTemplate(page);
    await page.getByTestId("shortcuts-button").click();
    await expect(page.getByTestId("shortcuts")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
