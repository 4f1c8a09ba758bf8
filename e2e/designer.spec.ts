import { expect, test, type Locator, type Page } from "@playwright/test";

/**
 * The canvas editor end to end: drag and drop with the mouse, the same edits with the keyboard
 * only, undo/redo, autosave and reload, import/export, and that names are rendered as text.
 * Every test also asserts that the page logged no console error.
 */

type Stage = { name: string; actions: { name: string; runOrder: number; actionTypeId: { provider: string } }[] };

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

const stageNodes = (page: Page) => page.getByTestId("stage-node");
const stage = (page: Page, name: string) => stageNodes(page).filter({ has: page.getByTestId("stage-name").getByText(name, { exact: true }) });
const paletteItem = (page: Page, category: string, provider: string) =>
  page.locator(`[data-testid=palette-item][data-category="${category}"][data-provider="${provider}"]`);
/** Action nodes are React Flow siblings of their stage node, not DOM children: match by stage id. */
async function actionsIn(page: Page, stageNode: Locator): Promise<Locator> {
  const id = await stageNode.getAttribute("data-stage-id");
  return page.locator(`[data-testid=action-node][data-stage="${id}"]`);
}
const zone = (scope: Locator, kind: "join" | "insert", index: number) =>
  scope.locator(`[data-testid=drop-zone][data-kind=${kind}][data-index="${index}"]`);

async function newBlankDesign(page: Page) {
  await page.goto("/designer");
  await page.getByTestId("new-blank").click();
  await page.waitForURL(/\/designer\/[^/]+$/);
  await expect(stageNodes(page)).toHaveCount(2);
}

async function fitView(page: Page) {
  await page.locator(".react-flow__controls-fitview").click();
  await page.waitForTimeout(150);
}

/** Drags with the real mouse: down on the source, a few moves, up over the target's centre. */
async function drag(page: Page, source: Locator, target: Locator, offset?: { x: number; y: number }) {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + Math.min(from.height / 2, 20));
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 10, { steps: 3 });
  const x = offset ? to.x + offset.x : to.x + to.width / 2;
  const y = offset ? to.y + offset.y : to.y + to.height / 2;
  await page.mouse.move(x, y, { steps: 12 });
  await expect(page.getByTestId("drag-ghost")).toBeVisible();
  await page.mouse.up();
  await expect(page.getByTestId("drag-ghost")).toHaveCount(0);
}

async function exportedDeclaration(page: Page): Promise<{ name: string; stages: Stage[] } & Record<string, unknown>> {
  await page.getByTestId("export").click();
  await page.getByTestId("export-form-declaration").click();
  const text = await page.getByTestId("export-text").inputValue();
  await page.getByTestId("export-close").click();
  return JSON.parse(text);
}

function shape(stages: Stage[]): string[] {
  return stages.map((s) => `${s.name}: ${s.actions.map((a) => `${a.actionTypeId.provider}@${a.runOrder}`).join(" ")}`);
}

test.describe("designer", () => {
  test.use({ viewport: { width: 1680, height: 1000 } });

  test("build a pipeline by dragging from the palette; parallel, sequential, across stages, stage order", async ({ page }) => {
    await newBlankDesign(page);
    await page.getByTestId("add-stage").click();
    await expect(stageNodes(page)).toHaveCount(3);
    await fitView(page);

    const [source, build, third] = [stageNodes(page).nth(0), stageNodes(page).nth(1), stageNodes(page).nth(2)];
    await drag(page, paletteItem(page, "Source", "S3"), zone(source, "insert", 0));
    await drag(page, paletteItem(page, "Build", "CodeBuild"), zone(build, "insert", 0));
    await drag(page, paletteItem(page, "Deploy", "CloudFormation"), zone(third, "insert", 0));
    await expect(page.getByTestId("action-node")).toHaveCount(3);

    // A second CodeBuild onto the first one's group: parallel.
    await fitView(page);
    await drag(page, paletteItem(page, "Test", "CodeBuild"), zone(build, "join", 0));
    await expect(build.getByTestId("action-count")).toHaveText("2 actions");
    let declaration = await exportedDeclaration(page);
    expect(shape(declaration.stages).slice(0, 2)).toEqual(["Source: S3@1", "Build: CodeBuild@1 CodeBuild@1"]);

    // The drop zone highlights where the item lands.
    await fitView(page);
    const second = (await actionsIn(page, build)).nth(1);
    await expect(second).toContainText("CodeBuild");
    const target = zone(build, "insert", 1);
    {
      const from = (await second.boundingBox())!;
      const to = (await target.boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + 20);
      await page.mouse.down();
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
      await expect(target).toHaveAttribute("data-active", "true");
      await page.mouse.up();
    }
    declaration = await exportedDeclaration(page);
    expect(shape(declaration.stages)[1]).toBe("Build: CodeBuild@1 CodeBuild@2");

    // Move the second build action across stages, before the deploy action.
    await fitView(page);
    await drag(page, (await actionsIn(page, build)).nth(1), zone(third, "insert", 0));
    declaration = await exportedDeclaration(page);
    expect(shape(declaration.stages)).toEqual(["Source: S3@1", "Build: CodeBuild@1", "Stage-3: CodeBuild@1 CloudFormation@2".replace("Stage-3", declaration.stages[2]!.name)]);

    // Reorder stages: drag the third stage's header onto the upper half of the second (stages run top to bottom).
    await fitView(page);
    const thirdName = declaration.stages[2]!.name;
    const buildBox = (await build.boundingBox())!;
    await drag(page, third.getByTestId("stage-header"), build, { x: buildBox.width / 2, y: buildBox.height * 0.2 });
    declaration = await exportedDeclaration(page);
    expect(declaration.stages.map((s) => s.name)).toEqual(["Source", thirdName, "Build"]);
  });

  test("the same edits with the keyboard only", async ({ page }) => {
    await newBlankDesign(page);
    await page.getByTestId("add-stage").focus();
    await page.keyboard.press("Enter");
    await expect(stageNodes(page)).toHaveCount(3);

    // Select the Source stage, then add S3 from the palette with Enter.
    await stage(page, "Source").getByTestId("stage-header").focus();
    await paletteItem(page, "Source", "S3").focus();
    await page.keyboard.press("Enter");
    await stage(page, "Build").getByTestId("stage-header").focus();
    await paletteItem(page, "Build", "CodeBuild").focus();
    await page.keyboard.press("Enter"); // Build: CodeBuild@1 (selected now)
    await page.keyboard.press("Enter"); // a new last group of the selected action's stage: CodeBuild@2
    let declaration = await exportedDeclaration(page);
    expect(shape(declaration.stages).slice(0, 2)).toEqual(["Source: S3@1", "Build: CodeBuild@1 CodeBuild@2"]);

    // Tab reaches the nodes; focus selects.
    const lastBuild = (await actionsIn(page, stage(page, "Build"))).nth(1);
    await lastBuild.focus();
    await page.keyboard.press("Alt+ArrowUp"); // join the previous group: parallel
    declaration = await exportedDeclaration(page);
    expect(shape(declaration.stages)[1]).toBe("Build: CodeBuild@1 CodeBuild@1");

    await (await actionsIn(page, stage(page, "Build"))).nth(1).focus();
    await page.keyboard.press("Alt+Shift+ArrowDown"); // own group after: sequential
    declaration = await exportedDeclaration(page);
    expect(shape(declaration.stages)[1]).toBe("Build: CodeBuild@1 CodeBuild@2");

    await (await actionsIn(page, stage(page, "Build"))).nth(1).focus();
    await page.keyboard.press("Alt+ArrowRight"); // to the next stage, keeping its runOrder (it fits there)
    declaration = await exportedDeclaration(page);
    expect(shape(declaration.stages).slice(1)).toEqual(["Build: CodeBuild@1", `${declaration.stages[2]!.name}: CodeBuild@2`]);

    // Stage reorder with Alt+Left on the selected third stage.
    const thirdName = declaration.stages[2]!.name;
    await stageNodes(page).nth(2).getByTestId("stage-header").focus();
    await page.keyboard.press("Alt+ArrowLeft");
    declaration = await exportedDeclaration(page);
    expect(declaration.stages.map((s) => s.name)).toEqual(["Source", thirdName, "Build"]);

    // Tab moves from a stage header to its first action.
    await stage(page, "Source").getByTestId("stage-header").focus();
    await page.keyboard.press("Tab");
    await expect((await actionsIn(page, stage(page, "Source")))).toBeFocused();

    // Duplicate, delete, copy/paste.
    await page.keyboard.press("Control+d");
    await expect((await actionsIn(page, stage(page, "Source")))).toHaveCount(2);
    await page.keyboard.press("Delete");
    await expect((await actionsIn(page, stage(page, "Source")))).toHaveCount(1);
    await (await actionsIn(page, stage(page, "Source"))).focus();
    await page.keyboard.press("Control+c");
    await page.keyboard.press("Control+v");
    await expect((await actionsIn(page, stage(page, "Source")))).toHaveCount(2);
  });

  test("fix a validation problem by clicking it in the problems panel; badges follow", async ({ page }) => {
    await newBlankDesign(page);
    const roleProblem = page.locator('[data-testid=problem][data-diagnostic-path="roleArn"]');
    await expect(roleProblem).toHaveCount(1);
    await roleProblem.click();
    await expect(page.locator(":focus")).toHaveAttribute("data-path", /roleArn/);
    // Focus moved away, the same problem clicked again: its field is focused again.
    await page.getByTestId("pipeline-name").focus();
    await roleProblem.click();
    await expect(page.locator(":focus")).toHaveAttribute("data-path", /roleArn/);
    const field = page.locator(":focus");
    await expect(field).toBeEditable();
    await field.fill("arn:aws:iam::123456789012:role/pipeline-role");
    await expect(roleProblem).toHaveCount(0);

    // An action missing its configuration carries an error badge, selected from its problem.
    await fitView(page);
    await drag(page, paletteItem(page, "Build", "CodeBuild"), zone(stageNodes(page).nth(1), "insert", 0));
    const action = page.getByTestId("action-node");
    await expect(action.getByTestId("badge")).toBeVisible();
    const errorsBefore = Number(await action.getByTestId("badge").getAttribute("data-errors"));
    await page.locator('[data-testid=problem][data-code="CFG002"]').first().click();
    await expect(action).toHaveAttribute("aria-pressed", "true");
    await page.locator(":focus").fill("my-project");
    await expect
      .poll(async () => Number((await action.getByTestId("badge").getAttribute("data-errors")) ?? 0))
      .toBeLessThan(errorsBefore);
  });

  test("a stage collapses and expands; the shortcuts are documented", async ({ page }) => {
    await newBlankDesign(page);
    await fitView(page);
    await drag(page, paletteItem(page, "Source", "S3"), zone(stageNodes(page).nth(0), "insert", 0));
    await expect(page.getByTestId("action-node")).toHaveCount(1);
    await stageNodes(page).nth(0).getByTestId("collapse-toggle").click();
    await expect(page.getByTestId("action-node")).toHaveCount(0);
    await expect(stageNodes(page).nth(0)).toContainText("1 action hidden");
    await stageNodes(page).nth(0).getByTestId("collapse-toggle").click();
    await expect(page.getByTestId("action-node")).toHaveCount(1);
    await page.getByTestId("shortcuts-button").click();
    await expect(page.getByTestId("shortcuts")).toContainText("Alt+Shift+↑");
  });

  test("dragging near the canvas edge pans it", async ({ page }) => {
    await newBlankDesign(page);
    const canvas = (await page.getByTestId("canvas").boundingBox())!;
    const transform = () => page.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform);
    const before = await transform();
    const item = (await paletteItem(page, "Build", "CodeBuild").boundingBox())!;
    await page.mouse.move(item.x + 20, item.y + 10);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2, { steps: 8 });
    await page.mouse.move(canvas.x + canvas.width - 20, canvas.y + canvas.height / 2, { steps: 4 });
    await page.waitForTimeout(800);
    expect(await transform()).not.toBe(before);
    await page.keyboard.press("Escape"); // cancels the drag: nothing is added
    await page.mouse.up();
    await expect(page.getByTestId("action-node")).toHaveCount(0);
  });

  test("undo and redo, by button and keys", async ({ page }) => {
    await newBlankDesign(page);
    await fitView(page);
    await drag(page, paletteItem(page, "Source", "S3"), zone(stageNodes(page).nth(0), "insert", 0));
    await drag(page, paletteItem(page, "Build", "CodeBuild"), zone(stageNodes(page).nth(1), "insert", 0));
    await expect(page.getByTestId("action-node")).toHaveCount(2);
    await page.getByTestId("undo").click();
    await expect(page.getByTestId("action-node")).toHaveCount(1);
    await page.getByTestId("redo").click();
    await expect(page.getByTestId("action-node")).toHaveCount(2);
    await page.getByTestId("action-node").first().focus();
    await page.keyboard.press("Control+z");
    await expect(page.getByTestId("action-node")).toHaveCount(1);
    await page.keyboard.press("Control+Shift+z");
    await expect(page.getByTestId("action-node")).toHaveCount(2);

    // The toolbar's duplicate/delete act on the selection, one undo step each.
    await page.getByTestId("action-node").first().click();
    await page.getByTestId("duplicate-selection").click();
    await expect(page.getByTestId("action-node")).toHaveCount(3);
    await page.getByTestId("delete-selection").click();
    await expect(page.getByTestId("action-node")).toHaveCount(2);
    await page.getByTestId("undo").click();
    await expect(page.getByTestId("action-node")).toHaveCount(3);
  });

  test("a reload restores the draft, which is listed on the start page", async ({ page }) => {
    await newBlankDesign(page);
    await fitView(page);
    await drag(page, paletteItem(page, "Source", "S3"), zone(stageNodes(page).nth(0), "insert", 0));
    await page.getByTestId("pipeline-name").fill("reloaded-pipeline");
    await page.getByTestId("pipeline-name").press("Enter");
    await page.reload();
    await expect(page.getByTestId("action-node")).toHaveCount(1);
    await expect(page.getByTestId("pipeline-name")).toHaveValue("reloaded-pipeline");
    await page.goto("/designer");
    await expect(page.getByTestId("draft-item").filter({ hasText: "reloaded-pipeline" })).toHaveCount(1);
  });

  test("the pipeline region drives region rules and is kept with the draft", async ({ page }) => {
    await page.goto("/designer");
    await page.locator('[data-testid=new-from-template][data-template="github-codebuild-ecs"]').click();
    await page.waitForURL(/\/designer\/[^/]+$/);
    await expect(page.getByTestId("problem-counts")).toContainText("0 errors · 0 warnings");
    // CodeConnections is not offered in ap-east-1 (ACT006): the same design now warns.
    await page.getByLabel("Pipeline region").selectOption("ap-east-1");
    await expect(page.locator('[data-testid=problem][data-code="ACT006"]')).toHaveCount(1);
    await page.reload();
    await expect(page.getByLabel("Pipeline region")).toHaveValue("ap-east-1");
    await expect(page.locator('[data-testid=problem][data-code="ACT006"]')).toHaveCount(1);
  });

  test("a corrupt stored draft is reported, not a crash", async ({ page }) => {
    await page.goto("/designer");
    await page.evaluate(() => localStorage.setItem("pipewright:draft:broken", "{not json"));
    await page.reload();
    await expect(page.getByTestId("corrupt-drafts")).toContainText("pipewright:draft:broken");
    await page.goto("/designer/broken");
    await expect(page.getByTestId("draft-error")).toBeVisible();
  });

  test("a newer autosave from another tab is offered", async ({ page, context }) => {
    await newBlankDesign(page);
    const url = page.url();
    const other = await context.newPage();
    await other.goto(url);
    await expect(other.getByTestId("stage-node")).toHaveCount(2);
    await other.getByTestId("add-stage").click();
    await expect(page.getByTestId("restore-banner")).toBeVisible();
    await page.getByTestId("restore-newer").click();
    await expect(stageNodes(page)).toHaveCount(3);
    await other.close();
  });

  test("import a CloudFormation template, then export the declaration", async ({ page }) => {
    await page.goto("/designer");
    await page.getByTestId("import-text").fill(CFN_TEMPLATE);
    await page.getByTestId("import-submit").click();
    await page.waitForURL(/\/designer\/[^/]+$/);
    await expect(page.getByTestId("action-node")).toHaveCount(2);
    expect(await exportedDeclaration(page)).toEqual(CFN_EXPECTED);
  });

  test("names containing HTML or script render as text", async ({ page }) => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const script = "<script>window.__pwned=2</script>";
    await page.goto("/designer");
    await page.getByTestId("import-text").fill(
      JSON.stringify({
        name: "html-names",
        roleArn: "arn:aws:iam::123456789012:role/r",
        artifactStore: { type: "S3", location: "b" },
        stages: [
          { name: script, actions: [{ name: evil, actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" }, runOrder: 1 }] },
          { name: "Build", actions: [] },
        ],
      }),
    );
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("action-name")).toHaveText(evil);
    await expect(page.getByTestId("stage-name").first()).toHaveText(script);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator(".react-flow img")).toHaveCount(0);
  });
});

const CFN_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: imported-pipeline
      RoleArn: arn:aws:iam::123456789012:role/pipeline-role
      ArtifactStore:
        Type: S3
        Location: my-artifact-bucket
      Stages:
        - Name: Source
          Actions:
            - Name: Fetch
              ActionTypeId: { Category: Source, Owner: AWS, Provider: S3, Version: "1" }
              Configuration: { S3Bucket: my-source-bucket, S3ObjectKey: app.zip, PollForSourceChanges: false }
              OutputArtifacts: [{ Name: SourceOutput }]
              RunOrder: 1
        - Name: Build
          Actions:
            - Name: Compile
              ActionTypeId: { Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1" }
              Configuration: { ProjectName: my-project }
              InputArtifacts: [{ Name: SourceOutput }]
              OutputArtifacts: [{ Name: BuildOutput }]
              RunOrder: 1
`;

const CFN_EXPECTED = {
  name: "imported-pipeline",
  roleArn: "arn:aws:iam::123456789012:role/pipeline-role",
  artifactStore: { type: "S3", location: "my-artifact-bucket" },
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Fetch",
          actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
          runOrder: 1,
          // CloudFormation's own conversion: a boolean in a string member becomes a string.
          configuration: { S3Bucket: "my-source-bucket", S3ObjectKey: "app.zip", PollForSourceChanges: "false" },
          outputArtifacts: [{ name: "SourceOutput" }],
        },
      ],
    },
    {
      name: "Build",
      actions: [
        {
          name: "Compile",
          actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
          runOrder: 1,
          configuration: { ProjectName: "my-project" },
          inputArtifacts: [{ name: "SourceOutput" }],
          outputArtifacts: [{ name: "BuildOutput" }],
        },
      ],
    },
  ],
};
