import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Clicking a problem focuses the field its path names, for the problems that used to leave the
 * focus on the problem (PIPE011, PIPE014, STG003) or land on an unrelated field (STORE001 on the
 * pipeline name, TRIG007 on the trigger's source action). Every path the validator reports is
 * covered by components/designer/inspector/focus-paths.test.tsx; this checks the browser focuses it.
 */

const type = (category: string, provider: string) => ({ category, owner: "AWS", provider, version: "1" });
const s3Source = (name: string) => ({
  name,
  actionTypeId: type("Source", "S3"),
  runOrder: 1,
  configuration: { S3Bucket: "b", S3ObjectKey: "k.zip", PollForSourceChanges: "false" },
  outputArtifacts: [{ name: `${name}Out` }],
});
const build = { name: "Compile", actionTypeId: type("Build", "CodeBuild"), runOrder: 1, configuration: { ProjectName: "p" }, inputArtifacts: [{ name: "FetchOut" }] };
const base = { name: "focus", roleArn: "arn:aws:iam::123456789012:role/pipeline", artifactStore: { type: "S3", location: "bucket" } };

async function open(page: Page, declaration: object) {
  await page.goto("/designer");
  await page.getByTestId("import-text").fill(JSON.stringify(declaration));
  await page.getByTestId("import-submit").click();
  await page.waitForURL(/\/designer\/[^/]+$/);
  await expect(page.getByTestId("inspector")).toBeVisible();
}

async function clickProblem(page: Page, code: string) {
  const problem = page.locator(`[data-testid=problem][data-code="${code}"]`).first();
  await expect(problem).toBeVisible();
  await problem.click();
}

test.describe("a problem focuses its field", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("PIPE011: too few stages → adding a stage", async ({ page }) => {
    await open(page, { ...base, stages: [{ name: "Source", actions: [s3Source("Fetch")] }] });
    await clickProblem(page, "PIPE011");
    const add = page.getByTestId("inspector").getByRole("button", { name: "Add stage" });
    await expect(add).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("stage-node")).toHaveCount(2);
    await expect(page.locator('[data-testid=problem][data-code="PIPE011"]')).toHaveCount(0);
  });

  test("PIPE014: only source actions → the stage list", async ({ page }) => {
    await open(page, { ...base, stages: [{ name: "Source", actions: [s3Source("Fetch")] }, { name: "More", actions: [s3Source("Again")] }] });
    await clickProblem(page, "PIPE014");
    await expect(page.getByTestId("inspector").getByRole("button", { name: "Add stage" })).toBeFocused();
  });

  test("STG003: a stage without actions → adding an action to that stage", async ({ page }) => {
    await open(page, { ...base, stages: [{ name: "Source", actions: [s3Source("Fetch")] }, { name: "Build", actions: [build] }, { name: "Empty", actions: [] }] });
    await clickProblem(page, "STG003");
    const add = page.getByTestId("inspector").getByLabel("Add an action");
    await expect(add).toBeFocused();
    await add.selectOption({ label: "Manual" });
    await expect(page.locator('[data-testid=problem][data-code="STG003"]')).toHaveCount(0);
  });

  test("STORE001: no artifact store → the artifact storage choice, not the pipeline name", async ({ page }) => {
    const { artifactStore: _, ...noStore } = base;
    await open(page, { ...noStore, stages: [{ name: "Source", actions: [s3Source("Fetch")] }, { name: "Build", actions: [build] }] });
    await clickProblem(page, "STORE001");
    await expect(page.getByTestId("inspector").getByLabel("Artifact storage")).toBeFocused();
  });

  test("TRIG007: too many push filters → that filter list, not the source action", async ({ page }) => {
    const source = {
      name: "Checkout",
      actionTypeId: type("Source", "CodeStarSourceConnection"),
      runOrder: 1,
      configuration: {
        ConnectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/0f8e2d6c-1a2b-4c3d-9e8f-0123456789ab",
        FullRepositoryId: "acme/web",
        BranchName: "main",
      },
      outputArtifacts: [{ name: "FetchOut" }],
    };
    const push = [1, 2, 3, 4].map((n) => ({ branches: { includes: [`release-${n}`] } }));
    await open(page, {
      ...base,
      pipelineType: "V2",
      stages: [{ name: "Source", actions: [source] }, { name: "Build", actions: [build] }],
      triggers: [{ providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: "Checkout", push } }],
    });
    await clickProblem(page, "TRIG007");
    await expect(page.locator(":focus")).toHaveAttribute("data-path", "triggers[0].gitConfiguration.push[0].branches.includes");
  });
});
