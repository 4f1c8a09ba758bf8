import { expect, test, type Page } from "@playwright/test";

/**
 * The inspector and the problems panel of the designer: fixing a problem from the panel,
 * catalog-driven configuration fields, input artifacts limited to earlier producers,
 * variable-reference completion, stage and pipeline settings, the V2 pricing warning.
 */

let consoleErrors: string[] = [];
test.beforeEach(async ({ page }) => {
  consoleErrors = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
});
test.afterEach(() => {
  expect(consoleErrors, "console errors").toEqual([]);
});

const codeBuild = { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" };
const SAMPLE = {
  pipeline: {
    name: "inspected",
    roleArn: "arn:aws:iam::123456789012:role/pipeline",
    artifactStore: { type: "S3", location: "my-bucket" },
    pipelineType: "V1",
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Fetch",
            actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
            runOrder: 1,
            configuration: { S3Bucket: "b", S3ObjectKey: "k.zip", PollForSourceChanges: "false" },
            outputArtifacts: [{ name: "SourceArtifact" }],
            namespace: "SourceVariables",
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Compile",
            actionTypeId: codeBuild,
            runOrder: 1,
            configuration: { ProjectName: "compile-#{SourceVariables.VersionId}" },
            inputArtifacts: [{ name: "SourceArtifact" }],
            outputArtifacts: [{ name: "BuildArtifact" }],
          },
          { name: "Test", actionTypeId: codeBuild, runOrder: 2, configuration: { ProjectName: "test" }, inputArtifacts: [{ name: "Missing" }] },
        ],
      },
    ],
  },
};

async function openSample(page: Page) {
  await page.goto("/designer");
  await page.getByTestId("import-text").fill(JSON.stringify(SAMPLE));
  await page.getByTestId("import-submit").click();
  await page.waitForURL(/\/designer\/[^/]+$/);
  await expect(page.getByTestId("inspector")).toBeVisible();
}

async function exported(page: Page): Promise<Record<string, unknown> & { stages: Record<string, unknown>[] }> {
  await page.getByTestId("export").click();
  await page.getByTestId("export-form-declaration").click();
  const text = await page.getByTestId("export-text").inputValue();
  await page.getByTestId("export-close").click();
  return JSON.parse(text);
}

const actionNode = (page: Page, name: string) => page.locator("[data-testid=action-node]").filter({ hasText: name }).first();
/** Selecting by focus, as the keyboard does: no dependence on where the canvas is scrolled. */
const selectAction = (page: Page, name: string) => actionNode(page, name).focus();
const inspector = (page: Page) => page.getByTestId("inspector");

test.describe("designer inspector", () => {
  test.use({ viewport: { width: 1680, height: 1000 } });

  test("clicking a problem selects the action and focuses the field; fixing it clears the problem", async ({ page }) => {
    await openSample(page);
    const problem = page.getByTestId("problem").filter({ hasText: "Missing" });
    await expect(problem).toHaveAttribute("data-severity", "error");
    await expect(problem).toContainText("Build / Test");
    await problem.click();
    const select = inspector(page).getByLabel("Input artifact 1", { exact: true });
    await expect(select).toBeFocused();
    // Only artifacts of actions that run earlier are offered.
    await expect(select.locator("option:not([disabled])")).toHaveText(["Missing (not produced earlier)", "SourceArtifact", "BuildArtifact"]);
    await select.selectOption("BuildArtifact");
    await expect(page.getByTestId("problem").filter({ hasText: "Missing" })).toHaveCount(0);
    const declaration = await exported(page);
    const test = (declaration.stages[1]!.actions as Record<string, unknown>[])[1]!;
    expect(test.inputArtifacts).toEqual([{ name: "BuildArtifact" }]);
  });

  test("configuration form from the catalog: required marks, booleans, JSON with parse errors, unknown keys", async ({ page }) => {
    await openSample(page);
    await selectAction(page, "Compile");
    const panel = inspector(page);
    await expect(panel.getByLabel("Action name")).toHaveValue("Compile");
    await expect(panel.getByLabel("Provider", { exact: true })).toContainText("Build · AWS · CodeBuild · version 1");
    await expect(panel.getByLabel("ProjectName", { exact: true })).toHaveAttribute("aria-required", "true");
    await expect(panel.getByLabel("Input artifact 1", { exact: true }).locator("option")).toHaveText(["SourceArtifact"]);
    await panel.getByLabel("BatchEnabled", { exact: true }).selectOption("true");
    const env = panel.getByLabel("EnvironmentVariables", { exact: true });
    await env.fill('[{"name": "A"');
    await expect(panel.getByTestId("json-error")).toBeVisible();
    await env.fill('[{"name": "A", "value": "1"}]');
    await expect(panel.getByTestId("json-error")).toHaveCount(0);
    await panel.getByLabel("New configuration key", { exact: true }).fill("Extra");
    await panel.getByRole("button", { name: "Add configuration key" }).click();
    await panel.getByLabel("Extra", { exact: true }).fill("x");
    let configuration = ((await exported(page)).stages[1]!.actions as Record<string, Record<string, unknown>>[])[0]!.configuration;
    expect(configuration).toMatchObject({ BatchEnabled: "true", EnvironmentVariables: '[{"name": "A", "value": "1"}]', Extra: "x" });
    await panel.getByRole("button", { name: "Remove Extra" }).click();
    configuration = ((await exported(page)).stages[1]!.actions as Record<string, Record<string, unknown>>[])[0]!.configuration;
    expect(configuration).not.toHaveProperty("Extra");
  });

  test("variable references complete from earlier namespaces", async ({ page }) => {
    await openSample(page);
    await selectAction(page, "Test");
    const field = inspector(page).getByLabel("ProjectName", { exact: true });
    await field.fill("");
    await field.pressSequentially("t-#{Sou");
    await expect(page.getByRole("option", { name: /SourceVariables/ })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("option", { name: /VersionId/ })).toBeVisible();
    await page.getByRole("option", { name: /VersionId/ }).click();
    await expect(field).toHaveValue("t-#{SourceVariables.VersionId}");
  });

  test("stage on-failure retry and pipeline variables with the V2 warning", async ({ page }) => {
    await openSample(page);
    await page.getByTestId("stage-node").filter({ has: page.getByTestId("stage-name").getByText("Build", { exact: true }) }).getByTestId("stage-header").focus();
    const panel = inspector(page);
    await expect(panel.getByLabel("Stage name")).toHaveValue("Build");
    await panel.getByLabel("On failure result").selectOption("RETRY");
    await panel.getByLabel("Retry mode").selectOption("ALL_ACTIONS");
    await expect(page.getByTestId("v2-warning")).toBeVisible();
    let declaration = await exported(page);
    expect(declaration.stages[1]!.onFailure).toEqual({ result: "RETRY", retryConfiguration: { retryMode: "ALL_ACTIONS" } });

    // Escape on the canvas selects the pipeline.
    await page.getByTestId("stage-header").first().focus();
    await page.keyboard.press("Escape");
    await expect(panel.getByLabel("Pipeline name")).toHaveValue("inspected");
    await panel.getByLabel("Pipeline type").selectOption("V2");
    await panel.getByRole("button", { name: "Add variable" }).click();
    await panel.getByLabel("Variable 1 name").fill("env");
    await panel.getByLabel("Variable 1 default value").fill("dev");
    declaration = await exported(page);
    expect(declaration.pipelineType).toBe("V2");
    expect(declaration.variables).toEqual([{ name: "env", defaultValue: "dev" }]);
  });
});
