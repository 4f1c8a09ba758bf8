import { expect, test } from "./fixtures";

test.describe("check a pipeline in the browser", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/check");
  });

  test("a valid example has no problems and converts to CloudFormation", async ({ page }) => {
    await page.getByLabel("Load an example").selectOption("valid-declaration");
    await expect(page.getByTestId("detected-form")).toContainText("Pipeline declaration (JSON) · 1 pipeline");
    await expect(page.getByText("No problems found")).toBeVisible();
    await page.getByLabel("Convert web-app to").selectOption("cloudformation-yaml");
    await expect(page.getByLabel("Converted document")).toHaveValue(/Type: AWS::CodePipeline::Pipeline/);
  });

  test("a template with a late artifact shows the rule, the path and the fix", async ({ page }) => {
    await page.getByLabel("Load an example").selectOption("broken-template");
    await expect(page.getByTestId("detected-form")).toContainText("CloudFormation template (YAML)");
    const finding = page.locator('[data-testid="diagnostic"][data-code="ART004b"]');
    await expect(finding).toContainText("stages[1].actions[0].inputArtifacts[0].name");
    await expect(finding).toContainText("produced only in a later stage");
    await expect(page.locator('[data-testid="diagnostic"][data-code="PW002"]').first()).toContainText("CloudFormation reference");
  });

  test("a syntax error names the position and jumps to it", async ({ page }) => {
    await page.getByLabel("Pipeline document").fill('{\n  "name": "web",\n  "stages": [,]\n}');
    const alert = page.getByRole("alert").filter({ hasText: "not valid" });
    await expect(alert).toContainText("not valid JSON or YAML");
    await alert.getByRole("button", { name: /Go to line 3/ }).click();
    await expect(page.getByLabel("Pipeline document")).toBeFocused();
  });

  test("a file can be opened, and markup in names is shown as text", async ({ page }) => {
    const doc = {
      name: "<img src=x onerror=alert(1)>",
      roleArn: "arn:aws:iam::123456789012:role/r",
      artifactStore: { type: "S3", location: "bucket-name" },
      stages: [{ name: "<script>alert(1)</script>", actions: [] }],
      pipelineType: "V2",
    };
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.getByTestId("file-input").setInputFiles({
      name: "evil.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(doc)),
    });
    await expect(page.getByRole("heading", { name: "<img src=x onerror=alert(1)>" })).toBeVisible();
    await expect(page.locator('[data-testid="diagnostic"][data-code="STG001"]')).toContainText("<script>alert(1)</script>");
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(dialogs).toBe(0);
  });
});
