import { expect, test } from "./fixtures";
import type { ExportedAction } from "./pages/designer";

/**
 * The inspector and the problems panel of the designer: fixing a problem from the panel,
 * catalog-driven configuration fields, input artifacts limited to earlier producers,
 * variable-reference completion, stage and pipeline settings, the V2 pricing warning.
 */

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

/** Opens SAMPLE in the designer; its actions are then selected by focus, as the keyboard does (no dependence on scrolling). */
test.beforeEach(async ({ designerStart, designer }) => {
  await designerStart.importText(JSON.stringify(SAMPLE));
  await expect(designer.inspector).toBeVisible();
});

const configurationOf = (action: unknown) => (action as ExportedAction).configuration as Record<string, unknown>;

test.describe("designer inspector", () => {
  test.use({ viewport: { width: 1680, height: 1000 } });

  test("clicking a problem selects the action and focuses the field; fixing it clears the problem", async ({ designer }) => {
    const problem = designer.problems.filter({ hasText: "Missing" });
    await expect(problem).toHaveAttribute("data-severity", "error");
    await expect(problem).toContainText("Build / Test");
    await problem.click();
    const select = designer.inspector.getByLabel("Input artifact 1", { exact: true });
    await expect(select).toBeFocused();
    // Only artifacts of actions that run earlier are offered.
    await expect(select.locator("option:not([disabled])")).toHaveText(["Missing (not produced earlier)", "SourceArtifact", "BuildArtifact"]);
    await select.selectOption("BuildArtifact");
    await expect(designer.problems.filter({ hasText: "Missing" })).toHaveCount(0);
    const declaration = await designer.exportDeclaration();
    expect(declaration.stages[1]!.actions[1]!.inputArtifacts).toEqual([{ name: "BuildArtifact" }]);
  });

  test("configuration form from the catalog: required marks, booleans, JSON with parse errors, unknown keys", async ({ designer }) => {
    await designer.action("Compile").focus();
    const panel = designer.inspector;
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
    let configuration = configurationOf((await designer.exportDeclaration()).stages[1]!.actions[0]);
    expect(configuration).toMatchObject({ BatchEnabled: "true", EnvironmentVariables: '[{"name": "A", "value": "1"}]', Extra: "x" });
    await panel.getByRole("button", { name: "Remove Extra" }).click();
    configuration = configurationOf((await designer.exportDeclaration()).stages[1]!.actions[0]);
    expect(configuration).not.toHaveProperty("Extra");
  });

  test("the action settings load on first selection; one selected meanwhile replaces the first", async ({ page, designer }) => {
    // The action settings load on first selection: hold that code back, so the second selection
    // comes while the first one's settings are still loading.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await page.route("**/_next/static/chunks/**", async (route) => {
      await held;
      await route.continue();
    });
    await designer.action("Compile").focus();
    await expect(designer.inspector.getByText("Loading the settings…")).toBeVisible();
    await designer.action("Test").focus();
    release();
    const name = designer.inspector.getByLabel("Action name");
    await expect(name).toHaveValue("Test");
    await expect(designer.inspector.getByTestId("action-inspector")).toHaveCount(1);
    await name.fill("Tested");
    await expect(designer.action("Tested")).toBeVisible();
    await expect(designer.actionNodes.filter({ hasText: "Compile" })).toHaveCount(1);
  });

  test("variable references complete from earlier namespaces", async ({ page, designer }) => {
    await designer.action("Test").focus();
    const field = designer.inspector.getByLabel("ProjectName", { exact: true });
    await field.fill("");
    await field.pressSequentially("t-#{Sou");
    await expect(page.getByRole("option", { name: /SourceVariables/ })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("option", { name: /VersionId/ })).toBeVisible();
    await page.getByRole("option", { name: /VersionId/ }).click();
    await expect(field).toHaveValue("t-#{SourceVariables.VersionId}");
  });

  test("stage on-failure retry and pipeline variables with the V2 warning", async ({ page, designer }) => {
    await designer.stageHeader(designer.stage("Build")).focus();
    const panel = designer.inspector;
    await expect(panel.getByLabel("Stage name")).toHaveValue("Build");
    await panel.getByLabel("On failure result").selectOption("RETRY");
    await panel.getByLabel("Retry mode").selectOption("ALL_ACTIONS");
    await expect(designer.control("v2-warning")).toBeVisible();
    let declaration = await designer.exportDeclaration();
    expect(declaration.stages[1]!.onFailure).toEqual({ result: "RETRY", retryConfiguration: { retryMode: "ALL_ACTIONS" } });

    // Escape on the canvas selects the pipeline.
    await designer.stageHeader(designer.stageNodes.first()).focus();
    await page.keyboard.press("Escape");
    await expect(panel.getByLabel("Pipeline name")).toHaveValue("inspected");
    await panel.getByLabel("Pipeline type").selectOption("V2");
    await panel.getByRole("button", { name: "Add variable" }).click();
    await panel.getByLabel("Variable 1 name").fill("env");
    await panel.getByLabel("Variable 1 default value").fill("dev");
    declaration = await designer.exportDeclaration();
    expect(declaration.pipelineType).toBe("V2");
    expect(declaration.variables).toEqual([{ name: "env", defaultValue: "dev" }]);
  });
});
