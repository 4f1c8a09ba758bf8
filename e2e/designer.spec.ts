import { expect, test } from "./fixtures";
import { DesignerPage, shape } from "./pages/designer";

/**
 * The canvas editor end to end: drag and drop with the mouse, the same edits with the keyboard
 * only, undo/redo, autosave and reload, import/export, and that names are rendered as text.
 * Every test also asserts that the page logged no console error (the shared fixture).
 */

test.describe("designer", () => {
  test.use({ viewport: { width: 1680, height: 1000 } });

  test("build a pipeline by dragging from the palette; parallel, sequential, across stages, stage order", async ({ page, designerStart, designer }) => {
    await designerStart.newBlank();
    await designer.control("add-stage").click();
    await expect(designer.stageNodes).toHaveCount(3);
    await designer.fitView();

    const [source, build, third] = [designer.stageNodes.nth(0), designer.stageNodes.nth(1), designer.stageNodes.nth(2)];
    await designer.drag(designer.paletteItem("Source", "S3"), designer.zone(source, "insert", 0));
    await designer.drag(designer.paletteItem("Build", "CodeBuild"), designer.zone(build, "insert", 0));
    await designer.drag(designer.paletteItem("Deploy", "CloudFormation"), designer.zone(third, "insert", 0));
    await expect(designer.actionNodes).toHaveCount(3);

    // A second CodeBuild onto the first one's group: parallel.
    await designer.fitView();
    await designer.drag(designer.paletteItem("Test", "CodeBuild"), designer.zone(build, "join", 0));
    await expect(build.getByTestId("action-count")).toHaveText("2 actions");
    let declaration = await designer.exportDeclaration();
    expect(shape(declaration.stages).slice(0, 2)).toEqual(["Source: S3@1", "Build: CodeBuild@1 CodeBuild@1"]);

    // The drop zone highlights where the item lands.
    await designer.fitView();
    const second = (await designer.actionsIn(build)).nth(1);
    await expect(second).toContainText("CodeBuild");
    const target = designer.zone(build, "insert", 1);
    {
      const from = (await second.boundingBox())!;
      const to = (await target.boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + 20);
      await page.mouse.down();
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
      await expect(target).toHaveAttribute("data-active", "true");
      await page.mouse.up();
    }
    declaration = await designer.exportDeclaration();
    expect(shape(declaration.stages)[1]).toBe("Build: CodeBuild@1 CodeBuild@2");

    // Move the second build action across stages, before the deploy action.
    await designer.fitView();
    await designer.drag((await designer.actionsIn(build)).nth(1), designer.zone(third, "insert", 0));
    declaration = await designer.exportDeclaration();
    expect(shape(declaration.stages)).toEqual(["Source: S3@1", "Build: CodeBuild@1", `${declaration.stages[2]!.name}: CodeBuild@1 CloudFormation@2`]);

    // Reorder stages: drag the third stage's header onto the upper half of the second (stages run top to bottom).
    await designer.fitView();
    const thirdName = declaration.stages[2]!.name;
    const buildBox = (await build.boundingBox())!;
    await designer.drag(designer.stageHeader(third), build, { x: buildBox.width / 2, y: buildBox.height * 0.2 });
    declaration = await designer.exportDeclaration();
    expect(declaration.stages.map((s) => s.name)).toEqual(["Source", thirdName, "Build"]);
  });

  test("the same edits with the keyboard only", async ({ page, designerStart, designer }) => {
    await designerStart.newBlank();
    await designer.control("add-stage").focus();
    await page.keyboard.press("Enter");
    await expect(designer.stageNodes).toHaveCount(3);
    const actionsOf = (name: string) => designer.actionsIn(designer.stage(name));

    // Select the Source stage, then add S3 from the palette with Enter.
    await designer.stageHeader(designer.stage("Source")).focus();
    await designer.paletteItem("Source", "S3").focus();
    await page.keyboard.press("Enter");
    await designer.stageHeader(designer.stage("Build")).focus();
    await designer.paletteItem("Build", "CodeBuild").focus();
    await page.keyboard.press("Enter"); // Build: CodeBuild@1 (selected now)
    await page.keyboard.press("Enter"); // a new last group of the selected action's stage: CodeBuild@2
    let declaration = await designer.exportDeclaration();
    expect(shape(declaration.stages).slice(0, 2)).toEqual(["Source: S3@1", "Build: CodeBuild@1 CodeBuild@2"]);

    // Tab reaches the nodes; focus selects.
    await (await actionsOf("Build")).nth(1).focus();
    await page.keyboard.press("Alt+ArrowUp"); // join the previous group: parallel
    declaration = await designer.exportDeclaration();
    expect(shape(declaration.stages)[1]).toBe("Build: CodeBuild@1 CodeBuild@1");

    await (await actionsOf("Build")).nth(1).focus();
    await page.keyboard.press("Alt+Shift+ArrowDown"); // own group after: sequential
    declaration = await designer.exportDeclaration();
    expect(shape(declaration.stages)[1]).toBe("Build: CodeBuild@1 CodeBuild@2");

    await (await actionsOf("Build")).nth(1).focus();
    await page.keyboard.press("Alt+ArrowRight"); // to the next stage, keeping its runOrder (it fits there)
    declaration = await designer.exportDeclaration();
    expect(shape(declaration.stages).slice(1)).toEqual(["Build: CodeBuild@1", `${declaration.stages[2]!.name}: CodeBuild@2`]);

    // Stage reorder with Alt+Left on the selected third stage.
    const thirdName = declaration.stages[2]!.name;
    await designer.stageHeader(designer.stageNodes.nth(2)).focus();
    await page.keyboard.press("Alt+ArrowLeft");
    declaration = await designer.exportDeclaration();
    expect(declaration.stages.map((s) => s.name)).toEqual(["Source", thirdName, "Build"]);

    // Tab moves from a stage header to its first action.
    await designer.stageHeader(designer.stage("Source")).focus();
    await page.keyboard.press("Tab");
    await expect(await actionsOf("Source")).toBeFocused();

    // Duplicate, delete, copy/paste.
    await page.keyboard.press("Control+d");
    await expect(await actionsOf("Source")).toHaveCount(2);
    await page.keyboard.press("Delete");
    await expect(await actionsOf("Source")).toHaveCount(1);
    await (await actionsOf("Source")).focus();
    await page.keyboard.press("Control+c");
    await page.keyboard.press("Control+v");
    await expect(await actionsOf("Source")).toHaveCount(2);
  });

  test("fix a validation problem by clicking it in the problems panel; badges follow", async ({ page, designerStart, designer }) => {
    await designerStart.newBlank();
    const roleProblem = designer.problemAt("roleArn");
    await expect(roleProblem).toHaveCount(1);
    await roleProblem.click();
    await expect(page.locator(":focus")).toHaveAttribute("data-path", /roleArn/);
    // Focus moved away, the same problem clicked again: its field is focused again.
    await designer.pipelineName.focus();
    await roleProblem.click();
    await expect(page.locator(":focus")).toHaveAttribute("data-path", /roleArn/);
    const field = page.locator(":focus");
    await expect(field).toBeEditable();
    await field.fill("arn:aws:iam::123456789012:role/pipeline-role");
    await expect(roleProblem).toHaveCount(0);

    // An action missing its configuration carries an error badge, selected from its problem.
    await designer.fitView();
    await designer.drag(designer.paletteItem("Build", "CodeBuild"), designer.zone(designer.stageNodes.nth(1), "insert", 0));
    const action = designer.actionNodes;
    await expect(action.getByTestId("badge")).toBeVisible();
    const errorsBefore = Number(await action.getByTestId("badge").getAttribute("data-errors"));
    await designer.problem("CFG002").first().click();
    await expect(action).toHaveAttribute("aria-pressed", "true");
    await page.locator(":focus").fill("my-project");
    await expect
      .poll(async () => Number((await action.getByTestId("badge").getAttribute("data-errors")) ?? 0))
      .toBeLessThan(errorsBefore);
  });

  test("a stage collapses and expands; the shortcuts are documented", async ({ designerStart, designer }) => {
    await designerStart.newBlank();
    await designer.fitView();
    const first = designer.stageNodes.nth(0);
    await designer.drag(designer.paletteItem("Source", "S3"), designer.zone(first, "insert", 0));
    await expect(designer.actionNodes).toHaveCount(1);
    await first.getByTestId("collapse-toggle").click();
    await expect(designer.actionNodes).toHaveCount(0);
    await expect(first).toContainText("1 action hidden");
    await first.getByTestId("collapse-toggle").click();
    await expect(designer.actionNodes).toHaveCount(1);
    await designer.control("shortcuts-button").click();
    await expect(designer.control("shortcuts")).toContainText("Alt+Shift+↑");
  });

  test("dragging near the canvas edge pans it", async ({ page, designerStart, designer }) => {
    await designerStart.newBlank();
    const canvas = (await designer.canvas.boundingBox())!;
    const before = await designer.viewportTransform();
    const item = (await designer.paletteItem("Build", "CodeBuild").boundingBox())!;
    await page.mouse.move(item.x + 20, item.y + 10);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2, { steps: 8 });
    await page.mouse.move(canvas.x + canvas.width - 20, canvas.y + canvas.height / 2, { steps: 4 });
    // Held near the edge, the canvas scrolls on its own.
    await expect.poll(() => designer.viewportTransform(), { message: "the canvas pans" }).not.toBe(before);
    await page.keyboard.press("Escape"); // cancels the drag: nothing is added
    await page.mouse.up();
    await expect(designer.actionNodes).toHaveCount(0);
  });

  test("undo and redo, by button and keys", async ({ page, designerStart, designer }) => {
    await designerStart.newBlank();
    await designer.fitView();
    await designer.drag(designer.paletteItem("Source", "S3"), designer.zone(designer.stageNodes.nth(0), "insert", 0));
    await designer.drag(designer.paletteItem("Build", "CodeBuild"), designer.zone(designer.stageNodes.nth(1), "insert", 0));
    await expect(designer.actionNodes).toHaveCount(2);
    await designer.control("undo").click();
    await expect(designer.actionNodes).toHaveCount(1);
    await designer.control("redo").click();
    await expect(designer.actionNodes).toHaveCount(2);
    await designer.actionNodes.first().focus();
    await page.keyboard.press("Control+z");
    await expect(designer.actionNodes).toHaveCount(1);
    await page.keyboard.press("Control+Shift+z");
    await expect(designer.actionNodes).toHaveCount(2);

    // The toolbar's duplicate/delete act on the selection, one undo step each.
    await designer.actionNodes.first().click();
    await designer.control("duplicate-selection").click();
    await expect(designer.actionNodes).toHaveCount(3);
    await designer.control("delete-selection").click();
    await expect(designer.actionNodes).toHaveCount(2);
    await designer.control("undo").click();
    await expect(designer.actionNodes).toHaveCount(3);
  });

  test("a reload restores the draft, which is listed on the start page", async ({ page, designerStart, designer }) => {
    await designerStart.newBlank();
    await designer.fitView();
    await designer.drag(designer.paletteItem("Source", "S3"), designer.zone(designer.stageNodes.nth(0), "insert", 0));
    await designer.pipelineName.fill("reloaded-pipeline");
    await designer.pipelineName.press("Enter");
    await page.reload();
    await expect(designer.actionNodes).toHaveCount(1);
    await expect(designer.pipelineName).toHaveValue("reloaded-pipeline");
    await designerStart.goto();
    await expect(designerStart.draft("reloaded-pipeline")).toHaveCount(1);
  });

  test("the pipeline region drives region rules and is kept with the draft", async ({ page, designerStart, designer }) => {
    await designerStart.fromTemplate("github-codebuild-ecs");
    await expect(designer.problemCounts).toContainText("0 errors · 0 warnings");
    // CodeConnections is not offered in ap-east-1 (ACT006): the same design now warns.
    await designer.region.selectOption("ap-east-1");
    await expect(designer.problem("ACT006")).toHaveCount(1);
    await page.reload();
    await expect(designer.region).toHaveValue("ap-east-1");
    await expect(designer.problem("ACT006")).toHaveCount(1);
  });

  test("a corrupt stored draft is reported, not a crash", async ({ page, designerStart, designer }) => {
    await designerStart.goto();
    await page.evaluate(() => localStorage.setItem("pipewright:draft:broken", "{not json"));
    await page.reload();
    await expect(designerStart.corruptDrafts).toContainText("pipewright:draft:broken");
    await designer.open("broken");
    await expect(designer.control("draft-error")).toBeVisible();
  });

  test("a newer autosave from another tab is taken when this tab changed nothing", async ({ page, context, designerStart, designer }) => {
    await designerStart.newBlank();
    const other = new DesignerPage(await context.newPage());
    await other.page.goto(page.url());
    await expect(other.stageNodes).toHaveCount(2);
    await other.control("add-stage").click();
    await expect(designer.stageNodes).toHaveCount(3);
    await expect(designer.control("tab-sync-notice")).toBeVisible();
    await other.page.close();
  });

  test("import a CloudFormation template, then export the declaration", async ({ designerStart, designer }) => {
    await designerStart.importText(CFN_TEMPLATE);
    await expect(designer.actionNodes).toHaveCount(2);
    expect(await designer.exportDeclaration()).toEqual(CFN_EXPECTED);
  });

  test("names containing HTML or script render as text", async ({ page, designerStart }) => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const script = "<script>window.__pwned=2</script>";
    await designerStart.importText(
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
